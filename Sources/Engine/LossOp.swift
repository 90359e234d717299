import Foundation

/// Each loss as one graph op, its backward beside its forward: one pass over the rows
/// computes every sample's loss and the loss's slope at every prediction, so the backward
/// pass only scales the saved slopes. Every model trains through it, whatever its layers.
extension Loss {
    /// The batch's loss as a differentiable scalar: Keras's sum over the batch divided by its
    /// size, each sample's loss first multiplied by its `sampleWeight` when one is given.
    public func callAsFunction(
        _ target: Tensor, _ prediction: Variable, options: LossOptions = LossOptions(), sampleWeight: Tensor? = nil
    ) throws(EngineError) -> Variable {
        if let custom = options.custom {
            let values = try custom(try Loss.sameRank(target, prediction.shape), prediction)
            guard let sampleWeight else { return try Variable.reduce(.mean, values) }
            let w = try Loss.sampleWeights(sampleWeight, to: values.shape)
            return try Variable.reduce(.mean, Variable.mul(values, Variable(Tensor(shape: values.shape, scalars: w))))
        }
        let y = try prepared(target, prediction.shape, options)
        let samples = Array(prediction.shape.dropLast())
        let weights = try sampleWeight.map { w throws(EngineError) in try Loss.sampleWeights(w, to: samples) }
        let n = Double(max(samples.reduce(1, *), 1))
        let pass = LossPass(self, options.fromLogits, y, prediction.value, scale: n, weights: weights, slopes: prediction.isTracked)
        var total = 0.0
        if let weights {
            for (value, w) in zip(pass.rows, weights) { total += value * w }
        } else {
            for value in pass.rows { total += value }
        }
        let slopes = pass.slopes
        return Variable.record(rawValue, Tensor(total / n), [prediction]) { g in
            let s = g.scalars[0]
            return [Tensor(shape: prediction.shape, scalars: s == 1 ? slopes : slopes.map { $0 * s })]
        }
    }

    /// One loss value per sample (the prediction's leading axes), as Keras's loss functions
    /// (`keras.losses.mse(y, p)`) return them.
    public func perSample(_ target: Tensor, _ prediction: Variable, options: LossOptions = LossOptions()) throws(EngineError) -> Variable {
        let y = try prepared(target, prediction.shape, options)
        let pass = LossPass(self, options.fromLogits, y, prediction.value, scale: 1, weights: nil, slopes: prediction.isTracked)
        let width = max(prediction.shape.last ?? 1, 1)
        let slopes = pass.slopes
        return Variable.record(rawValue, Tensor(shape: Array(prediction.shape.dropLast()), scalars: pass.rows), [prediction]) { g in
            var out = slopes
            for i in out.indices { out[i] *= g.scalars[i / width] }
            return [Tensor(shape: prediction.shape, scalars: out)]
        }
    }

    /// The targets in the prediction's shape: ranks matched as Keras matches them, sparse
    /// labels one-hot, `label_smoothing` applied (y·(1 − s) + s/2 for the binary loss,
    /// + s/classes for the categorical ones).
    func prepared(_ target: Tensor, _ shape: [Int], _ options: LossOptions) throws(EngineError) -> Tensor {
        let crossEntropy = [.binaryCrossentropy, .categoricalCrossentropy, .sparseCategoricalCrossentropy].contains(self)
        if options.fromLogits && !crossEntropy { throw .value("\(rawValue) has no from_logits option") }
        let sparse = self == .sparseCategoricalCrossentropy
        let y = try Loss.matchRank(target, shape, sparse: sparse)
        var full = sparse ? try Loss.oneHot(y, classes: shape.last ?? 1) : try y.broadcast(to: shape)
        if options.labelSmoothing != 0 {
            let s = options.labelSmoothing
            let share = self == .binaryCrossentropy ? 0.5 : 1 / Double(shape.last ?? 1)
            full = full.map { $0 * (1 - s) + s * share }
        }
        return full
    }

    /// Keras's sample weights: one per sample, a trailing axis of 1 dropped, a scalar or a
    /// shorter shape broadcast over the samples.
    static func sampleWeights(_ w: Tensor, to samples: [Int]) throws(EngineError) -> [Double] {
        var w = w
        if w.rank == samples.count + 1, w.shape.last == 1 { w = try w.reshaped(Array(w.shape.dropLast())) }
        while w.rank > 0, w.rank < samples.count { w = try w.reshaped(w.shape + [1]) }
        guard Tensor.broadcastShape(w.shape, samples) == samples else {
            throw .shape("sample_weight of shape \(formatShape(w.shape)) does not match the losses' shape \(formatShape(samples))")
        }
        return try w.broadcast(to: samples).scalars
    }
}

/// One pass of a loss over the rows of a prediction (the last axis is a row): each row's
/// loss, and the slope of (Σ rows)/scale at every element (of Σ wᵣ·rowᵣ/scale with weights).
struct LossPass {
    var rows: [Double]
    var slopes: [Double]

