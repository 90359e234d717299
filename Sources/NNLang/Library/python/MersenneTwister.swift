import BigInt
import Foundation

/// CPython's `random.Random` core: MT19937 with CPython's seeding (`init_by_array` of the
/// seed's 32-bit words) and its `random()`, `getrandbits()` and `_randbelow()` algorithms,
/// so a seeded program draws the same numbers as under CPython.
final class MersenneTwister {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624
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
        initByArray(words.isEmpty ? [0] : words)
        gaussNext = nil
    }

    private func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<624 { state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i) }
        index = 624
    }

    private func initByArray(_ key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1
        var j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 {
                state[0] = state[623]
                i = 1
            }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 {
                state[0] = state[623]
                i = 1
            }
        }
        state[0] = 0x8000_0000
    }

    func nextUInt32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 1 ? 0x9908_B0DF : 0)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random()`: 53 random bits from two draws.
    func random() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864 + b) / 9_007_199_254_740_992
    }

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
