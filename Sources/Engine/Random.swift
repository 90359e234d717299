import Foundation

/// The document's random generator: MT19937 with numpy's legacy `RandomState` methods.
///
/// Seeding, `rand`, `randn` (polar Box–Muller with a cached second value), `uniform`,
/// `normal` and `permutation` draw exactly as `numpy.random` does after `np.random.seed(n)`,
/// so a lecture's random numbers are numpy's.
public struct Generator: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624
    private var cachedGauss: Double?

    public init(seed: UInt32) { self.seed(seed) }

    /// MT19937's `init_genrand`, which numpy uses for an integer seed.
    public mutating func seed(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        position = 624
        cachedGauss = nil
    }

    /// MT19937's `init_by_array`, which CPython's `random.seed(n)` uses with n's 32-bit words.
    public init(key: [UInt32]) {
        seed(19_650_218)
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

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7fff_ffff)
            var v = state[(i + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { v ^= 0x9908_b0df }
            state[i] = v
        }
        position = 0
    }

    public mutating func nextUInt32() -> UInt32 {
        if position >= 624 { twist() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A double in [0, 1) with 53 random bits (numpy's `random_sample`).
    public mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal draw (numpy's `legacy_gauss`).
    public mutating func nextGaussian() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        var x1 = 0.0
        var x2 = 0.0
        var r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * Foundation.log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// An integer in 0...max by masked rejection (numpy's `random_interval`).
    public mutating func nextInt(through max: Int) -> Int {
        if max <= 0 { return 0 }
        var mask = UInt64(max)
        for s in [1, 2, 4, 8, 16, 32] { mask |= mask >> UInt64(s) }
        while true {
            let v: UInt64
            if max <= 0xffff_ffff {
                v = UInt64(nextUInt32()) & mask
            } else {
                v = ((UInt64(nextUInt32()) << 32) | UInt64(nextUInt32())) & mask
            }
            if v <= UInt64(max) { return Int(v) }
        }
    }

    // MARK: numpy.random's vocabulary

    public mutating func rand(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in nextDouble() })
    }

    public mutating func randn(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in nextGaussian() })
    }

    public mutating func uniform(_ low: Double, _ high: Double, _ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in low + (high - low) * nextDouble() })
    }

    public mutating func normal(_ loc: Double, _ scale: Double, _ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in loc + scale * nextGaussian() })
    }

    /// Fisher–Yates from the end, as numpy's legacy `shuffle`.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, through: 1, by: -1) {
            values.swapAt(i, nextInt(through: i))
        }
    }

    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    /// numpy's legacy `choice`: with replacement by bounded integers, without by a permutation.
    public mutating func choice(_ n: Int, size: Int, replace: Bool = true) -> [Int] {
        replace ? (0..<size).map { _ in nextInt(through: n - 1) } : Array(permutation(n).prefix(size))
    }

    /// A normal draw redrawn until it lies within two standard deviations (Keras's truncated normal).
    public mutating func truncatedNormal(_ stddev: Double, _ shape: [Int]) -> Tensor {
        Tensor(
            shape: shape,
            scalars: (0..<shape.reduce(1, *)).map { _ in
                var x: Double
                repeat { x = nextGaussian() } while Swift.abs(x) > 2
                return x * stddev
            })
    }
}
