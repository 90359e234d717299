import Dispatch
import Display
import Engine
import Foundation

// MARK: - Keras objects as the language sees them

final class SymbolicObject: EngineObject {
    let symbol: SymbolicTensor
    init(_ symbol: SymbolicTensor) { self.symbol = symbol }
    var typeName: String { "KerasTensor" }
    var displayText: String {
        "<KerasTensor shape=\(formatShape([-1] + symbol.shape).replacingOccurrences(of: "-1", with: "None")), name=\(symbol.name)>"
    }
    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "shape": return Library.batchShape(symbol.shape)
        case "name": return .str(symbol.name)
        case "dtype": return .str("float64")
        default: return nil
        }
    }
}

final class LayerObject: EngineObject {
    let layer: Layer
    init(_ layer: Layer) { self.layer = layer }
    var typeName: String { layer.className }
    var displayText: String { "<\(layer.className) name=\(layer.name), built=\(layer.isBuilt ? "True" : "False")>" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "name": return .str(layer.name)
        case "units": return (layer as? Dense).map { .int($0.units) }
        case "trainable": return .bool(true)
        case "activation":
            return (layer as? Dense).map { .str($0.activation.name) } ?? (layer as? ActivationLayer).map { .str($0.activation.name) }
                ?? (layer as? Conv2D).map { .str($0.activation.name) }
        case "weights": return .list(ListBox(layer.params.map { .tensor(Variable($0)) }))
        case "trainable_weights", "trainable_variables": return .list(ListBox(interp.weightVariables(layer).map { .object($0) }))
        case "non_trainable_weights": return .list(ListBox(layer.params.dropFirst(layer.trainableCount).map { .tensor(Variable($0)) }))
        case "output", "input":
            guard let out = layer.output else {
                throw Failure("AttributeError: The layer \(layer.name) has never been called and thus has no defined \(name).")
            }
            if name == "output" { return .object(SymbolicObject(out)) }
            return out.inputs.count == 1
                ? .object(SymbolicObject(out.inputs[0])) : .list(ListBox(out.inputs.map { .object(SymbolicObject($0)) }))
        case "output_shape":
            guard let out = layer.output else { throw Failure("AttributeError: The layer \(layer.name) has never been called") }
            return Library.batchShape(out.shape)
        case "filters": return (layer as? Conv2D).map { .int($0.filters) }
        case "kernel_size": return (layer as? Conv2D).map { .tuple([.int($0.kernelSize.0), .int($0.kernelSize.1)]) }
        case "strides":
            return (layer as? Conv2D).map { .tuple([.int($0.strides.0), .int($0.strides.1)]) }
                ?? (layer as? Pooling2D).map { .tuple([.int($0.strides.0), .int($0.strides.1)]) }
        case "pool_size": return (layer as? Pooling2D).map { .tuple([.int($0.poolSize.0), .int($0.poolSize.1)]) }
        case "padding":
            return (layer as? Conv2D).map { .str($0.padding.rawValue) } ?? (layer as? Pooling2D).map { .str($0.padding.rawValue) }
        case "moving_mean", "moving_variance":
            guard let bn = layer as? BatchNormalization, bn.isBuilt else { return nil }
            return .tensor(Variable(bn.params[bn.trainableCount + (name == "moving_mean" ? 0 : 1)]))
        case "gamma", "beta":
            guard let bn = layer as? BatchNormalization, bn.isBuilt, name == "gamma" ? bn.scale : bn.center else { return nil }
            return .tensor(Variable(bn.params[name == "gamma" || !bn.scale ? 0 : 1]))
        case "mean", "variance":
            guard let norm = layer as? Normalization, norm.isBuilt else { return nil }
            return .tensor(Variable(name == "mean" ? norm.statistics.mean : norm.statistics.variance))
        case "adapt":
            guard let norm = layer as? Normalization else { return nil }
            return Library.fn(def: "adapt(data)") { args throws(Failure) in
                let data = try args.tensor(0, "data")
                try engine { () throws(EngineError) in try norm.adapt(data) }
                return .none
            }
        case "kernel": return layer.params.first.map { .tensor(Variable($0)) }
        case "bias": return layer.params.count > 1 ? .tensor(Variable(layer.params[1])) : nil
        case "get_weights":
            return Library.fn(def: "get_weights()") { _ throws(Failure) in .list(ListBox(self.layer.params.map { .tensor(Variable($0)) })) }
        case "set_weights":
            return Library.fn(def: "set_weights(weights)") { args throws(Failure) in
                let ws = try interp.iterate(try args.required(0, "weights")).map { v throws(Failure) in try interp.tensor(v).value }
                guard ws.count == self.layer.params.count, zip(ws, self.layer.params).allSatisfy({ $0.shape == $1.shape }) else {
                    throw Failure(
                        "ValueError: set_weights: layer '\(self.layer.name)' expects weights of shapes \(self.layer.params.map { formatShape($0.shape) }.joined(separator: ", "))"
                    )
                }
                self.layer.params = ws
                return .none
            }
        case "count_params": return Library.fn(def: "count_params()") { _ throws(Failure) in .int(self.layer.paramCount) }
        case "__call__":
            return Library.fn(layer.name) { args throws(Failure) in
                try args.accept(["inputs", "training"])
                let x = try args.required(0, "inputs")
                let training = try args.bool(1, "training", false)
                let symbols: [SymbolicTensor]? = {
                    if case .object(let o as SymbolicObject) = x { return [o.symbol] }
                    if let items = try? interp.iterate(x) {
                        let s = items.compactMap { v -> SymbolicTensor? in
                            if case .object(let o as SymbolicObject) = v { o.symbol } else { nil }
                        }
                        return s.count == items.count && !s.isEmpty ? s : nil
                    }
                    return nil
                }()
                if let symbols {
                    return .object(
                        SymbolicObject(
                            try engine { () throws(EngineError) in
                                try SymbolicTensor.apply(self.layer, to: symbols, context: interp.context)
                            }))
                }
                // Called on data: run the layer eagerly.
                let t = try interp.tensor(x)
                return .tensor(
                    try engine { () throws(EngineError) in
                        try self.layer.build([Array(t.shape.dropFirst())], interp.context)
                        return try self.layer.call(
                            [t], params: self.layer.params.map { Variable($0) }, training: training, context: interp.context)
                    })
            }
        default: return nil
        }
    }
}

