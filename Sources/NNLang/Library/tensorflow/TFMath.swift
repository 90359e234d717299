import Engine
import Foundation

// MARK: - tf.math, tf.nn, tf.random

extension Library {
    /// A float-only elementwise function of one tensor (`tf.nn`'s activations call it `features`).
    private static func tfUnary(
        _ tf: TFConverter, _ name: String, argument: String = "x", _ f: @escaping (Variable) throws(EngineError) -> Variable
    ) -> Value {
        fn(def: "\(name)(\(argument), name=None)") { args throws(Failure) in
            let t = try tf.floating(try args.required(0, argument), "tf.math." + name)
            return t.make(try engine { () throws(EngineError) in try f(t.variable) })
        }
    }

    /// An elementwise function of two tensors of one dtype.
    private static func tfBinary(_ tf: TFConverter, _ name: String, _ f: @escaping (Variable, Variable) throws(EngineError) -> Variable)
        -> Value
    {
        fn(def: name + "(x, y, name=None)") { args throws(Failure) in
            let (dtype, v) = try tf.operands([try args.required(0, "x"), try args.required(1, "y")])
            return tf.make(try engine { () throws(EngineError) in try f(v[0], v[1]) }, dtype)
        }
    }

    /// `tf.reduce_*` over `axis` (None, an int or a list), keeping the reduced axes on request.
    private static func tfReduce(_ tf: TFConverter, _ name: String, _ kind: Tensor.Reduction?) -> Value {
        fn(def: name + "(input_tensor, axis=None, keepdims=False, name=None)") { args throws(Failure) in
            let t = try tf.tensor(try args.required(0, "input_tensor"))
            let keep = try args.bool(2, "keepdims", false)
            let rank = t.variable.value.rank
            let axes = try tf.axes(args.optional(1, "axis"), rank: rank)
            let r = try engine { () throws(EngineError) in
                func one(_ x: Variable, _ axis: Int?) throws(EngineError) -> Variable {
                    if let kind { return try Variable.reduce(kind, x, axis: axis, keepdims: keep) }
                    return try Variable.product(x, axis: axis, keepdims: keep)
                }
                guard let axes else {
                    let all = try one(t.variable, nil)
                    return keep ? try Variable.reshape(all, Array(repeating: 1, count: rank)) : all
                }
                // Highest axis first, so the remaining axis numbers stay valid.
                var x = t.variable
                for a in Set(axes).sorted(by: >) { x = try one(x, a) }
                return x
            }
            return t.make(r)
        }
    }

    static func tensorflowMath(_ tf: TFConverter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["exp"] = tfUnary(tf, "exp") { Variable.exp($0) }
        m["log"] = tfUnary(tf, "log") { Variable.log($0) }
        m["sqrt"] = tfUnary(tf, "sqrt") { Variable.sqrt($0) }
        m["sin"] = tfUnary(tf, "sin") { Variable.sin($0) }
        m["cos"] = tfUnary(tf, "cos") { Variable.cos($0) }
        m["tanh"] = tfUnary(tf, "tanh") { x throws(EngineError) in try Activation.tanh(x) }
        m["sigmoid"] = tfUnary(tf, "sigmoid") { x throws(EngineError) in try Activation.sigmoid(x) }
        m["log1p"] = tfUnary(tf, "log1p") { x in Variable.unary("log1p", x, Foundation.log1p) { x, _ in 1 / (1 + x) } }
        m["rsqrt"] = tfUnary(tf, "rsqrt") { x in Variable.unary("rsqrt", x, { 1 / $0.squareRoot() }) { _, y in -0.5 * y * y * y } }
        m["reciprocal"] = tfUnary(tf, "reciprocal") { x in Variable.unary("reciprocal", x, { 1 / $0 }) { _, y in -y * y } }
        for name in ["square", "abs", "negative", "sign"] {
            m[name] = fn(def: name + "(x, name=None)") { args throws(Failure) in
                let t = try tf.tensor(try args.required(0, "x"))
                let x = t.variable
                let r: Variable =
                    switch name {
                    case "square": try engine { () throws(EngineError) in try Variable.mul(x, x) }
                    case "abs": Variable.abs(x)
                    case "negative": Variable.neg(x)
                    default: Variable.unary("sign", x, { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }) { _, _ in 0 }
                    }
                return t.make(r)
            }
        }
        m["add"] = tfBinary(tf, "add", Variable.add)
        m["subtract"] = tfBinary(tf, "subtract", Variable.sub)
        m["multiply"] = tfBinary(tf, "multiply", Variable.mul)
        m["divide"] = tfBinary(tf, "divide", Variable.div)
        m["pow"] = tfBinary(tf, "pow", Variable.pow)
        m["maximum"] = tfBinary(tf, "maximum", Variable.maximum)
        m["minimum"] = tfBinary(tf, "minimum", Variable.minimum)
        m["squared_difference"] = tfBinary(tf, "squared_difference") { a, b throws(EngineError) in
            let d = try Variable.sub(a, b)
            return try Variable.mul(d, d)
        }
        for (name, kind) in [("sum", Tensor.Reduction.sum), ("mean", .mean), ("max", .max), ("min", .min)] {
            m["reduce_" + name] = tfReduce(tf, "reduce_" + name, kind)
        }
        m["reduce_prod"] = tfReduce(tf, "reduce_prod", nil)
        for (name, kind) in [("argmax", Tensor.Reduction.argmax), ("argmin", .argmin)] {
            m[name] = fn(def: name + "(input, axis=None, output_type=tf.int64, name=None)") { args throws(Failure) in
                let t = try tf.tensor(try args.required(0, "input"))
                let axis = try args.int(1, "axis", 0)
                let dtype = try TFDType.from(args.optional(2, "output_type")) ?? .int64
                guard dtype === TFDType.int64 || dtype === TFDType.int32 else {
                    throw Failure("InvalidArgumentError: output_type of \(name) must be tf.int32 or tf.int64, got \(dtype.name)")
                }
                return tf.make(try engine { () throws(EngineError) in try Variable.reduce(kind, t.variable.detached, axis: axis) }, dtype)
            }
        }
        return m
    }

