import BigInt

// MARK: - printf-style `%` formatting of strings, as CPython 3.11

extension Interpreter {
    /// `"%.3f" % x`, `"%d %s" % (a, b)`, `"%(name)s" % mapping`, `%%`, `*` widths.
    func percentFormat(_ template: String, _ args: Value) throws(Failure) -> String {
        var mapping: DictBox?
        if case .dict(let d) = args { mapping = d }
        var values: [Value]
        if case .tuple(let t) = args { values = t } else { values = [args] }
        var next = 0
        func nextArgument() throws(Failure) -> Value {
            guard next < values.count else { throw Failure("TypeError: not enough arguments for format string") }
            next += 1
            return values[next - 1]
        }
        let chars = Array(template)
        var out = ""
        var i = 0
        func peek() -> Character? { i < chars.count ? chars[i] : nil }
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else {
                out.append(c)
                continue
            }
            var keyed: Value?
            if peek() == "(" {
                guard let mapping else { throw Failure("TypeError: format requires a mapping") }
                var depth = 1
                var key = ""
                i += 1
                while let d = peek(), depth > 0 {
                    i += 1
                    if d == "(" { depth += 1 }
                    if d == ")" { depth -= 1 }
                    if depth > 0 { key.append(d) }
                }
                guard depth == 0 else { throw Failure("ValueError: incomplete format key") }
                guard let v = mapping.get(.str(key)) else { throw Failure("KeyError: \(PyInt.pythonQuoted(key))") }
                keyed = v
            }
            var flags = Set<Character>()
            while let d = peek(), "-+ #0".contains(d) {
                flags.insert(d)
                i += 1
            }
            var width: Int?
            var precision: Int?
            if peek() == "*" {
                i += 1
                width = try nextArgument().asInt("* wants int")
            } else {
                width = digits(chars, &i)
            }
            if peek() == "." {
                i += 1
                if peek() == "*" {
                    i += 1
                    precision = try nextArgument().asInt("* wants int")
                } else {
                    precision = digits(chars, &i) ?? 0
                }
            }
            while let d = peek(), "hlL".contains(d) { i += 1 }
            guard let type = peek() else { throw Failure("ValueError: incomplete format") }
            i += 1
            if type == "%" {
                out.append("%")
                continue
            }
            let value: Value
            if let keyed { value = keyed } else { value = try nextArgument() }
            if let w = width, w < 0 {
                flags.insert("-")
                width = w == .min ? .max : -w
            }
            out += try percentField(value, type: type, flags: flags, width: width ?? 0, precision: precision, index: i - 1)
        }
        if mapping == nil && next < values.count {
            throw Failure("TypeError: not all arguments converted during string formatting")
        }
        return out
    }

    private func digits(_ chars: [Character], _ i: inout Int) -> Int? {
        var n: Int?
        while i < chars.count, chars[i].isASCII, let d = chars[i].wholeNumberValue {
            n = Swift.min((n ?? 0) * 10 + d, FormatSpec.maxWidth + 1)
            i += 1
        }
        return n
    }

    /// One `%` conversion, done through the format-spec formatter with the matching spec.
    private func percentField(_ value: Value, type: Character, flags: Set<Character>, width: Int, precision: Int?, index: Int)
        throws(Failure)
        -> String
    {
        // A one-element array converts to its number, as numpy's `__int__`/`__float__` allow.
        var v = value
        if case .tensor(let t) = value, t.value.count == 1, type != "s", type != "r", type != "a" { v = .float(t.value.scalars[0]) }
        let left = flags.contains("-")
        let sign = flags.contains("+") ? "+" : (flags.contains(" ") ? " " : "")
        let zero = flags.contains("0") && !left ? "0" : ""
        let alternate = flags.contains("#") ? "#" : ""
        let align = left ? "<" : ">"
        let size = width > 0 ? String(Swift.min(width, FormatSpec.maxWidth + 1)) : ""
        switch type {
        case "s", "r", "a":
            var text = type == "s" ? try checkedStr(v) : pythonRepr(v)
            if type == "a" { text = Interpreter.asciiEscaped(text) }
            return try formatString(text, align + size + (precision.map { ".\($0)" } ?? ""))
        case "c":
            let char: String
            if case .str(let s) = v, s.count == 1 {
                char = s
            } else if let x = v.exactInteger {
                guard let i = Int(exactly: x), (0..<0x110000).contains(i), let scalar = Unicode.Scalar(UInt32(i)) else {
                    throw Failure("OverflowError: %c arg not in range(0x110000)")
                }
                char = String(Character(scalar))
            } else {
                throw Failure("TypeError: %c requires int or char")
            }
            return try formatString(char, align + size)
        case "d", "i", "u", "x", "X", "o":
            let integer: BigInt
            if let x = v.exactInteger {
                integer = x
            } else if "diu".contains(type), v.isNumber, case let x? = try PyInt.fromDouble(try v.asDouble()).exactInteger {
                integer = x
            } else {
                let need = "diu".contains(type) ? "a real number" : "an integer"
                throw Failure("TypeError: %\(type) format: \(need) is required, not \(v.typeName)")
            }
            let code = "diu".contains(type) ? "d" : String(type)
            var text = try formatInteger(integer, FormatSpec(sign + alternate + code, typeName: "int"))
            if let p = precision {
                // A precision on an integer is a minimum number of digits.
                let signPart = text.prefix { "+- ".contains($0) }
                let prefixPart = alternate.isEmpty ? "" : text.dropFirst(signPart.count).prefix(2)
                let digitsPart = text.dropFirst(signPart.count + prefixPart.count)
                text = signPart + prefixPart + String(repeating: "0", count: Swift.max(0, p - digitsPart.count)) + digitsPart
                return try formatString(text, align + size)
            }
            return try formatInteger(integer, FormatSpec((left ? "<" : "") + sign + alternate + zero + size + code, typeName: "int"))
        case "e", "E", "f", "F", "g", "G":
            guard v.isNumber else { throw Failure("TypeError: must be real number, not \(v.typeName)") }
            let spec = (left ? "<" : "") + sign + alternate + zero + size + "." + String(precision ?? 6) + String(type)
            return try formatFloat(try v.asDouble(), FormatSpec(spec, typeName: "float"))
        default:
            let code = type.unicodeScalars.first!.value
            throw Failure("ValueError: unsupported format character '\(type)' (0x\(String(code, radix: 16))) at index \(index)")
        }
    }

    /// `ascii()`: the repr with every non-ASCII character escaped.
    static func asciiEscaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII {
                out.unicodeScalars.append(u)
            } else if u.value <= 0xFF {
                out += "\\x" + String(repeating: "0", count: 2 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            } else if u.value <= 0xFFFF {
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            } else {
                out += "\\U" + String(repeating: "0", count: 8 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            }
        }
        return out
    }
}