final class OptimizerObject: EngineObject {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }
    var typeName: String { optimizer.name }
    var displayText: String { "<\(optimizer.name) learning_rate=\(optimizer.learningRate)>" }
    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "learning_rate", "lr": return .float(optimizer.learningRate)
        case "iterations": return .object(IterationCounter(optimizer, interp))
        case "apply_gradients":
            // Keras returns its step counter.
            return Library.fn(def: "apply_gradients(grads_and_vars)") { args throws(Failure) in
                try self.applyGradients(try args.required(0, "grads_and_vars"), interp)
                return .object(IterationCounter(self.optimizer, interp))
            }
        case "__set_learning_rate":
            return Library.fn(name) { args throws(Failure) in
                self.optimizer.learningRate = try args.double(0, "value", 0.01)
                return .none
            }
        default: return nil
        }
    }
}

extension OptimizerObject {
    /// `optimizer.apply_gradients(zip(grads, variables))`: one step of this optimizer on
    /// `tf.Variable`s, by the same update rules as `fit`. Pairs whose gradient is None are
    /// skipped, and none at all is Keras's ValueError.
    func applyGradients(_ pairsValue: Value, _ interp: Interpreter) throws(Failure) {
        var grads: [Tensor] = []
        var variables: [TFTensorObject] = []
        for pair in try interp.iterate(pairsValue) {
            let items = try interp.iterate(pair)
            guard items.count == 2 else { throw Failure("ValueError: apply_gradients expects (gradient, variable) pairs") }
            guard case .object(let v as TFTensorObject) = items[1], v.isVariable else {
                throw Failure(
                    "TypeError: Lectern's apply_gradients updates tf.Variable objects, got \(items[1].typeName)",
                    hint: "train a Keras model with fit(); apply_gradients is for tf.Variable weights")
            }
            if items[0].isNone { continue }
            let g = try interp.tensor(items[0]).value
            guard g.shape == v.variable.shape else {
                throw Failure(
                    "ValueError: the gradient of shape \(formatShape(g.shape)) does not match the variable '\(v.name):0' of shape \(formatShape(v.variable.shape))"
                )
            }
            grads.append(g)
            variables.append(v)
        }
        guard !variables.isEmpty else { throw Failure("ValueError: No gradients provided for any variable.") }
        var params = variables.map(\.variable.value)
        try engine { () throws(EngineError) in try optimizer.update(grads, &params, owners: variables.map(ObjectIdentifier.init)) }
        for (v, p) in zip(variables, params) {
            let value = v.dtype.coerce(p)
            v.variable = v.trainable ? Variable.leaf(value) : Variable(value)
        }
    }
}

final class EarlyStoppingObject: EngineObject {
    let rule: EarlyStopping
    init(_ rule: EarlyStopping) { self.rule = rule }
    var typeName: String { "EarlyStopping" }
    var displayText: String { "<EarlyStopping monitor=\(rule.monitor), patience=\(rule.patience)>" }
    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "monitor": return .str(rule.monitor)
        case "patience": return .int(rule.patience)
        default: return nil
        }
    }
}

final class HistoryObject: EngineObject {
    let history: History
    init(_ history: History) { self.history = history }
    var typeName: String { "History" }
    var displayText: String { "<History: \(history.epochs) epochs>" }
    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "history":
            let d = DictBox()
            for k in history.keys { try d.set(.str(k), .list(ListBox(history.values[k]!.map { .float($0) }))) }
            return .dict(d)
        case "epoch": return .list(ListBox((0..<history.epochs).map { .int($0) }))
        default: return nil
        }
    }
}

