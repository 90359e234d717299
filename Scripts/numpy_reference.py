#!/usr/bin/env python3
"""Writes Tests/NNLangTests/Fixtures/numpy.nn: numpy expressions with what numpy 2.x prints.

Each case is a small nn program; its `# expect:` lines are what real numpy prints for the
same program. Run with numpy 2.x: `python3 Scripts/numpy_reference.py`.
"""
import contextlib
import io
import itertools
import os

import numpy as np

rng = np.random.default_rng(20261122)
cases = []


def lit(a):
    """An nn expression that rebuilds array `a` exactly."""
    def items(x):
        if isinstance(x, list):
            return "[" + ", ".join(items(i) for i in x) + "]"
        if isinstance(x, float) and not np.isfinite(x):
            return "np.nan" if np.isnan(x) else ("np.inf" if x > 0 else "-np.inf")
        return repr(x)
    body = items(a.tolist())
    if a.dtype == np.bool_:
        return f"np.array({body})"
    if a.dtype == np.int64:
        return f"np.array({body})"
    if a.dtype == np.float32:
        return f"np.array({body}, dtype=np.float32)"
    return f"np.array({body}, dtype=float)"


def case(source):
    """Runs `source` with numpy and records its printed lines."""
    out = io.StringIO()
    env = {"np": np}
    with contextlib.redirect_stdout(out):
        exec("import numpy as np\n" + source, env)
    lines = out.getvalue().rstrip("\n").split("\n")
    cases.append("import numpy as np\n" + source + "\n" + "\n".join("# expect: " + l for l in lines))


def random_floats(shape, scale):
    kind = rng.integers(0, 6)
    a = rng.standard_normal(shape) * scale
    if kind == 1:
        a = np.round(a, int(rng.integers(0, 3)))
    elif kind == 2:
        a = a * 10.0 ** rng.integers(-6, 9, size=shape)
    elif kind == 3:
        a = np.floor(a)
    elif kind == 4 and a.size > 1:
        flat = a.reshape(-1)
        flat[rng.integers(0, a.size)] = [np.nan, np.inf, -np.inf, -0.0][rng.integers(0, 4)]
    return a


SHAPES = [(1,), (3,), (4,), (2, 3), (3, 1), (1, 4), (2, 2, 2), (5,), (2, 5)]

# Printing of random arrays: str and repr, float64, float32, int64 and bool.
for i in range(600):
    shape = SHAPES[i % len(SHAPES)]
    scale = [1, 0.01, 100, 1e5, 1e-3][i % 5]
    a = random_floats(shape, scale)
    case(f"a = {lit(a)}\nprint(a)\nprint(repr(a))")
for i in range(120):
    shape = SHAPES[i % len(SHAPES)]
    a = (rng.standard_normal(shape) * 10.0 ** rng.integers(-2, 4)).astype(np.float32)
    case(f"a = {lit(a)}\nprint(a)\nprint(repr(a))")
for i in range(40):
    shape = SHAPES[i % len(SHAPES)]
    a = rng.integers(-(10 ** int(rng.integers(1, 7))), 10 ** int(rng.integers(1, 7)), size=shape)
    case(f"a = {lit(a)}\nprint(a)\nprint(repr(a))")
for i in range(20):
    shape = SHAPES[i % len(SHAPES)]
    a = rng.integers(0, 2, size=shape).astype(bool)
    case(f"a = {lit(a)}\nprint(a)\nprint(repr(a))")
# Long arrays: wrapping at 75 columns and summarisation past 1000 elements.
for n in [20, 30, 1001, 2000]:
    case(f"a = np.arange({n})\nprint(a)\nprint(repr(a))\nprint(a * 0.5)\nprint(repr(a / 7))")
case("a = np.arange(2400).reshape(40, 60)\nprint(a)\nprint(repr(a.astype(float)))")
case("a = np.arange(24).reshape(2, 3, 4) / 3\nprint(a)\nprint(repr(a))")

