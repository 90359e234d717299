import Engine

// MARK: - keras.layers for images: Conv2D, MaxPooling2D, AveragePooling2D

extension Library {
    /// A Keras size argument: one int for both axes, or a pair.
    static func pair(_ v: Value, _ what: String, _ interp: Interpreter) throws(Failure) -> (Int, Int) {
        let dims = try interp.shape(v)
        switch dims.count {
        case 1: return (dims[0], dims[0])
        case 2: return (dims[0], dims[1])
        default: throw Failure("ValueError: \(what) must be an int or a tuple of 2 ints, got \(dims.count) values")
        }
    }

    static func padding(_ args: Arguments, _ index: Int) throws(Failure) -> Padding {
        let s = (try args.string(index, "padding") ?? "valid").lowercased()
        guard let p = Padding(rawValue: s) else {
            throw Failure("ValueError: padding must be 'valid' or 'same', got '\(s)'")
        }
        return p
    }

    /// Refuses channels-first data and dilation, which Lectern's convolutions do not implement.
    static func requireChannelsLast(_ args: Arguments, _ layer: String) throws(Failure) {
        if let f = try args.string(-1, "data_format"), f != "channels_last" {
            throw Failure("NotImplementedError: Lectern does not support \(layer)(data_format='\(f)'); images are channels last")
        }
        if let d = args.optional(-1, "dilation_rate"), !d.isNone, try interpShapeIsOne(d, args) == false {
            throw Failure("NotImplementedError: Lectern does not support \(layer)(dilation_rate=...) other than 1")
        }
    }

    private static func interpShapeIsOne(_ v: Value, _ args: Arguments) throws(Failure) -> Bool {
        try args.interpreter.shape(v).allSatisfy { $0 == 1 }
    }

    /// Sets `input_shape=` when given (Keras 3 still accepts it on the first layer).
    static func declareInputShape(_ layer: Layer, _ args: Arguments, _ interp: Interpreter) throws(Failure) {
        if let s = args.optional(-1, "input_shape"), !s.isNone { layer.declaredInputShape = try interp.shape(s) }
    }

    static func imageLayerNames(_ interp: Interpreter) -> [String: Value] {
        let ctx = interp.context
        var k: [String: Value] = [:]
        k["Conv2D"] = fn("Conv2D") { args throws(Failure) in
            try args.accept([
                "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias",
                "kernel_initializer", "bias_initializer", "input_shape", "name",
            ])
            try requireChannelsLast(args, "Conv2D")
            if try args.int(6, "groups", 1) != 1 {
                throw Failure("NotImplementedError: Lectern does not support Conv2D(groups=...) other than 1")
            }
            let filters = try args.required(0, "filters").asInt("filters")
            guard filters >= 1 else { throw Failure("ValueError: Conv2D needs a positive number of filters, got \(filters)") }
            let layer = Conv2D(
                filters: filters, kernelSize: try pair(try args.required(1, "kernel_size"), "kernel_size", interp),
                strides: try args.optional(2, "strides").map { v throws(Failure) in try pair(v, "strides", interp) } ?? (1, 1),
                padding: try padding(args, 3), activation: try activationArg(args.optional(7, "activation")),
                useBias: try args.bool(8, "use_bias", true),
                kernelInitializer: try initializer(args.optional(9, "kernel_initializer"), .glorotUniform),
                biasInitializer: try initializer(args.optional(10, "bias_initializer"), .zeros),
                name: try args.string(12, "name"), context: ctx)
            try declareInputShape(layer, args, interp)
            return .object(LayerObject(layer))
        }
        for (cls, kind) in [("MaxPooling2D", Pooling2D.Kind.max), ("AveragePooling2D", .average)] {
            k[cls] = fn(cls) { args throws(Failure) in
                try args.accept(["pool_size", "strides", "padding", "data_format", "input_shape", "name"])
                try requireChannelsLast(args, cls)
                let size = try args.optional(0, "pool_size").map { v throws(Failure) in try pair(v, "pool_size", interp) } ?? (2, 2)
                let strides = try args.optional(1, "strides").flatMap { v throws(Failure) in
                    v.isNone ? nil : try pair(v, "strides", interp)
                }
                let layer = Pooling2D(
                    kind, poolSize: size, strides: strides, padding: try padding(args, 2), name: try args.string(5, "name"), context: ctx)
                try declareInputShape(layer, args, interp)
                return .object(LayerObject(layer))
            }
        }
        k["MaxPool2D"] = k["MaxPooling2D"]
        k["AvgPool2D"] = k["AveragePooling2D"]
        return k
    }
}
