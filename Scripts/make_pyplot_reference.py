"""Runs each case of Tests/NNLangTests/Fixtures/pyplot.nn under CPython with matplotlib (Agg)
and writes what it printed to Tests/NNLangTests/Fixtures/pyplot.expected.json, the ground truth
of PyplotTests. Run by hand after changing the cases: python3 Scripts/make_pyplot_reference.py"""
import contextlib
import io
import json
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

source = open("Tests/NNLangTests/Fixtures/pyplot.nn").read()
cases = [c for c in source.split("# ---\n")]
printed = []
for case in cases:
    body = "\n".join(l for l in case.splitlines() if not l.startswith("#"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(body, {})
    plt.close("all")
    printed.append(out.getvalue())
json.dump({"matplotlib": matplotlib.__version__, "printed": printed}, open("Tests/NNLangTests/Fixtures/pyplot.expected.json", "w"), indent=1)
print(len(printed), "cases")
