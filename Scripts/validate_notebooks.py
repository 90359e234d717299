#!/usr/bin/env python3
"""Validates Lectern's notebooks with Jupyter's own schema checker (nbformat.validate).

Checks every output/**/*.ipynb that `lectern render` wrote and one notebook made by
`lectern export` from a lecture, so both ways a student gets a notebook are covered.
Needs `pip install nbformat`; not run in CI (CI has no Python packages).

Usage: python3 Scripts/validate_notebooks.py [LECTERN-BINARY] [OUTPUT-FOLDER]
"""
import glob
import os
import subprocess
import sys
import tempfile

import nbformat

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
lectern = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build", "debug", "lectern")
output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "output")


def validate(path):
    """Returns None if the notebook is valid nbformat 4, else the first schema error."""
    try:
        notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        if notebook.nbformat != 4:
            return f"nbformat {notebook.nbformat}, expected 4"
        nbformat.validate(notebook)
    except Exception as error:  # a read error and a schema error both fail the file
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return None


paths = sorted(glob.glob(os.path.join(output, "**", "*.ipynb"), recursive=True))
if not paths:
    sys.exit(f"no notebooks in {output}: run 'lectern render' first")
lectures = sorted(glob.glob(os.path.join(root, "notebooks", "**", "*.md"), recursive=True))
with tempfile.TemporaryDirectory() as work:
    exported = os.path.join(work, "exported.ipynb")
    if lectures and os.path.exists(lectern):
        subprocess.run([lectern, "export", lectures[0], "--out", exported], check=True, capture_output=True)
        paths.append(exported)
    else:
        print(f"warning: no exported notebook checked ({lectern} or notebooks/ missing)", file=sys.stderr)
    failures = [(p, e) for p in paths if (e := validate(p)) is not None]
    for path, error in failures:
        print(f"{os.path.relpath(path, root) if path != exported else 'lectern export ' + os.path.relpath(lectures[0], root)}: {error}")
    print(f"{len(paths)} notebooks checked with nbformat {nbformat.__version__}, {len(failures)} invalid")
sys.exit(1 if failures else 0)
