/// A Keras layer: its weights, how it transforms its inputs, and its output shape.
///
/// Shapes here exclude the batch axis, as Keras's `input_shape=` does.
public class Layer {
    public var name: String
    /// The weights in Keras's order (kernel, then bias).
    public var params: [Tensor] = []
    public private(set) var isBuilt = false
    /// The `input_shape=` given at construction, if any.
    public var declaredInputShape: [Int]?
    /// The symbolic output of the layer's first call (Keras's `layer.output`); weak, since
    /// the symbolic tensor refers back to the layer.
    public internal(set) weak var output: SymbolicTensor?

    init(name: String) { self.name = name }

    public var className: String { "Layer" }
    public var paramCount: Int { params.map(\.count).reduce(0, +) }

    /// Creates the weights for these input shapes; a no-op once built.
    public func build(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {
        guard !isBuilt else { return }
        try makeParams(inputShapes, context)
        isBuilt = true
    }

    func makeParams(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {}

    public func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] { inputShapes[0] }

    /// How many of `params`, from the front, the optimizer trains; the rest (BatchNormalization's
    /// moving statistics, Normalization's adapted mean and variance) change only by the layer.
    public var trainableCount: Int { params.count }
    public var trainableParamCount: Int { params.prefix(trainableCount).map(\.count).reduce(0, +) }

    /// Applies one optimizer step to the trainable weights of `layers`, given their gradients in order.
    static func update(_ layers: [Layer], with optimizer: Optimizer, gradients: [Tensor]) throws(EngineError) {
        try optimizer.claim(
            layers.filter { !$0.params.isEmpty }.map(ObjectIdentifier.init), layers.flatMap { $0.params.prefix($0.trainableCount) })
        // The weights are moved out of their layers and back, so that the optimizer holds the
        // only reference and updates them in place.
        var params: [Tensor] = []
        for layer in layers {
            for j in 0..<layer.trainableCount {
                params.append(layer.params[j])
                layer.params[j].scalars = []
            }
        }
        optimizer.apply(gradients, to: &params)
        var k = 0
        for layer in layers {
            for j in 0..<layer.trainableCount {
                layer.params[j] = params[k]
                k += 1
            }
        }
    }

    /// The forward pass on a batch, with the weights passed in so training can track them.
    public func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        inputs[0]
    }
}

public final class Dense: Layer {
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    let kernelInitializer: Initializer
    let biasInitializer: Initializer

    public init(
        units: Int, activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        name: String?, context: Context
    ) {
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name ?? context.uniqueName("dense"))
    }

    public override var className: String { "Dense" }

    override func makeParams(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {
        guard let inputs = inputShapes.first?.last else { throw .shape("Dense needs an input with at least one axis") }
        let (count, overflow) = inputs.multipliedReportingOverflow(by: units)
        try Tensor.checkSize(overflow ? Int.max : count, [inputs, units])
        params = [kernelInitializer.make([inputs, units], &context.rng)]
        if useBias { params.append(biasInitializer.make([units], &context.rng)) }
    }

    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] {
        Array(inputShapes[0].dropLast()) + [units]
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        let x = inputs[0]
        guard x.shape.last == params[0].shape[0] else {
            throw .shape("Dense '\(name)' expects inputs with \(params[0].shape[0]) features, got shape \(formatShape(x.shape))")
        }
        return try Variable.dense(x, kernel: params[0], bias: useBias ? params[1] : nil, activation: activation)
    }
}

public final class ActivationLayer: Layer {
    public let activation: Activation
    public let kerasName: String

    public init(_ activation: Activation, kerasName: String = "Activation", name: String?, context: Context) {
        self.activation = activation
        self.kerasName = kerasName
        super.init(name: name ?? context.uniqueName(kerasName == "LeakyReLU" ? "leaky_re_lu" : kerasName.lowercased()))
    }

    public override var className: String { kerasName }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        try activation(inputs[0])
    }
}

public final class Flatten: Layer {
    public init(name: String?, context: Context) { super.init(name: name ?? context.uniqueName("flatten")) }
    public override var className: String { "Flatten" }
    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] { [inputShapes[0].reduce(1, *)] }
    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        try Variable.reshape(inputs[0], [inputs[0].shape[0], -1])
    }
}

/// Drops units with probability `rate` while training and scales the rest by 1/(1−rate).
public final class Dropout: Layer {
    public let rate: Double
    public init(rate: Double, name: String?, context: Context) {
        self.rate = rate
        super.init(name: name ?? context.uniqueName("dropout"))
    }
    public override var className: String { "Dropout" }
    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        guard training, rate > 0 else { return inputs[0] }
        let keep = 1 - rate
        let mask = Tensor(
            shape: inputs[0].shape,
            scalars: (0..<inputs[0].value.count).map { _ in
                context.rng.nextDouble() < rate ? 0 : 1 / keep
            })
        return try Variable.mul(inputs[0], Variable(mask))
    }
}

public final class Concatenate: Layer {
    public let axis: Int
    public init(axis: Int = -1, name: String?, context: Context) {
        self.axis = axis
        super.init(name: name ?? context.uniqueName("concatenate"))
    }
    public override var className: String { "Concatenate" }
    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] {
        guard var shape = inputShapes.first else { throw .value("A `Concatenate` layer should be called on a list of at least 1 input.") }
        let ax = axis < 0 ? axis + shape.count : axis
        guard ax >= 0, ax < shape.count else { throw .shape("Concatenate: axis \(axis) is out of range for shape \(formatShape(shape))") }
        // Keras's rule (its message): the same rank, and equal sizes off the joined axis.
        for other in inputShapes
        where other.count != shape.count || zip(other, shape).enumerated().contains(where: { $0 != ax && $1.0 != $1.1 }) {
            throw .shape(
                "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=[\(inputShapes.map(formatShape).joined(separator: ", "))]"
            )
        }
        shape[ax] = inputShapes.map { $0[ax] }.reduce(0, +)
        return shape
    }
    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        try Variable.concatenate(inputs, axis: axis)
    }
}
