import Foundation
import Testing

@testable import Engine

/// Conv2D, pooling, normalisation, ReLU options, the from_logits losses and two short
/// trainings against real Keras 3 (JAX, float64) from `make_reference.py`, at 1e-10 relative.
///
/// Keras 3 runs BatchNormalization and `ops.mean` in float32 even under float64 (its
/// `result_type(float64, float32)` is float32): those numbers are checked against Keras at
/// 1e-5 and against the script's numpy float64 formulas at 1e-10.
@Suite struct KerasLayerReferenceTests {
    let keras = Reference.json["keras_layers"] as! [String: Any]

    func pair(_ any: Any?) -> (Int, Int) {
        let v = Reference.doubles(any!)
        return (Int(v[0]), Int(v[1]))
    }

    /// ∂Σ(out·R)/∂inputs by one reverse sweep.
    func gradients(_ out: Variable, _ weights: Any?, _ wrt: [Variable]) throws -> [Tensor] {
        let total = try Variable.reduce(.sum, Variable.mul(out, Variable(Reference.tensor(weights!))))
        return try Variable.gradients(of: total, wrt: wrt)
    }

    @Test func conv2DForwardAndBackward() throws {
        for case let c as [String: Any] in keras["conv2d"] as! [Any] {
            let x = Variable.leaf(Reference.tensor(c["x"]!))
            let k = Variable.leaf(Reference.tensor(c["kernel"]!))
            let b = Variable.leaf(Reference.tensor(c["bias"]!))
            let padding = Padding(rawValue: c["padding"] as! String)!
            let out = try Variable.add(Variable.conv2D(x, k, strides: pair(c["strides"]), padding: padding), b)
            let what = "conv \(c["kernel_size"]!) \(c["strides"]!) \(padding)"
            expectClose(out.value, Reference.tensor(c["output"]!), "\(what) output")
            let g = try gradients(out, c["weights_of_sum"], [x, k, b])
            expectClose(g[0], Reference.tensor(c["grad_x"]!), "\(what) ∂x")
            expectClose(g[1], Reference.tensor(c["grad_kernel"]!), "\(what) ∂kernel")
            expectClose(g[2], Reference.tensor(c["grad_bias"]!), "\(what) ∂bias")
        }
    }

    @Test func poolingForwardAndBackward() throws {
        let spec = keras["pooling"] as! [String: Any]
        let xs = Reference.tensor(spec["x"]!)
        for case let c as [String: Any] in spec["cases"] as! [Any] {
            let size = pair(c["pool_size"])
            let strides = c["strides"] is NSNull ? size : pair(c["strides"])
            let g = try WindowGeometry(
                input: (xs.shape[1], xs.shape[2]), window: size, strides: strides, padding: Padding(rawValue: c["padding"] as! String)!)
            let x = Variable.leaf(xs)
            let out = c["kind"] as! String == "max" ? try Variable.maxPool(x, g) : try Variable.averagePool(x, g)
            let what = "\(c["kind"]!) pool \(c["pool_size"]!) \(c["padding"]!)"
            expectClose(out.value, Reference.tensor(c["output"]!), "\(what) output")
            expectClose(try gradients(out, c["weights_of_sum"], [x])[0], Reference.tensor(c["grad_x"]!), "\(what) ∂x")
        }
    }

    @Test func batchNormalizationTrainingAndInference() throws {
        let c = keras["batch_normalization"] as! [String: Any]
        let context = Context(seed: 0)
        let bn = BatchNormalization(name: nil, context: context)
        try bn.build([[3]], context)
        bn.params[0] = Reference.tensor(c["gamma"]!)
        bn.params[1] = Reference.tensor(c["beta"]!)
        let x = Variable.leaf(Reference.tensor(c["x"]!))
        let (gamma, beta) = (Variable.leaf(bn.params[0]), Variable.leaf(bn.params[1]))
        let moving = [Variable(bn.params[2]), Variable(bn.params[3])]
        let out = try bn.call([x], params: [gamma, beta] + moving, training: true, context: context)
        let exact = c["numpy"] as! [String: Any]
        for (reference, rtol) in [(exact, 1e-10), (c, 1e-5)] {
            expectClose(out.value, Reference.tensor(reference["training_output"]!), rtol: rtol, "training output")
            expectClose(bn.params[2], Reference.tensor(reference["moving_mean"]!), rtol: rtol, "moving mean")
            expectClose(bn.params[3], Reference.tensor(reference["moving_variance"]!), rtol: rtol, "moving variance")
        }
        let g = try gradients(out, c["weights_of_sum"], [x, gamma, beta])
        expectClose(g[0], Reference.tensor(c["grad_x"]!), rtol: 1e-5, "∂x")
        expectClose(g[1], Reference.tensor(c["grad_gamma"]!), rtol: 1e-5, "∂γ")
        expectClose(g[2], Reference.tensor(c["grad_beta"]!), rtol: 1e-5, "∂β")
        let inference = try bn.call([x], params: bn.params.map { Variable($0) }, training: false, context: context)
        expectClose(inference.value, Reference.tensor(exact["inference_output"]!), "inference output")
        expectClose(inference.value, Reference.tensor(c["inference_output"]!), rtol: 1e-5, "inference output (Keras)")
    }

