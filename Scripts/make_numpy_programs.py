#!/usr/bin/env python3
"""Expected output of small np.linalg and numpy-breadth programs, from real numpy (run by hand):

    OPENBLAS_NUM_THREADS=1 python3 Scripts/make_numpy_programs.py > Tests/NNLangTests/Fixtures/numpy_more.nn

Breadth programs print lists of Python numbers, so their `# expect:` lines hold numpy's
exact bits. LAPACK's rounding is not reproducible bit for bit, so a linear-algebra case
embeds numpy's result as a literal and prints whether Lectern's is within 1e-12 of it
(`close`); eigenvectors are compared through A·v = v·w and their magnitudes.
"""
import contextlib
import io

import numpy as np

CLOSE = """def close(x, ref):
    x = np.array(x)
    ref = np.array(ref)
    return bool(np.max(np.abs(x - ref)) <= 1e-12 * max(1.0, float(np.max(np.abs(ref)))))"""

A = "np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]])"
B = "np.array([[2.0, -1.0, 0.0, 3.0], [1.5, 2.0, -2.0, 1.0], [0.0, 1.0, 4.0, -1.0], [3.0, 0.5, 1.0, 2.0]])"
X = "np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.5]])"

# (setup, [expressions]): each expression's numpy value is embedded as `close(expr, value)`.
LINALG = [
    (f"A = {A}\nB = {B}\nX = {X}\nb = np.array([1.0, -2.0, 0.5, 3.0])", [
        "np.linalg.det(A)", "np.linalg.det(B)", "np.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]))",
        "np.linalg.inv(A)", "np.linalg.inv(B)", "np.linalg.solve(B, b)", "np.linalg.solve(A, np.eye(3))",
        "np.linalg.norm(X)", "np.linalg.norm(X, 'fro')", "np.linalg.norm(X, 1)", "np.linalg.norm(X, np.inf)",
        "np.linalg.norm(X, -1)", "np.linalg.norm(X, -np.inf)", "np.linalg.norm(X, axis=0)", "np.linalg.norm(X, axis=1)",
        "np.linalg.norm(X, ord=1, axis=1)", "np.linalg.norm(X, ord=np.inf, axis=0)", "np.linalg.norm(X, ord=3, axis=1)",
        "np.linalg.norm(X, ord=0, axis=1)", "np.linalg.norm(X, axis=1, keepdims=True)", "np.linalg.norm(b, -np.inf)",
        "np.linalg.norm(b)", "np.linalg.norm(b, 2)", "np.linalg.norm(b, 0.5)", "np.linalg.eigvalsh(A)", "np.linalg.eigh(B + B.T)[0]",
        "np.linalg.norm(X, 2)", "np.linalg.norm(B, 2)",
    ]),
    ("rng = np.random.default_rng(3)\nMs = [rng.standard_normal((k, k)) for k in range(1, 9)]", [
        f"{f}(Ms[{k}]{extra})" for k in range(8) for f, extra in [
            ("np.linalg.det", ""), ("np.linalg.inv", ""), ("np.linalg.solve", f", np.arange({k + 1}.0)"),
            ("np.linalg.eigvalsh", f" + Ms[{k}].T"), ("np.linalg.norm", ", 2"), ("np.linalg.norm", ", 1"),
        ]
    ]),
    ("xs = np.linspace(-2.0, 2.0, 9)\nys = 0.5 * xs ** 3 - xs + 0.25 + np.sin(3 * xs) / 10\nY = np.array([ys, np.cos(xs)]).T", [
        "np.polyfit(xs, ys, 1)", "np.polyfit(xs, ys, 2)", "np.polyfit(xs, ys, 3)", "np.polyfit(xs, ys, 5)",
        "np.polyfit(xs, ys, 0)", "np.polyfit(xs, Y, 2)", "np.polyfit(xs, ys, 2, w=np.arange(1.0, 10.0))",
        "np.polyfit(list(range(5)), [1, 3, 2, 5, 4], 1)", "np.polyfit(xs, ys, 8)",
        "np.polyval(np.polyfit(xs, ys, 3), xs)", "np.polyval([0.5, -1.0, 0.25], 1.5)",
    ]),
]

