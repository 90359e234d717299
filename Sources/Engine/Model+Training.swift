/// What `fit` records: per-epoch values under Keras's keys, in a stable order.
public struct History: Sendable {
    public var keys: [String] = []
    public var values: [String: [Double]] = [:]
    public var epochs: Int = 0

    mutating func append(_ key: String, _ value: Double) {
        if values[key] == nil { keys.append(key) }
        values[key, default: []].append(value)
    }
}

/// The options of `fit`, with Keras's defaults.
public struct FitOptions: Sendable {
    public var epochs = 1
    public var batchSize = 32
    public var shuffle = true
    public var validationSplit = 0.0
    public var validationData: (x: [Tensor], ys: [Tensor])?
    /// Keras's `sample_weight`: one weight per sample, multiplying its loss (not the metrics).
    public var sampleWeight: Tensor?
    public var earlyStopping: EarlyStopping?
    /// Asked after every batch; returning a message stops training with that error (the
    /// document's time limit).
    public var interruption: (@Sendable () -> String?)?
    public init() {}
}

/// One epoch's figures, handed to the progress callback.
public struct EpochReport: Sendable {
    public let epoch: Int
    public let epochs: Int
    public let steps: Int
    public let logs: [(String, Double)]
    /// True for the epoch training ends with (the last one, or an early stop).
    public let isLast: Bool
}

extension Model {
    /// Compiles with metrics by name or as functions; each metric's history key is the name
    /// it was given (Keras's rule: `'acc'` logs as `acc`, `BinaryAccuracy()` as `binary_accuracy`).
    public func compile(
        optimizer: Optimizer, loss: Loss, metrics: [MetricRequest], lossOptions: LossOptions = LossOptions()
    ) throws(EngineError) {
        let units = outputs.first?.shape.last ?? sequentialLayers.compactMap { ($0 as? Dense)?.units }.last ?? 1
        let resolved = try metrics.map { request throws(EngineError) -> Metric in
            switch request {
            case .custom(_, let f): return .custom(f)
            case .named(let name, _):
                guard let m = Metric(name: name, loss: loss, outputUnits: units) else {
                    throw .value(
                        "unknown metric '\(name)'; known: accuracy, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy, mse, mae"
                    )
                }
                return m
            }
        }
        self.optimizer = optimizer
        self.loss = loss
        self.lossOptions = lossOptions
        self.metrics = resolved
        self.metricNames = metrics.map(\.key)
    }

    public func compile(optimizer: Optimizer, loss: Loss, metrics: [String]) throws(EngineError) {
        try compile(optimizer: optimizer, loss: loss, metrics: metrics.map { .named($0, key: $0) })
    }

    private func requireCompiled() throws(EngineError) -> (Optimizer, Loss) {
        guard let optimizer, let loss else {
            throw .value("the model must be compiled before training: call model.compile(optimizer=..., loss=...)")
        }
        return (optimizer, loss)
    }

    /// The names of `evaluate`'s values, which are also the history's keys (Keras's): the
    /// loss, then with several outputs each output's loss, then each metric (per output).
    public var evaluationNames: [String] {
        guard outputs.count > 1 else { return ["loss"] + metricNames }
        let names = outputs.map(\.name)
        return ["loss"] + names.map { $0 + "_loss" } + names.flatMap { n in metricNames.map { n + "_" + $0 } }
    }

