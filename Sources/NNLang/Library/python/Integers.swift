import BigInt
import Engine
import Foundation

/// A Python int too large for a machine word, boxed so that `Value` stays small.
public final class BigIntBox {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }
}

extension Value {
    /// An int: the machine word when it fits (the fast path everywhere), boxed otherwise.
    static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .bigint(BigIntBox(b))
    }

    /// The exact integer an int, big int or bool holds.
    var exactInteger: BigInt? {
        switch self {
        case .int(let i): return BigInt(i)
        case .bigint(let b): return b.value
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}

extension Interpreter {
    /// `str(v)`, with CPython's error for an int too long to write in decimal.
    func checkedStr(_ v: Value) throws(Failure) -> String {
        if case .bigint(let b) = v { return try PyInt.decimal(b.value) }
        return str(v)
    }
}

/// Python's int arithmetic beyond the machine word: results are normalised back to `.int`.
enum PyInt {
    /// The largest int a program may build (in bits), so that `2 ** 10**10` is a MemoryError
    /// rather than a process that swaps for minutes; CPython's own limit is the machine's memory.
    /// BigInt multiplies a million bits by a million in about a second (CPython: 0.03 s), and
    /// the deadline is only checked between products; at 2^20 bits (315,000 digits) the
    /// largest product takes a few tenths of a second.
    static let maxBits = 1 << 20

    /// CPython 3.11 refuses to convert ints of more than 4300 decimal digits to text.
    static let maxStringDigits = 4300

    static func checkSize(_ bits: Int) throws(Failure) {
        guard bits <= maxBits else {
            throw Failure("MemoryError", hint: "an int of \(bits) bits is over Lectern's limit of \(maxBits) bits")
        }
    }

    static func binary(_ op: String, _ x: BigInt, _ y: BigInt) throws(Failure) -> Value {
        switch op {
        case "+": return .integer(x + y)
        case "-": return .integer(x - y)
        case "*":
            try checkSize(x.magnitude.bitWidth + y.magnitude.bitWidth)
            return .integer(x * y)
        case "/": return .float(try trueDivide(x, y))
        case "//", "%":
            guard y != 0 else {
                throw Failure(
                    op == "//" ? "ZeroDivisionError: integer division or modulo by zero" : "ZeroDivisionError: integer modulo by zero")
            }
            let (q, r) = floorDivMod(x, y)
            return .integer(op == "//" ? q : r)
        case "**": return try power(x, y)
        case "<<":
            guard y >= 0 else { throw Failure("ValueError: negative shift count") }
            if x == 0 { return .int(0) }
            guard let n = Int(exactly: y) else { throw Failure("MemoryError", hint: "a shift by \(y) bits") }
            try checkSize(x.magnitude.bitWidth + n)
            return .integer(x << n)
        case ">>":
            guard y >= 0 else { throw Failure("ValueError: negative shift count") }
            guard let n = Int(exactly: y), n < x.magnitude.bitWidth else { return .int(x < 0 ? -1 : 0) }
            // Python's >> floors (an arithmetic shift), also for negative numbers.
            return .integer(floorDivMod(x, BigInt(1) << n).0)
        case "&": return .integer(x & y)
        case "|": return .integer(x | y)
        case "^": return .integer(x ^ y)
        default: throw Failure("TypeError: unsupported operand type(s) for \(op): 'int' and 'int'")
        }
    }

    /// Floor division and a remainder with the divisor's sign.
    static func floorDivMod(_ x: BigInt, _ y: BigInt) -> (BigInt, BigInt) {
        var (q, r) = x.quotientAndRemainder(dividingBy: y)
        if r != 0 && (r.sign == .minus) != (y.sign == .minus) {
            q -= 1
            r += y
        }
        return (q, r)
    }

    static func power(_ x: BigInt, _ y: BigInt) throws(Failure) -> Value {
        if y < 0 {
            guard x != 0 else { throw Failure("ZeroDivisionError: 0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(try toDouble(x), try toDouble(y)))
        }
        if x == 0 || x == 1 { return .integer(y == 0 ? 1 : x) }
        if x == -1 { return .int(y.isMultiple(of: 2) ? 1 : -1) }
        guard let e = Int(exactly: y), e <= maxBits else { throw Failure("MemoryError", hint: "an int of over \(maxBits) bits") }
        // log2|x| · e bits (for a big x, its bit width is close enough).
        let log2x = Int(exactly: x).map { Foundation.log2(Double($0.magnitude)) } ?? Double(x.magnitude.bitWidth - 1)
        try checkSize(Int(log2x * Double(e)))
        // Squaring, with the deadline between products (BigInt's `power` also squares once
        // more after the last bit, the dearest product of all).
        var result = BigInt(1)
        var base = x
        var rest = e
        while rest > 0 {
            if rest & 1 == 1 { result *= base }
            rest >>= 1
            if rest > 0 { base *= base }
            if base.magnitude.bitWidth > 1 << 16 { try engine { () throws(EngineError) in try RunLimits.checkTime() } }
        }
        return .integer(result)
    }

    /// `pow(x, y, m)` with Python's rules: a negative exponent needs an invertible base.
    static func modularPower(_ x: BigInt, _ y: BigInt, _ m: BigInt) throws(Failure) -> Value {
        guard m != 0 else { throw Failure("ValueError: pow() 3rd argument cannot be 0") }
        // Modulo ±1 everything is 0, even a base with no inverse (BigInt's `inverse` traps there).
        if m.magnitude == 1 { return .int(0) }
        var base = floorDivMod(x, m.magnitude == 0 ? 1 : BigInt(m.magnitude)).1
        var e = y
        if e < 0 {
            guard let inverse = base.inverse(BigInt(m.magnitude)) else {
                throw Failure("ValueError: base is not invertible for the given modulus")
            }
            base = inverse
            e = -e
        }
        let r = base.power(e, modulus: BigInt(m.magnitude))
        // The result takes the modulus's sign, as `%` does.
        return .integer(m < 0 && r != 0 ? r + m : r)
    }

    /// `x / y` correctly rounded, as CPython's long true division (exact quotient, then one rounding).
    static func trueDivide(_ x: BigInt, _ y: BigInt) throws(Failure) -> Double {
        guard y != 0 else { throw Failure("ZeroDivisionError: division by zero") }
        let limit = BigInt(1) << 53
        if x.magnitude <= limit.magnitude && y.magnitude <= limit.magnitude { return Double(Int(x)) / Double(Int(y)) }
        // CPython keeps the sign for a zero quotient too (`0 / -2**63` is -0.0).
        let negative = (x.sign == .minus) != (y.sign == .minus)
        let a = BigInt(x.magnitude)
        let b = BigInt(y.magnitude)
        // A quotient of 55 or 56 bits plus a sticky bit for the remainder rounds exactly once.
        let shift = a.magnitude.bitWidth - b.magnitude.bitWidth - 55
        let (q, r) = shift >= 0 ? (a).quotientAndRemainder(dividingBy: b << shift) : (a << -shift).quotientAndRemainder(dividingBy: b)
        let sticky = r != 0 ? 1 : 0
        let mantissa = Double(UInt64(q) | UInt64(sticky))
        let result = scalbn(mantissa, shift)
        guard result.isFinite else { throw Failure("OverflowError: integer division result too large for a float") }
        return negative ? -result : result
    }

    /// `float(x)`: round half to even, or CPython's OverflowError.
    static func toDouble(_ x: BigInt) throws(Failure) -> Double {
        let bits = x.magnitude.bitWidth
        if bits <= 63 { return Double(Int(x)) }
        let shift = bits - 55
        let top = x.magnitude >> shift
        let sticky: UInt64 = (top << shift) == x.magnitude ? 0 : 1
        let result = scalbn(Double(UInt64(top) | sticky), shift)
        guard result.isFinite else { throw Failure("OverflowError: int too large to convert to float") }
        return x < 0 ? -result : result
    }

    /// The exact integer value of an integral float (`int(1e300)`), or CPython's error.
    static func fromDouble(_ d: Double) throws(Failure) -> Value {
        if d.isNaN { throw Failure("ValueError: cannot convert float NaN to integer") }
        if d.isInfinite { throw Failure("OverflowError: cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        if Swift.abs(t) < 9.2e18 { return .int(Int(t)) }
        return .integer(BigInt(exactly: t)!)
    }

    /// Decimal text, with CPython 3.11's limit on digits.
    static func decimal(_ x: BigInt) throws(Failure) -> String {
        let limitMessage =
            "ValueError: Exceeds the limit (\(maxStringDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        // 10**4300 has 14,285 bits: anything wider has more digits than the limit.
        guard x.magnitude.bitWidth <= 14_285 else { throw Failure(limitMessage) }
        let text = String(x)
        guard text.count - (x < 0 ? 1 : 0) <= maxStringDigits else { throw Failure(limitMessage) }
        return text
    }

    /// `int(text, base)` as Python parses it: whitespace around, `_` between digits, a prefix
    /// matching the base (base 0 takes it from the prefix).
    static func parse(_ text: String, base: Int) throws(Failure) -> Value {
        let invalid = Failure("ValueError: invalid literal for int() with base \(base): \(pythonQuoted(text))")
        guard base == 0 || (2...36).contains(base) else { throw Failure("ValueError: int() base must be >= 2 and <= 36, or 0") }
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let c = s.first, c == "+" || c == "-" {
            negative = c == "-"
            s = s.dropFirst()
        }
        var radix = base
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        for (p, r) in prefixes where s.lowercased().hasPrefix(p) && (base == r || base == 0) {
            radix = r
            s = s.dropFirst(2)
            if s.first == "_" { s = s.dropFirst() }
        }
        if radix == 0 {
            radix = 10
            // Base 0 refuses leading zeros on a non-zero decimal, as Python's literals do.
            if s.count > 1, s.first == "0", s.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
        }
        guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else { throw invalid }
        let digits = s.filter { $0 != "_" }
        guard digits.count <= maxStringDigits || radix & (radix - 1) == 0 else {
            throw Failure(
                "ValueError: Exceeds the limit (\(maxStringDigits) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit"
            )
        }
        var value = BigInt(0)
        var chunk = 0
        var chunkScale = 1
        for c in digits {
            // Digits 0-9 then letters a-z in either case, as far as the base allows.
            guard c.isASCII, let d = c.isNumber ? c.wholeNumberValue : (c.isLetter ? Int(c.asciiValue! | 0x20) - 87 : nil), d < radix else {
                throw invalid
            }
            chunk = chunk * radix + d
            chunkScale *= radix
            if chunkScale > 1 << 40 {
                value = value * BigInt(chunkScale) + BigInt(chunk)
                (chunk, chunkScale) = (0, 1)
            }
        }
        value = value * BigInt(chunkScale) + BigInt(chunk)
        return .integer(negative ? -value : value)
    }

    /// A string as Python's `repr` quotes it (for error messages).
    static func pythonQuoted(_ s: String) -> String {
        let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        return quote + s.replacingOccurrences(of: "\\", with: "\\\\") + quote
    }

    /// CPython's hash of an int: the value modulo the Mersenne prime 2**61 - 1, with -1 → -2.
    static func hash(_ x: BigInt) -> Int {
        let modulus = (BigInt(1) << 61) - 1
        var h = Int(BigInt(x.magnitude) % modulus)
        if x < 0 { h = -h }
        return h == -1 ? -2 : h
    }
}
