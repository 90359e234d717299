/// The training step of a model that is a plain chain of `Dense` and `Activation` layers,
/// without building an autodiff graph.
///
/// Through the layers it performs the same floating-point operations in the same order as
/// the graph would (the same matmul kernel, bias added row by row, bias gradients summed over
/// ascending rows, the same activation slopes). The loss and its gradient come from
/// `Loss.valueAndGradient`, whose direct loops round differently from the graph's ops in the
/// last bits; both are checked against the numpy reference to 1e-10.
struct DenseChain {
    let layers: [Layer]

    /// nil when the model has anything else (several inputs, dropout, concatenation).
    init?(_ model: Model) {
        guard model.inputs.count == 1, model.outputs.count == 1 else { return nil }
        let layers = model.layers
        guard !layers.isEmpty, layers.allSatisfy({ $0 is Dense || $0 is ActivationLayer }) else { return nil }
        // A chain: every layer's node takes the previous node's output.
        guard model.isSequential else { return nil }
        self.layers = layers
    }

    /// What the forward pass keeps for the backward pass, per layer.
    private struct Saved {
        var input: Tensor
        var preActivation: Tensor
        var output: Tensor
    }

    private static func activate(_ activation: Activation, _ z: Tensor) throws(EngineError) -> Tensor {
        try activation(Variable(z)).value
    }

    /// The gradient through an activation, given its input z and output y.
    private static func backActivate(_ activation: Activation, _ g: Tensor, _ z: Tensor, _ y: Tensor) throws(EngineError) -> Tensor {
        switch activation {
        case .linear: return g
        case .softmax:
            let dot = try Tensor.zip(g, y, "*", *).reduce(.sum, axis: -1, keepdims: true)
            return try Tensor.zip(y, try Tensor.zip(g, dot, "-", -), "*", *)
        case .relu:
            var out = g
            for i in 0..<out.count { out.scalars[i] *= z.scalars[i] > 0 ? 1 : 0 }
            return out
        case .sigmoid:
            var out = g
            for i in 0..<out.count { out.scalars[i] *= y.scalars[i] * (1 - y.scalars[i]) }
            return out
        default:
            return Tensor(
                shape: g.shape, scalars: (0..<g.count).map { g.scalars[$0] * activation.derivative(z.scalars[$0], y.scalars[$0]) })
        }
    }

    /// One step: forward, the loss's gradient, backward, the optimizer's update.
    /// Returns the batch's loss and prediction before the update.
    func step(_ x: Tensor, _ y: Tensor, loss: Loss, optimizer: Optimizer) throws(EngineError) -> Model.StepResult {
        var saved: [Saved] = []
        var a = x
        for layer in layers {
            if let d = layer as? Dense {
                guard a.shape.last == d.params[0].shape[0] else {
                    throw .shape(
                        "Dense '\(d.name)' expects inputs with \(d.params[0].shape[0]) features, got shape \(formatShape(a.shape))")
                }
                var z = try Tensor.matmul(a, d.params[0])
                if d.useBias { z = try Tensor.zip(z, d.params[1], "+", +) }
                let out = try DenseChain.activate(d.activation, z)
                saved.append(Saved(input: a, preActivation: z, output: out))
                a = out
            } else if let act = layer as? ActivationLayer {
                let out = try DenseChain.activate(act.activation, a)
                saved.append(Saved(input: a, preActivation: a, output: out))
                a = out
            }
        }
        let (lossValue, lossGradient) = try loss.valueAndGradient(y, a)
        var g = lossGradient

        var grads: [[Tensor]] = Array(repeating: [], count: layers.count)
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let s = saved[index]
            if let d = layers[index] as? Dense {
                g = try DenseChain.backActivate(d.activation, g, s.preActivation, s.output)
                var layerGrads = [Tensor.matmul2D(s.input, g, .left)]
                if d.useBias { layerGrads.append(g.unbroadcast(to: d.params[1].shape)) }
                grads[index] = layerGrads
                if index > 0 { g = Tensor.matmul2D(g, d.params[0], .right) }
            } else if let act = layers[index] as? ActivationLayer {
                g = try DenseChain.backActivate(act.activation, g, s.preActivation, s.output)
            }
        }
        try Layer.update(layers, with: optimizer, gradients: grads.flatMap { $0 })
        return Model.StepResult(total: lossValue, losses: [lossValue], predictions: [a])
    }
}
