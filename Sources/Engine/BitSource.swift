/// A source of raw random bits, as numpy's `bitgen_t`: the algorithms numpy builds on it
/// (bounded integers, shuffles, weighted choice) are shared by the legacy MT19937 generator
/// and the PCG64 `Generator`, which differ only in how they make bits.
public protocol BitSource {
    mutating func nextUInt32() -> UInt32
    mutating func nextUInt64() -> UInt64
    mutating func nextDouble() -> Double
}

extension BitSource {
    /// numpy's `random_interval`: an integer in 0...max by masked rejection, drawing 32 bits
    /// while `max` fits in them (the shuffles use it).
    public mutating func interval(_ max: UInt64) -> UInt64 {
        guard max > 0 else { return 0 }
        let mask = Self.mask(max)
        while true {
            let v = max <= 0xffff_ffff ? UInt64(nextUInt32()) & mask : nextUInt64() & mask
            if v <= max { return v }
        }
    }

    /// numpy's `random_bounded_uint64`: `offset` plus an integer in 0...range, by masked
    /// rejection (legacy `randint`) or Lemire's multiply-and-reject (`Generator.integers`).
    public mutating func bounded(offset: UInt64, range: UInt64, masked: Bool) -> UInt64 {
        if range == 0 { return offset }
        if range == 0xffff_ffff { return offset &+ UInt64(nextUInt32()) }
        if range == .max { return offset &+ nextUInt64() }
        if range < 0xffff_ffff {
            let r = UInt32(range)
            return offset &+ UInt64(masked ? maskedUInt32(r) : lemireUInt32(r))
        }
        return offset &+ (masked ? maskedUInt64(range) : lemireUInt64(range))
    }

    /// An integer in low..<high (or low...high with `endpoint`) as numpy's `_rand_int64`.
    public mutating func integer(_ low: Int, _ high: Int, endpoint: Bool, masked: Bool) -> Int {
        let top = endpoint ? high : high - 1
        let range = UInt64(bitPattern: Int64(top) &- Int64(low))
        return Int(Int64(bitPattern: bounded(offset: UInt64(bitPattern: Int64(low)), range: range, masked: masked)))
    }

    /// The smallest all-ones mask that covers `max`.
    static func mask(_ max: UInt64) -> UInt64 {
        var m = max
        for s: UInt64 in [1, 2, 4, 8, 16, 32] { m |= m >> s }
        return m
    }

    private mutating func maskedUInt32(_ range: UInt32) -> UInt32 {
        let mask = UInt32(Self.mask(UInt64(range)))
        while true {
            let v = nextUInt32() & mask
            if v <= range { return v }
        }
    }

    private mutating func maskedUInt64(_ range: UInt64) -> UInt64 {
        let mask = Self.mask(range)
        while true {
            let v = nextUInt64() & mask
            if v <= range { return v }
        }
    }

    /// Lemire's method (arXiv:1805.10941): the high half of draw · (range + 1), rejecting the
    /// few low halves that would bias it.
    private mutating func lemireUInt32(_ range: UInt32) -> UInt32 {
        let excl = range + 1
        var m = UInt64(nextUInt32()) * UInt64(excl)
        if UInt32(truncatingIfNeeded: m) < excl {
            let threshold = (UInt32.max - range) % excl
            while UInt32(truncatingIfNeeded: m) < threshold { m = UInt64(nextUInt32()) * UInt64(excl) }
        }
        return UInt32(m >> 32)
    }

    private mutating func lemireUInt64(_ range: UInt64) -> UInt64 {
        let excl = range + 1
        var m = nextUInt64().multipliedFullWidth(by: excl)
        if m.low < excl {
            let threshold = (UInt64.max - range) % excl
            while m.low < threshold { m = nextUInt64().multipliedFullWidth(by: excl) }
        }
        return m.high
    }

    /// Fisher–Yates from the end with `interval` draws (numpy's `shuffle` of a 1-D sequence).
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, through: 1, by: -1) {
            values.swapAt(i, Int(interval(UInt64(i))))
        }
    }

    /// Fisher–Yates over positions count-1 down to `first` with Lemire draws (numpy's `_shuffle_int`).
    mutating func shuffleInts(_ values: inout [Int], first: Int) {
        guard values.count > first else { return }
        for i in stride(from: values.count - 1, through: max(first, 1), by: -1) {
            values.swapAt(i, Int(bounded(offset: 0, range: UInt64(i), masked: false)))
        }
    }

    /// Indices drawn with probabilities `p` and replacement: each uniform draw is placed in
    /// the normalised running sum of `p` (numpy's `cdf.searchsorted(u, side='right')`).
    public mutating func weightedIndices(_ p: [Double], count: Int) -> [Int] {
        let cdf = Self.normalisedCDF(p)
        return (0..<count).map { _ in Self.searchRight(cdf, nextDouble()) }
    }

    /// Distinct indices drawn with probabilities `p`: numpy's loop that redraws the missing
    /// ones with the found ones' weights set to zero, keeping each round's first occurrences.
    public mutating func weightedDistinctIndices(_ p: [Double], count: Int) -> [Int] {
        var weights = p
        var found: [Int] = []
        while found.count < count {
            let draws = (0..<(count - found.count)).map { _ in nextDouble() }
            for i in found { weights[i] = 0 }
            let cdf = Self.normalisedCDF(weights)
            var seen = Set<Int>()
            for u in draws {
                let i = Self.searchRight(cdf, u)
                if seen.insert(i).inserted { found.append(i) }
            }
        }
        return found
    }

    /// `np.cumsum(p)` (sequential, as numpy's accumulate) divided by its last element.
    static func normalisedCDF(_ p: [Double]) -> [Double] {
        var total = 0.0
        var cdf = p.map { x in
            total += x
            return total
        }
        let last = cdf.last ?? 1
        for i in cdf.indices { cdf[i] /= last }
        return cdf
    }

    /// The number of elements of sorted `cdf` that are ≤ `u`.
    static func searchRight(_ cdf: [Double], _ u: Double) -> Int {
        var lo = 0
        var hi = cdf.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] <= u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Generator: BitSource {
    /// MT19937's 64-bit draw: the first 32-bit draw is the high half (numpy's `mt19937_next64`).
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }
}