    /// Trains with Keras's semantics: seeded per-epoch shuffling, the loss of each batch
    /// taken before its update, epoch figures as batch-size-weighted means. With several
    /// outputs, `ys` holds one target per output and the loss is the sum of theirs.
    public func fit(
        _ x: [Tensor], _ ys: [Tensor], options: FitOptions, progress: ((EpochReport) -> Void)? = nil
    ) throws(EngineError) -> History {
        let (optimizer, loss) = try requireCompiled()
        try ensureBuilt(x)
        guard x.count == inputs.count else {
            throw .value("the model has \(inputs.count) input(s) but \(x.count) input array(s) were given")
        }
        guard ys.count == outputs.count else {
            throw .value("the model has \(outputs.count) output(s) but \(ys.count) target array(s) were given")
        }
        var trainX = x
        var trainY = ys
        let n = try sampleCount(x, ys)
        let weights = options.sampleWeight
        if let w = weights {
            guard w.shape.first == n, w.count == n else {
                throw .shape("sample_weight must hold one weight per sample: \(n) samples, sample_weight of shape \(formatShape(w.shape))")
            }
            // Keras weights the validation samples' losses too; `evaluate` here takes no weights.
            guard options.validationSplit == 0 else {
                throw .value("NotImplementedError: Lectern does not support sample_weight together with validation_split")
            }
        }
        var validation = options.validationData
        if options.validationSplit > 0 {
            // Keras takes the last fraction of the samples, before any shuffling.
            let splitAt = Int(Double(n) * (1 - options.validationSplit))
            func rows(_ ts: [Tensor], _ start: Int?, _ stop: Int?) throws(EngineError) -> [Tensor] {
                try ts.map { t throws(EngineError) in try t.indexed([.range(start: start, stop: stop, step: 1)]) }
            }
            trainX = try rows(x, 0, splitAt)
            trainY = try rows(ys, 0, splitAt)
            validation = (try rows(x, splitAt, nil), try rows(ys, splitAt, nil))
        }
        let count = trainY[0].shape.first ?? 0
        let batchSize = max(1, options.batchSize)
        let steps = (count + batchSize - 1) / batchSize
        let names = evaluationNames
        let lossCount = self.lossCount
        var history = History()
        var stopper = try options.earlyStopping.map { rule throws(EngineError) in try EarlyStopping.Tracker(rule) }
        // Fixed while fitting (the graph is built); `layers` walks the graph each time it is read.
        let layers = self.layers
        for epoch in 1...max(1, options.epochs) {
            let order = options.shuffle ? context.rng.permutation(count) : Array(0..<count)
            var sums = Array(repeating: 0.0, count: names.count)
            for step in 0..<steps {
                let idx = Array(order[(step * batchSize)..<min(count, (step + 1) * batchSize)])
                let bx = try trainX.map { t throws(EngineError) in try t.rows(idx) }
                let by = try trainY.map { t throws(EngineError) in try t.rows(idx) }
                let bw = try weights.map { w throws(EngineError) in try w.rows(idx) }
                let result = try trainStep(bx, by, layers: layers, loss: loss, optimizer: optimizer, sampleWeight: bw)
                if let message = options.interruption?() { throw .value(message) }
                guard result.total.isFinite else {
                    throw .value(
                        "the loss became \(result.total) at epoch \(epoch), batch \(step + 1): the training diverged (try a smaller learning rate)"
                    )
                }
                // Losses are batch means, weighted by the batch size; metrics are already totals.
                let values = try scores(result, by)
                for i in sums.indices { sums[i] += i < lossCount ? values[i] * Double(idx.count) : values[i] }
            }
            var logs = zip(names, sums).map { ($0, $1 / Double(count)) }
            if let (vx, vy) = validation {
                for (name, v) in zip(names, try evaluate(vx, vy)) { logs.append(("val_" + name, v)) }
            }
            for (k, v) in logs { history.append(k, v) }
            history.epochs = epoch
            let stop = try stopper?.observe(epoch: epoch - 1, logs: logs) { self.weights } ?? false
            progress?(EpochReport(epoch: epoch, epochs: options.epochs, steps: steps, logs: logs, isLast: stop || epoch == options.epochs))
            if stop { break }
        }
        if let best = stopper?.bestWeights { try setWeights(best) }
        return history
    }

    public func fit(_ x: [Tensor], _ y: Tensor, options: FitOptions, progress: ((EpochReport) -> Void)? = nil) throws(EngineError)
        -> History
    {
        try fit(x, [y], options: options, progress: progress)
    }

    /// How many of `evaluationNames` are losses (the rest are metrics).
    var lossCount: Int { outputs.count > 1 ? 1 + outputs.count : 1 }

    /// A batch's figures in `evaluationNames` order: mean losses, then metric totals.
    private func scores(_ r: StepResult, _ ys: [Tensor]) throws(EngineError) -> [Double] {
        var values = [r.total]
        if outputs.count > 1 { values += r.losses }
        for (y, p) in zip(ys, r.predictions) {
            for m in metrics { values.append(try m.total(y, p)) }
        }
        return values
    }

    /// What one step or one evaluation computed, before any update.
    struct StepResult {
        var total: Double
        var losses: [Double]
        var predictions: [Tensor]
    }

