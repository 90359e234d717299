import Engine

// MARK: - A Keras model's weights as tf.Variables, for custom training loops

extension Interpreter {
    /// `layer.trainable_variables`: the layer's trainable weights as `tf.Variable`s, the same
    /// objects on every access, so that `zip(grads, model.trainable_variables)` pairs them. A
    /// model called inside a `GradientTape` computes with them (the tape records the forward
    /// pass), and a new value given to one (`apply_gradients`, `assign`) is the layer's new
    /// weight. A weight changed in the layer (`fit`, `set_weights`) is read back here first.
    func weightVariables(_ layer: Layer) -> [TFTensorObject] {
        let key = ObjectIdentifier(layer)
        var handles = weightVariables[key].flatMap { $0.layer === layer ? $0.handles : nil } ?? []
        if handles.count != layer.trainableCount {
            handles = (0..<layer.trainableCount).map { j in
                let v = TFTensorObject(
                    Variable(layer.params[j]), dtype: .float64, isVariable: true, name: "\(layer.name)/\(Self.weightName(layer, j))",
                    interpreter: self)
                v.weightOf = (layer, j)
                return v
            }
            weightVariables[key] = (layer, handles)
        }
        for (j, handle) in handles.enumerated() where handle.variable.value != layer.params[j] {
            handle.variable = Variable.leaf(layer.params[j])
        }
        return handles
    }

    /// Keras's name of a weight: `kernel`, `bias`, or (other layers) `gamma`/`beta`-like
    /// positions by their index.
    private static func weightName(_ layer: Layer, _ index: Int) -> String {
        switch (layer, index) {
        case (is Dense, 0), (is Conv2D, 0): "kernel"
        case (is Dense, 1), (is Conv2D, 1): "bias"
        case (is BatchNormalization, 0): "gamma"
        case (is BatchNormalization, 1): "beta"
        default: "weight_\(index)"
        }
    }

    /// A model's forward pass on its weight variables, recorded for a tape: what
    /// `model(x, training=...)` does in a custom training loop.
    func callRecorded(_ model: Model, _ inputs: [Variable], training: Bool) throws(Failure) -> [Variable] {
        var weights: [ObjectIdentifier: [Variable]] = [:]
        for layer in model.layers {
            weights[ObjectIdentifier(layer)] =
                weightVariables(layer).map(\.variable) + layer.params.dropFirst(layer.trainableCount).map { Variable($0) }
        }
        return try engine { () throws(EngineError) in try model.call(inputs, weights: weights, training: training) }
    }
}
