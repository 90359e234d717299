import Engine

// MARK: - tensorflow: conversions, constructors and shape functions

/// Lectern's TensorFlow API: its version string says it is not Google's TensorFlow.
let tensorflowVersion = "2.21.0-lectern"

/// Converting arguments to TensorFlow tensors with TensorFlow's dtype rules.
struct TFConverter {
    let interp: Interpreter

    /// TensorFlow's dtype for a Python value: float32 for Python floats, int32 for ints, bool
    /// for bools, float64 for a numpy array (Lectern's arrays are float64), a tensor's own.
    func inferredDType(_ v: Value) -> TFDType {
        switch v {
        case .object(let t as TFTensorObject): return t.dtype
        case .tensor(let t): return t.value.isBoolean ? .bool : .float64
        case .bool: return .bool
        case .int: return .int32
        case .float: return .float32
        case .list(let l): return inferredDType(items: l.items)
        case .tuple(let t): return inferredDType(items: t)
        case .range: return .int32
        default: return .float32
        }
    }

    private func inferredDType(items: [Value]) -> TFDType {
        let kinds = items.map(inferredDType)
        if let first = kinds.first(where: { $0 === TFDType.float64 }) { return first }
        if kinds.contains(where: { $0 === TFDType.float32 }) { return .float32 }
        if !kinds.isEmpty, kinds.allSatisfy({ $0 === TFDType.bool }) { return .bool }
        return kinds.isEmpty ? .float32 : (kinds.contains { $0 === TFDType.int64 } ? .int64 : .int32)
    }

    /// `tf.convert_to_tensor`: a tensor stays itself (a different dtype is TensorFlow's
    /// error); anything else becomes a constant of the requested or inferred dtype.
    func tensor(_ v: Value, _ dtype: TFDType? = nil) throws(Failure) -> TFTensorObject {
        if case .object(let t as TFTensorObject) = v {
            if let dtype, dtype !== t.dtype {
                throw Failure("ValueError: Tensor conversion requested dtype \(dtype.name) for Tensor with dtype \(t.dtype.name)")
            }
            return t
        }
        let resolved = dtype ?? inferredDType(v)
        if case .float = v, !resolved.isFloating, resolved !== TFDType.bool {
            let d = try v.asDouble()
            guard d == d.rounded() else {
                throw Failure("TypeError: Cannot convert \(interp.repr(v)) to EagerTensor of dtype \(resolved.name)")
            }
        }
        return TFTensorObject(try interp.tensor(v), dtype: resolved, interpreter: interp)
    }

    func make(_ v: Variable, _ dtype: TFDType) -> Value { .object(TFTensorObject(v, dtype: dtype, interpreter: interp)) }

    /// Operands of a binary function: the dtype of the first tensor among them, which the
    /// others must share (TensorFlow does not promote).
    func operands(_ values: [Value]) throws(Failure) -> (TFDType, [Variable]) {
        guard let first = values.first else {
            throw Failure("ValueError: Lectern's TensorFlow needs at least one tensor here, got an empty list")
        }
        let dtype =
            values.compactMap { v -> TFDType? in if case .object(let t as TFTensorObject) = v { t.dtype } else { nil } }.first
            ?? inferredDType(first)
        var vars: [Variable] = []
        for v in values {
            if case .object(let t as TFTensorObject) = v, t.dtype !== dtype {
                throw Failure(
                    "InvalidArgumentError: cannot compute the operation: expected a \(dtype.name) tensor but got a \(t.dtype.name) tensor",
                    hint: "convert with tf.cast(x, tf.\(dtype.name))")
            }
            vars.append(try tensor(v, dtype).variable)
        }
        return (dtype, vars)
    }

    /// A float tensor argument, for functions TensorFlow defines only on floats.
    func floating(_ v: Value, _ function: String) throws(Failure) -> TFTensorObject {
        let t = try tensor(v)
        guard t.dtype.isFloating else {
            throw Failure(
                "InvalidArgumentError: Value for attr 'T' of \(t.dtype.name) is not in the list of allowed values for \(function)",
                hint: "pass floats (e.g. 2.0) or tf.cast(x, tf.float64)")
        }
        return t
    }

    /// `out_type=` of `tf.shape`/`tf.size`: int32 unless int64 is asked for.
    func indexType(_ v: Value?) throws(Failure) -> TFDType {
        guard let dtype = try TFDType.from(v) else { return .int32 }
        guard dtype === TFDType.int32 || dtype === TFDType.int64 else {
            throw Failure("TypeError: out_type must be tf.int32 or tf.int64, got \(dtype.name)")
        }
        return dtype
    }

