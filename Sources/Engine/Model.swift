/// A symbolic tensor of the functional API: the output of `Input` or of a layer called on
/// symbolic tensors. Its shape excludes the batch axis.
public final class SymbolicTensor {
    public let shape: [Int]
    /// The layer that produced it; nil for an `Input`.
    public let layer: Layer?
    public let inputs: [SymbolicTensor]
    public let name: String

    public init(input shape: [Int], name: String) {
        self.shape = shape
        self.layer = nil
        self.inputs = []
        self.name = name
    }

    init(layer: Layer, inputs: [SymbolicTensor], shape: [Int]) {
        self.layer = layer
        self.inputs = inputs
        self.shape = shape
        self.name = layer.name
    }

    /// Calls `layer` on symbolic inputs: builds it and returns its symbolic output.
    public static func apply(_ layer: Layer, to inputs: [SymbolicTensor], context: Context) throws(EngineError) -> SymbolicTensor {
        let shapes = inputs.map(\.shape)
        try layer.build(shapes, context)
        let output = SymbolicTensor(layer: layer, inputs: inputs, shape: try layer.outputShape(shapes))
        if layer.output == nil { layer.output = output }
        return output
    }
}

/// A Keras model: `Sequential` or functional, a DAG of layers from inputs to outputs.
public final class Model {
    public var name: String
    public let isSequential: Bool
    public let context: Context
    public internal(set) var inputs: [SymbolicTensor] = []
    public internal(set) var outputs: [SymbolicTensor] = []
    /// The graph's non-input nodes in an order where every node follows its inputs.
    var nodes: [SymbolicTensor] = []
    /// The layers of a `Sequential` model before it is built.
    public internal(set) var sequentialLayers: [Layer] = []

    public var optimizer: Optimizer?
    public var loss: Loss?
    public var lossOptions = LossOptions()
    /// The metrics' names in logs and history, as given to `compile` (Keras's keys).
    public var metricNames: [String] = []
    public var metrics: [Metric] = []

    /// A functional model from its inputs to its outputs.
    public init(inputs: [SymbolicTensor], outputs: [SymbolicTensor], name: String?, context: Context) throws(EngineError) {
        self.context = context
        self.isSequential = false
        self.name = name ?? context.uniqueName("functional")
        self.inputs = inputs
        self.outputs = outputs
        self.nodes = try Model.topologicalOrder(outputs, inputs: inputs)
    }

    /// A sequential model; built now if its input shape is known, otherwise on first use.
    public init(layers: [Layer], input: SymbolicTensor?, name: String?, context: Context) throws(EngineError) {
        self.context = context
        self.isSequential = true
        self.name = name ?? context.uniqueName("sequential")
        self.sequentialLayers = layers
        if let input {
            try buildSequential(input)
        } else if let shape = layers.first?.declaredInputShape {
            try buildSequential(SymbolicTensor(input: shape, name: context.uniqueName("input_layer")))
        }
    }

    public func add(_ layer: Layer) throws(EngineError) {
        sequentialLayers.append(layer)
        if let input = inputs.first {
            try buildSequential(input)
        } else if sequentialLayers.count == 1, let shape = layer.declaredInputShape {
            try buildSequential(SymbolicTensor(input: shape, name: context.uniqueName("input_layer")))
        }
    }

    public var isBuilt: Bool { !inputs.isEmpty }

    func buildSequential(_ input: SymbolicTensor) throws(EngineError) {
        var x = input
        for layer in sequentialLayers {
            x = try SymbolicTensor.apply(layer, to: [x], context: context)
            // A rebuild replaces the graph, so the layer's output is the new node.
            layer.output = x
        }
        inputs = [input]
        outputs = [x]
        nodes = try Model.topologicalOrder(outputs, inputs: inputs)
    }

    /// Builds a sequential model from the first batch it sees.
    func ensureBuilt(_ batch: [Tensor]) throws(EngineError) {
        guard !isBuilt else { return }
        guard isSequential, let x = batch.first, x.rank >= 1 else { throw .value("the model has no input shape") }
        try buildSequential(SymbolicTensor(input: Array(x.shape.dropFirst()), name: context.uniqueName("input_layer")))
    }

