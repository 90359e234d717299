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
