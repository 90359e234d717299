#!/usr/bin/env python3
"""CPython's output for the language fixtures that must behave exactly as Python.

Run by hand (not in CI) with CPython 3.11 after editing Tests/NNLangTests/Fixtures/python.nn:
    python3 Scripts/python_fixtures.py > Tests/NNLangTests/Fixtures/python.expected.json
    python3 Scripts/python_fixtures.py fuzz > Tests/NNLangTests/Fixtures/fuzz.expected.json
    python3 Scripts/python_fixtures.py flow > Tests/NNLangTests/Fixtures/flow.expected.json

The fixture file holds programs separated by lines '# ---' (the leading comment lines of the
file describe it). Each program runs in a fresh namespace; what it prints is recorded, and
an uncaught exception as "TypeName: message", the form Lectern reports it in. IPython line
magics ('%matplotlib inline') are skipped, as IPython does. FixtureTests compares Lectern's
output with this byte for byte.
"""
import contextlib
import io
import json
import pathlib
import sys
import warnings

FIXTURES = pathlib.Path(__file__).parent.parent / "Tests/NNLangTests/Fixtures"


def cases(text):
    """The programs, split as FixtureCase.load splits them."""
    out, lines = [], []

    def flush():
        source = [l for l in lines if not l.startswith("# expect: ") and not l.startswith("# error: ")]
        while source and source[0].startswith("#") and not out:
            source.pop(0)
        if any(l for l in source):
            out.append("\n".join(source))

    for line in text.split("\n"):
        if line == "# ---":
            flush()
            lines = []
        else:
            lines.append(line)
    flush()
    return out


def run(source):
    program = "\n".join(l for l in source.split("\n") if not l.lstrip().startswith("%"))
    buffer = io.StringIO()
    error = None
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(program, "<case>", "exec"), {"__name__": "__main__"})
        except Exception as e:  # the uncaught exception is part of the expected behaviour
            text = str(e)
            error = type(e).__name__ + (": " + text if text else "")
    return {"stdout": buffer.getvalue(), "error": error}


def main():
    warnings.simplefilter("ignore")  # CPython's SyntaxWarnings about odd literals in random programs
    name = sys.argv[1] if len(sys.argv) > 1 else "python"
    results = [run(c) for c in cases((FIXTURES / (name + ".nn")).read_text())]
    json.dump({"python": sys.version.split()[0], "cases": results}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