final class ModelObject: EngineObject {
    let model: Model
    init(_ model: Model) { self.model = model }
    var typeName: String { model.isSequential ? "Sequential" : "Functional" }
    var displayText: String { "<\(typeName) name=\(model.name), \(model.countParams()) params>" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        let model = self.model
        switch name {
        case "name": return .str(model.name)
        case "layers": return .list(ListBox(model.layers.map { .object(LayerObject($0)) }))
        case "output_shape", "input_shape", "output", "input":
            guard model.isBuilt else {
                throw Failure(
                    "AttributeError: The model \(model.name) has not been built yet, so it has no \(name)",
                    hint: "start it with keras.Input(shape=...)")
            }
            let symbols = name.hasPrefix("output") ? model.outputs : model.inputs
            let one: (SymbolicTensor) -> Value =
                name.hasSuffix("shape") ? { Library.batchShape($0.shape) } : { .object(SymbolicObject($0)) }
            return symbols.count == 1 ? one(symbols[0]) : .list(ListBox(symbols.map(one)))
        case "trainable_weights", "trainable_variables":
            return .list(ListBox(model.layers.flatMap { interp.weightVariables($0) }.map { .object($0) }))
        case "get_layer":
            return Library.fn(def: "get_layer(name=None, index=None)") { args throws(Failure) in
                if let n = try args.string(0, "name") {
                    return .object(LayerObject(try engine { () throws(EngineError) in try model.layer(named: n) }))
                }
                guard let i = args.optional(1, "index"), !i.isNone else {
                    throw Failure("ValueError: Provide either a layer name or layer index at `get_layer`.")
                }
                let index = try i.asInt("index")
                return .object(LayerObject(try engine { () throws(EngineError) in try model.layer(at: index) }))
            }
        case "pop":
            return Library.fn(def: "pop(rebuild=True)", unsupported: ["rebuild"]) { _ throws(Failure) in
                .object(LayerObject(try engine { () throws(EngineError) in try model.pop() }))
            }
        case "inputs": return .list(ListBox(model.inputs.map { .object(SymbolicObject($0)) }))
        case "outputs": return .list(ListBox(model.outputs.map { .object(SymbolicObject($0)) }))
        case "optimizer": return model.optimizer.map { .object(OptimizerObject($0)) } ?? Value.none
        case "weights": return .list(ListBox(model.weights.map { .tensor(Variable($0)) }))
        case "count_params": return Library.fn(def: "count_params()") { _ throws(Failure) in .int(model.countParams()) }
        case "get_weights":
            return Library.fn(def: "get_weights()") { _ throws(Failure) in .list(ListBox(model.weights.map { .tensor(Variable($0)) })) }
        case "set_weights":
            return Library.fn(def: "set_weights(weights)") { args throws(Failure) in
                let ws = try interp.iterate(try args.required(0, "weights")).map { v throws(Failure) in try interp.tensor(v).value }
                try engine { () throws(EngineError) in try model.setWeights(ws) }
                return .none
            }
        case "add":
            return Library.fn(def: "add(layer, rebuild=True)", unsupported: ["rebuild"]) { args throws(Failure) in
                switch try args.required(0, "layer") {
                case .object(let l as LayerObject): try engine { () throws(EngineError) in try model.add(l.layer) }
                case .object(let s as SymbolicObject): try engine { () throws(EngineError) in try model.setInput(s.symbol) }
                case .object(let m as ModelObject): try engine { () throws(EngineError) in try model.add(try ModelLayer(m.model)) }
                case let other: throw Failure("TypeError: add() expects a layer or keras.Input(...), got \(other.typeName)")
                }
                return .none
            }
        case "summary":
            return Library.fn(
                def:
                    "summary(line_length=None, positions=None, print_fn=None, expand_nested=False, show_trainable=False, layer_range=None)",
                unsupported: ["line_length", "positions", "print_fn", "expand_nested", "show_trainable", "layer_range"]
            ) { _ throws(Failure) in
                interp.emit(.summary(Library.overview(model)))
                return .none
            }
        case "compile":
            return Library.fn(
                def: """
                    compile(optimizer='rmsprop', loss=None, loss_weights=None, metrics=None, weighted_metrics=None, run_eagerly=False, \
                    steps_per_execution=1, jit_compile='auto', auto_scale_loss=True)
                    """,
                unsupported: ["loss_weights", "weighted_metrics", "steps_per_execution"]
            ) { args throws(Failure) in try Library.compile(model, &args, interp) }
        case "fit":
            return Library.fn(
                def: """
                    fit(x=None, y=None, batch_size=None, epochs=1, verbose='auto', callbacks=None, validation_split=0.0, \
                    validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0, steps_per_epoch=None, \
                    validation_steps=None, validation_batch_size=None, validation_freq=1)
                    """,
                unsupported: [
                    "class_weight", "initial_epoch", "steps_per_epoch", "validation_steps", "validation_batch_size", "validation_freq",
                ]
            ) { args throws(Failure) in try Library.fit(model, &args, interp) }
        case "evaluate":
            return Library.fn(
                def:
                    "evaluate(x=None, y=None, batch_size=None, verbose='auto', sample_weight=None, steps=None, callbacks=None, return_dict=False, **kwargs)",
                unsupported: ["sample_weight", "steps", "callbacks"]
            ) { args throws(Failure) in
                if let extra = args.bound?.extraKeywords, !extra.isEmpty {
                    throw Failure("ValueError: Arguments not recognized: \(Library.keywordsText(extra, interp))")
                }
                // The loss and metrics are means over all samples: `batch_size` changes nothing.
                let x = try Library.inputs(try args.required(0, "x"), interp)
                let ys = try Library.inputs(try args.required(1, "y"), interp)
                let r = try engine { () throws(EngineError) in try model.evaluate(x, ys) }
                let names = model.evaluationNames
                if Library.verbosity(args.optional(3, "verbose")) > 0 {
                    interp.emit(.evaluation(zip(names, r).map { LoggedMetric($0, $1) }))
                }
                if try args.bool(-1, "return_dict", false) {
                    let d = DictBox()
                    for (k, v) in zip(names, r) { try d.set(.str(k), .float(v)) }
                    return .dict(d)
                }
                return r.count == 1 ? .float(r[0]) : .list(ListBox(r.map { .float($0) }))
            }
        case "predict", "__call__":
            // Batches change nothing in a forward pass, and Lectern shows no progress bar:
            // `batch_size` and `verbose` are read and need no work.
            let call = { (args: inout Arguments) throws(Failure) -> Value in
                if name == "__call__" { try args.accept(["inputs", "training"]) }
                let x = try args.required(0, name == "predict" ? "x" : "inputs")
                let training = name == "__call__" ? try args.bool(1, "training", false) : false
                if name == "__call__", training || x.isTFTensor {
                    // A custom training loop: the forward pass on the weight variables, recorded
                    // for a tape, gives a tf.Tensor (of the input's dtype when it is one).
                    let items: [Value] = if case .list(let l) = x { l.items } else if case .tuple(let t) = x { t } else { [x] }
                    let inputs = try items.map { v throws(Failure) in try interp.tensor(v) }
                    let outputs = try interp.callRecorded(model, inputs, training: training)
                    let dtype =
                        items.lazy.compactMap { v -> TFDType? in if case .object(let t as TFTensorObject) = v { t.dtype } else { nil } }
                        .first ?? .float64
                    let made = outputs.map { Value.object(TFTensorObject($0, dtype: dtype, interpreter: interp)) }
                    return made.count == 1 ? made[0] : .list(ListBox(made))
                }
                if name == "__call__", case .object(let s as SymbolicObject) = x {
                    // Called on a symbolic tensor: the model becomes a layer of the new graph.
                    return .object(
                        SymbolicObject(
                            try engine { () throws(EngineError) in
                                try SymbolicTensor.apply(try ModelLayer(model), to: [s.symbol], context: interp.context)
                            }))
                }
                let inputs = try Library.inputs(x, interp)
                let r = try engine { () throws(EngineError) in try model.predict(inputs) }
                return r.count == 1 ? .tensor(Variable(r[0])) : .list(ListBox(r.map { .tensor(Variable($0)) }))
            }
            return name == "predict"
                ? Library.fn(
                    def: "predict(x, batch_size=None, verbose='auto', steps=None, callbacks=None)", unsupported: ["steps", "callbacks"],
                    call)
                : Library.fn(name, call)
        default: return nil
        }
    }
}

