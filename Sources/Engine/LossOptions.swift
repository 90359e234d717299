/// How `compile`'s loss is applied beyond its kind: Keras's `from_logits` and
/// `label_smoothing`, or a loss function written in the lecture's language.
public struct LossOptions {
    public var fromLogits = false
    public var labelSmoothing = 0.0
    /// A user loss: called with the targets and the predictions, its values are averaged
    /// (Keras's sum over the batch divided by its size).
    public var custom: ((Tensor, Variable) throws(EngineError) -> Variable)?

    public init(fromLogits: Bool = false, labelSmoothing: Double = 0, custom: ((Tensor, Variable) throws(EngineError) -> Variable)? = nil) {
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
        self.custom = custom
    }

    /// No option set: the loss is the plain Keras loss of its kind.
    public var isPlain: Bool { !fromLogits && labelSmoothing == 0 && custom == nil }
}

extension Loss {
    /// The mean loss of a batch with `options` applied, as a differentiable scalar.
    public func callAsFunction(_ target: Tensor, _ prediction: Variable, options: LossOptions) throws(EngineError) -> Variable {
        if let custom = options.custom {
            return try Variable.reduce(.mean, custom(try Loss.sameRank(target, prediction.shape), prediction))
        }
        guard !options.isPlain else { return try self(target, prediction) }
        return try Variable.reduce(.mean, perSample(target, prediction, options: options))
    }

    /// One loss value per sample with `from_logits` and `label_smoothing` as Keras applies them.
    public func perSample(_ target: Tensor, _ prediction: Variable, options: LossOptions) throws(EngineError) -> Variable {
        let sparse = self == .sparseCategoricalCrossentropy
        var y = try Loss.matchRank(target, prediction.shape, sparse: sparse)
        if sparse { y = try Loss.oneHot(y, classes: prediction.shape.last ?? 1) }
        if options.labelSmoothing != 0 {
            // Keras: y·(1 − s) + s/2 for the binary loss, + s/classes for the categorical ones.
            let s = options.labelSmoothing
            let share = self == .binaryCrossentropy ? 0.5 : 1 / Double(prediction.shape.last ?? 1)
            y = y.map { $0 * (1 - s) + s * share }
        }
        guard options.fromLogits else {
            return try (sparse ? Loss.categoricalCrossentropy : self).perSample(y, prediction)
        }
        switch self {
        case .binaryCrossentropy:
            return try Variable.reduce(.mean, LogitLosses.binaryCrossEntropy(labels: Variable(y), logits: prediction), axis: -1)
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            let logProbabilities = try LogitLosses.logSoftmax(prediction, axis: -1)
            return try Variable.neg(Variable.reduce(.sum, Variable.mul(Variable(y), logProbabilities), axis: -1))
        default:
            throw .value("\(rawValue) has no from_logits option")
        }
    }
}

extension Loss {
    /// Keras's `squeeze_or_expand_to_same_rank` before a user loss or metric: targets one axis
    /// short of predictions ending in 1 get that axis, targets with an extra trailing 1 lose it.
    public static func sameRank(_ y: Tensor, _ predShape: [Int]) throws(EngineError) -> Tensor {
        if y.rank == predShape.count - 1, predShape.last == 1 { return try y.reshaped(y.shape + [1]) }
        if y.rank == predShape.count + 1, y.shape.last == 1 { return try y.reshaped(Array(y.shape.dropLast())) }
        return y
    }
}
