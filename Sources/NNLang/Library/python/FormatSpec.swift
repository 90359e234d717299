import Engine

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`,
/// Python's mini-language (`format(x, spec)`, f-strings, `str.format`).
struct FormatSpec {
    var fill: Character?
    var align: Character?
    var sign: Character = "-"
    var coerceNegativeZero = false
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Lectern's limits: widths (the document's budget, `RunLimits`) and precisions that CPython
    /// would try to allocate (and fail with MemoryError, or take minutes) are refused up front.
    static var maxWidth: Int { RunLimits.current.limit(.characters) }
    static let maxPrecision = 100_000

    init(_ spec: String, typeName: String) throws(Failure) {
        var chars = Array(spec)[...]
        if chars.count >= 2, "<>^=".contains(chars[chars.startIndex + 1]) {
            fill = chars.removeFirst()
            align = chars.removeFirst()
        } else if let c = chars.first, "<>^=".contains(c) {
            align = chars.removeFirst()
        }
        if let c = chars.first, "+- ".contains(c) { sign = chars.removeFirst() }
        if chars.first == "z" {
            chars.removeFirst()
            coerceNegativeZero = true
        }
        if chars.first == "#" {
            chars.removeFirst()
            alternate = true
        }
        if chars.first == "0" {
            chars.removeFirst()
            zeroPad = true
        }
        if let w = try FormatSpec.number(&chars) {
            // CPython's MemoryError here has no message; the hint names Lectern's limit.
            guard w <= FormatSpec.maxWidth else {
                throw Failure("MemoryError", hint: "a format width of \(w) is over Lectern's limit of \(FormatSpec.maxWidth) characters")
            }
            width = w
        }
        if let c = chars.first, c == "," || c == "_" {
            grouping = chars.removeFirst()
            if let d = chars.first, d == "," || d == "_" { throw Failure("ValueError: Cannot specify both ',' and '_'.") }
        }
        if chars.first == "." {
            chars.removeFirst()
            guard let p = try FormatSpec.number(&chars) else { throw Failure("ValueError: Format specifier missing precision") }
            guard p <= Int(Int32.max) else { throw Failure("ValueError: precision too big") }
            guard p <= FormatSpec.maxPrecision else {
                throw Failure("MemoryError", hint: "a precision of \(p) is over Lectern's limit of \(FormatSpec.maxPrecision)")
            }
            precision = p
        }
        if chars.count == 1 { type = chars.removeFirst() }
        guard chars.isEmpty else { throw Failure("ValueError: Invalid format specifier '\(spec)' for object of type '\(typeName)'") }
        if zeroPad && fill == nil { fill = "0" }
        if let g = grouping, let t = type {
            let allowed = g == "," ? "dfFeEgG%" : "dfFeEgG%boxX"
            guard allowed.contains(t) else { throw Failure("ValueError: Cannot specify '\(g)' with '\(t)'.") }
        }
    }

    /// Decimal digits, or CPython's error when they overflow a machine word.
    private static func number(_ chars: inout ArraySlice<Character>) throws(Failure) -> Int? {
        var n: Int?
        while let c = chars.first, c.isASCII, let d = c.wholeNumberValue {
            chars.removeFirst()
            let (m, o1) = (n ?? 0).multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            guard !o1, !o2 else { throw Failure("ValueError: Too many decimal digits in format string") }
            n = s
        }
        return n
    }

    /// Pads `sign + prefix + body` to the width, with the sign-aware `=` alignment for numbers.
    func pad(sign signText: String, prefix: String = "", _ body: String, numeric: Bool) -> String {
        let content = signText + prefix + body
        let count = content.count
        guard count < width else { return content }
        let fillChar = fill ?? " "
        let padding = String(repeating: fillChar, count: width - count)
        let alignment = align ?? (numeric ? (zeroPad ? "=" : ">") : "<")
        switch alignment {
        case "<": return content + padding
        case "^":
            let left = (width - count) / 2
            return String(repeating: fillChar, count: left) + content + String(repeating: fillChar, count: width - count - left)
        case "=": return signText + prefix + padding + body
        default: return padding + content
        }
    }

    /// Groups an integer's digits (`1,234,567`; `_` every four for b/o/x); with zero padding
    /// the zeros are grouped too, as CPython does (`f"{1234:08,}"` is `0,001,234`).
    func group(_ digits: String, minimumWidth: Int) -> String {
        guard let separator = grouping else {
            if fill == "0" && (align ?? "=") == "=" && digits.count < minimumWidth {
                return String(repeating: "0", count: minimumWidth - digits.count) + digits
            }
            return digits
        }
        let size = type.map { "boxX".contains($0) } ?? false ? 4 : 3
        func grouped(_ d: [Character]) -> String {
            var out: [Character] = []
            for (i, c) in d.enumerated() {
                if i > 0 && (d.count - i) % size == 0 { out.append(separator) }
                out.append(c)
            }
            return String(out)
        }
        var d = Array(digits)
        var text = grouped(d)
        if fill == "0" && (align ?? "=") == "=" {
            while text.count < minimumWidth {
                d.insert("0", at: 0)
                text = grouped(d)
            }
        }
        return text
    }
}