// MARK: - Keras names and modules

extension Library {
    /// Keras's `verbose`: 'auto' and 1 show a log, 0 shows nothing.
    static func verbosity(_ v: Value?) -> Int {
        switch v {
        case .none?, nil, .str?: return 1
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        default: return 1
        }
    }

    /// One tensor, or a list of tensors for a model with several inputs (or targets for
    /// several outputs); a plain list of numbers is one tensor.
    static func inputs(_ v: Value, _ interp: Interpreter) throws(Failure) -> [Tensor] {
        if case .list(let l) = v, l.items.contains(where: { if case .tensor = $0 { true } else { false } }) {
            return try l.items.map { i throws(Failure) in try interp.tensor(i).value }
        }
        if case .tuple(let t) = v, t.allSatisfy({ if case .tensor = $0 { true } else { false } }) {
            return try t.map { i throws(Failure) in try interp.tensor(i).value }
        }
        return [try interp.tensor(v).value]
    }

    static func optimizer(_ v: Value?, _ interp: Interpreter) throws(Failure) -> Optimizer {
        switch v {
        case nil, .none?, .str?:
            let s = if case .str(let s)? = v { s } else { "rmsprop" }
            guard let o = Optimizer(name: s) else {
                throw Failure("ValueError: unknown optimizer '\(s)'", hint: "known: 'sgd', 'adam', 'rmsprop', 'adagrad'")
            }
            IterationCounter.name(o, interp)
            return o
        case .object(let o as OptimizerObject)?: return o.optimizer
        default: throw Failure("TypeError: optimizer must be a name or an optimizer object")
        }
    }

