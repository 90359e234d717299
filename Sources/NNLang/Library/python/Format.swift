import BigInt
import Display
import Foundation

// MARK: - format(value, spec) for int, bool, float, str and None, as CPython 3.11

extension Interpreter {
    /// Python's `format(v, spec)`: what f-strings, `str.format` and `format()` produce.
    func formatValue(_ v: Value, spec: String) throws(Failure) -> String {
        switch v {
        case .instance(let i):
            if let f = try instanceAttribute(i, "__format__") { return str(try callValue(f, [.str(spec)])) }
            guard spec.isEmpty else { throw Failure("TypeError: unsupported format string passed to \(i.cls.name).__format__") }
            return str(v)
        case .str(let s): return try formatString(s, spec)
        case .int, .bigint, .bool:
            // An empty spec is str() (so `True` stays `True`); any other formats the int.
            if spec.isEmpty { return try checkedStr(v) }
            let parsed = try parsedSpec(spec, typeName: v.typeName)
            if case .int(let i) = v, let text = try formatMachineInteger(i, parsed) { return text }
            return try formatInteger(v.exactInteger!, parsed)
        case .float(let d): return try formatFloat(d, parsedSpec(spec, typeName: "float"))
        case .tensor(let t) where t.value.count == 1 && t.value.rank == 0:
            // A numpy scalar: integer codes format an integral value as numpy's int64 would.
            let x = t.value.scalars[0]
            let parsed = try parsedSpec(spec, typeName: "float")
            if let code = parsed.type, "dboxXc".contains(code), x.isFinite, x == x.rounded(), let i = BigInt(exactly: x) {
                return try formatInteger(i, parsed)
            }
            return try formatFloat(x, parsed)
        default:
            if spec.isEmpty { return str(v) }
            let owner = v.typeName == "ndarray" ? "numpy.ndarray" : v.typeName
            throw Failure("TypeError: unsupported format string passed to \(owner).__format__")
        }
    }

    /// A format spec parsed once per document and type (a loop formats with the same spec
    /// again and again).
    func parsedSpec(_ text: String, typeName: String) throws(Failure) -> FormatSpec {
        for recent in recentSpecs where recent.text == text && recent.typeName == typeName { return recent.spec }
        let key = typeName + ":" + text
        let spec: FormatSpec
        if let known = formatSpecs[key] {
            spec = known
        } else {
            spec = try FormatSpec(text, typeName: typeName)
            if formatSpecs.count < 10_000 { formatSpecs[key] = spec }
        }
        if recentSpecs.count == 8 { recentSpecs.removeFirst() }
        recentSpecs.append((text, typeName, spec))
        return spec
    }

