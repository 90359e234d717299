#!/usr/bin/env python3
"""The real signatures of the functions Lectern's builtins mirror, and CPython's binding errors.

Run by hand with CPython 3.11 and numpy 2.4.6:

    python3 Scripts/make_signatures.py

writes two fixtures of Tests/NNLangTests/Fixtures:

- `signatures.tsv`: `module<TAB>name<TAB>(parameters)` for every public callable of numpy,
  numpy.random, numpy.linalg, builtins, math, random, statistics, itertools, functools, copy
  and time, and of the methods of numpy.ndarray, numpy.random.Generator, str, list, dict and tuple
  (with their `self`; CPython's methods without a signature, like `str.find`, are left out),
  as `str(inspect.signature(f))` prints it. numpy 2.4's ufuncs have signatures.
  C builtins without one (`int`, `zip`, `max`, `math.log`, `itertools.product`, …) get the
  parameter list their documentation gives, from DOCUMENTED below, and are marked `documented`.
- `binding.nn`: calls of Python functions with the same signatures as Lectern's binder tests,
  each with the `TypeError` CPython raises (the messages the binder must reproduce).
"""
import builtins
import copy
import functools
import importlib
import inspect
import itertools
import math
import os
import random
import statistics
import time

import numpy as np

MODULES = ["numpy", "numpy.random", "numpy.linalg", "builtins", "math", "random", "statistics", "itertools",
           "functools", "copy", "time"]

# C functions without __text_signature__, as the CPython 3.11 documentation lists their parameters.
DOCUMENTED = {
    ("builtins", "int"): "(x=0, /, base=10)",
    ("builtins", "zip"): "(*iterables, strict=False)",
    ("builtins", "max"): "(*args, key=None, default=<no value>)",
    ("builtins", "min"): "(*args, key=None, default=<no value>)",
    ("builtins", "range"): "(*args)",
    ("builtins", "map"): "(function, iterable, /, *iterables)",
    ("builtins", "filter"): "(function, iterable, /)",
    ("builtins", "iter"): "(object, sentinel=<no value>, /)",
    ("builtins", "next"): "(iterator, default=<no value>, /)",
    ("builtins", "getattr"): "(object, name, default=<no value>, /)",
    ("builtins", "str"): "(object='', /)",
    ("builtins", "bool"): "(x=False, /)",
    ("builtins", "type"): "(object, /)",
    ("builtins", "vars"): "(object=<no value>, /)",
    ("builtins", "dir"): "(object=<no value>, /)",
    ("builtins", "slice"): "(*args)",
    ("builtins", "set"): "(iterable=(), /)",
    ("builtins", "dict"): "(iterable=(), /, **kwargs)",
    ("builtins", "super"): "(*args)",
    ("builtins", "staticmethod"): "(function, /)",
    ("builtins", "classmethod"): "(function, /)",
    ("math", "log"): "(x, base=<no value>, /)",
    ("math", "hypot"): "(*coordinates)",
    ("functools", "reduce"): "(function, iterable, initial=<no value>, /)",
    ("time", "time"): "()",
    ("time", "perf_counter"): "()",
    ("time", "monotonic"): "()",
    ("time", "process_time"): "()",
    ("time", "sleep"): "(secs, /)",
    ("itertools", "product"): "(*iterables, repeat=1)",
    ("itertools", "zip_longest"): "(*iterables, fillvalue=None)",
    ("itertools", "chain"): "(*iterables)",
    ("itertools", "islice"): "(iterable, /, *args)",
    ("itertools", "repeat"): "(object, times=<no value>)",
    ("functools", "partial"): "(func, /, *args, **keywords)",
}


def signatures():
    rows = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in sorted(dir(module)):
            if name.startswith("_"):
                continue
            f = getattr(module, name)
            if not callable(f) or (isinstance(f, type) and issubclass(f, BaseException)):
                continue
            key = (module_name, name)
            if key in DOCUMENTED:
                rows.append(f"{module_name}\t{name}\t{DOCUMENTED[key]}\tdocumented")
                continue
            try:
                rows.append(f"{module_name}\t{name}\t{inspect.signature(f)}")
            except (TypeError, ValueError):
                pass
    classes = [("numpy.ndarray", np.ndarray), ("numpy.random.Generator", np.random.Generator), ("str", str), ("list", list),
               ("dict", dict), ("tuple", tuple)]
    for class_name, cls in classes:
        for name in sorted(dir(cls)):
            if name.startswith("_") or not callable(getattr(cls, name)):
                continue
            try:
                rows.append(f"{class_name}\t{name}\t{inspect.signature(getattr(cls, name))}")
            except (TypeError, ValueError):
                pass
    return rows


# (declaration, call) pairs: the binder's error cases, run here as Python functions.
BINDING = [
    ("f(a, b=1)", "f()"), ("f(a, b=1)", "f(1, 2, 3)"), ("f(a, b)", "f(1, 2, 3)"), ("f(a)", "f(1, 2)"),
    ("f()", "f(1)"), ("f(a, b, c)", "f()"), ("f(a, b, c)", "f(1)"), ("f(a, b, c, d)", "f()"),
    ("f(a, b=1)", "f(1, c=2)"), ("f(a, b=1)", "f(1, a=2)"), ("f(a, /, b=1)", "f(a=1)"), ("f(a, b, /)", "f(a=1, b=2)"),
    ("f(a, *, k)", "f(1)"), ("f(a, *, k, j)", "f(1)"), ("f(a, *, k=1)", "f(1, 2)"), ("f(a, *, k=1)", "f(1, 2, k=3)"),
    ("f(a, *args, k)", "f(1, 2)"), ("f(a, **kwargs)", "f(b=1)"), ("f(*args, sep=' ')", "f(1, end='')"),
    ("f(a, b=1, *, c=2)", "f(1, 2, 3, c=4)"), ("f(x, /, out=None, *, where=True)", "f(1, 2, 3)"),
]


def binding():
    out = ["# CPython's TypeError for each bad call; generated by Scripts/make_signatures.py. Do not edit."]
    for i, (declaration, call) in enumerate(BINDING):
        env = {}
        exec(f"def {declaration}: pass", env)
        try:
            eval(call, env)
            raise SystemExit(f"{call} did not fail")
        except TypeError as e:
            message = f"TypeError: {e}"
        if i:
            out.append("# ---")
        out += [declaration, call, f"# error: {message}"]
    return out


def main():
    here = os.path.join(os.path.dirname(__file__), "..", "Tests", "NNLangTests", "Fixtures")
    header = [f"# inspect.signature of the real functions (numpy {np.__version__}); generated by Scripts/make_signatures.py"]
    with open(os.path.join(here, "signatures.tsv"), "w") as f:
        f.write("\n".join(header + signatures()) + "\n")
    with open(os.path.join(here, "binding.nn"), "w") as f:
        f.write("\n".join(binding()) + "\n")


main()