    static func compile(_ model: Model, _ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        // `run_eagerly`, `jit_compile` and `auto_scale_loss` choose how Keras runs, not what it computes.
        let opt = try optimizer(args.value("optimizer"), interp)
        let (l, options) = try lossSpec(args.optional(-1, "loss"), interp)
        var metrics: [MetricRequest] = []
        if let m = args.optional(-1, "metrics"), !m.isNone {
            metrics = try interp.iterate(m).map { v throws(Failure) in try metricRequest(v, interp) }
        }
        try engine { () throws(EngineError) in try model.compile(optimizer: opt, loss: l, metrics: metrics, lossOptions: options) }
        return .none
    }

    static func fit(_ model: Model, _ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let x = try inputs(try args.required(0, "x"), interp)
        let ys = try inputs(try args.required(1, "y"), interp)
        var options = FitOptions()
        options.batchSize = try args.int(-1, "batch_size", 32)
        options.epochs = try args.int(-1, "epochs", 1)
        options.validationSplit = try args.double(-1, "validation_split", 0)
        options.shuffle = try args.bool(-1, "shuffle", true)
        if let v = args.optional(-1, "validation_data"), !v.isNone {
            let parts = try interp.iterate(v)
            guard parts.count >= 2 else { throw Failure("ValueError: validation_data must be a tuple (x_val, y_val)") }
            options.validationData = (try inputs(parts[0], interp), try inputs(parts[1], interp))
        }
        if let w = args.optional(-1, "sample_weight"), !w.isNone { options.sampleWeight = try interp.tensor(w).value }
        if let callbacks = args.optional(-1, "callbacks"), !callbacks.isNone {
            for c in try interp.iterate(callbacks) {
                guard case .object(let e as EarlyStoppingObject) = c else {
                    throw Failure("TypeError: fit(callbacks=...) supports EarlyStopping, got \(c.typeName)")
                }
                options.earlyStopping = e.rule
            }
        }
        let deadline = interp.deadlineValue
        options.interruption = {
            DispatchTime.now() > deadline ? "\(Interpreter.timeoutMessage) (\(Interpreter.timeoutHint))" : nil
        }
        guard options.epochs >= 1, options.batchSize >= 1 else { throw Failure("ValueError: epochs and batch_size must be positive") }
        let verbose = verbosity(args.optional(-1, "verbose"))
        var epochs: [[LoggedMetric]] = []
        let progress = interp.trainingProgress
        progress?(.started)
        defer { progress?(.finished) }
        let history = try engine { () throws(EngineError) in
            try model.fit(x, ys, options: options) { report in
                let metrics = report.logs.map { LoggedMetric($0.0, $0.1) }
                progress?(.epoch(report.epoch, of: report.epochs, metrics: metrics))
                if verbose > 0 { epochs.append(metrics) }
            }
        }
        if verbose > 0 {
            interp.emit(.training(TrainingRecord(planned: options.epochs, epochs: epochs)))
        }
        return .object(HistoryObject(history))
    }

    /// The plain data of Keras's `summary()`; the build lays it out as Keras's table.
    static func overview(_ model: Model) -> ModelOverview {
        ModelOverview(
            name: model.name, functional: !model.isSequential, built: model.isBuilt,
            layers: model.summaryRows().map {
                ModelOverview.Layer(
                    name: $0.name, type: $0.type, outputShape: $0.outputShape, params: $0.params, connectedTo: $0.connectedTo)
            },
            totalParams: model.countParams(), trainableParams: model.layers.map(\.trainableParamCount).reduce(0, +))
    }

    /// The parameters every Keras optimizer shares (Keras 3's `BaseOptimizer`), none of which
    /// Lectern implements: each is refused by name unless it has its default.
    static let optimizerOptions = [
        "weight_decay", "clipnorm", "clipvalue", "global_clipnorm", "use_ema", "ema_momentum", "ema_overwrite_frequency",
        "loss_scale_factor", "gradient_accumulation_steps", "name",
    ]

    /// A Keras optimizer constructor: `declaration` is its own parameters (the learning rate
    /// first, Keras's defaults), to which the shared ones are added.
    static func optimizer(
        _ declaration: String, unsupported: [String] = [], _ kind: @escaping (Arguments) throws(Failure) -> Optimizer.Kind
    ) -> Value {
        let shared = """
            , weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99, \
            ema_overwrite_frequency=None, loss_scale_factor=None, gradient_accumulation_steps=None, name=None, **kwargs)
            """
        return fn(def: declaration + shared, unsupported: unsupported + optimizerOptions) { args throws(Failure) in
            if let extra = args.bound?.extraKeywords, !extra.isEmpty {
                throw Failure("ValueError: Argument(s) not recognized: \(keywordsText(extra, args.interpreter))")
            }
            let optimizer = Optimizer(try kind(args), learningRate: try args.value("learning_rate").asDouble("learning_rate"))
            IterationCounter.name(optimizer, args.interpreter)
            return .object(OptimizerObject(optimizer))
        }
    }