    static func tensorflowNN(_ tf: TFConverter) -> [String: Value] {
        var m: [String: Value] = [:]
        for (name, activation, argument) in [
            ("sigmoid", Activation.sigmoid, "x"), ("relu", .relu, "features"), ("tanh", .tanh, "x"), ("elu", .elu, "features"),
            ("softplus", .softplus, "features"),
        ] {
            m[name] = tfUnary(tf, name, argument: argument) { x throws(EngineError) in try activation(x) }
        }
        m["leaky_relu"] = fn(def: "leaky_relu(features, alpha=0.2, name=None)") { args throws(Failure) in
            let t = try tf.floating(try args.required(0, "features"), "tf.nn.leaky_relu")
            let alpha = try args.double(1, "alpha", 0.2)
            return t.make(try engine { () throws(EngineError) in try Activation.leakyRelu(alpha: alpha)(t.variable) })
        }
        for name in ["softmax", "log_softmax"] {
            m[name] = fn(def: name + "(logits, axis=None, name=None)") { args throws(Failure) in
                let t = try tf.floating(try args.required(0, "logits"), "tf.nn." + name)
                let axis = try args.int(1, "axis", -1)
                return t.make(
                    try engine { () throws(EngineError) in
                        name == "softmax"
                            ? try Variable.softmax(t.variable, axis: axis) : try LogitLosses.logSoftmax(t.variable, axis: axis)
                    })
            }
        }
        m["sigmoid_cross_entropy_with_logits"] = fn(def: "sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None)") {
            args throws(Failure) in
            let (dtype, v) = try tf.operands([try args.required(1, "logits"), try args.required(0, "labels")])
            guard v[0].shape == v[1].shape else {
                throw Failure(
                    "ValueError: logits and labels must have the same shape, received (\(formatShape(v[0].shape)) vs \(formatShape(v[1].shape)))."
                )
            }
            return tf.make(try engine { () throws(EngineError) in try LogitLosses.sigmoidCrossEntropy(labels: v[1], logits: v[0]) }, dtype)
        }
        m["softmax_cross_entropy_with_logits"] = fn(def: "softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None)") {
            args throws(Failure) in
            let (dtype, v) = try tf.operands([try args.required(1, "logits"), try args.required(0, "labels")])
            let axis = try args.int(2, "axis", -1)
            return tf.make(
                try engine { () throws(EngineError) in
                    try Variable.neg(Variable.reduce(.sum, Variable.mul(v[1], LogitLosses.logSoftmax(v[0], axis: axis)), axis: axis))
                }, dtype)
        }
        return m
    }

    /// `tf.random`: draws from the document's generator (numpy's Mersenne Twister), not from
    /// TensorFlow's Philox, so the numbers differ from TensorFlow's but are reproducible.
    static func tensorflowRandom(_ tf: TFConverter) -> [String: Value] {
        let interp = tf.interp
        var m: [String: Value] = [:]
        m["set_seed"] = fn(def: "set_seed(seed)") { args throws(Failure) in
            try seedGenerator(interp, try args.int(0, "seed", 0))
            return .none
        }
        m["normal"] = fn(def: "normal(shape, mean=0.0, stddev=1.0, dtype=tf.float32, seed=None, name=None)") { args throws(Failure) in
            try refuseOpSeed(args, 4)
            let dtype = try TFDType.from(args.optional(3, "dtype")) ?? .float32
            let (mean, std) = (try args.double(1, "mean", 0), try args.double(2, "stddev", 1))
            return tf.make(Variable(interp.context.rng.normal(mean, std, try args.shape(0, "shape"))), dtype)
        }
        m["uniform"] = fn(def: "uniform(shape, minval=0, maxval=None, dtype=tf.float32, seed=None, name=None)") { args throws(Failure) in
            try refuseOpSeed(args, 4)
            let dtype = try TFDType.from(args.optional(3, "dtype")) ?? .float32
            let (low, high) = (try args.double(1, "minval", 0), try args.double(2, "maxval", 1))
            return tf.make(Variable(interp.context.rng.uniform(low, high, try args.shape(0, "shape"))), dtype)
        }
        return m
    }

    /// An op-level `seed=` would need TensorFlow's own generator; refused rather than ignored.
    private static func refuseOpSeed(_ args: Arguments, _ index: Int) throws(Failure) {
        if let s = args.optional(index, "seed"), !s.isNone {
            throw Failure("NotImplementedError: Lectern does not support an op-level seed=; use tf.random.set_seed(...) before drawing")
        }
    }
}
