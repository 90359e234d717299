import Foundation

/// Keras's losses plus the lecture's `half_sse`.
///
/// A loss is computed per sample over the last axis, then averaged over the batch
/// (the batch sum divided by the batch size), as Keras does.
public enum Loss: String, Sendable, CaseIterable {
    case meanSquaredError = "mean_squared_error"
    case meanAbsoluteError = "mean_absolute_error"
    case binaryCrossentropy = "binary_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case halfSSE = "half_sse"

    /// Keras's probability clip for the cross-entropies.
    public static let epsilon = 1e-7

    public init?(name: String) {
        switch name {
        case "mse", "mean_squared_error", "MeanSquaredError": self = .meanSquaredError
        case "mae", "mean_absolute_error", "MeanAbsoluteError": self = .meanAbsoluteError
        case "binary_crossentropy", "bce", "BinaryCrossentropy": self = .binaryCrossentropy
        case "categorical_crossentropy", "CategoricalCrossentropy": self = .categoricalCrossentropy
        case "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy": self = .sparseCategoricalCrossentropy
        case "half_sse": self = .halfSSE
        default: return nil
        }
    }

    /// Keras's `squeeze_or_expand_to_same_rank`: a target of shape (n,) meets a prediction (n, 1).
    static func matchRank(_ y: Tensor, _ predShape: [Int], sparse: Bool) throws(EngineError) -> Tensor {
        if sparse {
            if y.rank == predShape.count, y.shape.last == 1 { return try y.reshaped(Array(y.shape.dropLast())) }
            return y
        }
        if y.rank == predShape.count - 1, predShape.last == 1 { return try y.reshaped(y.shape + [1]) }
        if y.rank == predShape.count + 1, y.shape.last == 1 { return try y.reshaped(Array(y.shape.dropLast())) }
        guard Tensor.broadcastShape(y.shape, predShape) == predShape else {
            throw .shape("the target's shape \(formatShape(y.shape)) does not match the prediction's shape \(formatShape(predShape))")
        }
        return y
    }

    public static func oneHot(_ labels: Tensor, classes: Int) throws(EngineError) -> Tensor {
        var out = Tensor.zeros(labels.shape + [classes])
        for (i, l) in labels.scalars.enumerated() {
            // Checked as a Double first: NaN, ±inf and huge labels have no Int.
            let c = l >= 0 && l < Double(classes) ? Int(l) : -1
            guard c >= 0, Double(c) == l else {
                throw .value("label \(l) is not an integer class in 0..<\(classes)")
            }
            out.scalars[i * classes + c] = 1
        }
        return out
    }
}