    /// TensorFlow's `axis` argument: None, an int, or a list of ints.
    func axes(_ v: Value?, rank: Int) throws(Failure) -> [Int]? {
        guard let v, !v.isNone else { return nil }
        let raw: [Int] = if case .int(let i) = v { [i] } else { try interp.shape(v) }
        return try raw.map { a throws(Failure) in
            guard a >= -rank, a < rank else {
                throw Failure("InvalidArgumentError: Invalid reduction dimension \(a) for input with \(rank) dimensions.")
            }
            return a < 0 ? a + rank : a
        }
    }
}

extension Library {
    static func tensorflowModule(_ interp: Interpreter) -> Value {
        let tf = TFConverter(interp: interp)
        var m = tensorflowCore(tf)
        // TensorFlow 2 exports most of tf.math at the top level, but not these.
        let mathOnly: Set = ["log", "log1p", "rsqrt", "reciprocal", "squared_difference"]
        for (k, v) in tensorflowMath(tf) where !mathOnly.contains(k) { m[k] = v }
        m["math"] = .module(Module("tensorflow.math", tensorflowMath(tf)))
        m["nn"] = .module(Module("tensorflow.nn", tensorflowNN(tf)))
        for (k, v) in tensorflowShapeOps(tf) { m[k] = v }
        m["linalg"] = tensorflowLinalg(tf, m)
        m["random"] = .module(Module("tensorflow.random", tensorflowRandom(tf)))
        m["keras"] = kerasModules(interp)["keras"]!
        m["__version__"] = .str(tensorflowVersion)
        for d in TFDType.all { m[d.name] = .object(d) }
        m["double"] = .object(TFDType.float64)
        m["float"] = .object(TFDType.float32)
        return .module(Module("tensorflow", m))
    }

