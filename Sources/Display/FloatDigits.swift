import Foundation

/// The decimal digits of a float, as numpy's Dragon4 produces them: the shortest digits that
/// round-trip (for the float's own precision), or the exact value correctly rounded to a
/// number of places when that is shorter.
struct FloatDigits {
    /// Significant digits without leading or trailing zeros ("0" for zero).
    var digits: [Character]
    /// Where the decimal point sits: the value is 0.d₁d₂… × 10^point.
    var point: Int
    let negative: Bool

    init(_ x: Double, float32: Bool) {
        negative = x.sign == .minus
        let text = float32 ? Float(Swift.abs(x)).description : Swift.abs(x).description
        (digits, point) = FloatDigits.parse(text)
    }

    private init(digits: [Character], point: Int, negative: Bool) {
        self.digits = digits
        self.point = point
        self.negative = negative
    }

    /// Digits and point position of a decimal text such as `12.5`, `1e-05` or `1.25e+16`.
    static func parse(_ text: String) -> ([Character], Int) {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(mantissa[0]) + (mantissa.count > 1 ? Array(mantissa[1]) : [])
        var point = mantissa[0].count + exponent
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        if digits == ["0"] { point = 1 }
        return (digits, point)
    }

    /// Digits after the decimal point in positional form.
    var fractionCount: Int { digits == ["0"] ? 0 : Swift.max(0, digits.count - point) }

    /// Rounded to `places` digits after the point, if the shortest form has more (unique mode).
    func roundedPositional(_ x: Double, places: Int) -> FloatDigits {
        guard fractionCount > places else { return self }
        let (d, p) = FloatDigits.parse(cFormat("%.\(places)f", Swift.abs(x)))
        return FloatDigits(digits: d, point: p, negative: negative)
    }

    /// Rounded to `places` digits after the first significant one (scientific unique mode).
    func roundedScientific(_ x: Double, places: Int) -> FloatDigits {
        guard digits.count - 1 > places else { return self }
        let (d, p) = FloatDigits.parse(cFormat("%.\(places)e", Swift.abs(x)))
        return FloatDigits(digits: d, point: p, negative: negative)
    }

    /// The exact value correctly rounded to `places` digits after the first significant one.
    func exactScientific(_ x: Double, places: Int) -> FloatDigits {
        let (d, p) = FloatDigits.parse(cFormat("%.\(places)e", Swift.abs(x)))
        return FloatDigits(digits: d, point: p, negative: negative)
    }

    /// Integer part (with sign) and fraction digits of the positional form.
    func positionalParts(minDigits: Int) -> (String, String) {
        let isZero = digits == ["0"]
        var intPart = ""
        var frac = ""
        if isZero {
            intPart = "0"
        } else if point <= 0 {
            intPart = "0"
            frac = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            intPart = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            intPart = String(digits[..<point])
            frac = String(digits[point...])
        }
        if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
        return ((negative ? "-" : "") + intPart, frac)
    }

    /// `12.5`, or `3.0` with `minDigits: 1` (Python's repr), `3.` with none.
    func positional(minDigits: Int) -> String {
        let (i, f) = positionalParts(minDigits: minDigits)
        return i + "." + f
    }

    /// `1.5e-05`; `keepPoint` writes `1.e-05` for a single digit, as arrays do.
    func scientific(minDigits: Int, expDigits: Int, keepPoint: Bool) -> String {
        let (mantissa, exponent) = scientificParts(minDigits: minDigits)
        let point = mantissa.1.isEmpty && !keepPoint ? "" : "."
        return mantissa.0 + point + mantissa.1 + FloatDigits.exponentText(exponent, digits: expDigits)
    }

    func scientificParts(minDigits: Int) -> ((String, String), Int) {
        let isZero = digits == ["0"]
        var frac = String(digits.dropFirst())
        if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
        return (((negative ? "-" : "") + String(digits[0]), frac), isZero ? 0 : point - 1)
    }

    static func exponentText(_ e: Int, digits: Int) -> String {
        let magnitude = String(Swift.abs(e))
        return "e" + (e < 0 ? "-" : "+") + String(repeating: "0", count: Swift.max(0, Swift.max(digits, 2) - magnitude.count)) + magnitude
    }
}

