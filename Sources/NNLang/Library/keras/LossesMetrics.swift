import Engine

// MARK: - keras.losses and keras.metrics: classes, functions and Python functions

/// A Keras loss object (`BinaryCrossentropy(from_logits=True)`, …): its kind and options.
final class LossObject: EngineObject {
    let loss: Loss
    let options: LossOptions
    let className: String
    let name: String

    init(_ loss: Loss, options: LossOptions, className: String, name: String) {
        self.loss = loss
        self.options = options
        self.className = className
        self.name = name
    }

    var typeName: String { className }
    var displayText: String { "<\(className) name=\(name)>" }

    func attribute(_ attribute: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch attribute {
        case "name": return .str(name)
        case "from_logits": return .bool(options.fromLogits)
        case "label_smoothing": return .float(options.labelSmoothing)
        case "__call__":
            return Library.fn(def: className + "(y_true, y_pred, sample_weight=None)") { args throws(Failure) in
                let y = try args.tensor(0, "y_true")
                let p = try interp.tensor(try args.required(1, "y_pred"))
                let w = try args.optional(2, "sample_weight").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
                return .tensor(try engine { () throws(EngineError) in try self.loss(y, p, options: self.options, sampleWeight: w) })
            }
        default: return nil
        }
    }
}

/// A Keras metric object (`BinaryAccuracy()`, …): the metric it computes and its history key.
final class MetricObject: EngineObject {
    let metric: String
    let className: String
    let name: String

    init(metric: String, className: String, name: String) {
        self.metric = metric
        self.className = className
        self.name = name
    }

    var typeName: String { className }
    var displayText: String { "<\(className) name=\(name)>" }
    func attribute(_ attribute: String, _ interp: Interpreter) throws(Failure) -> Value? { attribute == "name" ? .str(name) : nil }
}

