import Foundation

/// A metric as `compile` receives it: a Keras name (shown under `key`) or a function.
public enum MetricRequest {
    case named(String, key: String)
    case custom(key: String, (Tensor, Tensor) throws(EngineError) -> Tensor)

    public var key: String {
        switch self {
        case .named(_, let key), .custom(let key, _): key
        }
    }
}

/// Metrics reported during training; `accuracy` resolves as Keras resolves it.
public enum Metric {
    case binaryAccuracy
    case categoricalAccuracy
    case sparseCategoricalAccuracy
    case meanSquaredError
    case meanAbsoluteError
    /// A metric function of (targets, predictions): per-sample values, summed here; a single
    /// value for the batch counts once per sample.
    case custom((Tensor, Tensor) throws(EngineError) -> Tensor)

    /// Resolves a metric name for a model's loss and output width.
    public init?(name: String, loss: Loss, outputUnits: Int) {
        switch name {
        case "accuracy", "acc":
            if loss == .sparseCategoricalCrossentropy {
                self = .sparseCategoricalAccuracy
            } else if loss == .binaryCrossentropy || outputUnits == 1 {
                self = .binaryAccuracy
            } else {
                self = .categoricalAccuracy
            }
        case "binary_accuracy": self = .binaryAccuracy
        case "categorical_accuracy": self = .categoricalAccuracy
        case "sparse_categorical_accuracy": self = .sparseCategoricalAccuracy
        case "mse", "mean_squared_error": self = .meanSquaredError
        case "mae", "mean_absolute_error": self = .meanAbsoluteError
        default: return nil
        }
    }

    /// The sum of per-sample scores, so batches can be combined into a weighted mean.
    public func total(_ target: Tensor, _ prediction: Tensor) throws(EngineError) -> Double {
        guard case .custom(let f) = self else { return try perSample(target, prediction).sum() }
        let values = try f(try Loss.sameRank(target, prediction.shape), prediction)
        let n = Double(prediction.shape.first ?? 1)
        if values.count == 1 { return values.scalars[0] * n }
        // Per-sample values (any trailing axes averaged first), as Keras's MeanMetricWrapper.
        return values.sum() / Double(values.count) * n
    }

    /// Keras 3's `binary_accuracy` function: per element, 1 where the prediction (counted as 1
    /// when strictly above 0.5) equals the target.
    public static func binaryHits(_ target: Tensor, _ prediction: Tensor) throws(EngineError) -> Tensor {
        let y = try Loss.matchRank(target, prediction.shape, sparse: false)
        return try Tensor.zip(y, prediction, "accuracy") { t, p in (p > 0.5 ? 1.0 : 0.0) == t ? 1 : 0 }
    }

    /// Each sample's score, as Keras's metric functions (`keras.metrics.binary_accuracy`) return it.
    public func perSample(_ target: Tensor, _ prediction: Tensor) throws(EngineError) -> Tensor {
        switch self {
        case .binaryAccuracy:
            // The score is averaged per sample.
            let hits = try Metric.binaryHits(target, prediction)
            return try hits.reduce(.mean, axis: hits.rank > 1 ? -1 : nil)
        case .categoricalAccuracy:
            let p = try prediction.reduce(.argmax, axis: -1)
            return try Tensor.zip(p, try target.reduce(.argmax, axis: -1), "categorical_accuracy") { $0 == $1 ? 1 : 0 }
        case .sparseCategoricalAccuracy:
            let p = try prediction.reduce(.argmax, axis: -1)
            let t = try Loss.matchRank(target, prediction.shape, sparse: true)
            return try Tensor.zip(p, t, "sparse_categorical_accuracy") { $0 == $1 ? 1 : 0 }
        case .meanSquaredError:
            return try Loss.meanSquaredError.perSample(target, Variable(prediction)).value
        case .meanAbsoluteError:
            return try Loss.meanAbsoluteError.perSample(target, Variable(prediction)).value
        case .custom(let f):
            return try f(try Loss.sameRank(target, prediction.shape), prediction)
        }
    }
}