    func formatString(_ s: String, _ text: String) throws(Failure) -> String {
        let spec = try parsedSpec(text, typeName: "str")
        if let t = spec.type, t != "s" { throw Failure("ValueError: Unknown format code '\(t)' for object of type 'str'") }
        if spec.sign != "-" { throw Failure("ValueError: Sign not allowed in string format specifier") }
        if spec.alternate { throw Failure("ValueError: Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw Failure("ValueError: '=' alignment not allowed in string format specifier") }
        if let g = spec.grouping { throw Failure("ValueError: Cannot specify '\(g)' with 's'.") }
        return spec.pad(sign: "", spec.precision.map { String(s.prefix($0)) } ?? s, numeric: false)
    }

    /// `formatInteger` for a machine-size int in decimal or hexadecimal without a precision
    /// (the usual loop counter in an f-string), with no BigInt made; nil for anything else.
    func formatMachineInteger(_ i: Int, _ spec: FormatSpec) throws(Failure) -> String? {
        let type = spec.type ?? "d"
        guard "dnxX".contains(type), spec.precision == nil, !spec.coerceNegativeZero, !spec.alternate else { return nil }
        let signText = i < 0 ? "-" : (spec.sign == "-" ? "" : String(spec.sign))
        var digits = String(i.magnitude, radix: type == "d" || type == "n" ? 10 : 16)
        if type == "X" { digits = digits.uppercased() }
        return spec.pad(sign: signText, spec.group(digits, minimumWidth: spec.width - signText.count), numeric: true)
    }

    func formatInteger(_ x: BigInt, _ spec: FormatSpec) throws(Failure) -> String {
        let type = spec.type ?? "d"
        if "eEfFgG%".contains(type) { return try formatFloat(try PyInt.toDouble(x), spec) }
        guard "dnbcoxX".contains(type) else { throw Failure("ValueError: Unknown format code '\(type)' for object of type 'int'") }
        if spec.precision != nil { throw Failure("ValueError: Precision not allowed in integer format specifier") }
        if spec.coerceNegativeZero { throw Failure("ValueError: Negative zero coercion (z) not allowed in integer format specifier") }
        let signText = x < 0 ? "-" : (spec.sign == "-" ? "" : String(spec.sign))
        if type == "c" {
            if spec.sign != "-" { throw Failure("ValueError: Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw Failure("ValueError: Alternate form (#) not allowed with integer format specifier 'c'") }
            guard let i = Int(exactly: x) else { throw Failure("OverflowError: Python int too large to convert to C long") }
            guard (0..<0x110000).contains(i), let scalar = Unicode.Scalar(UInt32(i)) else {
                throw Failure("OverflowError: %c arg not in range(0x110000)")
            }
            return spec.pad(sign: "", String(Character(scalar)), numeric: true)
        }
        let radix = ["b": 2, "o": 8, "x": 16, "X": 16][type] ?? 10
        var digits =
            if let small = Int(exactly: x.magnitude) { String(small, radix: radix) } else {
                radix == 10 ? try PyInt.decimal(BigInt(x.magnitude)) : String(x.magnitude, radix: radix)
            }
        if type == "X" { digits = digits.uppercased() }
        let prefix = spec.alternate && radix != 10 ? "0" + String(type == "X" ? "X" : type) : ""
        let body = spec.group(digits, minimumWidth: spec.width - signText.count - prefix.count)
        return spec.pad(sign: signText, prefix: prefix, body, numeric: true)
    }

    func formatFloat(_ d: Double, _ spec: FormatSpec) throws(Failure) -> String {
        var body: String
        let m = Swift.abs(d)
        let flag = spec.alternate ? "#" : ""
        switch spec.type {
        case nil:
            if let p = spec.precision {
                body = Interpreter.generalFormat(m, precision: max(p, 1), alternate: spec.alternate, addDotZero: true)
            } else {
                body = Interpreter.floatRepr(m)
            }
        case "f", "F": body = cFormat("%\(flag).\(spec.precision ?? 6)f", m)
        case "e", "E": body = cFormat("%\(flag).\(spec.precision ?? 6)e", m)
        case "g", "G", "n":
            body = Interpreter.generalFormat(m, precision: max(spec.precision ?? 6, 1), alternate: spec.alternate, addDotZero: false)
        case "%": body = cFormat("%\(flag).\(spec.precision ?? 6)f", m * 100) + "%"
        case let t?: throw Failure("ValueError: Unknown format code '\(t)' for object of type 'float'")
        }
        if let t = spec.type, "EFG".contains(t) { body = body.uppercased() }
        var negative = d.sign == .minus && !d.isNaN
        // `z` drops the sign of a value that rounds to zero.
        // The digits here are ASCII: comparing bytes avoids Unicode's numeric-type lookup.
        if negative && spec.coerceNegativeZero && !body.utf8.contains(where: { $0 >= 0x31 && $0 <= 0x39 }) && m.isFinite {
            negative = false
        }
        let signText = negative ? "-" : (spec.sign == "-" ? "" : String(spec.sign))
        let intEnd = body.utf8.firstIndex { $0 < 0x30 || $0 > 0x39 } ?? body.endIndex
        let rest = String(body[intEnd...])
        if m.isFinite {
            body = spec.group(String(body[..<intEnd]), minimumWidth: spec.width - signText.count - rest.count) + rest
        }
        return spec.pad(sign: signText, body, numeric: true)
    }

    /// `%g`, and for a spec with a precision but no type, CPython's variant that switches to
    /// exponent notation one digit sooner and always shows a decimal point (`1.0`, `1.2e+01`).
    static func generalFormat(_ m: Double, precision p: Int, alternate: Bool, addDotZero: Bool) -> String {
        guard m.isFinite else { return m.isNaN ? "nan" : "inf" }
        guard addDotZero else { return cFormat(alternate ? "%#.\(p)g" : "%.\(p)g", m) }
        let sci = cFormat("%.\(p - 1)e", m)
        let exponent = Int(sci[sci.index(after: sci.firstIndex(of: "e")!)...])!
        var text: String
        if exponent < -4 || exponent >= p - 1 {
            let parts = sci.split(separator: "e")
            text = (alternate ? String(parts[0]) : trimZeros(String(parts[0]))) + "e" + parts[1]
        } else {
            text = cFormat("%.\(p - 1 - exponent)f", m)
            if !alternate { text = trimZeros(text) }
            if !text.contains(".") { text += ".0" }
        }
        return text
    }

    private static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }

    /// Python's `repr(float)`: the shortest digits that round-trip, in fixed notation for
    /// exponents from -4 to 15 and as `1e-07`/`1.5e+16` outside.
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description gives the shortest round-trip digits; only the layout differs.
        let text = "\(Swift.abs(d))"
        var digits: [Character]
        var point: Int
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e].filter { $0 != "." }
            digits = Array(mantissa)
            point = Int(text[text.index(after: e)...])! + 1
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
            point = parts[0].count
        }
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let exponent = point - 1
        var out: String
        if exponent < -4 || exponent >= 16 {
            out = String(digits[0]) + (digits.count > 1 ? "." + String(digits[1...]) : "")
            out += "e" + (exponent < 0 ? "-" : "+") + (Swift.abs(exponent) < 10 ? "0" : "") + String(Swift.abs(exponent))
        } else if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            out = String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
        } else {
            out = String(digits[..<point]) + "." + String(digits[point...])
        }
        return d < 0 ? "-" + out : out
    }
}