/// numpy's per-array element formatter (`FloatingFormat`, `IntegerFormat`, `BoolFormat`):
/// one layout chosen from all the values, then applied to each.
package struct ElementFormat {
    let kind: ElementKind
    let precision: Int
    let float32: Bool
    var expFormat = false
    var padLeft = 0
    var padRight = 0
    var expSize = -1
    var width = 0
    var trueText = " True"

    init(values: [Double], kind: ElementKind, options: PrintOptions, checkpoint: Checkpoint) throws(Checkpoint.Stopped) {
        self.kind = kind
        precision = options.precision
        float32 = kind == .float32
        switch kind {
        case .bool: break
        case .int:
            let texts = [values.max(), values.min()].compactMap { $0 }.map(ArrayPrinter.integerText)
            width = texts.map(\.count).max() ?? 0
        case .float64, .float32: try fillFloat(values, options, checkpoint)
        }
    }

    private mutating func fillFloat(_ values: [Double], _ options: PrintOptions, _ checkpoint: Checkpoint) throws(Checkpoint.Stopped) {
        let finite = values.filter(\.isFinite)
        let nonZero = finite.filter { $0 != 0 }.map(Swift.abs)
        if let maxVal = nonZero.max(), let minVal = nonZero.min() {
            let cutoff = float32 ? 1e6 : 1e8
            if maxVal >= cutoff || (!options.suppress && (minVal < 0.0001 || maxVal / minVal > 1000)) { expFormat = true }
        }
        if finite.isEmpty {
            padLeft = 0
            padRight = 0
        } else if expFormat {
            let parts = try finite.map { x throws(Checkpoint.Stopped) in
                try checkpoint.tick()
                return FloatDigits(x, float32: float32).roundedScientific(x, places: precision).scientificParts(minDigits: 0)
            }
            padRight = parts.map(\.0.1.count).max() ?? 0
            expSize = parts.map { String(Swift.abs($0.1)).count }.map { Swift.max($0, 2) }.max() ?? 2
            padLeft = parts.map(\.0.0.count).max() ?? 0
        } else {
            let parts = try finite.map { x throws(Checkpoint.Stopped) in
                try checkpoint.tick()
                return FloatDigits(x, float32: float32).roundedPositional(x, places: precision).positionalParts(minDigits: 0)
            }
            padLeft = parts.map(\.0.count).max() ?? 0
            padRight = parts.map(\.1.count).max() ?? 0
        }
        if finite.count != values.count {
            let negInf = values.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
            let offset = (expFormat ? expSize + 2 + padRight : padRight) + 1
            padLeft = Swift.max(padLeft, 3 - offset, 3 + negInf - offset)
        }
    }

    /// One bool or integer element without padding.
    package static func plainText(_ x: Double, _ kind: ElementKind) -> String {
        kind == .bool ? (x != 0 ? "True" : "False") : ArrayPrinter.integerText(x)
    }

    func text(_ x: Double) -> String {
        switch kind {
        case .bool: return x != 0 ? trueText : "False"
        case .int:
            let t = ArrayPrinter.integerText(x)
            return String(repeating: " ", count: Swift.max(0, width - t.count)) + t
        case .float64, .float32: return floatText(x)
        }
    }

    private func floatText(_ x: Double) -> String {
        let right = expFormat ? expSize + 2 + padRight : padRight
        if !x.isFinite {
            let t = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: Swift.max(0, padLeft + right + 1 - t.count)) + t
        }
        let d = FloatDigits(x, float32: float32)
        if expFormat {
            // Dragon4 fills the requested digits with the exact value's digits, which for float32
            // go beyond its shortest form (float64's shortest form is always exact that far).
            let digits = float32 ? d.exactScientific(x, places: padRight) : d.roundedScientific(x, places: padRight)
            let ((i, f), e) = digits.scientificParts(minDigits: padRight)
            return String(repeating: " ", count: Swift.max(0, padLeft - i.count)) + i + "." + f
                + FloatDigits.exponentText(e, digits: expSize)
        }
        let (i, f) = d.roundedPositional(x, places: precision).positionalParts(minDigits: 0)
        return String(repeating: " ", count: Swift.max(0, padLeft - i.count)) + i + "." + f
            + String(repeating: " ", count: Swift.max(0, padRight - f.count))
    }
}
