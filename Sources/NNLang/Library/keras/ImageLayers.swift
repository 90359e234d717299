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
    static func imageLayerNames(_ interp: Interpreter) -> [String: Value] {
        let ctx = interp.context
        var k: [String: Value] = [:]
        k["Conv2D"] = fn(
            def: """
                Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1), groups=1, \
                activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', \
                kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, \
                bias_constraint=None, **kwargs)
                """,
            unsupported: ["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"]
        ) { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Conv2D")
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
                name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        // Keras's MaxPooling2D has a default pool size, its AveragePooling2D none.
        for (cls, alias, kind, poolDefault) in [
            ("MaxPooling2D", "MaxPool2D", Pooling2D.Kind.max, "=(2, 2)"), ("AveragePooling2D", "AvgPool2D", .average, ""),
        ] {
            let declaration = "(pool_size\(poolDefault), strides=None, padding='valid', data_format=None, name=None, **kwargs)"
            let make = { (args: inout Arguments) throws(Failure) -> Value in
                let keywords = try LayerKeywords(args, cls)
                try requireChannelsLast(args, cls)
                let size = try args.optional(0, "pool_size").map { v throws(Failure) in try pair(v, "pool_size", interp) } ?? (2, 2)
                let strides = try args.optional(1, "strides").flatMap { v throws(Failure) in
                    v.isNone ? nil : try pair(v, "strides", interp)
                }
                let layer = Pooling2D(
                    kind, poolSize: size, strides: strides, padding: try padding(args, 2), name: keywords.name, context: ctx)
                keywords.declare(on: layer)
                return .object(LayerObject(layer))
            }
            k[cls] = fn(def: cls + declaration, make)
            k[alias] = fn(def: alias + declaration, make)
        }
        return k
    }
}
