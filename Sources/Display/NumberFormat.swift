import Foundation

/// Formats numbers for display with the document's `decimals`.
public struct NumberFormat: Sendable {
    public var decimals: Int
    public init(decimals: Int = 4) { self.decimals = decimals }

    /// A scalar: rounded to `decimals`, trailing zeros dropped (`0.5`, `0.2984`), `-0` as `0`,
    /// exponent form for tiny or huge magnitudes (`1.2e-05`), `nan`/`inf` named.
    public func scalar(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let magnitude = Swift.abs(x)
        if magnitude != 0 && (magnitude < Foundation.pow(10, Double(-decimals)) || magnitude >= 1e16) {
            return exponent(x)
        }
        return trimmed(fixed(x, decimals))
    }

    public func integer(_ n: Int) -> String { String(n) }

    /// Several numbers sharing one number of decimals, as numpy prints an array: the fewest
    /// decimals (up to `decimals`) that show every value as rounded. Whole numbers keep numpy's
    /// trailing dot (`1.`) in arrays; tables pass `integralDot: false` and get `1`.
    public func column(_ xs: [Double], integralDot: Bool = true) -> [String] {
        let finite = xs.filter(\.isFinite)
        let big = finite.map { Swift.abs($0) }.max() ?? 0
        let small = finite.map { Swift.abs($0) }.filter { $0 != 0 }.min() ?? 1
        if big >= 1e16 || (small < Foundation.pow(10, Double(-decimals)) && big < 1e-2 * 1) {
            return xs.map { $0.isFinite ? exponent($0) : scalar($0) }
        }
        var places = 0
        for x in finite {
            let s = fixed(x, decimals)
            if let dot = s.firstIndex(of: ".") {
                let frac = s[s.index(after: dot)...].reversed().drop(while: { $0 == "0" })
                places = Swift.max(places, frac.count)
            }
        }
        let allIntegral = finite.allSatisfy { $0 == $0.rounded() }
        return xs.map { x in
            guard x.isFinite else { return scalar(x) }
            if allIntegral { return fixed(x, 0) + (integralDot ? "." : "") }
            return fixed(x, places)
        }
    }

    func fixed(_ x: Double, _ places: Int) -> String {
        let s = cFormat("%.\(places)f", x)
        // Rounding can leave a negative zero ("-0.00"); show it as zero.
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    func exponent(_ x: Double) -> String {
        // "1.2000e-05" → "1.2e-05": significant digits as in `decimals`, zeros dropped.
        let s = cFormat("%.\(Swift.max(decimals - 1, 1))e", x)
        guard let e = s.firstIndex(of: "e") else { return s }
        return trimmed(String(s[..<e])) + s[e...]
    }
}
