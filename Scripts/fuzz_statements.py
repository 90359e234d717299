#!/usr/bin/env python3
"""Random control-flow programs for the differential test against CPython: nested loops
(with `else`), `break`/`continue`, `try/except/else/finally`, `raise`, `with` managers that
may suppress, `return`, and generators consumed by `list` and `for`.

Run by hand, then record CPython's output (optional arguments: seed, count):
    python3 Scripts/fuzz_statements.py > Tests/NNLangTests/Fixtures/flow.nn
    python3 Scripts/python_fixtures.py flow > Tests/NNLangTests/Fixtures/flow.expected.json
"""
import random
import sys

PRELUDE = '''class M:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
        return self.tag
    def __exit__(self, kind, value, tb):
        print("exit", self.tag, kind.__name__ if kind else None)
        return self.tag % 2 == 1 and kind is ValueError
'''


class Gen:
    def __init__(self, rng, generator):
        self.rng = rng
        self.generator = generator
        self.labels = 0

    def label(self):
        self.labels += 1
        return self.labels

    def expr(self):
        return self.rng.choice(["x", "y", "x + y", "x * 2 - y", "len(log)", "x % 3", "y // 2"])

    def block(self, depth, indent, in_loop):
        return [line for _ in range(self.rng.randint(1, 3)) for line in self.statement(depth, indent, in_loop)]

    def statement(self, depth, indent, in_loop):
        pad = "    " * indent
        r = self.rng
        choices = ["print", "assign", "log"]
        if depth < 3:
            choices += ["for", "while", "if", "try", "with"]
        choices += ["raise"]
        if in_loop:
            choices += ["break", "continue"]
        choices += ["yield"] * 2 if self.generator else ["return"]
        kind = r.choice(choices)
        n = self.label()
        if kind == "print":
            return [f"{pad}print({n}, {self.expr()})"]
        if kind == "assign":
            return [f"{pad}{r.choice(['x', 'y'])} = {self.expr()}"]
        if kind == "log":
            return [f"{pad}log.append({n})"]
        if kind == "raise":
            return [f"{pad}if {self.expr()} > {r.randint(0, 6)}:", f"{pad}    raise {r.choice(['ValueError', 'KeyError'])}({n})"]
        if kind == "break":
            return [f"{pad}if {self.expr()} > {r.randint(0, 4)}:", f"{pad}    break"]
        if kind == "continue":
            return [f"{pad}if {self.expr()} % 2 == 0:", f"{pad}    continue"]
        if kind == "return":
            return [f"{pad}if {self.expr()} > {r.randint(0, 5)}:", f"{pad}    return {self.expr()}"]
        if kind == "yield":
            return [f"{pad}yield {self.expr()}"]
        body = lambda loop: self.block(depth + 1, indent + 1, loop)
        if kind == "for":
            lines = [f"{pad}for i{n} in range({r.randint(0, 3)}):", f"{pad}    x += 1"] + body(True)
            if r.random() < 0.4:
                lines += [f"{pad}else:"] + body(in_loop)
            return lines
        if kind == "while":
            lines = [f"{pad}w{n} = 0", f"{pad}while w{n} < {r.randint(0, 3)}:", f"{pad}    w{n} += 1", f"{pad}    y += 1"] + body(True)
            if r.random() < 0.4:
                lines += [f"{pad}else:"] + body(in_loop)
            return lines
        if kind == "if":
            return [f"{pad}if {self.expr()} > {r.randint(0, 5)}:"] + body(in_loop) + [f"{pad}else:"] + body(in_loop)
        if kind == "with":
            return [f"{pad}with M({n}) as t{n}:"] + body(in_loop)
        lines = [f"{pad}try:"] + body(in_loop)
        handlers = r.choice([["ValueError"], ["KeyError", "ValueError"], ["(ValueError, KeyError)"], ["Exception"], []])
        for h in handlers:
            lines += [f"{pad}except {h} as e{n}:", f"{pad}    print({n}, 'caught', type(e{n}).__name__, e{n})"] + body(in_loop)
        if handlers and r.random() < 0.4:
            lines += [f"{pad}else:"] + body(in_loop)
        if not handlers or r.random() < 0.5:
            lines += [f"{pad}finally:", f"{pad}    print({n}, 'finally')"]
        return lines


def program(rng):
    generator = rng.random() < 0.4
    g = Gen(rng, generator)
    lines = [PRELUDE, "log = []", "def f(x, y):"] + g.block(0, 1, False)
    if not generator:
        lines.append("    return 'end'")
    call = "list(f(a, b))" if generator else "f(a, b)"
    lines += [
        f"for a, b in [(0, 1), (2, 3), (5, 1)]:",
        "    try:",
        f"        print('result', {call}, log)",
        "    except Exception as e:",
        "        print('raised', type(e).__name__, e)",
    ]
    if generator:
        # A loop that leaves the generator early: it is closed, and its `finally` blocks run.
        lines += [
            "try:",
            "    for v in f(1, 2):",
            "        print('got', v)",
            f"        if v > {rng.randint(0, 4)}:",
            "            break",
            "    print('after loop')",
            "except Exception as e:",
            "    print('raised', type(e).__name__, e)",
        ]
    return "\n".join(lines)


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 2026)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    print("# Random control-flow programs (Scripts/fuzz_statements.py); CPython's output is flow.expected.json.")
    print("\n# ---\n".join(program(rng) for _ in range(count)))


if __name__ == "__main__":
    main()
