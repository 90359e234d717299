/// Keras's `ReLU` layer with its options: f(x) = clip(x·[x > θ], 0, max) − α·max(θ − x, 0).
///
/// With the defaults (no maximum, slope 0, threshold 0) it is the plain ReLU, whose
/// derivative at 0 is 0.
public final class ReLULayer: Layer {
    public let maxValue: Double?
    public let negativeSlope: Double
    public let threshold: Double

    public init(maxValue: Double? = nil, negativeSlope: Double = 0, threshold: Double = 0, name: String?, context: Context)
        throws(EngineError)
    {
        if let maxValue, maxValue < 0 { throw .value("max_value of a ReLU layer cannot be a negative value. Received: \(maxValue)") }
        guard negativeSlope >= 0 else {
            throw .value("negative_slope of a ReLU layer cannot be a negative value. Received: \(negativeSlope)")
        }
        guard threshold >= 0 else { throw .value("threshold of a ReLU layer cannot be a negative value. Received: \(threshold)") }
        self.maxValue = maxValue
        self.negativeSlope = negativeSlope
        self.threshold = threshold
        super.init(name: name ?? context.uniqueName("re_lu"))
    }

    public override var className: String { "ReLU" }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        let (top, slope, theta) = (maxValue ?? .infinity, negativeSlope, threshold)
        return Variable.elementwise(
            "relu", inputs[0],
            forward: { x in Swift.min(Swift.max(x > theta ? x : 0, 0), top) - slope * Swift.max(theta - x, 0) },
            slope: { x, _ in (x > theta && x > 0 && x < top ? 1 : 0) + (x < theta ? slope : 0) })
    }
}

/// Keras's `Softmax` layer along one axis.
public final class SoftmaxLayer: Layer {
    public let axis: Int

    public init(axis: Int = -1, name: String?, context: Context) {
        self.axis = axis
        super.init(name: name ?? context.uniqueName("softmax"))
    }

    public override var className: String { "Softmax" }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        try Variable.softmax(inputs[0], axis: axis)
    }
}
