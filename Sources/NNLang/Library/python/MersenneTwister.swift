import BigInt
import Engine

/// CPython's `random.Random` core: MT19937 with CPython's seeding (`init_by_array` of the
/// seed's 32-bit words) and its `random()`, `getrandbits()` and `_randbelow()` algorithms,
/// so a seeded program draws the same numbers as under CPython.
final class MersenneTwister {
    private var generator = Engine.Generator(seed: 0)
    /// The second normal deviate of the last `gauss()` pair, as CPython keeps it.
    var gaussNext: Double?

    init(seed: BigInt) { self.seed(seed) }

    /// `random.seed(n)`: the absolute value's 32-bit words, least significant first.
    func seed(_ n: BigInt) {
        var words: [UInt32] = []
        var rest = n.magnitude
        while rest > 0 {
            words.append(UInt32(rest & 0xFFFF_FFFF))
            rest >>= 32
        }
        generator = Engine.Generator(key: words.isEmpty ? [0] : words)
        gaussNext = nil
    }

    func nextUInt32() -> UInt32 { generator.nextUInt32() }

    /// `random()`: 53 random bits from two draws (the same as numpy's `random_sample`).
    func random() -> Double { generator.nextDouble() }

    /// `getrandbits(k)`: 32-bit draws filled least significant word first.
    func bits(_ k: Int) -> BigInt {
        if k <= 32 { return k == 0 ? 0 : BigInt(nextUInt32() >> (32 - UInt32(k))) }
        var result = BigInt(0)
        var remaining = k
        var shift = 0
        while remaining > 0 {
            var r = nextUInt32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            result |= BigInt(r) << shift
            shift += 32
            remaining -= 32
        }
        return result
    }

    /// `_randbelow(n)`: rejection sampling on `n.bit_length()` bits.
    func below(_ n: BigInt) -> BigInt {
        let k = n.magnitude.bitWidth
        var r = bits(k)
        while r >= n { r = bits(k) }
        return r
    }

    func below(_ n: Int) -> Int { Int(below(BigInt(n))) }
}