    static func activationArg(_ v: Value?) throws(Failure) -> Activation {
        switch v {
        case nil, .none?: return .linear
        case .str(let s)?:
            guard let a = Activation(name: s) else {
                throw Failure("ValueError: unknown activation '\(s)'", hint: "known: " + Activation.names.joined(separator: ", "))
            }
            return a
        case .builtin(let b)?:
            guard let a = Activation(name: b.name) else { throw Failure("ValueError: unknown activation function \(b.name)") }
            return a
        default: throw Failure("TypeError: activation must be a name such as 'relu'")
        }
    }

    static func initializer(_ v: Value?, _ fallback: Initializer) throws(Failure) -> Initializer {
        guard case .str(let s)? = v else { return fallback }
        guard let i = Initializer(rawValue: s) else {
            throw Failure(
                "ValueError: unknown initializer '\(s)'", hint: "known: " + Initializer.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return i
    }

    static func kerasNames(_ interp: Interpreter) -> [String: Value] {
        let ctx = interp.context
        var k: [String: Value] = [:]
        k["Dense"] = fn(
            def: """
                Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', \
                kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, \
                bias_constraint=None, lora_rank=None, lora_alpha=None, quantization_config=None, **kwargs)
                """,
            unsupported: [
                "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "lora_rank",
                "lora_alpha", "quantization_config",
            ]
        ) { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Dense")
            let given = try args.required(0, "units")
            guard case .int(let units) = given, units >= 1 else {
                throw Failure(
                    "ValueError: Received an invalid value for `units`, expected a positive integer. Received: units=\(interp.str(given))")
            }
            let layer = Dense(
                units: units, activation: try activationArg(args.optional(1, "activation")),
                useBias: try args.bool(2, "use_bias", true),
                kernelInitializer: try initializer(args.optional(3, "kernel_initializer"), .glorotUniform),
                biasInitializer: try initializer(args.optional(4, "bias_initializer"), .zeros),
                name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Activation"] = fn(def: "Activation(activation, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Activation")
            let layer = ActivationLayer(try activationArg(args.optional(0, "activation")), name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["LeakyReLU"] = fn(def: "LeakyReLU(negative_slope=0.3, **kwargs)") { args throws(Failure) in
            // Keras 3 still takes Keras 2's `alpha` (with a deprecation warning).
            let keywords = try LayerKeywords(args, "LeakyReLU", also: ["alpha"])
            let given = args.optional(-1, "alpha") ?? args.optional(0, "negative_slope") ?? .float(0.3)
            let slope = given.isNone ? -1 : try given.asDouble("negative_slope")
            guard slope >= 0 else {
                throw Failure(
                    "ValueError: The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=\(interp.str(given))"
                )
            }
            let layer = ActivationLayer(.leakyRelu(alpha: slope), kerasName: "LeakyReLU", name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Flatten"] = fn(def: "Flatten(data_format=None, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Flatten")
            try requireChannelsLast(args, "Flatten")
            let layer = Flatten(name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Dropout"] = fn(def: "Dropout(rate, noise_shape=None, seed=None, **kwargs)", unsupported: ["noise_shape"]) {
            args throws(Failure) in
            let keywords = try LayerKeywords(args, "Dropout")
            if let seed = args.optional(2, "seed"), !seed.isNone {
                throw Failure(
                    "NotImplementedError: Lectern does not support Dropout(seed=...); masks come from the document's generator",
                    hint: "seed the document with keras.utils.set_random_seed(...) instead")
            }
            let given = try args.required(0, "rate")
            let rate = try given.asDouble("rate")
            guard rate >= 0, rate <= 1 else {
                throw Failure(
                    "ValueError: Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=\(interp.str(given))"
                )
            }
            guard rate < 1 else { throw Failure("NotImplementedError: Lectern does not support Dropout(rate=1.0); it drops everything") }
            let layer = Dropout(rate: rate, name: keywords.name, context: ctx)
            keywords.declare(on: layer)
            return .object(LayerObject(layer))
        }
        k["Concatenate"] = fn(def: "Concatenate(axis=-1, **kwargs)") { args throws(Failure) in
            let keywords = try LayerKeywords(args, "Concatenate")
            return .object(LayerObject(Concatenate(axis: try args.int(0, "axis", -1), name: keywords.name, context: ctx)))
        }
        /// `keras.Input` and `InputLayer` (a layer in Keras, the same start of a model here).
        /// InputLayer also takes Keras 2's `input_shape` and `batch_input_shape`.
        func input(_ args: Arguments, _ function: String) throws(Failure) -> Value {
            let layer = function == "InputLayer"
            if let b = args.optional(-1, "batch_size"), !b.isNone {
                throw Failure("NotImplementedError: Lectern does not support \(function)(batch_size=...); the batch axis stays None")
            }
            if let d = try args.string(-1, "dtype"), !["float64", "float32"].contains(d) {
                throw Failure("NotImplementedError: Lectern does not support \(function)(dtype='\(d)'); inputs are float64")
            }
            let shape: [Int]
            if let given = args.optional(-1, "shape") ?? (layer ? args.optional(-1, "input_shape") : nil), !given.isNone {
                shape = try interp.shape(given)
            } else if let batch = args.optional(-1, "batch_shape") ?? (layer ? args.optional(-1, "batch_input_shape") : nil), !batch.isNone
            {
                let items = try interp.iterate(batch)
                guard let first = items.first, first.isNone else {
                    throw Failure(
                        "NotImplementedError: Lectern does not support a fixed batch size in \(function)(batch_shape=...); start it with None"
                    )
                }
                shape = try interp.shape(.tuple(Array(items.dropFirst())))
            } else {
                throw Failure("ValueError: You must pass a `shape` argument.")
            }
            let name = try args.string(-1, "name") ?? ctx.uniqueName("input_layer")
            return .object(SymbolicObject(SymbolicTensor(input: shape, name: name)))
        }
        k["Input"] = fn(
            def:
                "Input(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None, name=None, tensor=None, optional=False)",
            unsupported: ["sparse", "ragged", "tensor", "optional"]
        ) { args throws(Failure) in try input(args, "Input") }
        k["InputLayer"] = fn(
            def: """
                InputLayer(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None, input_tensor=None, \
                optional=False, name=None, **kwargs)
                """,
            unsupported: ["sparse", "ragged", "input_tensor", "optional"]
        ) { args throws(Failure) in
            // Keras 3's InputLayer pops its Keras 2 names before the layer's own check.
            _ = try LayerKeywords(args, "InputLayer", also: ["input_shape", "batch_input_shape"])
            return try input(args, "InputLayer")
        }
        k["Sequential"] = fn(def: "Sequential(layers=None, trainable=True, name=None)", unsupported: ["trainable"]) {
            args throws(Failure) in
            var layers: [Layer] = []
            var input: SymbolicTensor?
            if let l = args.optional(0, "layers"), !l.isNone {
                for item in try interp.iterate(l) {
                    switch item {
                    case .object(let o as LayerObject): layers.append(o.layer)
                    case .object(let m as ModelObject): layers.append(try engine { () throws(EngineError) in try ModelLayer(m.model) })
                    case .object(let s as SymbolicObject) where layers.isEmpty && input == nil: input = s.symbol
                    default: throw Failure("TypeError: Sequential expects layers, got \(item.typeName)")
                    }
                }
            }
            let name = try args.string(2, "name")
            return .object(
                ModelObject(try engine { () throws(EngineError) in try Model(layers: layers, input: input, name: name, context: ctx) }))
        }
        /// Keras's `Model(*args, **kwargs)` makes a functional model from `inputs` and `outputs`
        /// (subclassing `keras.Model` is not supported).
        let functional = Signature.declared("Functional(inputs, outputs, name=None, **kwargs)")
        k["Model"] = fn(def: "Model(*args, **kwargs)") { args throws(Failure) in
            try args.bind(functional)
            _ = try LayerKeywords(args, "Model")
            func symbols(_ v: Value) throws(Failure) -> [SymbolicTensor] {
                if case .object(let s as SymbolicObject) = v { return [s.symbol] }
                return try interp.iterate(v).map { i throws(Failure) in
                    guard case .object(let s as SymbolicObject) = i else {
                        throw Failure("TypeError: Model inputs and outputs must come from Input(...) and layers")
                    }
                    return s.symbol
                }
            }
            let ins = try symbols(try args.required(0, "inputs"))
            let outs = try symbols(try args.required(1, "outputs"))
            let name = try args.string(2, "name")
            return .object(
                ModelObject(try engine { () throws(EngineError) in try Model(inputs: ins, outputs: outs, name: name, context: ctx) }))
        }
        k["Functional"] = k["Model"]
        k["SGD"] = optimizer("SGD(learning_rate=0.01, momentum=0.0, nesterov=False") { args throws(Failure) in
            .sgd(momentum: try args.double(-1, "momentum", 0), nesterov: try args.bool(-1, "nesterov", false))
        }
        k["Adam"] = optimizer("Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False", unsupported: ["amsgrad"])
        {
            args throws(Failure) in
            .adam(
                beta1: try args.double(-1, "beta_1", 0.9), beta2: try args.double(-1, "beta_2", 0.999),
                epsilon: try args.double(-1, "epsilon", 1e-7))
        }
        k["RMSprop"] = optimizer(
            "RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False", unsupported: ["centered"]
        ) {
            args throws(Failure) in
            .rmsprop(
                rho: try args.double(-1, "rho", 0.9), momentum: try args.double(-1, "momentum", 0),
                epsilon: try args.double(-1, "epsilon", 1e-7))
        }
        k["Adagrad"] = optimizer("Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07") { args throws(Failure) in
            .adagrad(
                initialAccumulator: try args.double(-1, "initial_accumulator_value", 0.1), epsilon: try args.double(-1, "epsilon", 1e-7))
        }
        k["EarlyStopping"] = fn(
            def: """
                EarlyStopping(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', baseline=None, \
                restore_best_weights=False, start_from_epoch=0)
                """
        ) { args throws(Failure) in
            var rule = EarlyStopping()
            rule.monitor = try args.string(0, "monitor") ?? "val_loss"
            rule.minDelta = try args.double(1, "min_delta", 0)
            rule.patience = try args.int(2, "patience", 0)
            if let mode = try args.string(4, "mode") {
                guard let m = EarlyStopping.Mode(rawValue: mode) else {
                    throw Failure("ValueError: EarlyStopping mode must be 'auto', 'min' or 'max'")
                }
                rule.mode = m
            }
            if let baseline = args.optional(5, "baseline"), !baseline.isNone {
                throw Failure("ValueError: EarlyStopping(baseline=...) is not supported yet")
            }
            rule.restoreBestWeights = try args.bool(6, "restore_best_weights", false)
            rule.startFromEpoch = try args.int(7, "start_from_epoch", 0)
            return .object(EarlyStoppingObject(rule))
        }
        k["to_categorical"] = fn(def: "to_categorical(x, num_classes=None)") { args throws(Failure) in
            let y = try args.tensor(0, "x")
            let n = try args.int(1, "num_classes", try exactInt(min(y.scalars.max() ?? 0, 1e9)) + 1)
            guard n >= 1, y.count * n <= Interpreter.maxElements else {
                throw Failure("ValueError: to_categorical needs a positive num_classes that fits in memory, got \(n)")
            }
            return .tensor(
                Variable(
                    try engine { () throws(EngineError) in
                        try Loss.oneHot(y.rank == 2 && y.shape[1] == 1 ? try y.reshaped([-1]) : y, classes: n)
                    }))
        }
        k.merge(imageLayerNames(interp)) { old, _ in old }
        k.merge(lossClasses(interp)) { old, _ in old }
        k.merge(preprocessingLayerNames(interp)) { old, _ in old }
        return k
    }

    /// A Keras shape with the batch axis: `(None, 6, 6, 4)`.
    static func batchShape(_ shape: [Int]) -> Value { .tuple([.none] + shape.map { .int($0) }) }

    /// `keras.utils.set_random_seed(seed)`: seeds the document's one generator, as `np.random.seed`.
    static func randomSeed(_ interp: Interpreter) -> Value {
        guard case .builtin(let seed) = numpySeed(interp) else { return numpySeed(interp) }
        return fn(def: "set_random_seed(seed)") { args throws(Failure) in try seed.call(&args) }
    }

    /// `keras` and its submodules; `tensorflow.keras.*` maps onto the same.
    static func kerasModules(_ interp: Interpreter) -> [String: Value] {
        let k = kerasNames(interp)
        func pick(_ name: String, _ keys: [String]) -> Value {
            .module(Module(name, Dictionary(uniqueKeysWithValues: keys.compactMap { key in k[key].map { (key, $0) } })))
        }
        var losses: [String: Value] = [:]
        for key in [
            "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "MeanSquaredError", "MeanAbsoluteError",
        ] { losses[key] = k[key] }
        for l in Loss.allCases where l != .halfSSE { losses[l.rawValue] = lossFunction(l, interp) }
        var modules: [String: Value] = [
            "keras.models": pick("keras.models", ["Sequential", "Model"]),
            "keras.layers": pick(
                "keras.layers",
                [
                    "Dense", "Activation", "LeakyReLU", "ReLU", "Softmax", "Flatten", "Dropout", "Concatenate", "Input", "InputLayer",
                    "Conv2D", "MaxPooling2D", "AveragePooling2D", "MaxPool2D", "AvgPool2D", "Rescaling", "Normalization",
                    "BatchNormalization",
                ]),
            "keras.optimizers": pick("keras.optimizers", ["SGD", "Adam", "RMSprop", "Adagrad"]),
            "keras.losses": .module(Module("keras.losses", losses)),
            "keras.utils": pick("keras.utils", ["to_categorical"]),
            "keras.callbacks": pick("keras.callbacks", ["EarlyStopping"]),
            "keras.activations": .module(Module("keras.activations", activations(interp))),
            "keras.metrics": .module(Module("keras.metrics", metricClasses(interp))),
        ]
        var top = k
        for (name, m) in modules { top[String(name.dropFirst("keras.".count))] = m }
        top["random"] = .module(Module("keras.random", ["set_seed": numpySeed(interp)]))
        top["utils"] = .module(Module("keras.utils", ["to_categorical": k["to_categorical"]!, "set_random_seed": randomSeed(interp)]))
        modules["keras"] = .module(Module("keras", top))
        return modules
    }
}
