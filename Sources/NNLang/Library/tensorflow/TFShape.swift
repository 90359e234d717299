import Engine

// MARK: - tf.expand_dims, tf.squeeze, tf.clip_by_value, tf.where, tf.linalg

extension Library {
    static func tensorflowShapeOps(_ tf: TFConverter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["expand_dims"] = fn(def: "expand_dims(input, axis, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "input"))
            let axis = try args.int(1, "axis", 0)
            let rank = t.variable.value.rank
            guard axis >= -(rank + 1), axis <= rank else {
                throw Failure("InvalidArgumentError: Tried to expand dim index \(axis) for tensor with \(rank) dimensions.")
            }
            var shape = t.variable.shape
            shape.insert(1, at: axis < 0 ? axis + rank + 1 : axis)
            return t.make(try engine { () throws(EngineError) in try Variable.reshape(t.variable, shape) })
        }
        m["squeeze"] = fn(def: "squeeze(input, axis=None, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "input"))
            let shape = t.variable.shape
            let axes = try tf.axes(args.optional(1, "axis"), rank: shape.count)
            for a in axes ?? [] where shape[a] != 1 {
                throw Failure("InvalidArgumentError: Can not squeeze dim[\(a)], expected a dimension of 1, got \(shape[a])")
            }
            let kept = shape.indices.filter { a in axes.map { !$0.contains(a) } ?? (shape[a] != 1) }
            return t.make(try engine { () throws(EngineError) in try Variable.reshape(t.variable, kept.map { shape[$0] }) })
        }
        m["clip_by_value"] = fn(def: "clip_by_value(t, clip_value_min, clip_value_max, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "t"))
            let lo = try tf.tensor(try args.required(1, "clip_value_min"), t.dtype).variable
            let hi = try tf.tensor(try args.required(2, "clip_value_max"), t.dtype).variable
            return t.make(try engine { () throws(EngineError) in try Variable.minimum(try Variable.maximum(t.variable, lo), hi) })
        }
        m["where"] = fn(def: "where(condition, x=None, y=None, name=None)") { args throws(Failure) in
            let condition = try tf.tensor(try args.required(0, "condition"))
            guard condition.dtype === TFDType.bool else {
                throw Failure("InvalidArgumentError: tf.where's condition must be a bool tensor, got \(condition.dtype.name)")
            }
            guard let x = args.optional(1, "x"), let y = args.optional(2, "y"), !x.isNone, !y.isNone else {
                throw Failure("NotImplementedError: Lectern does not support tf.where with only a condition (the indices form)")
            }
            let (dtype, v) = try tf.operands([x, y])
            return tf.make(try engine { () throws(EngineError) in try Variable.where(condition.variable.value, v[0], v[1]) }, dtype)
        }
        return m
    }

    /// `tf.linalg`: the matrix product (the same function as `tf.matmul`) and the transpose of
    /// the last two axes, which leaves a batch of matrices in order.
    static func tensorflowLinalg(_ tf: TFConverter, _ core: [String: Value]) -> Value {
        var m: [String: Value] = ["matmul": core["matmul"]!]
        m["matrix_transpose"] = fn(def: "matrix_transpose(a, name='matrix_transpose', conjugate=False)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "a"))
            let rank = t.variable.value.rank
            guard rank >= 2 else {
                throw Failure(
                    "ValueError: Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` = \(tf.interp.repr(.object(t)))")
            }
            let perm = Array(0..<(rank - 2)) + [rank - 1, rank - 2]
            return t.make(try engine { () throws(EngineError) in try Variable.transpose(t.variable, perm) })
        }
        return .module(Module("tensorflow.linalg", m))
    }
}
