#!/usr/bin/env python3
"""CPython's output for Lectern's differential fixtures (Tests/NNLangTests/Fixtures/python/).

Each `NAME.py` holds cases separated by lines `# ---`. Every case runs on its own, in a fresh
namespace, exactly as CPython 3.11 runs it; what it prints, plus `ExceptionType: message` if it
raises, is the case's expected text. The results go to `NAME.out` beside it, the cases again
separated by `# ---` lines. Run by hand when a fixture changes (CI has no Python):
    python3 Scripts/python_reference.py
The Swift test (PythonDifferentialTests) runs the same cases in Lectern and compares byte for byte.
"""
import contextlib
import io
import pathlib
import resource
import sys

assert sys.version_info[:2] == (3, 11), "the reference is CPython 3.11"

SEPARATOR = "# ---"
FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/NNLangTests/Fixtures/python"


def cases(text):
    """The cases of a fixture file, split at separator lines."""
    chunks, lines = [], []
    for line in text.split("\n"):
        if line == SEPARATOR:
            chunks.append("\n".join(lines))
            lines = []
        else:
            lines.append(line)
    chunks.append("\n".join(lines))
    return chunks


def run(source):
    """What one case prints under CPython, with a final `Type: message` line if it raises."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})
        except Exception as e:  # the case's expected error
            message = str(e)
            print(f"{type(e).__name__}: {message}" if message else type(e).__name__)
    return out.getvalue()


def main():
    # A case that would need gigabytes is CPython's MemoryError rather than a swapping machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    for path in sorted(FIXTURES.glob("*.py")):
        results = [run(c) for c in cases(path.read_text())]
        path.with_suffix(".out").write_text(("\n" + SEPARATOR + "\n").join(results))
        print(f"{path.name}: {len(results)} cases")


if __name__ == "__main__":
    main()
