import Engine

// MARK: - keras.layers: ReLU, Softmax, Rescaling, Normalization, BatchNormalization

extension Library {
    /// An optional float argument that may be None.
    static func optionalDouble(_ args: Arguments, _ index: Int, _ name: String) throws(Failure) -> Double? {
        guard let v = args.optional(index, name), !v.isNone else { return nil }
        return try v.asDouble(name)
    }

    /// Keras accepts only the last axis here; other axes are refused rather than ignored.
    static func requireLastAxis(_ args: Arguments, _ index: Int, _ layer: String) throws(Failure) {
        guard let v = args.optional(index, "axis"), !v.isNone else { return }
        guard case .int(-1) = v else {
            throw Failure("NotImplementedError: Lectern does not support \(layer)(axis=\(args.interpreter.repr(v))); only axis=-1")
        }
    }

    static func preprocessingLayerNames(_ interp: Interpreter) -> [String: Value] {
        let ctx = interp.context
        var k: [String: Value] = [:]
        k["ReLU"] = fn(def: "ReLU(max_value=None, negative_slope=0.0, threshold=0.0, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "ReLU")
            let (top, slope, theta) = (
                try optionalDouble(args, 0, "max_value"), try args.double(1, "negative_slope", 0), try args.double(2, "threshold", 0)
            )
            let layer = try engine { () throws(EngineError) in
                try ReLULayer(maxValue: top, negativeSlope: slope, threshold: theta, name: keywords.name, context: ctx)
            }
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Softmax"] = fn(def: "Softmax(axis=-1, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Softmax")
            let layer = SoftmaxLayer(axis: try args.int(0, "axis", -1), name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Rescaling"] = fn(def: "Rescaling(scale, offset=0.0, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Rescaling")
            let layer = Rescaling(
                scale: try args.required(0, "scale").asDouble("scale"), offset: try args.double(1, "offset", 0),
                name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Normalization"] = fn(def: "Normalization(axis=-1, mean=None, variance=None, invert=False, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Normalization")
            try requireLastAxis(args, 0, "Normalization")
            let mean = try args.optional(1, "mean").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            let variance = try args.optional(2, "variance").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            let invert = try args.bool(3, "invert", false)
            let layer = try engine { () throws(EngineError) in
                try Normalization(mean: mean, variance: variance, invert: invert, name: keywords.name, context: ctx)
            }
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["BatchNormalization"] = fn(
            def: """
                BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, beta_initializer='zeros', \
                gamma_initializer='ones', moving_mean_initializer='zeros', moving_variance_initializer='ones', \
                beta_regularizer=None, gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, renorm=False, \
                renorm_clipping=None, renorm_momentum=0.99, synchronized=False, **kwargs)
                """,
            unsupported: [
                "beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer",
                "gamma_regularizer", "beta_constraint", "gamma_constraint", "renorm", "renorm_clipping", "renorm_momentum",
                "synchronized",
            ]
        ) { args throws(Failure) in
            let keywords = try LayerKeywords(args, "BatchNormalization")
            try requireLastAxis(args, 0, "BatchNormalization")
            let layer = BatchNormalization(
                momentum: try args.double(1, "momentum", 0.99), epsilon: try args.double(2, "epsilon", 1e-3),
                center: try args.bool(3, "center", true), scale: try args.bool(4, "scale", true),
                name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        return k
    }
}
