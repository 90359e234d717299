import Foundation

/// numpy's `Generator` over PCG64 (`np.random.default_rng(seed)`): each method draws exactly
/// as numpy 2.x does (`_generator.pyx`, `distributions.c`), so the same seed gives the same bits.
public struct NumpyGenerator: Sendable {
    public var bits: PCG64

    public init(seed: UInt64) { bits = PCG64(seed: seed) }
    public init(entropy: [UInt32]) { bits = PCG64(SeedSequence(entropy: entropy)) }

    /// `random()`: a double in [0, 1) with 53 random bits.
    public mutating func random() -> Double { bits.nextDouble() }

    /// `uniform(low, high)`: low + (high − low) · random().
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * bits.nextDouble() }

    /// `standard_normal()`: the 256-layer ziggurat of `random_standard_normal`.
    public mutating func standardNormal() -> Double {
        typealias Z = ZigguratTables
        while true {
            var r = bits.nextUInt64()
            let idx = Int(r & 0xff)
            r >>= 8
            let negative = r & 1 == 1
            let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff
            var x = Double(rabs) * Z.normalW[idx]
            if negative { x = -x }
            if rabs < Z.normalK[idx] { return x }
            if idx == 0 {
                // The tail beyond r, by Marsaglia's method; 1 − U avoids log(0).
                while true {
                    let xx = -Z.normalInverseR * Foundation.log1p(-bits.nextDouble())
                    let yy = -Foundation.log1p(-bits.nextDouble())
                    if yy + yy > xx * xx { return (rabs >> 8) & 1 == 1 ? -(Z.normalR + xx) : Z.normalR + xx }
                }
            }
            if (Z.normalF[idx - 1] - Z.normalF[idx]) * bits.nextDouble() + Z.normalF[idx] < Foundation.exp(-0.5 * x * x) { return x }
        }
    }

    /// `normal(loc, scale)`: loc + scale · standard_normal().
    public mutating func normal(_ loc: Double, _ scale: Double) -> Double { loc + scale * standardNormal() }

    /// `standard_exponential()`: the ziggurat of `random_standard_exponential`.
    public mutating func standardExponential() -> Double {
        typealias Z = ZigguratTables
        while true {
            var r = bits.nextUInt64() >> 3
            let idx = Int(r & 0xff)
            r >>= 8
            let x = Double(r) * Z.exponentialW[idx]
            if r < Z.exponentialK[idx] { return x }
            if idx == 0 { return Z.exponentialR - Foundation.log1p(-bits.nextDouble()) }
            if (Z.exponentialF[idx - 1] - Z.exponentialF[idx]) * bits.nextDouble() + Z.exponentialF[idx] < Foundation.exp(-x) { return x }
        }
    }

    /// `integers(low, high, endpoint=...)` for int64: Lemire's bounded draws.
    public mutating func integers(_ low: Int, _ high: Int, endpoint: Bool, count: Int) -> [Int] {
        (0..<count).map { _ in bits.integer(low, high, endpoint: endpoint, masked: false) }
    }

    /// `permutation(n)`: `arange(n)` shuffled.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        bits.shuffle(&p)
        return p
    }

    public mutating func shuffle<T>(_ values: inout [T]) { bits.shuffle(&values) }

    /// The indices `choice(population, size, replace, p)` picks, in numpy's order.
    public mutating func choiceIndices(_ population: Int, count: Int, replace: Bool, p: [Double]?) -> [Int] {
        if let p { return replace ? bits.weightedIndices(p, count: count) : bits.weightedDistinctIndices(p, count: count) }
        if replace { return integers(0, population, endpoint: false, count: count) }
        if population > 10_000 && count > population / 50 {
            // A tail shuffle of arange(population), keeping the last `count`.
            var all = Array(0..<population)
            bits.shuffleInts(&all, first: Swift.max(population - count, 1))
            return Array(all.suffix(count))
        }
        // Floyd's algorithm: for each j, a fresh draw from 0...j, or j itself if already taken.
        var taken = Set<Int>()
        var picks: [Int] = []
        for j in (population - count)..<population {
            let v = Int(bits.bounded(offset: 0, range: UInt64(j), masked: false))
            let pick = taken.contains(v) ? j : v
            taken.insert(pick)
            picks.append(pick)
        }
        bits.shuffleInts(&picks, first: 1)
        return picks
    }
}
