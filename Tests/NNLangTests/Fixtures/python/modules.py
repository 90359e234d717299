# random (CPython's Mersenne Twister and seeding) and time.
import random
random.seed(1)
print(random.random(), random.getrandbits(70), random.randint(1, 10), random.randrange(0, 100, 7), random.choice("abc"), random.uniform(1, 2))
random.seed(42)
l = list(range(10))
random.shuffle(l)
print(l, random.sample(range(100), 5), random.sample(range(10), 7), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(0, 1))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 2, 3], k=4), random.choices([1, 2], cum_weights=[1, 5], k=3), random.getrandbits(5))
# ---
import random
for s in [2 ** 100, -5, 0, 1.5, 12345678901234567890, True]:
    random.seed(s)
    print(random.random(), random.randrange(10), random.randrange(-5, 5), random.randrange(10, 0, -3), random.sample(range(1000), 3))
# ---
import random
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
print(a == [random.random() for _ in range(3)], random.randint(-2 ** 80, 2 ** 80), random.getrandbits(0), random.getrandbits(32))
# ---
import random
print(random.choice([]))
# ---
import random
print(random.randrange(0))
# ---
import random
print(random.randrange(5, 5))
# ---
import random
print(random.sample([1, 2], 3))
# ---
import random
print(random.choices([1, 2], weights=[0, 0]))
# ---
import time
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() - t0 >= 0.009, time.perf_counter() - p0 >= 0.009, t0 > 1.7e9)
# ---
import statistics
print(statistics.mean([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]) / 3, statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2.5]), statistics.fmean([1, 2, 3]))
print(statistics.median([3, 1, 2]), statistics.median([4, 1, 3, 2]), statistics.median([1.5, 2.5]), statistics.mode([1, 2, 2, 3, 3]), statistics.mode("abracadabra"))
print(statistics.variance([1, 2, 3, 4]), statistics.variance([1, 3, 5]), statistics.pvariance([1, 2, 3, 4]), statistics.stdev([1, 2, 3, 4]), statistics.pstdev([1, 2, 3, 4]), statistics.stdev([0.1, 0.2, 0.35, 0.7]), statistics.variance([2.5, 3.25, 5.5, 11.25]))
# ---
import statistics
print(statistics.mean([]))
# ---
import statistics
print(statistics.stdev([1]))
# ---
import itertools
print(list(itertools.product("ab", [1, 2])), list(itertools.product([0, 1], repeat=2)), list(itertools.permutations([1, 2, 3], 2)), list(itertools.permutations("ab")))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations_with_replacement("ab", 2)), list(itertools.chain([1, 2], (3,), "ab")), list(itertools.islice(range(10), 3)), list(itertools.islice(range(10), 2, 8, 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)), list(itertools.accumulate([1, 2], initial=10)), list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")), list(itertools.repeat("x", 3)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbca")], [(k, list(g)) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
# ---
import functools
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.reduce(lambda a, b: a * b, [], 1), functools.partial(int, base=2)("101"), functools.partial(pow, 2)(10))
fib = functools.lru_cache(maxsize=None)(lambda n: n if n < 2 else fib(n - 1) + fib(n - 2))
print(fib(80), functools.cache(abs)(-3))
# ---
import functools
print(functools.reduce(lambda a, b: a + b, []))
# ---
import copy
a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(9)
a[1]["k"].append(4)
print(b, c, copy.copy({"x": 1}), copy.deepcopy((1, [2])))
shared = [1]
pair = [shared, shared]
dup = copy.deepcopy(pair)
dup[0].append(2)
print(dup, pair)
