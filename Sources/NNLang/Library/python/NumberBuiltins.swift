import BigInt
import Display
import Engine
import Foundation

// MARK: - Python's number builtins: int, float, round, abs, pow, divmod, hash, bin/hex/oct, chr, ord

extension Library {
    static func numberBuiltins(_ interp: Interpreter) -> [String: Value] {
        var b: [String: Value] = [:]
        b["int"] = fn(def: "int(x=0, /, base=10)") { args throws(Failure) in
            guard let v = args.optional(0, "x").map(tensorValue) else { return .int(0) }
            if let base = args.optional(1, "base") {
                guard case .str(let s) = v else { throw Failure("TypeError: int() can't convert non-string with explicit base") }
                return try PyInt.parse(s, base: try base.asInt("base"))
            }
            switch v {
            case .str(let s): return try PyInt.parse(s, base: 10)
            case .int, .bigint: return v
            case .bool(let x): return .int(x ? 1 : 0)
            case .float(let d): return try PyInt.fromDouble(d)
            case .tensor(let t) where t.value.count == 1: return try PyInt.fromDouble(t.value.scalars[0])
            default: throw Failure("TypeError: int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
            }
        }
        b["float"] = fn(def: "float(x=0, /)") { args throws(Failure) in
            guard let v = args.optional(0, "x").map(tensorValue) else { return .float(0) }
            if case .str(let s) = v { return .float(try parseFloat(s)) }
            if case .tensor(let t) = v, t.value.count != 1 {
                throw Failure(
                    "TypeError: only length-1 arrays can be converted to Python scalars",
                    hint: "index one element first, e.g. float(a[0, 0])")
            }
            guard v.isNumber else { throw Failure("TypeError: float() argument must be a string or a real number, not '\(v.typeName)'") }
            return .float(try v.asDouble())
        }
        b["abs"] = fn(def: "abs(x, /)") { args throws(Failure) in
            let v = try args.required(0, "x")
            switch v {
            case .int(let i): return i == .min ? .integer(BigInt(i).magnitude.asSigned) : .int(Swift.abs(i))
            case .bigint(let x): return .integer(BigInt(x.value.magnitude))
            case .bool(let x): return .int(x ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .tensor:
                let t = try interp.tensor(v)
                return .tensor(try interp.tag(Variable.abs(t), t.value.dtype))
            case .instance(let i):
                guard let m = try interp.instanceAttribute(i, "__abs__") else {
                    throw Failure("TypeError: bad operand type for abs(): '\(i.cls.name)'")
                }
                return try interp.callValue(m, [])
            default: throw Failure("TypeError: bad operand type for abs(): '\(v.typeName)'")
            }
        }
        b["round"] = fn(def: "round(number, ndigits=None)") { args throws(Failure) in
            let v = try args.required(0, "number")
            let digits = args.optional(1, "ndigits").flatMap { $0.isNone ? nil : $0 }
            if case .tensor(let t) = v, !t.value.isScalar {
                let n = try digits?.asInt("ndigits") ?? 0
                return .tensor(Variable(t.value.map { pythonRound($0, n) }))
            }
            if let x = v.exactInteger {
                guard let digits else { return .integer(x) }
                guard let n = digits.exactInteger else {
                    throw Failure("TypeError: '\(digits.typeName)' object cannot be interpreted as an integer")
                }
                return .integer(try roundInteger(x, n))
            }
            guard v.isNumber else { throw Failure("TypeError: type \(v.typeName) doesn't define __round__ method") }
            let d = try v.asDouble()
            guard let digits else { return try PyInt.fromDouble(d.rounded(.toNearestOrEven)) }
            guard let n = digits.exactInteger else {
                throw Failure("TypeError: '\(digits.typeName)' object cannot be interpreted as an integer")
            }
            // Beyond ±400 digits every double rounds to itself or to zero.
            let r = pythonRound(d, Int(clamping: max(min(n, 400), -400)))
            guard r.isFinite || !d.isFinite else { throw Failure("OverflowError: rounded value too large to represent") }
            return .float(r)
        }
        b["pow"] = fn(def: "pow(base, exp, mod=None)") { args throws(Failure) in
            let base = try args.required(0, "base")
            let exp = try args.required(1, "exp")
            guard let mod = args.optional(2, "mod"), !mod.isNone else { return try interp.binary("**", base, exp) }
            guard let x = base.exactInteger, let y = exp.exactInteger, let m = mod.exactInteger else {
                throw Failure("TypeError: pow() 3rd argument not allowed unless all arguments are integers")
            }
            return try PyInt.modularPower(x, y, m)
        }
        b["divmod"] = fn(def: "divmod(x, y, /)") { args throws(Failure) in
            let a = try args.required(0, "x")
            let c = try args.required(1, "y")
            if a.isPlainNumber, c.isPlainNumber, (try? c.asDouble()) == 0, a.exactInteger == nil || c.exactInteger == nil {
                throw Failure("ZeroDivisionError: float divmod()")
            }
            return .tuple([try interp.binary("//", a, c), try interp.binary("%", a, c)])
        }
        b["format"] = fn(def: "format(value, format_spec='', /)") { args throws(Failure) in
            return .str(try interp.formatValue(try args.required(0, "value"), spec: try args.string(1, "format_spec") ?? ""))
        }
        b["hash"] = fn(def: "hash(obj, /)") { args throws(Failure) in .int(try pythonHash(try args.required(0, "obj"))) }
        for (name, radix, prefix) in [("bin", 2, "0b"), ("oct", 8, "0o"), ("hex", 16, "0x")] {
            b[name] = fn(def: "\(name)(number, /)") { args throws(Failure) in
                let v = try args.required(0, "number")
                guard let x = v.exactInteger else { throw Failure("TypeError: '\(v.typeName)' object cannot be interpreted as an integer") }
                return .str((x < 0 ? "-" : "") + prefix + String(x.magnitude, radix: radix))
            }
        }
        b["chr"] = fn(def: "chr(i, /)") { args throws(Failure) in
            let v = try args.required(0, "i")
            guard let x = v.exactInteger else { throw Failure("TypeError: 'float' object cannot be interpreted as an integer") }
            guard let i = Int(exactly: x), (0..<0x110000).contains(i), let scalar = Unicode.Scalar(UInt32(i)) else {
                throw Failure(
                    Int(exactly: x) == nil
                        ? "OverflowError: Python int too large to convert to C int" : "ValueError: chr() arg not in range(0x110000)")
            }
            return .str(String(Character(scalar)))
        }
        b["ord"] = fn(def: "ord(c, /)") { args throws(Failure) in
            let v = try args.required(0, "c")
            guard case .str(let s) = v else { throw Failure("TypeError: ord() expected string of length 1, but \(v.typeName) found") }
            guard s.unicodeScalars.count == 1, let scalar = s.unicodeScalars.first else {
                throw Failure("TypeError: ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(scalar.value))
        }
        return b
    }

    /// `float(text)` as Python parses it: decimal literals with `_` between digits, `inf`,
    /// `infinity` and `nan` in any case, surrounding whitespace.
    static func parseFloat(_ text: String) throws(Failure) -> Double {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let invalid = Failure("ValueError: could not convert string to float: \(PyInt.pythonQuoted(text))")
        var body = Substring(s)
        var sign = 1.0
        if let c = body.first, c == "+" || c == "-" {
            sign = c == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-_".contains($0)) }), body.first != "_", body.last != "_",
            !body.contains("__"), !body.contains("_."), !body.contains("._")
        else { throw invalid }
        guard let d = Double(String(body.filter { $0 != "_" })) else { throw invalid }
        return sign * d
    }

    /// `round(int, n)`: ties to even at a power of ten; non-negative `n` changes nothing.
    static func roundInteger(_ x: BigInt, _ n: BigInt) throws(Failure) -> BigInt {
        guard n < 0 else { return x }
        guard let k = Int(exactly: -n), k <= x.description.count else { return 0 }
        let p = BigInt(10).power(k)
        let (q, r) = PyInt.floorDivMod(x, p)
        let twice = r * 2
        let up = twice > p || (twice == p && !q.isMultiple(of: 2))
        return (up ? q + 1 : q) * p
    }

    /// Python's `round(x, n)`: the exact binary value rounded half-to-even at the n-th decimal.
    static func pythonRound(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        if digits >= 0 {
            // glibc's printf rounds the exact binary value correctly, as CPython's dtoa does.
            return Double(cFormat("%.\(min(digits, 400))f", x)) ?? x
        }
        // A negative digit count rounds the exact value to a multiple of 10**-digits.
        guard digits >= -400 else { return 0 * x }
        let k = -digits
        guard let exact = BigInt(exactly: x.rounded(.towardZero)) else { return 0 * x }
        let p = BigInt(10).power(k)
        let (q, r) = PyInt.floorDivMod(exact, p)
        // The fraction dropped by truncation only matters for ties, which an integral x decides.
        let fraction = x - x.rounded(.towardZero)
        let twice = r * 2
        let up = twice > p || (twice == p && (fraction != 0 ? x > 0 : !q.isMultiple(of: 2)))
        let rounded = (up ? q + 1 : q) * p
        let result = (try? PyInt.toDouble(rounded)) ?? (x > 0 ? .infinity : -.infinity)
        return result == 0 ? 0 * x : result
    }
}

extension BigUInt {
    var asSigned: BigInt { BigInt(self) }
}

/// A TensorFlow tensor converts as the array it holds (`float(tf.reduce_sum(x))`).
private func tensorValue(_ v: Value) -> Value {
    if case .object(let o as TensorBacked) = v { return .tensor(o.variable) }
    return v
}