    @Test func normalizationAdapt() throws {
        let c = keras["normalization"] as! [String: Any]
        let norm = try Normalization(name: nil, context: Context(seed: 0))
        let x = Reference.tensor(c["x"]!)
        try norm.adapt(x)
        expectClose(norm.params[0], try Reference.tensor(c["mean"]!).reshaped([-1]), "mean")
        expectClose(norm.params[1], try Reference.tensor(c["variance"]!).reshaped([-1]), "variance")
        expectClose(
            try norm.call([Variable(x)], params: [], training: false, context: Context(seed: 0)).value, Reference.tensor(c["output"]!))
        #expect(norm.paramCount == Int(Reference.number(c["count_params"]!)!))
    }

    @Test func reluOptions() throws {
        let spec = keras["relu"] as! [String: Any]
        let x = Variable(Reference.tensor(spec["x"]!))
        for case let c as [String: Any] in spec["cases"] as! [Any] {
            let layer = try ReLULayer(
                maxValue: Reference.number(c["max_value"]!), negativeSlope: Reference.number(c["negative_slope"]!)!,
                threshold: Reference.number(c["threshold"]!)!, name: nil, context: Context(seed: 0))
            expectClose(try layer.call([x], params: [], training: false, context: Context(seed: 0)).value, Reference.tensor(c["output"]!))
        }
    }

    @Test func logitLosses() throws {
        for case let c as [String: Any] in keras["logit_losses"] as! [Any] {
            let loss = Loss(name: c["class"] as! String)!
            let given = c["options"] as! [String: Any]
            let options = LossOptions(
                fromLogits: given["from_logits"] as? Bool ?? false, labelSmoothing: Reference.number(given["label_smoothing"] ?? 0.0)!)
            let p = Variable.leaf(Reference.tensor(c["prediction"]!))
            let l = try loss(Reference.tensor(c["target"]!), p, options: options)
            let what = "\(c["class"]!) \(given)"
            expectClose([l.value.scalars[0]], [Reference.number(c["numpy_loss"]!)!], "\(what) value")
            // Keras's binary loss takes a float32 mean over the last axis.
            let rtol = loss == .binaryCrossentropy ? 1e-6 : 1e-10
            expectClose([l.value.scalars[0]], [Reference.number(c["loss"]!)!], rtol: rtol, "\(what) value (Keras)")
            expectClose(try Variable.gradients(of: l, wrt: [p])[0], Reference.tensor(c["grad"]!), rtol: rtol, "\(what) gradient")
        }
    }

    @Test func smallCNNWithLogitsAndAdam() throws {
        let spec = keras["cnn"] as! [String: Any]
        let context = Context(seed: 0)
        let layers: [Layer] = [
            Conv2D(filters: 2, kernelSize: (3, 3), padding: .same, activation: .relu, name: nil, context: context),
            Pooling2D(.max, poolSize: (2, 2), strides: nil, padding: .valid, name: nil, context: context),
            Flatten(name: nil, context: context), Dense(units: 3, name: nil, context: context),
        ]
        let m = try Model(layers: layers, input: SymbolicTensor(input: [6, 6, 1], name: "input"), name: nil, context: context)
        try m.setWeights((spec["weights"] as! [Any]).map(Reference.tensor))
        try m.compile(
            optimizer: Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7), learningRate: 0.01), loss: .sparseCategoricalCrossentropy,
            metrics: [.named("accuracy", key: "accuracy")], lossOptions: LossOptions(fromLogits: true))
        var options = FitOptions()
        options.epochs = 3
        options.batchSize = 4
        options.shuffle = false
        let h = try m.fit([Reference.tensor(spec["x"]!)], Reference.tensor(spec["y"]!), options: options)
        expectClose(h.values["loss"]!, Reference.doubles(spec["history"]!), "CNN history")
        expectClose(h.values["accuracy"]!, Reference.doubles(spec["accuracy"]!), "CNN accuracy")
        for (w, e) in zip(m.weights, (spec["final_weights"] as! [Any]).map(Reference.tensor)) {
            expectClose(w, e, rtol: 1e-9, "CNN final weights")
        }
    }

    @Test func denseNetworkWithBatchNormalization() throws {
        let spec = keras["batchnorm_network"] as! [String: Any]
        let context = Context(seed: 0)
        let layers: [Layer] = [
            Dense(units: 4, name: nil, context: context), BatchNormalization(name: nil, context: context),
            try ReLULayer(name: nil, context: context), Dense(units: 1, activation: .sigmoid, name: nil, context: context),
        ]
        let m = try Model(layers: layers, input: SymbolicTensor(input: [3], name: "input"), name: nil, context: context)
        try m.setWeights((spec["weights"] as! [Any]).map(Reference.tensor))
        try m.compile(optimizer: Optimizer(.sgd(momentum: 0, nesterov: false), learningRate: 0.1), loss: .binaryCrossentropy, metrics: [])
        var options = FitOptions()
        options.epochs = 2
        options.batchSize = 8
        options.shuffle = false
        let h = try m.fit([Reference.tensor(spec["x"]!)], Reference.tensor(spec["y"]!), options: options)
        // Keras's float32 BatchNormalization and binary loss mean: 1e-6.
        expectClose(h.values["loss"]!, Reference.doubles(spec["history"]!), rtol: 1e-6, "BN history")
        for (w, e) in zip(m.weights, (spec["final_weights"] as! [Any]).map(Reference.tensor)) {
            expectClose(w, e, rtol: 1e-6, "BN final weights (moving statistics included)")
        }
        expectClose(try m.predict([Reference.tensor(spec["x"]!)])[0], Reference.tensor(spec["prediction"]!), rtol: 1e-6, "BN prediction")
    }
}