    private static func tensorflowCore(_ tf: TFConverter) -> [String: Value] {
        let interp = tf.interp
        var m: [String: Value] = [:]
        m["constant"] = fn(def: "constant(value, dtype=None, shape=None, name='Const')") { args throws(Failure) in
            let value = try args.required(0, "value")
            let dtype = try TFDType.from(args.optional(1, "dtype"))
            // A tensor given to constant() is converted, not refused, when a dtype is asked for.
            let source: Value = if case .object(let t as TFTensorObject) = value { .tensor(t.variable.detached) } else { value }
            var t = try tf.tensor(source, dtype ?? tf.inferredDType(value)).variable.detached
            if let s = args.optional(2, "shape"), !s.isNone {
                let shape = try interp.shape(s)
                t = Variable(
                    try engine { () throws(EngineError) in
                        t.value.count == 1 ? Tensor(shape: shape, repeating: t.value.scalars[0]) : try t.value.reshaped(shape)
                    })
            }
            return tf.make(t, dtype ?? tf.inferredDType(value))
        }
        m["convert_to_tensor"] = fn(def: "convert_to_tensor(value, dtype=None, dtype_hint=None, name=None)") { args throws(Failure) in
            let value = try args.required(0, "value")
            // dtype_hint is the dtype a Python value takes when no dtype is asked for; a tensor keeps its own.
            var dtype = try TFDType.from(args.optional(1, "dtype"))
            if dtype == nil, !(value.isTFTensor), let hint = try TFDType.from(args.optional(2, "dtype_hint")) { dtype = hint }
            return .object(try tf.tensor(value, dtype))
        }
        // caching_device only places the variable; the rest of TensorFlow's graph, distribution and
        // constraint options would change what the variable holds and are refused.
        m["Variable"] = fn(
            def:
                "Variable(initial_value=None, trainable=None, validate_shape=True, caching_device=None, name=None, variable_def=None, dtype=None, import_scope=None, constraint=None, synchronization=<VariableSynchronization.AUTO: 0>, aggregation=<VariableAggregation.NONE: 0>, shape=None, experimental_enable_variable_lifting=True)",
            unsupported: [
                "validate_shape", "variable_def", "import_scope", "constraint", "synchronization", "aggregation", "shape",
                "experimental_enable_variable_lifting",
            ]
        ) { args throws(Failure) in
            let value = try args.required(0, "initial_value")
            let dtype = try TFDType.from(args.optional(6, "dtype")) ?? tf.inferredDType(value)
            let source: Value = if case .object(let t as TFTensorObject) = value { .tensor(t.variable.detached) } else { value }
            let initial = try tf.tensor(source, dtype)
            let trainable = try args.bool(1, "trainable", true)
            return .object(
                TFTensorObject(
                    initial.variable.detached, dtype: dtype, isVariable: true, trainable: trainable && dtype.isFloating,
                    name: try args.string(4, "name") ?? "Variable", interpreter: interp))
        }
        m["GradientTape"] = fn(def: "GradientTape(persistent=False, watch_accessed_variables=True)") { args throws(Failure) in
            if !(try args.bool(1, "watch_accessed_variables", true)) {
                throw Failure("NotImplementedError: Lectern does not support GradientTape(watch_accessed_variables=False)")
            }
            return .object(GradientTapeObject(persistent: try args.bool(0, "persistent", false)))
        }
        for (name, fill) in [("ones", 1.0), ("zeros", 0.0)] {
            m[name] = fn(def: name + "(shape, dtype=tf.float32, name=None, layout=None)", unsupported: ["layout"]) { args throws(Failure) in
                let dtype = try TFDType.from(args.optional(1, "dtype")) ?? .float32
                return tf.make(Variable(Tensor(shape: try args.shape(0, "shape"), repeating: fill)), dtype)
            }
            m[name + "_like"] = fn(def: name + "_like(input, dtype=None, name=None, layout=None)", unsupported: ["layout"]) {
                args throws(Failure) in
                let t = try tf.tensor(try args.required(0, "input"))
                let dtype = try TFDType.from(args.optional(1, "dtype")) ?? t.dtype
                return tf.make(Variable(Tensor(shape: t.variable.shape, repeating: fill)), dtype)
            }
        }
        m["fill"] = fn(def: "fill(dims, value, name=None, layout=None)", unsupported: ["layout"]) { args throws(Failure) in
            let value = try args.required(1, "value")
            return tf.make(
                Variable(Tensor(shape: try args.shape(0, "dims"), repeating: try value.asDouble("value"))), tf.inferredDType(value))
        }
        m["range"] = fn(def: "range(start, limit=None, delta=1, dtype=None, name='range')") { args throws(Failure) in
            let first = try args.required(0, "start")
            let limitValue = args.optional(1, "limit")
            let (start, limit) = limitValue.map { l in l.isNone ? (Value.int(0), first) : (first, l) } ?? (Value.int(0), first)
            let delta = args.optional(2, "delta") ?? .int(1)
            let dtype = try TFDType.from(args.optional(3, "dtype")) ?? tf.inferredDType(.list(ListBox([start, limit, delta])))
            let (a, b, d) = (try start.asDouble("start"), try limit.asDouble("limit"), try delta.asDouble("delta"))
            guard d != 0 else { throw Failure("InvalidArgumentError: Requires delta != 0: 0") }
            let count = ((b - a) / d).rounded(.up)
            guard count.isFinite else { throw Failure("InvalidArgumentError: tf.range needs finite start, limit and delta") }
            guard count <= Double(Interpreter.maxElements) else { throw Failure("ValueError: tf.range would have \(count) elements") }
            let n = count <= 0 ? 0 : Int(count)
            return tf.make(Variable(Tensor(shape: [n], scalars: (0..<n).map { a + Double($0) * d })), dtype)
        }
        m["reshape"] = fn(def: "reshape(tensor, shape, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "tensor"))
            let shape = try interp.iterate(try args.required(1, "shape")).map { v throws(Failure) in try v.asInt("shape") }
            return t.make(try engine { () throws(EngineError) in try Variable.reshape(t.variable, shape) })
        }
        // conjugate= changes nothing for real tensors.
        m["transpose"] = fn(def: "transpose(a, perm=None, conjugate=False, name='transpose')") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "a"))
            let perm = try args.optional(1, "perm").flatMap { p throws(Failure) in p.isNone ? nil : try interp.shape(p) }
            return t.make(try engine { () throws(EngineError) in try Variable.transpose(t.variable, perm) })
        }
        // The adjoint of a real matrix is its transpose; the sparsity flags are hints that change
        // only TensorFlow's speed.
        m["matmul"] = fn(
            def:
                "matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False, a_is_sparse=False, b_is_sparse=False, output_type=None, grad_a=False, grad_b=False, name=None)",
            unsupported: ["output_type", "grad_a", "grad_b"]
        ) { args throws(Failure) in
            let (dtype, v) = try tf.operands([try args.required(0, "a"), try args.required(1, "b")])
            var flipped: [Bool] = []
            for (side, (transpose, adjoint)) in ["a", "b"].enumerated().map({ ($1, ($0 + 2, $0 + 4)) }) {
                let (t, a) = (try args.bool(transpose, "transpose_" + side, false), try args.bool(adjoint, "adjoint_" + side, false))
                if t && a { throw Failure("ValueError: Only one of transpose_\(side) and adjoint_\(side) can be True.") }
                flipped.append(t || a)
            }
            let (ta, tb) = (flipped[0], flipped[1])
            let r = try engine { () throws(EngineError) in
                try Variable.matmul(ta ? try Variable.transpose(v[0]) : v[0], tb ? try Variable.transpose(v[1]) : v[1])
            }
            return tf.make(r, dtype)
        }
        m["cast"] = fn(def: "cast(x, dtype, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "x"))
            guard let dtype = try TFDType.from(args.optional(1, "dtype")) else {
                throw Failure("TypeError: cast() missing required argument: 'dtype'")
            }
            // A cast to a float type keeps the gradient; to an integer type it cuts it, as in TensorFlow.
            return tf.make(dtype.isFloating ? t.variable : t.variable.detached, dtype)
        }
        m["one_hot"] = fn(def: "one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None)") {
            args throws(Failure) in
            let labels = try tf.tensor(try args.required(0, "indices")).variable.value
            let depth = try args.required(1, "depth").asInt("depth")
            let (on, off) = (try args.double(2, "on_value", 1), try args.double(3, "off_value", 0))
            if let a = args.optional(4, "axis"), !a.isNone, try a.asInt("axis") != -1 {
                throw Failure("NotImplementedError: Lectern does not support tf.one_hot(axis=...) other than -1")
            }
            guard depth >= 0, labels.count * depth <= Interpreter.maxElements else {
                throw Failure("ValueError: one_hot depth \(depth) is out of range")
            }
            var out: [Double] = []
            out.reserveCapacity(labels.count * depth)
            // Indices outside [0, depth) give a row of off_value, as in TensorFlow.
            for l in labels.scalars { for k in 0..<depth { out.append(Double(k) == l ? on : off) } }
            return tf.make(
                Variable(Tensor(shape: labels.shape + [depth], scalars: out)), try TFDType.from(args.optional(5, "dtype")) ?? .float32)
        }
        m["shape"] = fn(def: "shape(input, out_type=None, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "input"))
            let shape = t.variable.shape.map(Double.init)
            return tf.make(Variable(Tensor(shape: [shape.count], scalars: shape)), try tf.indexType(args.optional(1, "out_type")))
        }
        m["rank"] = fn(def: "rank(input, name=None)") { args throws(Failure) in
            tf.make(Variable(Tensor(Double(try tf.tensor(try args.required(0, "input")).variable.value.rank))), .int32)
        }
        m["size"] = fn(def: "size(input, out_type=None, name=None)") { args throws(Failure) in
            let count = try tf.tensor(try args.required(0, "input")).variable.value.count
            return tf.make(Variable(Tensor(Double(count))), try tf.indexType(args.optional(1, "out_type")))
        }
        // concat's axis is required, stack's defaults to 0, as in TensorFlow.
        for (name, axisDefault) in [("concat", ""), ("stack", "=0")] {
            m[name] = fn(def: "\(name)(values, axis\(axisDefault), name='\(name)')") { args throws(Failure) in
                let (dtype, parts) = try tf.operands(try interp.iterate(try args.required(0, "values")))
                let axis = try args.required(1, "axis").asInt("axis")
                let r = try engine { () throws(EngineError) in
                    if name == "concat" { return try Variable.concatenate(parts, axis: axis) }
                    let rank = (parts.first?.value.rank ?? 0) + 1
                    let at = axis < 0 ? axis + rank : axis
                    guard at >= 0, at < rank else { throw .value("axis \(axis) is out of bounds for stack of rank-\(rank - 1) tensors") }
                    return try Variable.concatenate(
                        parts.map { p throws(EngineError) in
                            var s = p.shape
                            s.insert(1, at: at)
                            return try Variable.reshape(p, s)
                        }, axis: at)
                }
                return tf.make(r, dtype)
            }
        }
        return m
    }
}
