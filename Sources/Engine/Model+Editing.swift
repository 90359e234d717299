/// Changing a `Sequential` model after construction, and finding its layers.
extension Model {
    /// Keras's `model.add(keras.Input(shape))`: the input of a model that has no layers yet.
    public func setInput(_ input: SymbolicTensor) throws(EngineError) {
        guard isSequential, sequentialLayers.isEmpty, !isBuilt else {
            throw .value("an Input can only be added to a Sequential model before its first layer")
        }
        inputs = [input]
        outputs = [input]
        nodes = []
    }

    /// Removes the last layer (Keras's `Sequential.pop()`), rebuilding the graph without it.
    @discardableResult
    public func pop() throws(EngineError) -> Layer {
        guard isSequential else { throw .value("pop() is only available on Sequential models") }
        guard let last = sequentialLayers.popLast() else { throw .value("There are no layers in the model.") }
        if let input = inputs.first { try buildSequential(input) }
        return last
    }

    /// The layer called `name` (Keras's `get_layer(name=...)`).
    public func layer(named name: String) throws(EngineError) -> Layer {
        guard let layer = layers.first(where: { $0.name == name }) else {
            throw .value("No such layer: \(name). Existing layers are: \(layers.map(\.name)).")
        }
        return layer
    }

    /// The layer at `index` in `layers` (Keras's `get_layer(index=...)`).
    public func layer(at index: Int) throws(EngineError) -> Layer {
        let all = layers
        guard index >= 0, index < all.count else {
            throw .value("Was asked to retrieve layer at index \(index) but model only has \(all.count) layers.")
        }
        return all[index]
    }
}
