/// Keras's `Conv2D`: channels-last images, a kernel of shape (kh, kw, in, filters), then the
/// bias and the activation.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    public let activation: Activation
    public let useBias: Bool
    let kernelInitializer: Initializer
    let biasInitializer: Initializer

    public init(
        filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1), padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        name: String?, context: Context
    ) {
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name ?? context.uniqueName("conv2d"))
    }

    public override var className: String { "Conv2D" }

    private func geometry(_ shape: [Int]) throws(EngineError) -> WindowGeometry {
        guard shape.count == 3 else {
            throw .shape("Conv2D '\(name)' expects images of shape (height, width, channels), got input shape \(formatShape(shape))")
        }
        return try WindowGeometry(input: (shape[0], shape[1]), window: kernelSize, strides: strides, padding: padding)
    }

    override func makeParams(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {
        _ = try geometry(inputShapes[0])
        let shape = [kernelSize.0, kernelSize.1, inputShapes[0][2], filters]
        try Tensor.checkSize(shape.reduce(1, *), shape)
        params = [kernelInitializer.make(shape, &context.rng)]
        if useBias { params.append(biasInitializer.make([filters], &context.rng)) }
    }

    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] {
        let g = try geometry(inputShapes[0])
        return [g.output.h, g.output.w, filters]
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        var z = try Variable.conv2D(inputs[0], params[0], strides: strides, padding: padding)
        if useBias { z = try Variable.add(z, params[1]) }
        return try activation(z)
    }
}

/// Keras's `MaxPooling2D` and `AveragePooling2D`: no weights; strides default to the pool size.
public final class Pooling2D: Layer {
    public enum Kind: Sendable { case max, average }
    public let kind: Kind
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding

    public init(_ kind: Kind, poolSize: (Int, Int), strides: (Int, Int)?, padding: Padding, name: String?, context: Context) {
        self.kind = kind
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        super.init(name: name ?? context.uniqueName(kind == .max ? "max_pooling2d" : "average_pooling2d"))
    }

    public override var className: String { kind == .max ? "MaxPooling2D" : "AveragePooling2D" }

    private func geometry(_ shape: [Int]) throws(EngineError) -> WindowGeometry {
        guard shape.count == 3 else {
            throw .shape("\(className) '\(name)' expects images of shape (height, width, channels), got input shape \(formatShape(shape))")
        }
        return try WindowGeometry(input: (shape[0], shape[1]), window: poolSize, strides: strides, padding: padding)
    }

    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] {
        let g = try geometry(inputShapes[0])
        return [g.output.h, g.output.w, inputShapes[0][2]]
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        let g = try geometry(Array(inputs[0].shape.dropFirst()))
        return kind == .max ? try Variable.maxPool(inputs[0], g) : try Variable.averagePool(inputs[0], g)
    }
}
