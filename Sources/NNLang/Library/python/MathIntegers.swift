import BigInt
import Foundation

// MARK: - math's integer functions and exact sums

extension Library {
    /// An argument that must be an int (CPython refuses floats here, even integral ones).
    static func integerArgument(_ v: Value) throws(Failure) -> BigInt {
        guard let x = v.exactInteger else { throw Failure("TypeError: '\(v.typeName)' object cannot be interpreted as an integer") }
        return x
    }

    static func mathIntegerFunctions(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["factorial"] = fn(def: "factorial(n, /)") { args throws(Failure) in
            let n = try integerArgument(try args.required(0, "n"))
            guard n >= 0 else { throw Failure("ValueError: factorial() not defined for negative values") }
            guard let k = Int(exactly: n), k <= 100_000 else {
                throw Failure("OverflowError: factorial() argument should not exceed 100000 in Lectern")
            }
            return .integer(product(1, k))
        }
        m["perm"] = fn(def: "perm(n, k=None, /)") { args throws(Failure) in
            let n = try integerArgument(try args.required(0, "n"))
            let kv = args.optional(1, "k").flatMap { $0.isNone ? nil : $0 }
            let k = try kv.map { v throws(Failure) in try integerArgument(v) } ?? n
            return .integer(try permutations(n, k))
        }
        m["comb"] = fn(def: "comb(n, k, /)") { args throws(Failure) in
            let n = try integerArgument(try args.required(0, "n"))
            let k = try integerArgument(try args.required(1, "k"))
            guard n >= 0 else { throw Failure("ValueError: n must be a non-negative integer") }
            guard k >= 0 else { throw Failure("ValueError: k must be a non-negative integer") }
            if k > n { return .int(0) }
            let j = Swift.min(k, n - k)
            return .integer(try permutations(n, j) / product(1, Int(j)))
        }
        m["gcd"] = fn(def: "gcd(*integers)") { args throws(Failure) in
            var g = BigInt(0)
            for v in args.positional { g = g.greatestCommonDivisor(with: try integerArgument(v)) }
            return .integer(BigInt(g.magnitude))
        }
        m["lcm"] = fn(def: "lcm(*integers)") { args throws(Failure) in
            var l = BigInt(1)
            for v in args.positional {
                let x = BigInt(try integerArgument(v).magnitude)
                if x == 0 { return .int(0) }
                try PyInt.checkSize(l.magnitude.bitWidth + x.magnitude.bitWidth)
                l = l / l.greatestCommonDivisor(with: x) * x
            }
            return .integer(l)
        }
        m["isqrt"] = fn(def: "isqrt(n, /)") { args throws(Failure) in
            let n = try integerArgument(try args.required(0, "n"))
            guard n >= 0 else { throw Failure("ValueError: isqrt() argument must be nonnegative") }
            return .integer(BigInt(n.magnitude.squareRoot()))
        }
        return m
    }

    /// lo · (lo+1) ⋯ hi, multiplied as a balanced tree so big factorials stay fast.
    static func product(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 8 { return (lo...hi).reduce(BigInt(1)) { $0 * BigInt($1) } }
        let mid = (lo + hi) / 2
        return product(lo, mid) * product(mid + 1, hi)
    }

    static func permutations(_ n: BigInt, _ k: BigInt) throws(Failure) -> BigInt {
        guard n >= 0 else { throw Failure("ValueError: n must be a non-negative integer") }
        guard k >= 0 else { throw Failure("ValueError: k must be a non-negative integer") }
        if k > n { return 0 }
        guard let hi = Int(exactly: n), let count = Int(exactly: k), count <= 100_000 else {
            throw Failure("OverflowError: the result would be over Lectern's int size limit")
        }
        return product(hi - count + 1, hi)
    }

    static func mathSums(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["fsum"] = fn(def: "fsum(seq, /)") { args throws(Failure) in
            let xs = try interp.iterate(try args.required(0, "seq")).map { v throws(Failure) in try mathArgument(v) }
            return .float(try exactSum(xs))
        }
        m["prod"] = fn(def: "prod(iterable, /, *, start=1)") { args throws(Failure) in
            var total = args.optional(-1, "start") ?? .int(1)
            for v in try interp.iterate(try args.required(0, "iterable")) { total = try interp.binary("*", total, v) }
            return total
        }
        m["hypot"] = fn(def: "hypot(*coordinates)") { args throws(Failure) in
            .float(try hypotenuse(try args.positional.map { v throws(Failure) in try mathArgument(v) }))
        }
        m["dist"] = fn(def: "dist(p, q, /)") { args throws(Failure) in
            let p = try interp.iterate(try args.required(0, "p")).map { v throws(Failure) in try mathArgument(v) }
            let q = try interp.iterate(try args.required(1, "q")).map { v throws(Failure) in try mathArgument(v) }
            guard p.count == q.count else { throw Failure("ValueError: both points must have the same number of dimensions") }
            return .float(try hypotenuse(zip(p, q).map { $0 - $1 }))
        }
        return m
    }

    /// The Euclidean norm, scaled by the largest magnitude so squares cannot overflow.
    static func hypotenuse(_ xs: [Double]) throws(Failure) -> Double {
        if xs.contains(where: \.isInfinite) { return .infinity }
        if xs.contains(where: \.isNaN) { return .nan }
        let scale = xs.map(Swift.abs).max() ?? 0
        guard scale > 0 else { return 0 }
        let sum = try exactSum(xs.map { ($0 / scale) * ($0 / scale) })
        return scale * sum.squareRoot()
    }

    /// Shewchuk's exactly rounded sum, as CPython's `math.fsum` (partials kept without error).
    static func exactSum(_ xs: [Double]) throws(Failure) -> Double {
        var partials: [Double] = []
        var special = 0.0
        var infinities = 0.0
        for var x in xs {
            if !x.isFinite {
                if x.isInfinite { infinities += x }
                special += x
                continue
            }
            var kept: [Double] = []
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { kept.append(lo) }
                x = hi
            }
            if x.isInfinite { throw Failure("OverflowError: intermediate overflow in fsum") }
            kept.append(x)
            partials = kept
        }
        if special != 0 || special.isNaN {
            if infinities.isNaN { throw Failure("ValueError: -inf + inf in fsum") }
            return special
        }
        // Add the partials from the top, then correct a half-way rounding as CPython does.
        guard var hi = partials.popLast() else { return 0 }
        var lo = 0.0
        while let y = partials.popLast() {
            let x = hi
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if let next = partials.last, (lo < 0 && next < 0) || (lo > 0 && next > 0) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}
