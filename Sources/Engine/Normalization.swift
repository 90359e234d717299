/// Keras's `Rescaling`: y = x·scale + offset.
public final class Rescaling: Layer {
    public let scale: Double
    public let offset: Double

    public init(scale: Double, offset: Double = 0, name: String?, context: Context) {
        self.scale = scale
        self.offset = offset
        super.init(name: name ?? context.uniqueName("rescaling"))
    }

    public override var className: String { "Rescaling" }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        try Variable.add(Variable.mul(inputs[0], Variable(Tensor(scale))), Variable(Tensor(offset)))
    }
}

/// Statistics per feature of the last axis: the mean and the (biased) variance over every
/// other axis, as the graph ops that compute them.
enum FeatureMoments {
    static func of(_ x: Variable) throws(EngineError) -> (mean: Variable, variance: Variable) {
        guard let features = x.shape.last, x.value.count > 0 else { throw .value("cannot compute statistics of an empty batch") }
        let rows = try Variable.reshape(x, [-1, features])
        let mean = try Variable.reduce(.mean, rows, axis: 0)
        let centred = try Variable.sub(rows, mean)
        let variance = try Variable.reduce(.mean, Variable.mul(centred, centred), axis: 0)
        return (mean, variance)
    }
}

/// Keras's `Normalization` over the last axis: (x − mean) / max(√variance, 1e-7), or with
/// `invert` mean + x·max(√variance, 1e-7). The mean and variance are given, or learned by
/// `adapt` into weights (mean, variance, count) that are not trainable; as in Keras, given
/// statistics are constants, not weights, and `count` stays 0.
public final class Normalization: Layer {
    /// Keras's `backend.epsilon()`, the floor of the standard deviation.
    public static let epsilon = 1e-7
    let given: (mean: Tensor, variance: Tensor)?
    public let invert: Bool

    public init(mean: Tensor? = nil, variance: Tensor? = nil, invert: Bool = false, name: String?, context: Context) throws(EngineError) {
        switch (mean, variance) {
        case (let m?, let v?): given = (m, v)
        case (nil, nil): given = nil
        default: throw .value("When setting values directly, both `mean` and `variance` must be set.")
        }
        self.invert = invert
        super.init(name: name ?? context.uniqueName("normalization"))
    }

    public override var className: String { "Normalization" }
    public override var trainableCount: Int { 0 }

    override func makeParams(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {
        guard let features = inputShapes[0].last else { throw .shape("Normalization needs inputs with at least one axis") }
        if let (m, v) = given {
            _ = try m.broadcast(to: [features])
            _ = try v.broadcast(to: [features])
        } else {
            params = [Tensor.zeros([features]), Tensor.ones([features]), Tensor(0)]
        }
    }

    /// The statistics in use: the given ones, else the adapted weights.
    public var statistics: (mean: Tensor, variance: Tensor) { given ?? (params[0], params[1]) }

    /// Learns the mean and variance of `data` (samples along the first axis).
    public func adapt(_ data: Tensor) throws(EngineError) {
        guard given == nil else {
            throw .value("Cannot `adapt` a Normalization layer that is initialized with static `mean` and `variance`")
        }
        guard data.rank >= 1 else { throw .value("Normalization.adapt needs an array of samples, got a scalar") }
        let x = data.rank == 1 ? try data.reshaped([-1, 1]) : data
        let sample = Array(x.shape.dropFirst())
        if isBuilt, params[0].count != sample.last {
            throw .shape("Normalization '\(name)' was built for \(params[0].count) features, adapt got \(sample.last ?? 0)")
        }
        try build([sample], Context(seed: 0))
        let (mean, variance) = try FeatureMoments.of(Variable(x))
        params[0] = mean.value
        params[1] = variance.value
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        let (mean, variance) = statistics
        let std = Variable(variance.map { Swift.max($0.squareRoot(), Normalization.epsilon) })
        if invert { return try Variable.add(Variable(mean), Variable.mul(inputs[0], std)) }
        return try Variable.div(Variable.sub(inputs[0], Variable(mean)), std)
    }
}

/// Keras 3's `BatchNormalization` over the last axis.
///
/// Training uses the batch's mean and biased variance and moves the running statistics:
/// moving = moving·momentum + batch·(1 − momentum). Inference uses the moving statistics.
/// Both compute x·inv + (β − mean·inv) with inv = γ/√(variance + ε), as Keras's JAX backend.
public final class BatchNormalization: Layer {
    public let momentum: Double
    public let epsilon: Double
    public let center: Bool
    public let scale: Bool

    public init(momentum: Double = 0.99, epsilon: Double = 1e-3, center: Bool = true, scale: Bool = true, name: String?, context: Context) {
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        super.init(name: name ?? context.uniqueName("batch_normalization"))
    }

    public override var className: String { "BatchNormalization" }
    /// γ and β (those present) are trained; the moving mean and variance are not.
    public override var trainableCount: Int { (scale ? 1 : 0) + (center ? 1 : 0) }

    override func makeParams(_ inputShapes: [[Int]], _ context: Context) throws(EngineError) {
        guard let features = inputShapes[0].last else { throw .shape("BatchNormalization needs inputs with at least one axis") }
        params = []
        if scale { params.append(Tensor.ones([features])) }
        if center { params.append(Tensor.zeros([features])) }
        params += [Tensor.zeros([features]), Tensor.ones([features])]
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        let x = inputs[0]
        let k = trainableCount
        var mean = params[k]
        var variance = params[k + 1]
        if training {
            (mean, variance) = try FeatureMoments.of(x)
            let keep = Tensor(momentum)
            let mix = Tensor(1 - momentum)
            self.params[k] = try Tensor.zip(
                Tensor.zip(self.params[k], keep, "*", *), Tensor.zip(mean.value, mix, "*", *), "+", +)
            self.params[k + 1] = try Tensor.zip(
                Tensor.zip(self.params[k + 1], keep, "*", *), Tensor.zip(variance.value, mix, "*", *), "+", +)
        }
        var inv = try Variable.div(Variable(Tensor(1)), Variable.sqrt(Variable.add(variance, Variable(Tensor(epsilon)))))
        if scale { inv = try Variable.mul(inv, params[0]) }
        var shift = Variable.neg(try Variable.mul(mean, inv))
        if center { shift = try Variable.add(shift, params[scale ? 1 : 0]) }
        return try Variable.add(Variable.mul(x, inv), shift)
    }
}
