# collections: Counter, defaultdict, OrderedDict, namedtuple and deque.
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c["a"], c["z"], "z" in c, len(c))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update("aaz")
c.update({"b": 5})
c.subtract(["r", "r", "r"])
print(c, c.total())
print(dict(c), isinstance(c, dict), isinstance(c, Counter), type(c).__name__, type(c))
# ---
from collections import Counter
a = Counter(a=3, b=1, c=0, d=-2)
b = Counter(a=1, b=2, e=4)
print(a + b, a - b, b - a, a | b, a & b)
print(Counter() , Counter(), Counter("aab") == Counter("aba"), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1})
print(Counter({"x": 2, "y": 7}), Counter([1, 1, 2.5, (1, 2), (1, 2), (1, 2)]))
words = "the cat and the hat and the bat".split()
counts = Counter(words)
for word, n in counts.most_common(3):
    print(f"{word:>5}: {n}")
counts["dog"] += 2
print(counts, list(counts.keys()), list(counts.values()))
d = counts.copy()
d["the"] = 0
print(type(d).__name__, d["the"], counts["the"])
# ---
from collections import Counter
print(Counter() + Counter(a=1), Counter(a=1) + {"b": 1})
# ---
import collections
print(collections.Counter(a=1)["b"], collections.Counter([[1]]))
# ---
from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, dict(d), d["zz"], len(d), d.default_factory)
n = defaultdict(int)
for ch in "mississippi":
    n[ch] += 1
print(n, sorted(n.items(), key=lambda kv: -kv[1]))
s = defaultdict(set)
s[1].add(2)
s[1].add(2)
s[2].add(3)
print(s, s.get(99), 99 in s)
class Box:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return f"Box({self.items})"
b = defaultdict(Box)
b["x"].items.append(1)
print(b, isinstance(b, dict), type(b).__name__)
z = defaultdict(lambda: "missing")
print(z["k"], list(z.items()), z.copy()["k"])
none = defaultdict(None, {"a": 1})
print(none, none.default_factory)
print(none["b"])
# ---
from collections import defaultdict
defaultdict(5)
# ---
from collections import OrderedDict
o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
print(o, list(o), OrderedDict(), OrderedDict([("x", 1)]), OrderedDict(y=2))
o.move_to_end("b")
print(o)
o.move_to_end("b", last=False)
print(o, o.popitem(), o.popitem(last=False), o)
p = OrderedDict([("a", 1), ("b", 2)])
q = OrderedDict([("b", 2), ("a", 1)])
print(p == q, p == dict(q), dict(p) == dict(q), p == OrderedDict(p), isinstance(p, dict))
print(type(p), type(p).__name__, p.copy(), p.get("a"), p["b"])
# ---
from collections import OrderedDict
OrderedDict().move_to_end("x")
# ---
from collections import OrderedDict
OrderedDict().popitem()
# ---
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), (1, 2) == p, p == Point(1, 2), p != Point(2, 1), p < Point(1, 3), hash(p) == hash((1, 2)))
print(Point._fields, p._asdict(), p._replace(y=5), Point._make([7, 8]), Point(y=4, x=3))
print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__, type(p), p + (3,), 2 * p, 3 in p, p.count(1), p.index(2))
Pair = namedtuple("Pair", ["left", "right"], defaults=[0])
print(Pair(1), Pair(1, 2), Pair._field_defaults, Pair("a", right="b"))
Color = namedtuple("Color", "r, g, b")
print(Color(255, 128, 0), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max([Point(0, 9), Point(1, 0)]))
print({p: "a"}[Point(1, 2)], f"{p}", str(p), repr(p), [*p], dict(zip(Point._fields, p)))
class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = Vec(3, 4)
print(v, v.norm2(), isinstance(v, tuple))
# ---
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1)
# ---
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2, 3)
# ---
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, z=2)
# ---
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2)._replace(z=3)
# ---
from collections import namedtuple
namedtuple("Bad", "x x")
# ---
from collections import namedtuple
namedtuple("Bad", "x class")
# ---
from collections import namedtuple
namedtuple("Bad", ["x", "_y"])
# ---
from collections import namedtuple
print(namedtuple("T", "a b c", defaults=(1, 2, 3, 4)))
# ---
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, list(d))
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.maxlen)
d[0] = 99
print(d, d.count(99), d.index(3), sorted(d), list(reversed(d)))
d.remove(99)
d.reverse()
print(d, d == deque(d), d == list(d), type(d).__name__, isinstance(d, list))
w = deque(maxlen=3)
for i in range(6):
    w.append(i)
    print(w, sum(w) / len(w))
w.appendleft(-1)
print(w, w.maxlen, deque("abc", 2), deque(), deque([], 0))
w += [10, 11]
print(w, w + deque([1]), w * 2, w.copy(), deque([1, 2]) * 2)
w.clear()
print(w, bool(w))
# ---
from collections import deque
deque().pop()
# ---
from collections import deque
deque().popleft()
# ---
from collections import deque
deque([1, 2, 3])[1:]
# ---
from collections import deque
deque([1, 2])[5]
# ---
from collections import deque
deque([1]) + [2]
# ---
from collections import deque
deque([1], maxlen=-1)
# ---
from collections import deque
d = deque([1, 2], maxlen=2)
d.insert(0, 5)
# ---
from collections import deque
deque([3, 1]).sort()
# ---
from collections import deque
queue = deque()
queue.append(("a", 0))
seen = {"a"}
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
while queue:
    node, depth = queue.popleft()
    print(node, depth)
    for n in graph[node]:
        if n not in seen:
            seen.add(n)
            queue.append((n, depth + 1))
# ---
import copy
from collections import Counter, deque, OrderedDict, defaultdict
c = Counter("aab")
d = deque([1, [2]], maxlen=4)
o = OrderedDict(a=1)
f = defaultdict(list, {"k": [1]})
print(copy.copy(c), copy.deepcopy(d), copy.copy(o), copy.deepcopy(f))
# ---
from collections import Counter, defaultdict, deque, namedtuple
import numpy as np
c = Counter("hello world")
print(c.most_common(1)[0][0], sorted(c.items())[:3])
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(nested["a"]["b"], dict(nested["a"]))
d = deque(maxlen=3)
for x in [1.0, 2.0, 3.0, 4.0]:
    d.append(x)
print(np.mean(d), np.array(d), sum(d), max(d), list(enumerate(d)))
P = namedtuple("P", "x y")
p = P(1.5, 2)
print(f"{p.x:.2f} {p}", np.array(p), np.array([P(1, 2), P(3, 4)]).shape)
print(-Counter(a=1, b=-2), +Counter(a=1, b=-2))
print(np.array([P(1, 2), P(3, 4)]), -Counter(), +Counter(a=0))
