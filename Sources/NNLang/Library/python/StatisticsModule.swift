import BigInt
import Foundation

/// An exact fraction, as CPython's `statistics` sums data (`Fraction`), so results round once.
struct Ratio {
    var numerator: BigInt
    var denominator: BigInt

    init(_ n: BigInt, _ d: BigInt = 1) {
        let g = n.greatestCommonDivisor(with: d)
        let sign: BigInt = d < 0 ? -1 : 1
        numerator = g == 0 ? n : sign * n / g
        denominator = g == 0 ? d : sign * d / g
    }

    /// The exact value of a finite float or an int.
    init?(exactly v: Value) {
        if let x = v.exactInteger {
            self.init(x)
            return
        }
        guard case .float(let d) = v, d.isFinite else { return nil }
        // d = significand · 2^exponent with an integral significand of at most 53 bits.
        let exponent = Int(d.exponent) - 52
        let significand = BigInt(exactly: d.significand * 4_503_599_627_370_496)! * (d.sign == .minus ? -1 : 1)
        self = exponent >= 0 ? Ratio(significand << exponent) : Ratio(significand, BigInt(1) << -exponent)
    }

    static func + (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Ratio, b: Ratio) -> Ratio { Ratio(a.numerator * b.numerator, a.denominator * b.denominator) }
    static func - (a: Ratio, b: Ratio) -> Ratio { a + Ratio(-b.numerator, b.denominator) }
    static func / (a: Ratio, n: Int) -> Ratio { Ratio(a.numerator, a.denominator * BigInt(n)) }

    /// `_convert(value, T)`: an int when all data were ints and the value is whole, else a float.
    func converted(integral: Bool) throws(Failure) -> Value {
        if integral && denominator == 1 { return .integer(numerator) }
        return .float(try PyInt.trueDivide(numerator, denominator))
    }

    /// `_float_sqrt_of_frac`: the correctly rounded square root (round-to-odd, then one rounding).
    var squareRoot: Double {
        get throws(Failure) {
            let q = (numerator.magnitude.bitWidth - denominator.magnitude.bitWidth - 109) / 2
            func rootRoundToOdd(_ n: BigInt, _ m: BigInt) -> BigInt {
                let a = BigInt((n / m).magnitude.squareRoot())
                return a | (a * a * m != n ? 1 : 0)
            }
            if q >= 0 { return try PyInt.trueDivide(rootRoundToOdd(numerator, denominator << (2 * q)) << q, 1) }
            return try PyInt.trueDivide(rootRoundToOdd(numerator << (-2 * q), denominator), BigInt(1) << -q)
        }
    }
}

// MARK: - statistics, exact as CPython 3.11's

extension Library {
    static func statisticsModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        func data(_ args: Arguments) throws(Failure) -> [Value] { try interp.iterate(try args.required(0, "data")) }
        m["mean"] = fn(def: "mean(data)") { args throws(Failure) in
            let (sum, _, n, integral) = try exactSums(try data(args))
            guard n > 0 else { throw Failure("StatisticsError: mean requires at least one data point") }
            return try (sum / n).converted(integral: integral)
        }
        m["fmean"] = fn(def: "fmean(data, weights=None)", unsupported: ["weights"]) { args throws(Failure) in
            let xs = try data(args).map { v throws(Failure) in try mathArgument(v) }
            guard !xs.isEmpty else { throw Failure("StatisticsError: fmean requires at least one data point") }
            return .float(try exactSum(xs) / Double(xs.count))
        }
        for (name, sample) in [("variance", true), ("pvariance", false), ("stdev", true), ("pstdev", false)] {
            // The given mean (`xbar`/`mu`) only saves numpy's pass over the data: refused, Lectern computes it.
            let center = sample ? "xbar" : "mu"
            m[name] = fn(def: "\(name)(data, \(center)=None)", unsupported: [center]) { args throws(Failure) in
                let (sum, squares, n, integral) = try exactSums(try data(args))
                guard n >= (sample ? 2 : 1) else {
                    throw Failure("StatisticsError: \(name) requires at least \(sample ? "two data points" : "one data point")")
                }
                let ssd = (Ratio(BigInt(n)) * squares - sum * sum) / n
                let meanSquare = ssd / (sample ? n - 1 : n)
                return name.hasSuffix("stdev") ? .float(try meanSquare.squareRoot) : try meanSquare.converted(integral: integral)
            }
        }
        m["median"] = fn(def: "median(data)") { args throws(Failure) in
            let sorted = try sortValues(try data(args), key: nil, reverse: false, interp)
            guard !sorted.isEmpty else { throw Failure("StatisticsError: no median for empty data") }
            let i = sorted.count / 2
            if sorted.count % 2 == 1 { return sorted[i] }
            return try interp.binary("/", try interp.binary("+", sorted[i - 1], sorted[i]), .int(2))
        }
        m["mode"] = fn(def: "mode(data)") { args throws(Failure) in
            let items = try data(args)
            var counts: [(Value, Int)] = []
            for v in items {
                var seen = false
                for i in counts.indices where try interp.equal(counts[i].0, v) {
                    counts[i].1 += 1
                    seen = true
                    break
                }
                if !seen { counts.append((v, 1)) }
            }
            // The first value seen among the most common, as Counter.most_common(1) picks it.
            guard let top = counts.map(\.1).max() else { throw Failure("StatisticsError: no mode for empty data") }
            return counts.first { $0.1 == top }!.0
        }
        return .module(Module("statistics", m))
    }

    /// The exact sum and sum of squares of numeric data, its count, and whether all were ints.
    static func exactSums(_ items: [Value]) throws(Failure) -> (Ratio, Ratio, Int, Bool) {
        var sum = Ratio(0)
        var squares = Ratio(0)
        var integral = true
        for v in items {
            guard let r = Ratio(exactly: v) else {
                if case .float = v { throw Failure("NotImplementedError: Lectern's statistics does not support inf or nan data") }
                throw Failure("TypeError: can't convert type '\(v.typeName)' to numerator/denominator")
            }
            if v.exactInteger == nil { integral = false }
            sum = sum + r
            squares = squares + r * r
        }
        return (sum, squares, items.count, integral)
    }
}
