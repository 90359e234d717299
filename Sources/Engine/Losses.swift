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

    /// The mean loss of a batch as a differentiable scalar.
    public func callAsFunction(_ target: Tensor, _ prediction: Variable) throws(EngineError) -> Variable {
        try Variable.reduce(.mean, perSample(target, prediction))
    }

    /// One loss value per sample.
    public func perSample(_ target: Tensor, _ prediction: Variable) throws(EngineError) -> Variable {
        let y = try Loss.matchRank(target, prediction.shape, sparse: self == .sparseCategoricalCrossentropy)
        let yv = Variable(y)
        switch self {
        case .meanSquaredError:
            let d = try Variable.sub(prediction, yv)
            return try Variable.reduce(.mean, Variable.mul(d, d), axis: -1)
        case .meanAbsoluteError:
            return try Variable.reduce(.mean, Variable.abs(Variable.sub(prediction, yv)), axis: -1)
        case .halfSSE:
            let d = try Variable.sub(prediction, yv)
            return try Variable.mul(Variable(Tensor(0.5)), Variable.reduce(.sum, Variable.mul(d, d), axis: -1))
        case .binaryCrossentropy:
            // Clipping keeps log finite; where p was clipped the gradient is zero, as in Keras.
            let p = Variable.clip(prediction, Loss.epsilon, 1 - Loss.epsilon)
            let one = Variable(Tensor(1))
            let pos = try Variable.mul(yv, Variable.log(p))
            let neg = try Variable.mul(Variable.sub(one, yv), Variable.log(Variable.sub(one, p)))
            return try Variable.reduce(.mean, Variable.neg(Variable.add(pos, neg)), axis: -1)
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            let oneHot = self == .categoricalCrossentropy ? y : try Loss.oneHot(y, classes: prediction.shape.last ?? 1)
            // Keras first renormalises the rows to sum to one, then clips.
            let total = try Variable.reduce(.sum, prediction, axis: -1, keepdims: true)
            let p = Variable.clip(try Variable.div(prediction, total), Loss.epsilon, 1 - Loss.epsilon)
            return try Variable.neg(Variable.reduce(.sum, Variable.mul(Variable(oneHot), Variable.log(p)), axis: -1))
        }
    }

    /// The mean loss of a batch and its gradient with respect to the prediction, computed
    /// directly (the fused training path's version of `callAsFunction` plus autodiff).
    /// Same semantics: zero gradient where a probability was clipped, CCE's renormalisation.
    public func valueAndGradient(_ target: Tensor, _ prediction: Tensor) throws(EngineError) -> (Double, Tensor) {
        let sparse = self == .sparseCategoricalCrossentropy
        var y = try Loss.matchRank(target, prediction.shape, sparse: sparse)
        let width = max(prediction.shape.last ?? 1, 1)
        let rows = prediction.count / width
        if !sparse { y = try y.broadcast(to: prediction.shape) }
        let p = prediction.scalars
        let t = y.scalars
        var grad = [Double](repeating: 0, count: p.count)
        var total = 0.0
        let n = Double(rows)
        let w = Double(width)
        let eps = Loss.epsilon
        switch self {
        case .meanSquaredError, .meanAbsoluteError, .halfSSE:
            for r in 0..<rows {
                var rowSum = 0.0
                for j in 0..<width {
                    let i = r * width + j
                    let d = p[i] - t[i]
                    switch self {
                    case .meanSquaredError:
                        rowSum += d * d
                        grad[i] = 2 * d / (n * w)
                    case .meanAbsoluteError:
                        rowSum += Swift.abs(d)
                        grad[i] = (d > 0 ? 1 : (d < 0 ? -1 : 0)) / (n * w)
                    default:
                        rowSum += d * d
                        grad[i] = d / n
                    }
                }
                total += self == .halfSSE ? 0.5 * rowSum : rowSum / w
            }
        case .binaryCrossentropy:
            for r in 0..<rows {
                var rowSum = 0.0
                for j in 0..<width {
                    let i = r * width + j
                    let pc = Swift.min(Swift.max(p[i], eps), 1 - eps)
                    rowSum += -(t[i] * Foundation.log(pc) + (1 - t[i]) * Foundation.log(1 - pc))
                    let inside = p[i] >= eps && p[i] <= 1 - eps
                    grad[i] = inside ? (-t[i] / pc + (1 - t[i]) / (1 - pc)) / (n * w) : 0
                }
                total += rowSum / w
            }
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            let oneHot = sparse ? try Loss.oneHot(y, classes: width).scalars : t
            for r in 0..<rows {
                var s = 0.0
                for j in 0..<width { s += p[r * width + j] }
                var rowLoss = 0.0
                var dot = 0.0
                var dr = [Double](repeating: 0, count: width)
                for j in 0..<width {
                    let i = r * width + j
                    let ratio = p[i] / s
                    let rc = Swift.min(Swift.max(ratio, eps), 1 - eps)
                    rowLoss -= oneHot[i] * Foundation.log(rc)
                    dr[j] = ratio >= eps && ratio <= 1 - eps ? -oneHot[i] / rc / n : 0
                    dot += dr[j] * p[i]
                }
                // Through the renormalisation r = p / Σp: ∂L/∂p_j = dr_j / s − Σ_k dr_k p_k / s².
                for j in 0..<width { grad[r * width + j] = dr[j] / s - dot / (s * s) }
                total += rowLoss
            }
        }
        return (total / n, Tensor(shape: prediction.shape, scalars: grad))
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
        switch self {
        case .binaryAccuracy:
            let y = try Loss.matchRank(target, prediction.shape, sparse: false)
            // A prediction counts as 1 when strictly above 0.5; the score is averaged per sample.
            let hits = try Tensor.zip(y, prediction, "accuracy") { t, p in (p > 0.5 ? 1.0 : 0.0) == t ? 1 : 0 }
            return try hits.reduce(.mean, axis: hits.rank > 1 ? -1 : nil).sum()
        case .categoricalAccuracy:
            let p = try prediction.reduce(.argmax, axis: -1)
            let t = try target.reduce(.argmax, axis: -1)
            return zip(p.scalars, t.scalars).filter { $0 == $1 }.count.double
        case .sparseCategoricalAccuracy:
            let p = try prediction.reduce(.argmax, axis: -1)
            let t = try Loss.matchRank(target, prediction.shape, sparse: true)
            return zip(p.scalars, t.scalars).filter { $0 == $1 }.count.double
        case .meanSquaredError:
            return try Loss.meanSquaredError.perSample(target, Variable(prediction)).value.sum()
        case .meanAbsoluteError:
            return try Loss.meanAbsoluteError.perSample(target, Variable(prediction)).value.sum()
        case .custom(let f):
            let values = try f(try Loss.sameRank(target, prediction.shape), prediction)
            let n = Double(prediction.shape.first ?? 1)
            if values.count == 1 { return values.scalars[0] * n }
            // Per-sample values (any trailing axes averaged first), as Keras's MeanMetricWrapper.
            return values.sum() / Double(values.count) * n
        }
    }
}

extension Int {
    var double: Double { Double(self) }
}