extension Library {
    /// Keras's snake_case name of a class: `BinaryCrossentropy` → `binary_crossentropy`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for (i, c) in name.enumerated() {
            if c.isUppercase, i > 0 { out += "_" }
            out += c.lowercased()
        }
        return out
    }

    /// Keras 3's losses: each class's parameters (its `name` default is its snake-case name)
    /// and its function's.
    static func lossParameters(_ loss: Loss) -> (constructor: String, function: String) {
        switch loss {
        case .binaryCrossentropy, .categoricalCrossentropy:
            return (
                "from_logits=False, label_smoothing=0.0, axis=-1, reduction='sum_over_batch_size', name='\(loss.rawValue)', dtype=None",
                "y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1"
            )
        case .sparseCategoricalCrossentropy:
            return (
                "from_logits=False, ignore_class=None, reduction='sum_over_batch_size', axis=-1, name='\(loss.rawValue)', dtype=None",
                "y_true, y_pred, from_logits=False, ignore_class=None, axis=-1"
            )
        case .meanSquaredError, .meanAbsoluteError, .halfSSE:
            return ("reduction='sum_over_batch_size', name='\(loss.rawValue)', dtype=None", "y_true, y_pred")
        }
    }

    /// The options a loss reads; `axis`, `reduction` and `ignore_class` other than their
    /// defaults are refused by the binder.
    private static func lossOptions(_ args: Arguments, _ loss: Loss) throws(Failure) -> LossOptions {
        var options = LossOptions()
        guard [.binaryCrossentropy, .categoricalCrossentropy, .sparseCategoricalCrossentropy].contains(loss) else { return options }
        options.fromLogits = try args.bool(-1, "from_logits", false)
        if loss != .sparseCategoricalCrossentropy {
            options.labelSmoothing = try args.double(-1, "label_smoothing", 0)
            guard options.labelSmoothing >= 0, options.labelSmoothing <= 1 else {
                throw Failure("ValueError: label_smoothing must be in [0, 1], got \(options.labelSmoothing)")
            }
        }
        return options
    }

    static func lossClasses(_ interp: Interpreter) -> [String: Value] {
        var k: [String: Value] = [:]
        for (cls, loss) in [
            ("BinaryCrossentropy", Loss.binaryCrossentropy), ("CategoricalCrossentropy", .categoricalCrossentropy),
            ("SparseCategoricalCrossentropy", .sparseCategoricalCrossentropy), ("MeanSquaredError", .meanSquaredError),
            ("MeanAbsoluteError", .meanAbsoluteError),
        ] {
            k[cls] = fn(
                def: "\(cls)(\(lossParameters(loss).constructor))", unsupported: ["axis", "reduction", "ignore_class"]
            ) { args throws(Failure) in
                try floatDType(args, cls)
                let options = try lossOptions(args, loss)
                let name = try args.string(-1, "name") ?? loss.rawValue
                return .object(LossObject(loss, options: options, className: cls, name: name))
            }
        }
        return k
    }

    /// A Keras object's `dtype`: None, float64 or float32 (which Lectern computes in float64, as
    /// `keras.Input`'s); anything else is refused.
    static func floatDType(_ args: Arguments, _ cls: String) throws(Failure) {
        let d = args.value("dtype")
        switch d {
        case .none, .str("float64"), .str("float32"): return
        default:
            throw Failure(
                "NotImplementedError: Lectern does not support \(cls)(dtype=\(args.interpreter.pythonRepr(d))); it computes in float64")
        }
    }

    /// `keras.losses.binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0)`:
    /// one value per sample.
    static func lossFunction(_ loss: Loss, _ interp: Interpreter) -> Value {
        fn(def: "\(loss.rawValue)(\(lossParameters(loss).function))", unsupported: ["axis", "ignore_class"]) { args throws(Failure) in
            let y = try args.tensor(0, "y_true")
            let p = try interp.tensor(try args.required(1, "y_pred"))
            let options = try lossOptions(args, loss)
            return .tensor(try engine { () throws(EngineError) in try loss.perSample(y, p, options: options) })
        }
    }

    /// Calls a user function on (targets, predictions) from inside training; its failure
    /// becomes the engine's error, reported at the `fit` or `evaluate` call.
    static func userFunction(_ f: Value, _ interp: Interpreter) -> (Tensor, Variable) throws(EngineError) -> Variable {
        { y, p throws(EngineError) in
            do throws(Failure) {
                return try interp.tensor(try interp.callValue(f, [.tensor(Variable(y)), .tensor(p)]))
            } catch {
                throw .value(error.message)
            }
        }
    }

    /// `compile(loss=...)`: a name, a loss object, a `keras.losses` function, or a Python function.
    static func lossSpec(_ v: Value?, _ interp: Interpreter) throws(Failure) -> (Loss, LossOptions) {
        switch v {
        case .str(let s)?:
            guard let l = Loss(name: s) else {
                throw Failure(
                    "ValueError: unknown loss '\(s)'",
                    hint: "known: " + Loss.allCases.map(\.rawValue).joined(separator: ", ") + ", mse, mae")
            }
            return (l, LossOptions())
        case .object(let o as LossObject)?: return (o.loss, o.options)
        case .builtin(let b)? where Loss(name: b.name) != nil: return (Loss(name: b.name)!, LossOptions())
        case .function?:
            // A user loss has no kind; mean squared error only decides what 'accuracy' means
            // (binary with one output unit, else categorical), as Keras decides from the shapes.
            return (.meanSquaredError, LossOptions(custom: userFunction(v ?? .none, interp)))
        case .builtin(let b)?: throw Failure("ValueError: \(b.name) is not a loss function")
        default: throw Failure("ValueError: compile() needs a loss", hint: "e.g. loss='binary_crossentropy'")
        }
    }

    /// `compile(metrics=[...])`: names, metric objects or Python functions.
    static func metricRequest(_ v: Value, _ interp: Interpreter) throws(Failure) -> MetricRequest {
        switch v {
        case .str(let s): return .named(s, key: s)
        case .object(let m as MetricObject): return .named(m.metric, key: m.name)
        case .function(let f):
            let call = userFunction(v, interp)
            return .custom(key: f.name) { y, p throws(EngineError) in try call(y, Variable(p)).value }
        case .builtin(let b) where metricFunctions.contains { $0.0 == b.name } && Loss(name: b.name) == nil:
            return .named(b.name, key: b.name)
        case .builtin(let b) where Loss(name: b.name) != nil:
            return .named(b.name == "mean_squared_error" ? "mse" : (b.name == "mean_absolute_error" ? "mae" : b.name), key: b.name)
        default: throw Failure("TypeError: metrics must be names such as 'accuracy', keras.metrics objects or functions, got \(v.typeName)")
        }
    }

    static func metricClasses(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        for (cls, metric) in [
            ("BinaryAccuracy", "binary_accuracy"), ("CategoricalAccuracy", "categorical_accuracy"),
            ("SparseCategoricalAccuracy", "sparse_categorical_accuracy"), ("MeanSquaredError", "mse"), ("MeanAbsoluteError", "mae"),
        ] {
            let threshold = cls == "BinaryAccuracy" ? ", threshold=0.5" : ""
            m[cls] = fn(def: "\(cls)(name='\(snakeCase(cls))', dtype=None\(threshold))", unsupported: ["threshold"]) {
                args throws(Failure) in
                try floatDType(args, cls)
                let name = try args.string(-1, "name") ?? snakeCase(cls)
                return .object(MetricObject(metric: metric, className: cls, name: name))
            }
        }
        // Keras 3 takes 'mse' and 'mae' as metric names but has no such functions.
        for (name, metric) in metricFunctions where name != "mse" && name != "mae" {
            let binary = name == "binary_accuracy"
            m[name] = fn(def: "\(name)(y_true, y_pred\(binary ? ", threshold=0.5" : ""))", unsupported: ["threshold"]) {
                args throws(Failure) in
                let y = try args.tensor(0, "y_true")
                let p = try interp.tensor(try args.required(1, "y_pred")).value
                return .tensor(
                    Variable(try engine { () throws(EngineError) in binary ? try Metric.binaryHits(y, p) : try metric.perSample(y, p) }))
            }
        }
        return m
    }

    /// `keras.metrics`' functions: one score per sample (per element for `binary_accuracy`, as Keras 3).
    static var metricFunctions: [(String, Metric)] {
        [
            ("binary_accuracy", .binaryAccuracy), ("categorical_accuracy", .categoricalAccuracy),
            ("sparse_categorical_accuracy", .sparseCategoricalAccuracy), ("mean_squared_error", .meanSquaredError),
            ("mse", .meanSquaredError), ("mean_absolute_error", .meanAbsoluteError), ("mae", .meanAbsoluteError),
        ]
    }
}
