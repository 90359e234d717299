#!/usr/bin/env python3
"""Random programs for the differential test of the nn language against CPython.

Run by hand, then record CPython's output for them (optional arguments: seed, count):
    python3 Scripts/fuzz_programs.py > Tests/NNLangTests/Fixtures/fuzz.nn
    python3 Scripts/python_fixtures.py fuzz > Tests/NNLangTests/Fixtures/fuzz.expected.json

Each program defines a small class with operator methods, binds a few values and prints
random expressions over ints, floats, strings, lists, tuples, dicts, sets and instances;
an expression that raises prints its exception's type name. The generator is seeded, so
the file is reproducible.
"""
import random
import sys

PRELUDE = '''class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x!r})"
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.x)
    def __mul__(self, o):
        return V(self.x * (o.x if isinstance(o, V) else o))
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x)
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
    def __lt__(self, o):
        return self.x < (o.x if isinstance(o, V) else o)
    def __hash__(self):
        return hash(self.x)
    def __len__(self):
        return abs(self.x) if isinstance(self.x, int) else 1
    def __bool__(self):
        return bool(self.x)
'''

INTS = ["0", "1", "2", "3", "-1", "-4", "7", "10"]
FLOATS = ["0.5", "-1.25", "2.0", "3.75", "0.1", "-0.0"]
STRS = ["'a'", "'bc'", "''", "'xyz'"]
OTHER = ["True", "False", "None"]


def atom(rng, depth, names=True):
    kind = rng.choice(["int", "int", "float", "str", "other", "list", "tuple", "dict", "set", "v", "name" if names else "int"])
    if depth > 2 and kind in ("list", "tuple", "dict", "set", "v"):
        kind = "int"
    if kind == "int":
        return rng.choice(INTS)
    if kind == "float":
        return rng.choice(FLOATS)
    if kind == "str":
        return rng.choice(STRS)
    if kind == "other":
        return rng.choice(OTHER)
    if kind == "list":
        return "[" + ", ".join(expr(rng, depth + 1, names) for _ in range(rng.randint(0, 3))) + "]"
    if kind == "tuple":
        items = [expr(rng, depth + 1, names) for _ in range(rng.randint(0, 3))]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if kind == "dict":
        return "{" + ", ".join(f"{rng.choice(STRS + INTS[:4])}: {expr(rng, depth + 1, names)}" for _ in range(rng.randint(0, 2))) + "}"
    if kind == "set":
        # Sorted: CPython's set order follows its hash table, Lectern's the insertion order.
        return "sorted({" + ", ".join(rng.choice(INTS) for _ in range(rng.randint(1, 3))) + "})"
    if kind == "v":
        return f"V({rng.choice(INTS + FLOATS[:3])})"
    return rng.choice(["a", "b", "c", "s", "d"])


def binary(rng, e):
    op = rng.choice(["+", "-", "*", "//", "%", "/", "**", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", "is"])
    right = rng.choice(["0", "1", "2", "3", "-1"]) if op == "**" else e()
    # `str % args` is printf-style formatting, tested elsewhere: keep `%` numeric on the left.
    left = rng.choice(INTS + FLOATS) if op == "%" else e()
    return f"({left} {op} {right})"


def fstring(rng):
    simple = lambda: rng.choice(INTS + FLOATS + STRS + OTHER + ["a", "b", "s", "V(2)"])
    return f"f\"{{{simple()}!r}}|{{{simple()}}}\""


FUNCTIONS = ["len", "str", "repr", "bool", "abs", "sorted", "sum", "min", "max", "list", "tuple"]
INDEXES = ["0", "1", "-1", "1:", ":2", "::-1", repr("a")]
ELEMENTS = ["x", "x * 2", "x + x", "str(x)"]
CONSUMERS = ["sum", "any", "all", "list", "max", "min", "sorted", "tuple", "len"]
CLASSES = ["int", "float", "str", "list", "V", "(int, float)", "object", "bool"]

# Each form builds an expression from `e` (a random sub-expression) and `rng`.
FORMS = [
    lambda rng, e: binary(rng, e),
    lambda rng, e: f"({rng.choice(['-', 'not '])}{e()})",
    lambda rng, e: f"{rng.choice(FUNCTIONS)}({e()})",
    lambda rng, e: f"{e()}[{rng.choice(INDEXES)}]",
    lambda rng, e: f"({e()} if {e()} else {e()})",
    lambda rng, e: f"[{rng.choice(ELEMENTS)} for x in {e()}]",
    lambda rng, e: f"{rng.choice(CONSUMERS)}({rng.choice(ELEMENTS)} for x in {e()} if {rng.choice(['x', 'not x', 'True'])})",
    lambda rng, e: fstring(rng),
    lambda rng, e: f"isinstance({e()}, {rng.choice(CLASSES)})",
    lambda rng, e: f"type({e()}).__name__",
    lambda rng, e: f"{{{e()}: {e()}}}",
    lambda rng, e: f"({e()}, {e()})",
]


def expr(rng, depth=0, names=True):
    if depth > 3 or not names or rng.random() < 0.25:
        return atom(rng, depth, names)
    form = rng.choice(FORMS + FORMS[:1] * 2)
    return form(rng, lambda: expr(rng, depth + 1))


def program(rng):
    lines = [PRELUDE]
    for name in ["a", "b", "c", "s", "d"]:
        lines.append(f"{name} = {atom(rng, 1, names=False)}")
    for _ in range(12):
        lines.append("try:")
        lines.append(f"    print({expr(rng)})")
        lines.append("except Exception as e:")
        lines.append("    print(type(e).__name__)")
    return "\n".join(lines)


def emit(make_program, header):
    """Prints `header` and the programs `make_program(rng)` makes (arguments: seed, count)."""
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 2026)
    print(header)
    print("\n# ---\n".join(make_program(rng) for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 150)))


def main():
    emit(program, "# Random programs (Scripts/fuzz_programs.py); CPython's output is fuzz.expected.json.")


if __name__ == "__main__":
    main()
