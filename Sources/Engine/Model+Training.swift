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
    public var validationData: ([Tensor], Tensor)?
    public init() {}
}

/// One epoch's figures, handed to the progress callback.
public struct EpochReport: Sendable {
    public let epoch: Int
    public let epochs: Int
    public let steps: Int
    public let logs: [(String, Double)]
}

extension Model {
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [String]) throws(EngineError) {
        self.optimizer = optimizer
        self.loss = loss
        let units = outputs.first?.shape.last ?? sequentialLayers.compactMap { ($0 as? Dense)?.units }.last ?? 1
        self.metrics = try metrics.map { name throws(EngineError) in
            guard let m = Metric(name: name, loss: loss, outputUnits: units) else {
                throw .value("unknown metric '\(name)'; known: accuracy, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy, mse, mae")
            }
            return m
        }
    }

    private func requireCompiled() throws(EngineError) -> (Optimizer, Loss) {
        guard let optimizer, let loss else { throw .value("the model must be compiled before training: call model.compile(optimizer=..., loss=...)") }
        return (optimizer, loss)
    }

    /// Trains with Keras's semantics: seeded per-epoch shuffling, the loss of each batch
    /// taken before its update, epoch figures as batch-size-weighted means.
    public func fit(
        _ x: [Tensor], _ y: Tensor, options: FitOptions, progress: ((EpochReport) -> Void)? = nil
    ) throws(EngineError) -> History {
        let (optimizer, loss) = try requireCompiled()
        try ensureBuilt(x)
        var trainX = x, trainY = y
        var validation = options.validationData
        let n = try sampleCount(x, y)
        if options.validationSplit > 0 {
            // Keras takes the last fraction of the samples, before any shuffling.
            let splitAt = Int(Double(n) * (1 - options.validationSplit))
            trainX = try x.map { t throws(EngineError) in try t.indexed([.range(start: 0, stop: splitAt, step: 1)]) }
            trainY = try y.indexed([.range(start: 0, stop: splitAt, step: 1)])
            validation = (try x.map { t throws(EngineError) in try t.indexed([.range(start: splitAt, stop: nil, step: 1)]) },
                          try y.indexed([.range(start: splitAt, stop: nil, step: 1)]))
        }
        let count = trainY.shape.first ?? 0
        let batchSize = max(1, options.batchSize)
        let chain = DenseChain(self)
        let steps = (count + batchSize - 1) / batchSize
        var history = History()
        for epoch in 1...max(1, options.epochs) {
            let order = options.shuffle ? context.rng.permutation(count) : Array(0..<count)
            var lossSum = 0.0
            var metricSums = Array(repeating: 0.0, count: metrics.count)
            for step in 0..<steps {
                let idx = Array(order[(step * batchSize)..<min(count, (step + 1) * batchSize)])
                let bx = try trainX.map { t throws(EngineError) in try t.indexed([.list(idx)]) }
                let by = try trainY.indexed([.list(idx)])
                let (batchLoss, prediction) = if let chain {
                    try chain.step(bx[0], by, loss: loss, optimizer: optimizer)
                } else {
                    try trainStep(bx, by, loss: loss, optimizer: optimizer)
                }
                guard batchLoss.isFinite else {
                    throw .value("the loss became \(batchLoss) at epoch \(epoch), batch \(step + 1): the training diverged (try a smaller learning rate)")
                }
                lossSum += batchLoss * Double(idx.count)
                for (i, m) in metrics.enumerated() { metricSums[i] += try m.total(by, prediction) }
            }
            var logs: [(String, Double)] = [("loss", lossSum / Double(count))]
            for (i, m) in metrics.enumerated() { logs.append((m.displayName, metricSums[i] / Double(count))) }
            if let (vx, vy) = validation {
                let v = try evaluate(vx, vy)
                logs.append(("val_loss", v[0]))
                for (i, m) in metrics.enumerated() { logs.append(("val_" + m.displayName, v[i + 1])) }
            }
            for (k, v) in logs { history.append(k, v) }
            history.epochs = epoch
            progress?(EpochReport(epoch: epoch, epochs: options.epochs, steps: steps, logs: logs))
        }
        return history
    }

    /// One gradient step; returns the batch's loss and prediction before the update.
    func trainStep(_ x: [Tensor], _ y: Tensor, loss: Loss, optimizer: Optimizer) throws(EngineError) -> (Double, Tensor) {
        let layers = self.layers
        let (leaves, all) = trackedParams(layers)
        let prediction = try forward(x, params: leaves, training: true)[0]
        let l = try loss(y, prediction)
        let grads = try Variable.gradients(of: l, wrt: all)
        Layer.update(layers, with: optimizer, gradients: grads)
        return (l.value.scalars[0], prediction.value)
    }

    /// Every layer's weights as fresh leaves of a graph, by layer and in order.
    private func trackedParams(_ layers: [Layer]) -> ([ObjectIdentifier: [Variable]], [Variable]) {
        var byLayer: [ObjectIdentifier: [Variable]] = [:]
        var all: [Variable] = []
        for layer in layers {
            let vars = layer.params.map { Variable.leaf($0) }
            byLayer[ObjectIdentifier(layer)] = vars
            all += vars
        }
        return (byLayer, all)
    }

    /// The loss followed by each metric, over the whole data set.
    public func evaluate(_ x: [Tensor], _ y: Tensor) throws(EngineError) -> [Double] {
        let (_, loss) = try requireCompiled()
        let n = try sampleCount(x, y)
        let prediction = try predict(x)[0]
        var result = [try loss(y, Variable(prediction)).value.scalars[0]]
        for m in metrics { result.append(try m.total(y, prediction) / Double(n)) }
        return result
    }

    /// Per-layer weights' gradients of the loss for one batch, without updating.
    public func gradients(_ x: [Tensor], _ y: Tensor) throws(EngineError) -> (loss: Double, grads: [[Tensor]]) {
        let (_, loss) = try requireCompiled()
        try ensureBuilt(x)
        let (leaves, all) = trackedParams(layers)
        let l = try loss(y, try forward(x, params: leaves, training: false)[0])
        var flat = try Variable.gradients(of: l, wrt: all)[...]
        let grads = layers.map { layer in
            let g = Array(flat.prefix(layer.params.count))
            flat = flat.dropFirst(layer.params.count)
            return g
        }
        return (l.value.scalars[0], grads)
    }

    private func sampleCount(_ x: [Tensor], _ y: Tensor) throws(EngineError) -> Int {
        let n = y.shape.first ?? 1
        for t in x where t.shape.first != n {
            throw .shape("x has \(t.shape.first ?? 0) samples but y has \(n): data cardinality is ambiguous")
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
            rows.append(SummaryRow(name: layer.name, type: layer.className, outputShape: node.shape,
                                   params: layer.paramCount, connectedTo: node.inputs.map { "\($0.name)[0][0]" }))
        }
        return rows
    }
}
