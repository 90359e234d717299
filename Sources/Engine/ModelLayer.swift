/// A model used as a layer of another model (`outer = Sequential([inner, Dense(1)])` or
/// `inner(x)` on a symbolic tensor): its weights are the inner layers' own, so training the
/// outer model trains the inner one.
public final class ModelLayer: Layer {
    public let model: Model

    public init(_ model: Model) throws(EngineError) {
        guard model.isBuilt else {
            throw .value("a model used as a layer needs a known input shape: start it with keras.Input(shape=...)")
        }
        guard model.inputs.count == 1, model.outputs.count == 1 else {
            throw .value("Lectern can use only single-input, single-output models as layers")
        }
        // Layer.update trains a prefix of each layer's weights; a nested BatchNormalization
        // would interleave trainable and moving weights.
        guard model.layers.allSatisfy({ $0.trainableCount == $0.params.count }) else {
            throw .value("Lectern cannot use a model with non-trainable weights (BatchNormalization, Normalization) as a layer")
        }
        self.model = model
        super.init(name: model.name)
        declaredInputShape = model.inputs[0].shape
    }

    public override var className: String { model.isSequential ? "Sequential" : "Functional" }

    /// The inner layers' weights in order; writes go back to them.
    public override var params: [Tensor] {
        get { model.weights }
        set { try? model.setWeights(newValue) }
    }

    public override func outputShape(_ inputShapes: [[Int]]) throws(EngineError) -> [Int] {
        guard inputShapes[0] == model.inputs[0].shape else {
            throw .shape(
                "model '\(model.name)' expects inputs of shape \(formatShape(model.inputs[0].shape)), got \(formatShape(inputShapes[0]))")
        }
        return model.outputs[0].shape
    }

    public override func call(_ inputs: [Variable], params: [Variable], training: Bool, context: Context) throws(EngineError) -> Variable {
        var byLayer: [ObjectIdentifier: [Variable]] = [:]
        var rest = params[...]
        for layer in model.layers {
            let count = layer.params.count
            byLayer[ObjectIdentifier(layer)] = Array(rest.prefix(count))
            rest = rest.dropFirst(count)
        }
        return try model.forward(variables: inputs, params: byLayer, training: training)[0]
    }
}