# Broadcasting binary operators over small shape pairs and dtypes.
PAIRS = [((3,), (3,)), ((2, 3), (3,)), ((3, 1), (1, 4)), ((2, 1, 3), (4, 1)), ((1,), (2, 2)), ((2, 2), ()),
         ((), (3,)), ((4, 1), (4,)), ((1, 3), (2, 1)), ((2, 3, 1), (3, 4))]


def operand(shape, kind):
    if kind == "int":
        return rng.integers(-9, 10, size=shape)
    if kind == "bool":
        return rng.integers(0, 2, size=shape).astype(bool)
    return np.round(rng.standard_normal(shape) * 4, 2)


for (sa, sb), ka, kb in itertools.product(PAIRS, ["int", "float", "bool"], ["int", "float", "bool"]):
    a = operand(sa, ka)
    b = operand(sb, kb)
    lines = [f"a = {lit(a)}", f"b = {lit(b)}"]
    for op in ["+", "*", "-", "/", "//", "%", "**", "==", "<", "&"]:
        if op in "-" and ka == kb == "bool":
            continue
        if op == "&" and "float" in (ka, kb):
            continue
        if op in ("//", "%") and (ka == "bool" and kb == "bool"):
            continue
        if op in ("/", "//", "%") and not (b != 0).all():
            continue
        if op == "**" and (ka == "float" or kb != "int" or (b < 0).any() or ka == "bool"):
            continue
        lines.append(f"print(repr(a {op} b))")
    case("\n".join(lines))

# Python scalars with arrays (NEP 50) and ** with negatives.
for kind in ["int", "float", "bool"]:
    a = operand((4,), kind)
    lines = [f"a = {lit(a)}"]
    for s in ["2", "2.5", "-3", "True"]:
        for op in ["+", "*", "-", "/"]:
            if op == "-" and kind == "bool" and s == "True":
                continue
            lines.append(f"print(repr(a {op} {s}))")
            lines.append(f"print(repr({s} {op} a))")
    case("\n".join(lines))
case("a = np.array([7, -7, 6, -6])\nprint(repr(a // 4), repr(a % 4), repr(a // -4), repr(a % -4))\n"
     "print(repr(a ** 2), repr(2 ** np.array([0, 3, 5])), repr(a ** 0.5))\n"
     "print(repr(np.array([7.5, -7.5]) // 2), repr(np.array([7.5, -7.5]) % 2), repr(-a), repr(abs(a)))")

# Reductions with every axis form.
REDUCTIONS = ["sum", "mean", "max", "min", "argmax", "argmin", "var", "std", "prod", "cumsum", "any", "all"]
for kind in ["int", "float", "bool"]:
    a = operand((2, 3, 4), kind)
    lines = [f"a = {lit(a)}"]
    for r in REDUCTIONS:
        axes = ["", "axis=0", "axis=1", "axis=-1", "axis=None"]
        if r not in ("argmax", "argmin", "cumsum"):
            axes += ["axis=(0, 2)", "axis=1, keepdims=True", "axis=(1, 2), keepdims=True"]
        for ax in axes:
            lines.append(f"print(repr(a.{r}({ax})))")
        lines.append(f"print(repr(np.{r}(a, axis=1)))")
    lines.append("print(repr(a.var(axis=0, ddof=1)), repr(a.std(ddof=1)))")
    case("\n".join(lines))

# Indexing and assignment.
INDEXES = ["1", "-1", "1, 2", ":, 1", "::2", "1:, ::-1", "None", ":, None", "..., 0", "0, ..., 1:3", "[0, 2]",
           "[0, 1, 2], [1, 0, 3]", "[[0], [2]], [1, 3]", ":, [3, 0]", "[1, 2], :, ", "1, [0, 0, 3]",
           "a > 5", "a[:, 0] > 2", "np.array([True, False, True]), 1:3", "::-1, -2:", "[2, 0], 1:3"]
a = np.arange(12).reshape(3, 4)
for idx in INDEXES:
    case(f"a = np.arange(12).reshape(3, 4)\nr = a[{idx}]\nprint(repr(r))\nprint(r.shape)")
