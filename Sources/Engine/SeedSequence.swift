/// numpy's `SeedSequence`: hashes a seed's 32-bit words into a 128-bit pool, then expands
/// the pool into as many state words as a bit generator asks for.
///
/// The constants and the order of the mixing rounds are numpy's (`bit_generator.pyx`), so
/// `default_rng(seed)` starts from exactly numpy's state.
public struct SeedSequence: Sendable {
    public private(set) var pool: [UInt32]

    private static let poolSize = 4
    private static let initA: UInt32 = 0x43b0_d7e5
    private static let multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd
    private static let multB: UInt32 = 0x58f3_8ded
    private static let mixMultL: UInt32 = 0xca01_f9dd
    private static let mixMultR: UInt32 = 0x4973_f715

    /// A non-negative integer seed, split into 32-bit words lowest first (0 is one word).
    public init(_ seed: UInt64) {
        self.init(entropy: seed >> 32 == 0 ? [UInt32(seed)] : [UInt32(truncatingIfNeeded: seed), UInt32(seed >> 32)])
    }

    /// The seed's words as numpy's `_coerce_to_uint32_array` gives them.
    public init(entropy: [UInt32]) {
        var hashConst = Self.initA
        func hashmix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConst
            hashConst = hashConst &* Self.multA
            v = v &* hashConst
            return v ^ (v >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = Self.mixMultL &* x &- Self.mixMultR &* y
            return r ^ (r >> 16)
        }
        var pool = (0..<Self.poolSize).map { i in hashmix(i < entropy.count ? entropy[i] : 0) }
        // Mix all words together so late words affect earlier ones.
        for src in 0..<Self.poolSize {
            for dst in 0..<Self.poolSize where src != dst {
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
            }
        }
        // Entropy beyond the pool is folded into every pool word.
        for src in Self.poolSize..<max(entropy.count, Self.poolSize) {
            for dst in 0..<Self.poolSize {
                pool[dst] = mix(pool[dst], hashmix(entropy[src]))
            }
        }
        self.pool = pool
    }

    /// `generate_state(n, np.uint32)`.
    public func generateState32(_ count: Int) -> [UInt32] {
        var hashConst = Self.initB
        return (0..<count).map { i in
            var v = pool[i % pool.count] ^ hashConst
            hashConst = hashConst &* Self.multB
            v = v &* hashConst
            return v ^ (v >> 16)
        }
    }

    /// `generate_state(n, np.uint64)`: pairs of 32-bit words, little-endian.
    public func generateState64(_ count: Int) -> [UInt64] {
        let words = generateState32(2 * count)
        return (0..<count).map { UInt64(words[2 * $0]) | UInt64(words[2 * $0 + 1]) << 32 }
    }
}
