# Float text, float arithmetic, rounding and math, as CPython prints them.
print(1.0, 0.1, 0.1 + 0.2, 1e-07, 1e16, 1e15, 123456789012345680.0, 1e22, 1e-5, 0.0001, -0.0, 2.5e-310, 1.7976931348623157e308)
print(float("inf"), float("-inf"), float("nan"), float(" 1_000.5 "), float("1e3"), float("-Infinity"), float(3), float(True))
print(repr(1.5), str(2.0), 100.0, 1 / 3, 2 / 3, 10 / 4, 1e100, 5e-324, 9007199254740993.0)
# ---
print(float("abc"))
# ---
print(float("0x1p3"))
# ---
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 0.0 % -2, -0.0 % 2, 1e308 * 10, -1e308 * 10)
print(divmod(7.5, 2), divmod(-7.5, 2), 5 % 2.5, 3.0 ** 2, 2 ** 0.5, 4 ** -0.5, 10 ** -2)
# ---
print(1.0 / 0)
# ---
print(1.0 // 0.0)
# ---
print(1.0 % 0)
# ---
print(divmod(1.0, 0))
# ---
print(0.0 ** -1)
# ---
print(10.0 ** 400)
# ---
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2), round(1.5, -2 ** 62 * 2), round(1.5, 2 ** 63))
print(round(5e-324, 400), round(1e300, -299), round(123.456, 1), round(-0.4), round(0.0, 3), round(-0.004, 2), round(1e16, 2))
# ---
print(round(float("inf")))
# ---
print(round(float("nan")))
# ---
print(round(1.7976931348623157e308, -308))
# ---
print(int(2.5), int(-2.5), int(1e20), 1e20 == 10 ** 20, 0.1 == 1 / 10, 0.5 < 1, 2 ** 0.5 > 1.41)
# ---
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, math.sqrt(2), math.exp(1), math.log(100, 10), math.log(8, 2), math.log(2 ** 2000))
print(math.log2(1024), math.log10(1e-3), math.log1p(1e-10), math.expm1(1e-10), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.floor(1e300) == 10 ** 300)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.factorial(25), math.factorial(0), math.comb(10, 3), math.comb(3, 10), math.perm(5, 2), math.perm(5), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.isqrt(10 ** 20 + 1))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([1.5, 2], start=2), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.copysign(3, -0.0), math.fabs(-2), math.fmod(-7, 3), math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.tanh(0.5), math.atan2(1, 1), math.asinh(1), math.atanh(0.5))
print(math.floor(5), math.ceil(2 ** 100), math.trunc(True), math.floor(-0.5), math.pow(2, 10), math.pow(2, 0.5))
# ---
import math
print(math.exp(1000))
# ---
import math
print(math.sqrt(-1))
# ---
import math
print(math.log(0))
# ---
import math
print(math.log(-1, 10))
# ---
import math
print(math.factorial(-1))
# ---
import math
print(math.factorial(2.0))
# ---
import math
print(math.comb(-1, 2))
# ---
import math
print(math.fmod(1, 0))
# ---
import math
print(math.acos(2))
# ---
import math
print(math.isclose(1, 1, rel_tol=-1))
# ---
import math
print(math.floor(float("inf")))
# ---
import math
print(math.sqrt("4"))
# ---
print(hash(1.5), hash(-2.5), hash(0.1), hash(1e300), hash(2.0), hash(float("inf")), hash((1, 2)), hash(()), hash((1.5, -1, (2, 3))))
print(hash(2 ** 64) == hash(2.0 ** 64), hash(1) == hash(1.0) == hash(True))