EXACT = [
    """from numpy.linalg import det, norm
from numpy.random import default_rng
import numpy.linalg as la
print(det(np.eye(2) * 3), norm([3.0, 4.0]), la.inv(np.eye(2) * 4).tolist(), default_rng(0).random())""",
    """x = np.array([3.0, np.nan, 1.0, -2.5, 7.25, 0.0, np.inf, -np.inf])
M = np.array([[5.0, 1.0, 4.0], [2.0, 8.0, 0.5], [9.0, 3.0, 6.0], [1.5, 7.0, 2.0]])
print(np.sort(x).tolist())
print(np.sort(M).tolist(), np.sort(M, axis=0).tolist(), np.sort(M, axis=None).tolist())
print([p.tolist() for p in np.split(np.arange(6.0), 3)], [p.tolist() for p in np.split(np.arange(6.0), [1, 4])])
print([p.tolist() for p in np.array_split(np.arange(7.0), 3)], [p.tolist() for p in np.array_split(M, 3, axis=1)])
print([p.tolist() for p in np.split(M, 2)])""",
    """M = np.array([[5.0, 1.0, 4.0], [2.0, 8.0, 0.5], [9.0, 3.0, 6.0], [1.5, 7.0, 2.0]])
v = np.array([0.1, 0.7, 0.2, 0.9, 0.35, 0.15, 0.6])
print(np.percentile(v, 50), np.percentile(v, 10), np.percentile(v, 33.3), np.percentile(v, 100), np.percentile(v, 0))
print(np.percentile(v, [25, 75]).tolist(), np.quantile(v, 0.9), np.percentile(M, 40, axis=0).tolist())
print(np.percentile(M, [10, 90], axis=1).tolist(), np.percentile(M, 50, keepdims=True).tolist())
print(np.median(v), np.median(M), np.median(M, axis=0).tolist(), np.median(M, axis=1).tolist())
print(np.median(np.array([1.0, np.nan, 3.0])), np.median(M, axis=1, keepdims=True).tolist())""",
    """x = np.array([1.0, np.nan, np.inf, -np.inf, 0.0, -3.5])
print([bool(b) for b in np.isnan(x)], [bool(b) for b in np.isinf(x)], [bool(b) for b in np.isfinite(x)])
print(np.isnan(np.nan), np.isinf(1.0), np.isfinite(2.0))
print(np.nan_to_num(x).tolist(), np.nan_to_num(x, nan=-1.0, posinf=9.0, neginf=-9.0).tolist())
print(np.empty((2, 2)).shape, np.zeros_like(x).tolist(), np.ones_like(x).tolist(), np.full_like(x, 2.5).tolist())
print(np.empty_like(np.ones((2, 3))).shape, np.full_like(np.ones(3), 7).tolist(), np.zeros_like(x, shape=(2,)).tolist())""",
    """M = np.array([[0.0, 1.0, 0.0], [2.0, 0.0, 0.0], [np.nan, 0.0, 3.0]])
print(np.any(M), np.all(M), np.any(M[0]), np.all(np.array([1.0, np.nan])))
print([bool(b) for b in np.any(M, axis=0)], [bool(b) for b in np.all(M > -1, axis=1)])
print(np.count_nonzero(M), [int(c) for c in np.count_nonzero(M, axis=0)], [int(c) for c in np.count_nonzero(M, axis=1)])
print(np.count_nonzero(M, axis=1, keepdims=True).shape, np.any(M, axis=1, keepdims=True).shape)""",
    """rng = np.random.default_rng(5)
for n in range(1, 40):
    v = np.around(rng.standard_normal(n) * 4, 1)
    qs = (rng.random(5) * 100).tolist() + [0.0, 50.0, 100.0]
    print([float(np.percentile(v, q)) for q in qs], float(np.median(v)), float(np.quantile(v, 0.37)))
    M = rng.standard_normal((3, n))
    print(np.percentile(M, 63.5, axis=1).tolist(), np.median(M, axis=0).tolist()[:3], np.sort(M, axis=1)[:, 0].tolist())
for d in range(-3, 8):
    print(np.around(rng.standard_normal(6) * 10.0 ** (3 - d), d).tolist())""",
    """x = np.array([-2.0, -0.5, 0.25, 1.5, 3.0, np.nan])
print(np.clip(x, -1, 1).tolist(), np.clip(x, None, 1).tolist(), np.clip(x, 0, None).tolist())
print(np.clip(x, np.array([-1.0, 0, 0, 0, 0, 0]), 2).tolist(), np.clip(x, min=-1.0, max=0.5).tolist(), np.clip(5.0, 0, 1))
print(np.around(np.array([2.675, 0.285, 1.005, -0.5, 0.5, 1.5, 2.5, 12345.6789]), 2).tolist())
print(np.around(np.array([1234.5, 1250.0, -1350.0, 0.125]), -2).tolist(), np.around(2.5), np.around(3.14159, 3))
print(np.around(np.array([0.5, 1.5, 2.5, -2.5]), 0).tolist(), np.around(1.23456789e-5, 9))""",
    """print(type(np.int64(1)), type(np.float64(1.0)), type(np.array([1, 2])), type(np.array([1.0, 2.0]).sum()))
print(np.ndarray, type(np.ones(2)).__name__, type(np.ones(2)) is np.ndarray, isinstance(np.ones(2), np.ndarray))
print(isinstance(np.float64(1.0), float), isinstance(np.int64(1), int), isinstance(np.float64(2.0), np.float64))
print(isinstance(np.int64(3), np.int64), isinstance([1], np.ndarray), isinstance(np.arange(3), (list, np.ndarray)))
print(type(np.float64(1.0)) is np.float64, np.float64.__name__, np.ndarray.__module__, np.double is np.float64)
print(type(np.float32(1.5)), type(np.array([True, False])[0]), type(np.int64(2)).__name__, isinstance(np.int64(1), float))
print(repr(np.float64(2)), np.int64(7) + 1, type(np.int64(7) + 1), np.zeros(2, dtype=np.int64), np.ones(2).astype(np.int64))""",
    """rng = np.random.default_rng(7)
k = rng.integers(0, 10)
print(repr(k), type(k), k + 1, repr(rng.integers(5)), repr(rng.integers(0, 5, size=3)), repr(rng.integers(2, 9, size=None)))""",
    """print(np.array([1 / 3, 2 / 3]))
with np.printoptions(precision=3, suppress=True) as opts:
    print(np.array([1 / 3, 2 / 3, 1e-9]), opts["precision"], opts["suppress"])
print(np.array([1 / 3, 2 / 3, 1e-9]))
try:
    with np.printoptions(precision=2):
        print(np.array([1 / 3]))
        raise ValueError("boom")
except ValueError as e:
    print(e)
print(np.array([1 / 3]), np.get_printoptions()["precision"])
with np.printoptions(threshold=5, edgeitems=2):
    print(np.arange(10))
print(np.arange(10))""",
    """print(np.arange(5, dtype=float), np.arange(1, stop=4), np.arange(0, 1, 0.25), np.arange(3.0).dtype, np.arange(2, 8, 2, dtype=np.int64))
print(repr(np.arange(-1, 2, 0.5)), np.arange(3, dtype=np.float32).dtype, np.identity(2, dtype=int), np.may_share_memory(np.ones(2), np.ones(2)))
print(max([3, 1], key=None), min(3, 1, 2), min([], default=7), max([1, 5, 2], key=lambda v: -v), int("ff", base=16), sorted([3, 1], reverse=True))""",
    """print(np.polyval([1, 2, 3], 2), repr(np.polyval([1, 2, 3], 2)), repr(np.polyval([1.0, -0.5], np.array([1.0, 2.0]))))
print(repr(np.polyval([3, 1], [1, 2])), repr(np.polyval(np.array([2.0]), 5)), np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1).shape)
print(np.polyfit(np.arange(4.0), np.arange(4.0) * 2, 1, full=False).shape, np.polyfit([1.0, 2.0], [3.0, 4.0], 1, cov=False).shape)""",
]


def run(program):
    buffer = io.StringIO()
    np.random.seed(0)
    with contextlib.redirect_stdout(buffer):
        exec(program, {"np": np})
    return buffer.getvalue().splitlines()


def literal(value):
    return repr(np.asarray(value, dtype=float).tolist())


def main():
    out = ["# np.linalg and numpy breadth programs; generated by Scripts/make_numpy_programs.py from real numpy. Do not edit."]
    cases = []
    for setup, expressions in LINALG:
        env = {"np": np}
        exec(setup, env)
        lines = [CLOSE, setup]
        for e in expressions:
            lines.append(f"print(close({e}, {literal(eval(e, env))}))")
        if "A" in env:
            lines += [
                "w, v = np.linalg.eigh(A)",
                f"print(close(A @ v, v * w), close(np.abs(v), {literal(np.abs(np.linalg.eigh(eval(A))[1]))}))",
            ]
        cases.append("\n".join(lines))
    cases += EXACT
    for i, program in enumerate(cases):
        if i:
            out.append("# ---")
        out += ["import numpy as np", program]
        out += ["# expect: " + line for line in run(program)]
    print("\n".join(out))


main()