for idx in INDEXES:
    case(f"a = np.arange(12).reshape(3, 4) * 1.5\na[{idx}] = -1\nprint(repr(a))")
    case(f"a = np.arange(12).reshape(3, 4)\na[{idx}] += 100\nprint(repr(a))")
case("b = np.arange(24).reshape(2, 3, 4)\nprint(repr(b[:, [0, 2], [1, 3]]))\nprint(repr(b[[0, 1], :, [1, 3]]))\n"
     "print(b[0, :, [1, 2]].shape, b[:, 1, [1, 2]].shape, b[[1], :, None].shape)")
case("a = np.zeros(5)\na[[0, 0, 1]] += 1\nprint(repr(a))\ni = np.array([0, 1, 1])\na[i] -= 2\nprint(repr(a))")


# Rounding with numpy's algorithm, NaN rules, scalars, casts.
vals = [2.675, 1.115, 0.285, -0.5, 0.5, 1.5, 2.5, -2.5, 1234.5678, 0.125, 1e-9, 10.05]
case(f"v = np.array({vals!r})\n" + "\n".join(f"print(repr(np.round(v, {d})))" for d in [0, 1, 2, 3, -1, -2]))
case("a = np.array([1.0, np.nan, 3.0, np.nan])\nprint(repr(np.maximum(a, 2.0)), repr(np.minimum(a, 2.0)))\n"
     "print(repr(np.argmax(a)), repr(np.argmin(a)), repr(np.sign(np.array([-2.0, 0.0, np.nan, 3.0]))))\n"
     "print(repr(a.max()), repr(np.array([np.inf, -np.inf, 1.0])), repr(np.array([np.nan, 1e-9, 1e9])))")
case("a = np.array([1, 2, 3])\nprint(repr(a.sum()), repr(a.mean()), repr(a[0]), repr(a.max()), str(a.sum()))\n"
     "print(repr(np.float64(0.5)), repr(np.int64(7)), repr(np.float32(0.1)), repr(a > 1), repr((a > 1)[0]))\n"
     "print(a.tolist(), (a > 1).tolist(), (a / 2).tolist(), a.dtype, (a / 2).dtype, (a > 1).dtype)\n"
     "print(repr(np.array([1.7, -1.7, 2.5]).astype(int)), repr(a.astype(float)), repr(a.astype(bool)), repr(a.astype(np.float32) / 3))")
case("a = np.arange(12).reshape(3, 4)\nb = a[1]\nb[0] = 100\nc = a[:, 1:3]\nc *= -1\nd = a.T\nd[0, 2] = 55\n"
     "print(repr(a))\nprint(np.shares_memory(a, c), np.shares_memory(a, a[0].copy()), np.shares_memory(a[0], a[1]))\n"
     "f = a.reshape(-1)\nf[-1] = 99\na[::2, 0] = 7\nprint(repr(a), repr(f[:4]))")
case("w = np.zeros(3)\nalias = w\nw += 1\nprint(repr(alias), alias is w)\nw = w - 0.5\nprint(repr(alias), repr(w))\n"
     "t = np.ones(4)\nt[1:3] += 5\nt[[0, 0, 3]] -= 1\nprint(repr(t))\nfor row in np.zeros((2, 2)):\n    row += 1\n    print(repr(row))")
case("np.set_printoptions(precision=3, suppress=True)\nprint(np.array([1e-5, 1.23456789, 100.0]))\n"
     "np.set_printoptions(precision=4, linewidth=30, threshold=5, edgeitems=2)\nprint(np.arange(10) / 3)\nprint(repr(np.arange(10)))\n"
     "np.set_printoptions(precision=8, linewidth=75, threshold=1000, edgeitems=3, suppress=False)")

with open(os.path.join(os.path.dirname(__file__), "..", "Tests", "NNLangTests", "Fixtures", "numpy.nn"), "w") as f:
    f.write("# Generated by Scripts/numpy_reference.py with numpy " + np.__version__ + ": do not edit.\n")
    f.write("\n# ---\n".join(cases) + "\n")
print(len(cases), "cases")
