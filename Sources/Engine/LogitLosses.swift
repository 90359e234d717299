import Foundation

/// `tf.nn`'s cross-entropies on logits: through log-sigmoid and log-softmax, never through a
/// clipped probability. (Keras's `from_logits=True` losses are fused ops, `LossPass`.)
public enum LogitLosses {
    /// log(softmax(x)) along `axis` = x − max − log Σ exp(x − max); backward g − softmax·Σg.
    public static func logSoftmax(_ x: Variable, axis: Int = -1) throws(EngineError) -> Variable {
        let m = try x.value.reduce(.max, axis: axis, keepdims: true)
        let shifted = try Tensor.zip(x.value, m, "log_softmax", -)
        let logSum = try shifted.map(Foundation.exp).reduce(.sum, axis: axis, keepdims: true).map(Foundation.log)
        let y = try Tensor.zip(shifted, logSum, "log_softmax", -)
        return Variable.record("log_softmax", y, [x]) { g throws(EngineError) in
            let total = try g.reduce(.sum, axis: axis, keepdims: true)
            return [try Tensor.zip(g, try Tensor.zip(y.map(Foundation.exp), total, "*", *), "-", -)]
        }
    }

    /// softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|), stable for any x; slope σ(x).
    public static func softplus(_ x: Variable) -> Variable {
        Variable.unary(
            "softplus", x, { Swift.max($0, 0) + Foundation.log1p(Foundation.exp(-Swift.abs($0))) },
            { x, _ in 1 / (1 + Foundation.exp(-x)) })
    }

    /// `tf.nn.sigmoid_cross_entropy_with_logits`: max(x, 0) − x·z + log(1 + e^−|x|).
    public static func sigmoidCrossEntropy(labels z: Variable, logits x: Variable) throws(EngineError) -> Variable {
        try Variable.sub(softplus(x), Variable.mul(x, z))
    }
}
