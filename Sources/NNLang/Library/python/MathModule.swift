import BigInt
import Engine
import Foundation

// MARK: - math, with CPython's results and its ValueError/OverflowError messages

extension Library {
    static func mathModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi), "inf": .float(.infinity), "nan": .float(.nan),
        ]
        // Each function: the C function, and whether a finite argument may overflow to ±inf.
        let unary: [(String, (Double) -> Double, domain: (Double) -> Bool)] = [
            ("exp", Foundation.exp, { _ in true }), ("expm1", Foundation.expm1, { _ in true }),
            ("sqrt", Foundation.sqrt, { $0 >= 0 }), ("log2", Foundation.log2, { $0 > 0 }), ("log10", Foundation.log10, { $0 > 0 }),
            ("log1p", Foundation.log1p, { $0 > -1 }),
            ("sin", Foundation.sin, { $0.isFinite }), ("cos", Foundation.cos, { $0.isFinite }), ("tan", Foundation.tan, { $0.isFinite }),
            ("asin", Foundation.asin, { Swift.abs($0) <= 1 }), ("acos", Foundation.acos, { Swift.abs($0) <= 1 }),
            ("atan", Foundation.atan, { _ in true }), ("sinh", Foundation.sinh, { _ in true }), ("cosh", Foundation.cosh, { _ in true }),
            ("tanh", Foundation.tanh, { _ in true }), ("asinh", Foundation.asinh, { _ in true }), ("acosh", Foundation.acosh, { $0 >= 1 }),
            ("atanh", Foundation.atanh, { Swift.abs($0) < 1 }), ("fabs", Swift.abs, { _ in true }),
            ("degrees", { $0 * 180 / Double.pi }, { _ in true }), ("radians", { $0 * Double.pi / 180 }, { _ in true }),
        ]
        for (name, f, domain) in unary {
            m[name] = fn(def: "\(name)(x, /)") { args throws(Failure) in
                let x = try args.required(0, "x")
                if case .tensor(let t) = x, t.isTracked { return try Library.elementwise(name, x, interp) }
                return .float(try mathCall(f, try mathArgument(x), domain))
            }
        }
        m["log"] = fn(def: "log(x, base=<no value>, /)") { args throws(Failure) in
            let x = try args.required(0, "x")
            if case .tensor(let t) = x, t.isTracked, args.optional(1, "base") == nil { return try Library.elementwise("log", x, interp) }
            let lx = try naturalLog(x)
            guard let base = args.optional(1, "base") else { return .float(lx) }
            let lb = try naturalLog(base)
            guard lb != 0 else { throw Failure("ZeroDivisionError: float division by zero") }
            return .float(lx / lb)
        }
        m["pow"] = fn(def: "pow(x, y, /)") { args throws(Failure) in
            let x = try mathArgument(try args.required(0, "x"))
            let y = try mathArgument(try args.required(1, "y"))
            if x == 0 && y < 0 || x < 0 && y.isFinite && y != y.rounded() { throw Failure("ValueError: math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw Failure("OverflowError: math range error") }
            return .float(r)
        }
        m["atan2"] = fn(def: "atan2(y, x, /)") { args throws(Failure) in
            .float(Foundation.atan2(try mathArgument(try args.required(0, "y")), try mathArgument(try args.required(1, "x"))))
        }
        m["copysign"] = fn(def: "copysign(x, y, /)") { args throws(Failure) in
            .float(Foundation.copysign(try mathArgument(try args.required(0, "x")), try mathArgument(try args.required(1, "y"))))
        }
        m["fmod"] = fn(def: "fmod(x, y, /)") { args throws(Failure) in
            let x = try mathArgument(try args.required(0, "x"))
            let y = try mathArgument(try args.required(1, "y"))
            if y == 0 && !x.isNaN || x.isInfinite { throw Failure("ValueError: math domain error") }
            return .float(Foundation.fmod(x, y))
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            m[name] = fn(def: "\(name)(x, /)") { args throws(Failure) in .bool(test(try mathArgument(try args.required(0, "x")))) }
        }
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            m[name] = fn(def: "\(name)(x, /)") { args throws(Failure) in
                let x = try args.required(0, "x")
                if x.exactInteger != nil { return .integer(x.exactInteger!) }
                return try PyInt.fromDouble(try mathArgument(x).rounded(rule))
            }
        }
        m["isclose"] = fn(def: "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { args throws(Failure) in
            guard args.positional.count <= 2 else {
                throw Failure("TypeError: isclose() takes exactly 2 positional arguments (\(args.positional.count) given)")
            }
            let a = try mathArgument(try args.required(0, "a"))
            let b = try mathArgument(try args.required(1, "b"))
            let rt = try args.double(-1, "rel_tol", 1e-9)
            let at = try args.double(-1, "abs_tol", 0)
            guard rt >= 0, at >= 0 else { throw Failure("ValueError: tolerances must be non-negative") }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(b - a)
            return .bool(diff <= Swift.abs(rt * b) || diff <= Swift.abs(rt * a) || diff <= at)
        }
        for (k, v) in mathIntegerFunctions(interp) { m[k] = v }
        for (k, v) in mathSums(interp) { m[k] = v }
        return .module(Module("math", m))
    }

    /// A math function's float argument: CPython's TypeError for anything not a real number.
    static func mathArgument(_ v: Value) throws(Failure) -> Double {
        guard v.isNumber else { throw Failure("TypeError: must be real number, not \(v.typeName)") }
        return try v.asDouble()
    }

    /// Applies a C math function with CPython's checks: a domain error for arguments outside
    /// the domain, a range error when a finite argument overflows.
    static func mathCall(_ f: (Double) -> Double, _ x: Double, _ domain: (Double) -> Bool) throws(Failure) -> Double {
        if x.isNaN { return x }
        guard domain(x) else { throw Failure("ValueError: math domain error") }
        let r = f(x)
        if r.isNaN { throw Failure("ValueError: math domain error") }
        if r.isInfinite && x.isFinite { throw Failure("OverflowError: math range error") }
        return r
    }

    /// `log` of any positive int (also beyond float range) or float.
    static func naturalLog(_ v: Value) throws(Failure) -> Double {
        if let x = v.exactInteger {
            guard x > 0 else { throw Failure("ValueError: math domain error") }
            if let d = try? PyInt.toDouble(x) { return Foundation.log(d) }
            // Beyond float range, CPython takes x = m·2**e with m in [0.5, 1): log m + e log 2.
            let bits = x.magnitude.bitWidth
            let top = x >> (bits - 64)
            let sticky: BigInt = top << (bits - 64) == x ? 0 : 1
            return Foundation.log(scalbn(try PyInt.toDouble(top | sticky), -64)) + M_LN2 * Double(bits)
        }
        let d = try mathArgument(v)
        guard d > 0 || d.isNaN else { throw Failure("ValueError: math domain error") }
        return Foundation.log(d)
    }
}