    init(_ loss: Loss, _ fromLogits: Bool, _ target: Tensor, _ prediction: Tensor, scale n: Double, weights: [Double]?, slopes wanted: Bool)
    {
        let width = max(prediction.shape.last ?? 1, 1)
        let count = prediction.count / width
        let p = prediction.scalars
        let t = target.scalars
        var rows = [Double](repeating: 0, count: count)
        var grad = [Double](repeating: 0, count: wanted ? p.count : 0)
        let w = Double(width)
        let eps = Loss.epsilon
        for r in 0..<count {
            let base = r * width
            switch (loss, fromLogits) {
            case (.meanSquaredError, _), (.halfSSE, _):
                var rowSum = 0.0
                for i in base..<(base + width) {
                    let d = p[i] - t[i]
                    rowSum += d * d
                    if wanted { grad[i] = loss == .halfSSE ? d / n : 2 * d / (n * w) }
                }
                rows[r] = loss == .halfSSE ? 0.5 * rowSum : rowSum / w
            case (.meanAbsoluteError, _):
                var rowSum = 0.0
                for i in base..<(base + width) {
                    let d = p[i] - t[i]
                    rowSum += Swift.abs(d)
                    if wanted { grad[i] = (d > 0 ? 1 : (d < 0 ? -1 : 0)) / (n * w) }
                }
                rows[r] = rowSum / w
            case (.binaryCrossentropy, false):
                // Clipping keeps log finite; where p was clipped the slope is zero, as in Keras.
                var rowSum = 0.0
                for i in base..<(base + width) {
                    let pc = Swift.min(Swift.max(p[i], eps), 1 - eps)
                    rowSum += -(t[i] * Foundation.log(pc) + (1 - t[i]) * Foundation.log(1 - pc))
                    let inside = p[i] >= eps && p[i] <= 1 - eps
                    if wanted { grad[i] = inside ? (-t[i] / pc + (1 - t[i]) / (1 - pc)) / (n * w) : 0 }
                }
                rows[r] = rowSum / w
            case (.binaryCrossentropy, true):
                // y·softplus(−x) + (1 − y)·softplus(x) = −y·logσ(x) − (1 − y)·logσ(−x); slope σ(x) − y.
                var rowSum = 0.0
                for i in base..<(base + width) {
                    rowSum += t[i] * Activation.softplus(-p[i]) + (1 - t[i]) * Activation.softplus(p[i])
                    if wanted { grad[i] = (Activation.sigmoid(p[i]) - t[i]) / (n * w) }
                }
                rows[r] = rowSum / w
            case (_, false):
                rows[r] = LossPass.categorical(p, t, base, width, scale: n, &grad, wanted)
            case (_, true):
                rows[r] = LossPass.categoricalLogits(p, t, base, width, scale: n, &grad, wanted)
            }
            if let weights, wanted {
                for i in base..<(base + width) { grad[i] *= weights[r] }
            }
        }
        self.rows = rows
        self.slopes = grad
    }

    /// Keras's categorical cross-entropy of one row: the row renormalised to sum to one, then
    /// clipped. Through r = p / Σp: ∂L/∂p_j = dr_j / s − Σ_k dr_k p_k / s².
    static func categorical(
        _ p: [Double], _ t: [Double], _ base: Int, _ width: Int, scale n: Double, _ grad: inout [Double], _ wanted: Bool
    ) -> Double {
        let eps = Loss.epsilon
        var s = 0.0
        for i in base..<(base + width) { s += p[i] }
        var rowLoss = 0.0
        var dot = 0.0
        for i in base..<(base + width) {
            let ratio = p[i] / s
            let rc = Swift.min(Swift.max(ratio, eps), 1 - eps)
            rowLoss -= t[i] * Foundation.log(rc)
            let dr = ratio >= eps && ratio <= 1 - eps ? -t[i] / rc / n : 0
            if wanted { grad[i] = dr }
            dot += dr * p[i]
        }
        if wanted {
            for i in base..<(base + width) { grad[i] = grad[i] / s - dot / (s * s) }
        }
        return rowLoss
    }

    /// The categorical cross-entropy of one row of logits through log-softmax
    /// (x − max − log Σ exp(x − max)), never through a clipped probability; the slope is
    /// g − softmax·Σg with g = −y/scale.
    static func categoricalLogits(
        _ x: [Double], _ t: [Double], _ base: Int, _ width: Int, scale n: Double, _ grad: inout [Double], _ wanted: Bool
    ) -> Double {
        var m = -Double.infinity
        for i in base..<(base + width) { m = x[i].isNaN || m.isNaN ? .nan : Swift.max(m, x[i]) }
        var s = 0.0
        for i in base..<(base + width) { s += Foundation.exp(x[i] - m) }
        let logSum = Foundation.log(s)
        var rowLoss = 0.0
        var total = 0.0
        for i in base..<(base + width) { rowLoss -= t[i] * ((x[i] - m) - logSum) }
        guard wanted else { return rowLoss }
        for i in base..<(base + width) { total += -t[i] / n }
        for i in base..<(base + width) { grad[i] = -t[i] / n - Foundation.exp((x[i] - m) - logSum) * total }
        return rowLoss
    }
}
