/// numpy's default bit generator: a 128-bit LCG with the XSL-RR output (`pcg64.h`).
///
/// 128-bit arithmetic is done on two `UInt64` halves, so it needs no `UInt128` (which older
/// Apple platforms lack).
public struct PCG64: BitSource, Sendable {
    private var high: UInt64
    private var low: UInt64
    private let incrementHigh: UInt64
    private let incrementLow: UInt64
    /// numpy hands out a 64-bit draw as two 32-bit halves, low half first.
    private var bufferedHalf: UInt32?

    private static let multiplierHigh: UInt64 = 2_549_297_995_355_413_924
    private static let multiplierLow: UInt64 = 4_865_540_595_714_422_341

    /// Seeds as `PCG64(SeedSequence(seed))`: four state words give the state and the stream.
    public init(_ seeds: SeedSequence) {
        let words = seeds.generateState64(4)
        // pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1, then step, add initstate, step.
        incrementHigh = words[2] << 1 | words[3] >> 63
        incrementLow = words[3] << 1 | 1
        high = 0
        low = 0
        step()
        let (sum, carry) = low.addingReportingOverflow(words[1])
        low = sum
        high = high &+ words[0] &+ (carry ? 1 : 0)
        step()
    }

    public init(seed: UInt64) { self.init(SeedSequence(seed)) }

    /// state = state · multiplier + increment (mod 2¹²⁸).
    private mutating func step() {
        let product = low.multipliedFullWidth(by: Self.multiplierLow)
        let productHigh = product.high &+ high &* Self.multiplierLow &+ low &* Self.multiplierHigh
        let (sum, carry) = product.low.addingReportingOverflow(incrementLow)
        low = sum
        high = productHigh &+ incrementHigh &+ (carry ? 1 : 0)
    }

    public mutating func nextUInt64() -> UInt64 {
        step()
        let x = high ^ low
        let rotation = high >> 58
        return x >> rotation | x << ((64 - rotation) & 63)
    }

    public mutating func nextUInt32() -> UInt32 {
        if let half = bufferedHalf {
            bufferedHalf = nil
            return half
        }
        let next = nextUInt64()
        bufferedHalf = UInt32(next >> 32)
        return UInt32(truncatingIfNeeded: next)
    }

    /// 53 random bits: (next >> 11) · 2⁻⁵³.
    public mutating func nextDouble() -> Double { Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0) }
}
