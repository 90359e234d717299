#!/usr/bin/env python3
"""Random programs with classes for the differential test against CPython: a random class
hierarchy (single inheritance, `super()` in `__init__` and in overridden methods, class
attributes), random dunder operators (arithmetic and reflected, unary, comparisons, `__len__`,
`__getitem__`, `__contains__`, `__iter__` as a generator, `__call__`, `__bool__`, `__str__`),
properties with setters that validate, user exceptions raised and caught (hierarchies,
`else`/`finally`, `raise ... from`, re-raise), and generator methods with `yield from`.

Run by hand, then record CPython's output (optional arguments: seed, count):
    python3 Scripts/fuzz_classes.py > Tests/NNLangTests/Fixtures/classes.nn
    python3 Scripts/python_fixtures.py classes > Tests/NNLangTests/Fixtures/classes.expected.json
"""
from fuzz_programs import emit

ERRORS = '''class AppError(Exception):
    pass

class RangeError(AppError):
    def __init__(self, value, limit):
        super().__init__(f"{value!r} exceeds {limit}")
        self.value = value

class EmptyError(AppError):
    def __str__(self):
        return "empty: " + repr(self.args)
'''

VALUES = ["0", "1", "2", "3", "-1", "-4", "7", "0.5", "-1.25", "2.0", "'ab'", "''", "[1, 2]", "(3,)", "True", "None"]
OPERANDS = ["o", "other(o)", "2", "-1", "0.5"]
ARITHMETIC = [("__add__", "+"), ("__sub__", "-"), ("__mul__", "*"), ("__truediv__", "/"), ("__floordiv__", "//"),
              ("__mod__", "%"), ("__pow__", "**")]