    /// One gradient step through the graph; the loss and predictions are from before the update.
    func trainStep(
        _ x: [Tensor], _ ys: [Tensor], layers: [Layer], loss: Loss, optimizer: Optimizer, sampleWeight: Tensor? = nil
    ) throws(EngineError) -> StepResult {
        // The graph is gone before the update, so that it holds no second reference to the
        // weights (which would make the optimizer copy them).
        let (result, gradients) = try { () throws(EngineError) -> (StepResult, [Tensor]) in
            let (leaves, all) = trackedParams(layers)
            let predictions = try forward(x, params: leaves, training: true)
            var losses: [Variable] = []
            for (y, p) in zip(ys, predictions) { losses.append(try loss(y, p, options: lossOptions, sampleWeight: sampleWeight)) }
            var total = losses[0]
            for l in losses.dropFirst() { total = try Variable.add(total, l) }
            let gradients = try Variable.gradients(of: total, wrt: all)
            let result = StepResult(
                total: total.value.scalars[0], losses: losses.map { $0.value.scalars[0] }, predictions: predictions.map(\.value))
            return (result, gradients)
        }()
        try Layer.update(layers, with: optimizer, gradients: gradients)
        return result
    }

    /// `evaluationNames`' values over the whole data set.
    public func evaluate(_ x: [Tensor], _ ys: [Tensor]) throws(EngineError) -> [Double] {
        let (_, loss) = try requireCompiled()
        let n = try sampleCount(x, ys)
        let predictions = try predict(x)
        var losses: [Double] = []
        for (y, p) in zip(ys, predictions) { losses.append(try loss(y, Variable(p), options: lossOptions).value.scalars[0]) }
        let r = StepResult(total: losses.reduce(0, +), losses: losses, predictions: predictions)
        var values = try scores(r, ys)
        for i in lossCount..<values.count { values[i] /= Double(n) }
        return values
    }

    public func evaluate(_ x: [Tensor], _ y: Tensor) throws(EngineError) -> [Double] { try evaluate(x, [y]) }

    /// Every layer's weights as fresh leaves of a graph, by layer and in order.
    private func trackedParams(_ layers: [Layer]) -> ([ObjectIdentifier: [Variable]], [Variable]) {
        var byLayer: [ObjectIdentifier: [Variable]] = [:]
        var all: [Variable] = []
        for layer in layers {
            let vars = layer.params.enumerated().map { $0.offset < layer.trainableCount ? Variable.leaf($0.element) : Variable($0.element) }
            byLayer[ObjectIdentifier(layer)] = vars
            all += vars.prefix(layer.trainableCount)
        }
        return (byLayer, all)
    }

    /// Per-layer weights' gradients of the loss for one batch, without updating (first output).
    public func gradients(_ x: [Tensor], _ y: Tensor) throws(EngineError) -> (loss: Double, grads: [[Tensor]]) {
        let (_, loss) = try requireCompiled()
        try ensureBuilt(x)
        let (leaves, all) = trackedParams(layers)
        let l = try loss(y, try forward(x, params: leaves, training: false)[0], options: lossOptions)
        var flat = try Variable.gradients(of: l, wrt: all)[...]
        let grads = layers.map { layer in
            let g = Array(flat.prefix(layer.trainableCount))
            flat = flat.dropFirst(layer.trainableCount)
            return g
        }
        return (l.value.scalars[0], grads)
    }

    private func sampleCount(_ x: [Tensor], _ ys: [Tensor]) throws(EngineError) -> Int {
        let n = ys.first?.shape.first ?? 1
        for t in x + ys where t.shape.first != n {
            throw .shape(
                "the inputs and targets have different numbers of samples (\(t.shape.first ?? 0) and \(n)): data cardinality is ambiguous")
        }
        return n
    }
}

// MARK: - Summary data

/// One row of `summary()`.
public struct SummaryRow: Sendable {
    public let name: String
    public let type: String
    public let outputShape: [Int]
    public let params: Int
    public let connectedTo: [String]
}

extension Model {
    /// The rows Keras's `summary()` lists: input layers too for functional models.
    public func summaryRows() -> [SummaryRow] {
        if !isBuilt {
            return sequentialLayers.map { SummaryRow(name: $0.name, type: $0.className, outputShape: [], params: 0, connectedTo: []) }
        }
        var rows: [SummaryRow] = []
        if !isSequential {
            for i in inputs { rows.append(SummaryRow(name: i.name, type: "InputLayer", outputShape: i.shape, params: 0, connectedTo: [])) }
        }
        for node in nodes {
            guard let layer = node.layer else { continue }
            rows.append(
                SummaryRow(
                    name: layer.name, type: layer.className, outputShape: node.shape,
                    params: layer.paramCount, connectedTo: node.inputs.map { "\($0.name)[0][0]" }))
        }
        return rows
    }
}
