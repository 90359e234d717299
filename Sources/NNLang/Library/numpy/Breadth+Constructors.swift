import Engine

/// `empty`/`*_like` constructors, `any`/`all`/`count_nonzero`, and `clip` with optional bounds.
extension Library {
    static func addConstructors(_ m: inout [String: Value], _ interp: Interpreter) {
        // Lectern's `empty` is zero-filled: numpy leaves whatever memory held, which no
        // lecture can rely on, and a document must give the same output every run.
        m["empty"] = fn(def: "empty(shape, dtype=None, order='C', *, device=None, like=None)", unsupported: ["device", "like"]) {
            args throws(Failure) in
            return try filled(try args.shape(0, "shape"), 0, dtype: args.optional(1, "dtype"))
        }
        for (name, value) in [("empty_like", 0.0), ("zeros_like", 0.0), ("ones_like", 1.0), ("full_like", Double.nan)] {
            let full = name == "full_like"
            let first = name == "empty_like" ? "prototype, /" : "a"
            let signature = "\(name)(\(first)\(full ? ", fill_value" : ""), dtype=None, order='K', subok=True, shape=None, *, device=None)"
            m[name] = fn(def: signature, unsupported: ["order", "subok", "device"]) { args throws(Failure) in
                let first = name == "empty_like" ? "prototype" : "a"
                let shift = full ? 1 : 0
                let prototype = try args.tensor(0, first)
                let shape = try args.optional(4 + shift, "shape").flatMap { v throws(Failure) in v.isNone ? nil : try interp.shape(v) }
                let fill = full ? try args.required(1, "fill_value").asDouble("fill_value") : value
                var dtype = args.optional(1 + shift, "dtype")
                // Without a dtype the new array takes the prototype's, as numpy's `*_like` do.
                if dtype?.isNone ?? true { dtype = .str(prototype.dtype.rawValue) }
                return try filled(shape ?? prototype.shape, fill, dtype: dtype)
            }
        }
    }

    /// An array of one value, cast to `dtype` (ints truncate toward zero; bool is value ≠ 0).
    private static func filled(_ shape: [Int], _ value: Double, dtype: Value?) throws(Failure) -> Value {
        let name: String
        switch dtype {
        case nil, .none?: name = "float64"
        case .builtin(let b)?: name = b.name
        case .type(let c)?: name = c.name
        case .str(let s)?: name = s
        default: throw Failure("TypeError: Cannot interpret '\(dtype!.typeName)' as a data type")
        }
        if name == "bool" || name == "bool_" { return boolArray(shape, Array(repeating: value != 0, count: shape.reduce(1, *))) }
        if name.hasPrefix("int") || name.hasPrefix("uint") {
            _ = try exactInt(value)
            return .tensor(Variable(Tensor(shape: shape, repeating: value.rounded(.towardZero)).withDType(.int64)))
        }
        guard name.hasPrefix("float") || name == "float" else { throw Failure("TypeError: data type '\(name)' not understood") }
        let dtype: DType = name == "float32" ? .float32 : .float64
        return .tensor(Variable(Tensor(shape: shape, repeating: dtype.cast(value)).withDType(dtype)))
    }

    static func addTruthReductions(_ m: inout [String: Value], _ interp: Interpreter) {
        for name in ["any", "all", "count_nonzero"] {
            let counting = name == "count_nonzero"
            m[name] = fn(def: counting ? "count_nonzero(a, axis=None, *, keepdims=False)" : reductionSignatures[name]!) {
                args throws(Failure) in
                if !counting { try RandomDraws.refuse(args, [(2, "out"), (4, "where")]) }
                let keepdims = try args.bool(counting ? 2 : 3, "keepdims", false)
                let rank = try args.tensor(0, "a").rank
                let axisGiven = args.optional(1, "axis").map { !$0.isNone } ?? false
                let (t, lanes) = try arrayAndAxis(args, default: nil)
                // NaN is truthy, as in numpy.
                let counts = lanes.map(t.scalars) { lane in Double(lane.filter { $0 != 0 }.count) }
                let length = lanes.length
                let shape = axisGiven ? lanes.reducedShape(keepdims: keepdims) : (keepdims ? Array(repeating: 1, count: rank) : [])
                switch name {
                case "count_nonzero":
                    return shape.isEmpty
                        ? numpyScalar(counts[0], .int64) : .tensor(Variable(Tensor(shape: shape, scalars: counts).withDType(.int64)))
                default:
                    let truth = counts.map { name == "any" ? $0 > 0 : Int($0) == length }
                    return boolArray(shape, truth)
                }
            }
        }
    }

    /// `clip(a, a_min, a_max, out=None, *, min, max)`: either bound may be None; bounds may be
    /// arrays. The result keeps `a`'s gradient.
    static func clip(_ args: Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try args.accept(["a", "a_min", "a_max", "out", "min", "max"])
        try RandomDraws.refuse(args, [(3, "out")])
        func bound(_ index: Int, _ name: String, _ keyword: String) throws(Failure) -> Value? {
            let positional = args.optional(index, name).flatMap { $0.isNone ? nil : $0 }
            let named = args.keywords.first { $0.0 == keyword }.flatMap { $0.1.isNone ? nil : $0.1 }
            if positional != nil && named != nil {
                throw Failure("TypeError: Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.")
            }
            return positional ?? named
        }
        let x = try args.required(0, "a")
        let lo = try bound(1, "a_min", "min")
        let hi = try bound(2, "a_max", "max")
        let scalarBounds = [lo, hi].allSatisfy { $0.map(\.isPlainNumber) ?? true }
        if scalarBounds {
            let low = try lo?.asDouble("a_min") ?? -.infinity
            let high = try hi?.asDouble("a_max") ?? .infinity
            return try elementwise("clip", x, interp) { v in Variable.clip(v, low, high) }
        }
        var r = try interp.tensor(x)
        for (bound, isLow) in [(lo, true), (hi, false)] {
            guard let bound else { continue }
            let b = try interp.tensor(bound)
            if r.isTracked || b.isTracked {
                r = try engine { () throws(EngineError) in isLow ? try Variable.maximum(r, b) : try Variable.minimum(r, b) }
            } else {
                // numpy's maximum/minimum: a NaN operand gives NaN.
                let op: (Double, Double) -> Double = { a, c in a.isNaN || c.isNaN ? .nan : (isLow ? Swift.max(a, c) : Swift.min(a, c)) }
                r = Variable(try engine { () throws(EngineError) in try Tensor.zip(r.value, b.value, "clip", op) })
            }
        }
        return .tensor(r)
    }
}