REFLECTED = [("__radd__", "+"), ("__rsub__", "-"), ("__rmul__", "*")]
COMPARISONS = [("__eq__", "=="), ("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]


def method_bodies(rng, cls, base):
    """The methods of one class, each chosen at random."""
    out = []
    if base is None or rng.random() < 0.7:
        args = "self, v" if base is None or rng.random() < 0.5 else "self, v, w=1"
        body = [f"    def __init__({args}):"]
        if base is not None:
            body.append("        super().__init__(v)")
        else:
            body.append("        self.v = v")
        if "w=1" in args:
            body.append("        self.w = w")
        body.append(f"        {cls}.made += 1")
        out.append("\n".join(body))
    for name, op in rng.sample(ARITHMETIC, rng.randint(1, 4)):
        if op == "**":
            # A small int exponent: a negative base to a fractional power is complex in CPython.
            out.append(f"    def {name}(self, o):\n        return {cls}(self.v ** (other(o) if other(o) in (0, 1, 2, 3) else 2))")
            continue
        wrap = rng.choice([f"{cls}(self.v {op} other(o))", f"self.v {op} other(o)", "NotImplemented if isinstance(o, str) else " + f"{cls}(self.v {op} other(o))"])
        if base is not None and rng.random() < 0.3:
            wrap = f"super().{name}(o)"
        out.append(f"    def {name}(self, o):\n        return {wrap}")
    for name, op in rng.sample(REFLECTED, rng.randint(0, 2)):
        out.append(f"    def {name}(self, o):\n        return {cls}(other(o) {op} self.v)")
    for name, op in rng.sample(COMPARISONS, rng.randint(0, 3)):
        out.append(f"    def {name}(self, o):\n        return self.v {op} other(o)")
    if rng.random() < 0.5:
        out.append(f"    def __neg__(self):\n        return {cls}(-self.v)")
    if rng.random() < 0.3:
        out.append("    def __abs__(self):\n        return abs(self.v)")
    if rng.random() < 0.4:
        out.append("    def __len__(self):\n        return len(self.v) if isinstance(self.v, (str, list, tuple)) else 1")
    if rng.random() < 0.4:
        out.append("    def __bool__(self):\n        return self.v != 0")
    if rng.random() < 0.4:
        out.append("    def __getitem__(self, i):\n        if not isinstance(i, int):\n            raise TypeError('index must be int')\n"
                   "        if i >= 3:\n            raise IndexError(i)\n        return self.v * i")
    if rng.random() < 0.3:
        out.append("    def __contains__(self, x):\n        return x == self.v")
    if rng.random() < 0.5:
        inner = rng.choice(["        for i in range(3):\n            yield self.v if i == 1 else i",
                            "        yield self.v\n        yield from [1, 2]",
                            "        yield from self.steps(2)"])
        out.append("    def __iter__(self):\n" + inner)
    if rng.random() < 0.4:
        out.append(f"    def __call__(self, x=1):\n        return {rng.choice(['self.v * x', f'{cls}(x)', 'x'])}")
    if rng.random() < 0.5:
        if base is not None and rng.random() < 0.5:
            out.append(f"    def describe(self):\n        return '{cls}<' + super().describe() + '>'")
        else:
            out.append("    def describe(self):\n        return f'{type(self).__name__}:{self.v!r}'")
    if base is None or rng.random() < 0.5:
        # Every class has a repr: the default one shows a memory address.
        out.append("    def __repr__(self):\n        return f'" + cls + "({self.v!r})'")
    if rng.random() < 0.3:
        out.append("    def __str__(self):\n        return 'str ' + self.describe()")
    if rng.random() < 0.5:
        out.append("    @property\n    def value(self):\n        return self.v\n"
                   "    @value.setter\n    def value(self, x):\n        if isinstance(x, (int, float)) and x > 100:\n"
                   "            raise RangeError(x, 100)\n        self.v = x")
    if rng.random() < 0.4:
        out.append("    def checked(self):\n        if self.v == 0:\n            raise EmptyError('zero', self.v)\n"
                   "        if isinstance(self.v, (int, float)) and self.v < 0:\n            raise RangeError(self.v, 0)\n        return self.v")
    if base is None:
        out.append("    def steps(self, n):\n        for i in range(n):\n            yield (i, self.v)")
        out.append("    def describe(self):\n        return 'base ' + repr(self.v)")
        out.append("    def checked(self):\n        return self.v")
    return out


def classes(rng):
    names = ["A", "B", "C", "D"][: rng.randint(2, 4)]
    text, bases = [], {}
    for i, name in enumerate(names):
        base = None if i == 0 else rng.choice(names[:i])
        bases[name] = base
        header = f"class {name}({base}):" if base else f"class {name}:"
        text.append(header + f"\n    made = 0\n    kind = {name!r}\n" + "\n".join(method_bodies(rng, name, base)))
    return names, "\n\n".join(text)


def operand(rng, names, variables=True):
    """An instance, a literal (in parentheses, so that `(2).describe()` parses) or a variable."""
    if rng.random() < 0.5:
        return f"{rng.choice(names)}({rng.choice(VALUES)})"
    return rng.choice([f"({v})" for v in VALUES] + (["x", "y", "z"] if variables else []))


def statement(rng, names):
    e = lambda: operand(rng, names)
    forms = [
        lambda: f"print({e()} {rng.choice(['+', '-', '*', '/', '//', '%', '==', '<', '<=', '>', '>=', '!=', 'in'])} {e()})",
        lambda: f"print({rng.choice(['-', 'abs', 'len', 'bool', 'list', 'str', 'repr', 'sorted', 'sum', 'tuple'])}({e()}))",
        lambda: f"print({e()}[{rng.choice(['0', '1', '2', '3', repr('k')])}])",
        lambda: f"print({e()}.describe(), {e()}.checked())",
        lambda: f"print({e()}({rng.choice(VALUES)}))",
        lambda: f"w = {e()}\nw.value = {rng.choice(VALUES + ['101', '250.5'])}\nprint(w.value, w.v)",
        lambda: f"print([t for t in {e()}], list({e()}.steps({rng.randint(0, 3)})))",
        lambda: f"print(isinstance({e()}, {rng.choice(names)}), issubclass({rng.choice(names)}, {rng.choice(names)}), type({e()}).__name__)",
        lambda: f"print({rng.choice(names)}.made, {rng.choice(names)}.kind, {e()}.kind)",
        lambda: f"print(f\"{{{e()}}} {{{e()}!r}}\")",
        lambda: f"print(max({e()}, {e()}), min([{e()}, {e()}]))",
        lambda: guarded(rng, names),
        lambda: f"g = (t for t in {e()})\nprint(next(g, 'done'), next(g, 'done'), next(g, 'done'), next(g, 'done'))",
    ]
    return rng.choice(forms)()


def guarded(rng, names):
    """A try statement whose handlers, else and finally all print."""
    body = rng.choice([
        f"r = {operand(rng, names)}.checked()",
        f"raise {rng.choice(['AppError', 'RangeError', 'EmptyError'])}({rng.choice(['1', '2, 3', repr('m')])})",
        f"r = {operand(rng, names)}[{rng.choice(['0', '5', repr('k')])}]",
        f"r = {operand(rng, names)} + {operand(rng, names)}",
        f"try:\n        r = {operand(rng, names)}.checked()\n    except AppError as inner:\n        raise ValueError('wrapped') from inner",
    ])
    handlers = rng.sample(["RangeError", "EmptyError", "AppError", "(TypeError, IndexError)", "ValueError", "ZeroDivisionError"], rng.randint(1, 3))
    lines = ["try:", "    " + body.replace("\n", "\n")]
    for h in handlers:
        lines += [f"except {h} as err:", f"    print('caught', type(err).__name__, err, getattr(err, 'value', '-'), type(err.__cause__).__name__)"]
    if rng.random() < 0.5:
        lines += ["else:", "    print('no error', r)"]
    if rng.random() < 0.5:
        lines += ["finally:", "    print('finally')"]
    return "\n".join(lines)


def program(rng):
    names, text = classes(rng)
    lines = ["def other(o):", "    return o.v if hasattr(o, 'v') else o", "", ERRORS, text, ""]
    for var in ["x", "y", "z"]:
        lines.append(f"{var} = {operand(rng, names, variables=False)}")
    for _ in range(10):
        stmt = statement(rng, names)
        lines.append("try:")
        lines.append("    " + stmt.replace("\n", "\n    "))
        lines.append("except Exception as e:")
        lines.append("    print(type(e).__name__, e)")
    return "\n".join(lines)


def main():
    emit(program, "# Random programs with classes (Scripts/fuzz_classes.py); CPython's output is classes.expected.json.")


if __name__ == "__main__":
    main()
