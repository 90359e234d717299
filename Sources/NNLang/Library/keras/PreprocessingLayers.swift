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
        k["ReLU"] = fn("ReLU") { args throws(Failure) in
            try args.accept(["max_value", "negative_slope", "threshold", "input_shape", "name"])
            let (top, slope, theta) = (
                try optionalDouble(args, 0, "max_value"), try args.double(1, "negative_slope", 0), try args.double(2, "threshold", 0)
            )
            let name = try args.string(4, "name")
            let layer = try engine { () throws(EngineError) in
                try ReLULayer(maxValue: top, negativeSlope: slope, threshold: theta, name: name, context: ctx)
            }
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        k["Softmax"] = fn("Softmax") { args throws(Failure) in
            try args.accept(["axis", "input_shape", "name"])
            let layer = SoftmaxLayer(axis: try args.int(0, "axis", -1), name: try args.string(2, "name"), context: ctx)
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        k["Rescaling"] = fn("Rescaling") { args throws(Failure) in
            try args.accept(["scale", "offset", "input_shape", "name"])
            let layer = Rescaling(
                scale: try args.required(0, "scale").asDouble("scale"), offset: try args.double(1, "offset", 0),
                name: try args.string(3, "name"), context: ctx)
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        k["Normalization"] = fn("Normalization") { args throws(Failure) in
            try args.accept(["axis", "mean", "variance", "invert", "input_shape", "name"])
            try requireLastAxis(args, 0, "Normalization")
            let mean = try args.optional(1, "mean").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            let variance = try args.optional(2, "variance").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            let name = try args.string(5, "name")
            let invert = try args.bool(3, "invert", false)
            let layer = try engine { () throws(EngineError) in
                try Normalization(mean: mean, variance: variance, invert: invert, name: name, context: ctx)
            }
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        k["BatchNormalization"] = fn("BatchNormalization") { args throws(Failure) in
            try args.accept(["axis", "momentum", "epsilon", "center", "scale", "input_shape", "name"])
            try requireLastAxis(args, 0, "BatchNormalization")
            let layer = BatchNormalization(
                momentum: try args.double(1, "momentum", 0.99), epsilon: try args.double(2, "epsilon", 1e-3),
                center: try args.bool(3, "center", true), scale: try args.bool(4, "scale", true),
                name: try args.string(6, "name"), context: ctx)
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        return k
    }
}
