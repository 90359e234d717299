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
