import Foundation
import Testing

@testable import Engine

/// Keras's `sample_weight` against real Keras 3 (JAX, float64) from `make_reference.py`:
/// Σ wᵢ·lossᵢ / n for each loss and its gradient, and a short `fit(..., sample_weight=)`.
@Suite struct SampleWeightReferenceTests {
    let keras = Reference.json["keras_layers"] as! [String: Any]

    @Test func weightedLossesAndGradients() throws {
        for case let c as [String: Any] in keras["weighted_losses"] as! [Any] {
            let loss = Loss(name: c["class"] as! String)!
            let given = c["options"] as! [String: Any]
            let options = LossOptions(fromLogits: given["from_logits"] as? Bool ?? false)
            let p = Variable.leaf(Reference.tensor(c["prediction"]!))
            let l = try loss(Reference.tensor(c["target"]!), p, options: options, sampleWeight: Reference.tensor(c["sample_weight"]!))
            let what = "\(c["class"]!) \(given) with sample_weight"
            // Keras takes the mean over the last axis (binary cross-entropy, mse, mae) in float32.
            let rtol = [.categoricalCrossentropy, .sparseCategoricalCrossentropy].contains(loss) ? 1e-10 : 1e-6
            expectClose([l.value.scalars[0]], [Reference.number(c["loss"]!)!], rtol: rtol, "\(what) value")
            expectClose(try Variable.gradients(of: l, wrt: [p])[0], Reference.tensor(c["grad"]!), rtol: rtol, "\(what) gradient")
        }
    }

    @Test func fitWithSampleWeights() throws {
        let spec = keras["weighted_fit"] as! [String: Any]
        let context = Context(seed: 0)
        let layers: [Layer] = [
            Dense(units: 4, activation: .tanh, name: nil, context: context),
            Dense(units: 1, activation: .sigmoid, name: nil, context: context),
        ]
        let m = try Model(layers: layers, input: SymbolicTensor(input: [3], name: "input"), name: nil, context: context)
        try m.setWeights((spec["weights"] as! [Any]).map(Reference.tensor))
        try m.compile(
            optimizer: Optimizer(.sgd(momentum: 0, nesterov: false), learningRate: 0.1), loss: .binaryCrossentropy,
            metrics: [.named("accuracy", key: "accuracy")])
        var options = FitOptions()
        options.epochs = 3
        options.batchSize = 8
        options.shuffle = false
        options.sampleWeight = Reference.tensor(spec["sample_weight"]!)
        let h = try m.fit([Reference.tensor(spec["x"]!)], Reference.tensor(spec["y"]!), options: options)
        expectClose(h.values["loss"]!, Reference.doubles(spec["history"]!), rtol: 1e-6, "weighted history")
        expectClose(h.values["accuracy"]!, Reference.doubles(spec["accuracy"]!), "accuracy (unweighted, as Keras's metrics=)")
        for (w, e) in zip(m.weights, (spec["final_weights"] as! [Any]).map(Reference.tensor)) {
            expectClose(w, e, rtol: 1e-6, "weighted fit final weights")
        }
    }
}
