import Foundation

/// The activation functions of the spec, each with its derivative.
///
/// `step(0) = 0.5`; `piecewise_linear` is 0 below −½, z+½ between, 1 above ½; ReLU's
/// derivative at 0 is 0, as in Keras.
public enum Activation: Sendable, Equatable {
    case linear, sigmoid, tanh, relu, elu, softplus, softmax, step, sign, piecewiseLinear
    case leakyRelu(alpha: Double)

    /// Resolves a Keras `activation=` string. Keras's `'leaky_relu'` has slope 0.2.
    public init?(name: String) {
        switch name {
        case "linear", "None": self = .linear
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "elu": self = .elu
        case "softplus": self = .softplus
        case "softmax": self = .softmax
        case "step": self = .step
        case "sign": self = .sign
        case "piecewise_linear": self = .piecewiseLinear
        case "leaky_relu": self = .leakyRelu(alpha: 0.2)
        default: return nil
        }
    }

    public static let names = [
        "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax", "step", "sign", "piecewise_linear",
    ]

    public var name: String {
        switch self {
        case .linear: "linear"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .elu: "elu"
        case .softplus: "softplus"
        case .softmax: "softmax"
        case .step: "step"
        case .sign: "sign"
        case .piecewiseLinear: "piecewise_linear"
        case .leakyRelu: "leaky_relu"
        }
    }

    // MARK: Scalar forms

    public static func sigmoid(_ x: Double) -> Double {
        // Two branches so exp never overflows.
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }

    /// log(1 + eˣ) written so that it neither overflows for large x nor loses digits for small.
    public static func softplus(_ x: Double) -> Double { Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))) }

    /// The function at x (elementwise; softmax is handled on whole tensors).
    public func apply(_ x: Double) -> Double {
        switch self {
        case .linear, .softmax: x
        case .sigmoid: Activation.sigmoid(x)
        case .tanh: Foundation.tanh(x)
        case .relu: Swift.max(x, 0)
        case .elu: x > 0 ? x : Foundation.exp(x) - 1
        case .softplus: Activation.softplus(x)
        case .step: x > 0 ? 1 : (x < 0 ? 0 : 0.5)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .piecewiseLinear: x < -0.5 ? 0 : (x > 0.5 ? 1 : x + 0.5)
        case .leakyRelu(let alpha): x >= 0 ? x : alpha * x
        }
    }

    /// The derivative at x, given y = f(x).
    public func derivative(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .linear, .softmax: 1
        case .sigmoid: y * (1 - y)
        case .tanh: 1 - y * y
        case .relu: x > 0 ? 1 : 0
        case .elu: x > 0 ? 1 : y + 1
        case .softplus: Activation.sigmoid(x)
        case .step, .sign: 0
        case .piecewiseLinear: x > -0.5 && x < 0.5 ? 1 : 0
        case .leakyRelu(let alpha): x > 0 ? 1 : alpha
        }
    }

    public func derivative(_ x: Double) -> Double { derivative(x, apply(x)) }

    // MARK: On tensors and variables

    /// The activation of a whole tensor (softmax along the last axis).
    public func forward(_ z: Tensor) throws(EngineError) -> Tensor {
        switch self {
        case .linear: z
        case .softmax: try Tensor.softmax(z, axis: -1)
        // The two activations of nearly every hidden and output layer get plain loops.
        case .relu: z.mapInline { Swift.max($0, 0) }
        case .sigmoid: z.mapInline(Activation.sigmoid)
        default: z.map(apply)
        }
    }

    /// The gradient through the activation, given its input z and output y = forward(z).
    public func backward(_ g: Tensor, input z: Tensor, output y: Tensor) throws(EngineError) -> Tensor {
        switch self {
        case .linear: g
        case .softmax: try Tensor.softmaxBackward(g, y, axis: -1)
        case .relu: g.timesSlope(z, y) { x, _ in x > 0 ? 1 : 0 }
        case .sigmoid: g.timesSlope(z, y) { _, y in y * (1 - y) }
        default: g.timesSlope(z, y, derivative)
        }
    }

    public func callAsFunction(_ x: Variable) throws(EngineError) -> Variable {
        guard self != .linear else { return x }
        let y = try forward(x.value)
        return Variable.record(name, y, [x]) { g throws(EngineError) in [try backward(g, input: x.value, output: y)] }
    }
}