    static func topologicalOrder(_ outputs: [SymbolicTensor], inputs: [SymbolicTensor]) throws(EngineError) -> [SymbolicTensor] {
        var order: [SymbolicTensor] = []
        var seen: Set<ObjectIdentifier> = []
        var stack: [(SymbolicTensor, Bool)] = outputs.reversed().map { ($0, false) }
        while let (node, expanded) = stack.popLast() {
            if expanded {
                order.append(node)
                continue
            }
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            if node.layer == nil {
                guard inputs.contains(where: { $0 === node }) else {
                    throw .value("the outputs depend on an Input '\(node.name)' that is not among the model's inputs")
                }
                continue
            }
            stack.append((node, true))
            for i in node.inputs.reversed() where !seen.contains(ObjectIdentifier(i)) { stack.append((i, false)) }
        }
        return order
    }

    /// Every layer once, in graph order.
    public var layers: [Layer] {
        if !isBuilt { return sequentialLayers }
        var seen: Set<ObjectIdentifier> = []
        return nodes.compactMap(\.layer).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    public func countParams() -> Int { layers.map(\.paramCount).reduce(0, +) }

    public var weights: [Tensor] { layers.flatMap(\.params) }

    public func setWeights(_ weights: [Tensor]) throws(EngineError) {
        let current = self.weights
        guard weights.count == current.count else {
            throw .value("set_weights expects a list of \(current.count) arrays, got \(weights.count)")
        }
        var k = 0
        for layer in layers {
            for j in layer.params.indices {
                let w = weights[k]
                guard w.shape == layer.params[j].shape else {
                    throw .shape(
                        "set_weights: layer '\(layer.name)' weight \(j) has shape \(formatShape(layer.params[j].shape)), got \(formatShape(w.shape))"
                    )
                }
                layer.params[j] = w
                k += 1
            }
        }
    }

    // MARK: Forward

    /// Runs the graph on a batch, with the parameters given per layer (tracked when training).
    func forward(_ batch: [Tensor], params: [ObjectIdentifier: [Variable]], training: Bool) throws(EngineError) -> [Variable] {
        try forward(variables: batch.map { Variable($0) }, params: params, training: training)
    }

    /// The same with inputs that may be tracked (a model used as a layer of another).
    func forward(variables batch: [Variable], params: [ObjectIdentifier: [Variable]], training: Bool) throws(EngineError) -> [Variable] {
        guard batch.count == inputs.count else {
            throw .value("the model expects \(inputs.count) input(s), got \(batch.count)")
        }
        var values: [ObjectIdentifier: Variable] = [:]
        for (input, x) in zip(inputs, batch) {
            guard Array(x.shape.dropFirst()) == input.shape else {
                throw .shape(
                    "input '\(input.name)' expects shape \(formatShape([-1] + input.shape).replacingOccurrences(of: "-1", with: "None")), got \(formatShape(x.shape))"
                )
            }
            values[ObjectIdentifier(input)] = x
        }
        for node in nodes {
            guard let layer = node.layer else { continue }
            let args = node.inputs.map { values[ObjectIdentifier($0)]! }
            let p = params[ObjectIdentifier(layer)] ?? layer.params.map { Variable($0) }
            values[ObjectIdentifier(node)] = try layer.call(args, params: p, training: training, context: context)
        }
        return outputs.map { values[ObjectIdentifier($0)]! }
    }

    /// The forward pass with each layer's weights given (the `tf.Variable`s of a custom
    /// training loop), so that the graph connects the outputs to them; `training` is Keras's
    /// `training=` (dropout drops, batch normalization uses the batch's statistics).
    public func call(_ batch: [Variable], weights: [ObjectIdentifier: [Variable]], training: Bool) throws(EngineError) -> [Variable] {
        try ensureBuilt(batch.map(\.value))
        return try forward(variables: batch, params: weights, training: training)
    }

    public func predict(_ batch: [Tensor]) throws(EngineError) -> [Tensor] {
        try ensureBuilt(batch)
        return try forward(batch, params: [:], training: false).map(\.value)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
