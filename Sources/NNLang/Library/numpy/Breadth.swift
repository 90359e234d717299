import Engine
import Foundation

/// numpy functions lectures reach for beyond arithmetic: sorting, splitting, order
/// statistics, NaN tests, `*_like` constructors, truth reductions, `clip`.
extension Library {
    /// Adds `np.linalg` and the functions of this file to the `np` module.
    static func addNumpyBreadth(_ m: inout [String: Value], _ interp: Interpreter) {
        m["linalg"] = numpyLinalg(interp)
        m["sort"] = fn(def: "sort(a, axis=-1, kind=None, order=None, *, stable=None)") { args throws(Failure) in
            try RandomDraws.refuse(args, [(3, "order")])
            let (t, lanes) = try arrayAndAxis(args, default: -1)
            let sorted = try (0..<lanes.count).map { k throws(Failure) in
                try engine { () throws(EngineError) in
                    try RunLimits.checkTime()
                    return try StableSort.sorted(lanes.lane(t.scalars, k), by: numpyLess)
                }
            }
            return .tensor(Variable(Tensor(shape: t.shape, scalars: lanes.assemble(sorted)).withDType(t.dtype)))
        }
        for name in ["split", "array_split"] {
            m[name] = fn(def: "\(name)(ary, indices_or_sections, axis=0)") { args throws(Failure) in
                return try split(args, interp, equal: name == "split")
            }
        }
        for name in ["percentile", "quantile"] {
            let signature = "\(name)(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)"
            m[name] = fn(def: signature, unsupported: ["out", "weights"]) { args throws(Failure) in
                let method = try args.string(5, "method") ?? "linear"
                guard method == "linear" else {
                    throw Failure("NotImplementedError: Lectern does not support method='\(method)' in \(name)(); only 'linear'")
                }
                let qv = try args.required(1, "q")
                let q = try interp.tensor(qv).value
                let scale = name == "percentile" ? 100.0 : 1.0
                let fractions = q.scalars.map { $0 / scale }
                guard fractions.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                    throw Failure(
                        name == "percentile"
                            ? "ValueError: Percentiles must be in the range [0, 100]" : "ValueError: Quantiles must be in the range [0, 1]")
                }
                return try orderStatistic(args, interp, keepdims: try args.bool(6, "keepdims", false), q: q.shape) { lane in
                    fractions.map { linearQuantile(lane, $0) }
                }
            }
        }
        m["median"] = fn(def: "median(a, axis=None, out=None, overwrite_input=False, keepdims=False)") { args throws(Failure) in
            try RandomDraws.refuse(args, [(2, "out")])
            return try orderStatistic(args, interp, keepdims: try args.bool(4, "keepdims", false), q: []) { lane in [median(lane)] }
        }
        for (name, test) in [("isnan", { (x: Double) in x.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            m[name] = fn(def: ufunc(name), unsupported: ufuncOptions) { args throws(Failure) in
                let t = try args.tensor(0, "x")
                return boolArray(t.shape, t.scalars.map(test))
            }
        }
        m["nan_to_num"] = fn(def: "nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)") { args throws(Failure) in
            let x = try args.required(0, "x")
            guard try args.bool(1, "copy", true) else {
                throw Failure(
                    "NotImplementedError: Lectern does not support nan_to_num(copy=False): arrays are values",
                    hint: "write x = np.nan_to_num(x)")
            }
            let nan = try args.double(2, "nan", 0)
            let posinf = try args.double(3, "posinf", .greatestFiniteMagnitude)
            let neginf = try args.double(4, "neginf", -.greatestFiniteMagnitude)
            let given = try interp.tensor(x).value
            let t = given.map { $0.isNaN ? nan : ($0 == .infinity ? posinf : ($0 == -.infinity ? neginf : $0)) }
            return .tensor(Variable(t.withDType(given.dtype)))
        }
        withoutGradient(["sort", "split", "array_split", "percentile", "quantile", "median", "nan_to_num"], in: &m, prefix: "np.")
        addConstructors(&m, interp)
        addTruthReductions(&m, interp)
        m["clip"] = fn(
            def: "clip(a, a_min=<no value>, a_max=<no value>, out=None, *, min=<no value>, max=<no value>, **kwargs)",
            unsupported: ["out", "**kwargs"]
        ) { args throws(Failure) in try clip(args, interp) }
    }

    // MARK: - Helpers

    /// A boolean array (numpy's dtype bool).
    static func boolArray(_ shape: [Int], _ values: [Bool]) -> Value {
        var t = Tensor(shape: shape, scalars: values.map { $0 ? 1 : 0 })
        t.isBoolean = true
        return .tensor(Variable(t))
    }

    /// The array argument and its lanes along `axis` (None flattens, as numpy's `axis=None`).
    static func arrayAndAxis(_ args: Arguments, default fallback: Int?, axisIndex: Int = 1) throws(Failure) -> (Tensor, AxisLanes) {
        var t = try args.tensor(0, "a")
        let given = args.optional(axisIndex, "axis")
        let axis: Int?
        if let given { axis = given.isNone ? nil : try given.asInt("axis") } else { axis = fallback }
        guard let axis else {
            t = try engine { () throws(EngineError) in try t.reshaped([t.count]) }
            return (t, AxisLanes(shape: t.shape, axis: 0))
        }
        if t.isScalar { throw Failure("AxisError: axis \(axis) is out of bounds for array of dimension 0") }
        guard axis >= -t.rank && axis < t.rank else {
            throw Failure("AxisError: axis \(axis) is out of bounds for array of dimension \(t.rank)")
        }
        return (t, AxisLanes(shape: t.shape, axis: axis < 0 ? axis + t.rank : axis))
    }

    /// numpy's `np.round`: scale by a power of ten, round half to even, scale back.
    static func numpyRound(_ x: Double, _ decimals: Int) -> Double {
        // numpy's power_of_ten: exact up to 1e8, then repeated multiplication by 10.
        func powerOfTen(_ n: Int) -> Double {
            if n < 9 { return [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8][n] }
            var r = 1e9
            for _ in 9..<n { r *= 10 }
            return r
        }
        if decimals >= 0 {
            let f = powerOfTen(decimals)
            return (x * f).rounded(.toNearestOrEven) / f
        }
        let f = powerOfTen(-decimals)
        return (x / f).rounded(.toNearestOrEven) * f
    }
}
