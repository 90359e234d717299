# str, list, dict and tuple methods and the builtins that take keys, as CPython runs them.
s = "  Hello, World  "
print(s.strip(), s.lstrip() + "|", s.rstrip() + "|", "xxhixx".strip("x"), "abcba".strip("ab"), s.upper(), s.lower(), "they're bill's".title(), "hELLO wORLD".capitalize(), "AbC".swapcase())
print("a,b,,c".split(","), "a b  c ".split(), "  a b  c ".split(None, 1), "  a b  c ".rsplit(None, 1), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","), "a\nb\r\nc".splitlines(), "a\nb\n".splitlines(True))
print("-".join(["a", "b"]), "ab".replace("", "-"), "aaaa".replace("a", "b", 2), "abab".replace("ab", "x"), "hello".startswith(("he", "x")), "hello".endswith("lo"), "hello".startswith("l", 2), "hello".endswith("l", 0, 4))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"), "aaaa".count("aa"), "abc".count(""), "hello".find("l", 3), "hello".find("l", -2), "hello".count("l", 0, 3))
print("ab".center(7, "*"), "ab".center(6), "abc".center(6), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace(), "ABC".isupper(), "abc".islower(), "Hello World".istitle(), "x_1".isidentifier(), "1x".isidentifier(), "".isdigit())
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "{}-{}".format(1, 2))
# ---
print("a b".split(""))
# ---
print("-".join(["a", 1]))
# ---
print("hello".index("z"))
# ---
l = [3, 1, 2]
l.append(4)
l.extend((5, 6))
l.insert(0, 0)
l.insert(-1, 9)
l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.index(2), l.count(1), l)
l.remove(9)
l.reverse()
c = l.copy()
l.sort()
print(l, c, sorted(c, reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda p: p[0], reverse=True))
words = ["b", "A", "c", "B", "a"]
words.sort(key=str.lower) if False else words.sort(key=lambda w: w.lower())
print(words, sorted([3, 1, 2], key=None), [1, 2, 3].index(3, 1), (1, 2, 1).count(1), (1, 2, 3).index(2))
l.clear()
print(l)
# ---
print([].pop())
# ---
print([1].remove(2))
# ---
print([1, 2].index(5))
# ---
print((1, 2).index(5))
# ---
print(sorted([1, "a"]))
# ---
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.pop("a"), d.pop("z", None), d, d.setdefault("c", 3), d.setdefault("b", 9), d)
d.update({"x": 1}, y=2)
d.update([("z", 0)])
print(d, d.popitem(), d, d.copy(), {"a": 1} | {"b": 2, "a": 3}, list(d.keys()), list(d.values()), list(d.items()))
d.clear()
print(d, dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"k": "v"}, w=1))
# ---
print({}.pop("x"))
# ---
print({}.popitem())
# ---
print({}.get([1]))
# ---
print(dict([(1, 2, 3)]))
# ---
print(min([3, 1, 2]), max(3, 1, 2), min([], default=0), max(["a", "bbb", "cc"], key=len), min([(1, "b"), (1, "a")]), max([1, 3, 3.0], key=lambda x: -x), sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2]], start=[]))
print(list(enumerate("ab", start=1)), list(zip([1, 2], "ab", strict=True)), list(zip([1, 2, 3], "ab")), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "x"])), list(reversed([1, 2, 3])), any([]), all([]), any([0, 1]), all([1, 0]))
print(abs(-3), abs(-2.5), divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, -1), round(2.675, 2), chr(65), ord("A"), chr(0x1F600) == "\U0001F600", bin(10), hex(255), oct(8), int("ff", 16), int("0b11", 0), float("inf"), float("-inf") < 0)
# ---
print(min([]))
# ---
print(max(1, 2, default=0))
# ---
print(list(zip([1, 2], [1], strict=True)))
# ---
print(chr(0x110000))
# ---
print(ord("ab"))
