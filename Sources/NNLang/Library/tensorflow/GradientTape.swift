import Engine

/// `tf.GradientTape`: a context manager (`__enter__`/`__exit__`, driven by `with`) whose
/// `gradient` runs the engine's reverse sweep from the target to the sources.
///
/// Trainable variables are leaves of the graph from the start, so every op on them is
/// recorded; `watch` turns a constant into a leaf for as long as the tape is open. A source
/// the target was not computed from gets `None`, as in TensorFlow.
final class GradientTapeObject: EngineObject {
    let persistent: Bool
    private var used = false
    private var open = false
    /// The leaves `watch` gave to constants (and to untrainable variables), by object.
    private var watched: [(object: TFTensorObject, leaf: Variable)] = []

    init(persistent: Bool) { self.persistent = persistent }

    var typeName: String { "GradientTape" }
    var displayText: String { "<tensorflow.python.eager.backprop.GradientTape object>" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "__enter__":
            return Library.fn(def: "__enter__()") { _ throws(Failure) in
                self.open = true
                return .object(self)
            }
        case "__exit__":
            return Library.fn(def: "__exit__(typ, value, traceback)") { _ throws(Failure) in
                self.open = false
                // Watched constants stop being tracked: later ops on them are not recorded.
                for (object, leaf) in self.watched where object.variable.node === leaf.node { object.variable = leaf.detached }
                return .bool(false)
            }
        case "watch":
            return Library.fn(def: "watch(tensor)") { args throws(Failure) in
                for item in try self.flatten(try args.required(0, "tensor"), interp) {
                    guard case .object(let t as TFTensorObject) = item else {
                        throw Failure(
                            "ValueError: watch() expects tensors or variables, got \(item.typeName)", hint: "convert with tf.constant(...)")
                    }
                    guard t.dtype.isFloating else { continue }
                    if t.variable.node == nil || !t.isVariable {
                        if let existing = self.watched.first(where: { $0.object === t }), existing.leaf.node === t.variable.node {
                            continue
                        }
                        t.variable = Variable.leaf(t.variable.value)
                        self.watched.append((t, t.variable))
                    }
                }
                return .none
            }
        case "gradient":
            return Library.fn(
                def: "gradient(target, sources, output_gradients=None, unconnected_gradients=<UnconnectedGradients.NONE: 'none'>)",
                unsupported: ["output_gradients"]
            ) { args throws(Failure) in try self.gradient(&args, interp) }
        case "reset":
            return Library.fn(def: "reset()") { _ throws(Failure) in
                self.watched = []
                self.used = false
                return .none
            }
        default: return nil
        }
    }

    private func flatten(_ v: Value, _ interp: Interpreter) throws(Failure) -> [Value] {
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default: return [v]
        }
        var flat: [Value] = []
        for i in items { flat += try flatten(i, interp) }
        return flat
    }

    /// The graph variable a source stands for on this tape, if it is tracked.
    private func leaf(_ source: TFTensorObject) -> Variable? {
        if let w = watched.last(where: { $0.object === source }) { return w.leaf }
        return source.isVariable && source.trainable ? source.variable : nil
    }

    private func gradient(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let zeroForUnconnected: Bool
        switch args.optional(3, "unconnected_gradients") {
        case nil, .none?, .str("none")?: zeroForUnconnected = false
        case .str("zero")?: zeroForUnconnected = true
        case let other?: throw Failure("ValueError: unconnected_gradients must be 'none' or 'zero', got \(interp.repr(other))")
        }
        if used && !persistent {
            throw Failure("RuntimeError: A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)")
        }
        used = true
        let target = try interp.tensor(try args.required(0, "target"))
        let sources = try args.required(1, "sources")
        // Every connected source's leaf, then one reverse sweep for all of them.
        var leaves: [Variable] = []
        func collect(_ source: Value) throws(Failure) {
            switch source {
            case .list(let l): for i in l.items { try collect(i) }
            case .tuple(let t): for i in t { try collect(i) }
            case .object(let s as TFTensorObject):
                if let leaf = leaf(s), Variable.depends(target, on: leaf) { leaves.append(leaf) }
            default:
                throw Failure(
                    "TypeError: GradientTape.gradient sources must be tf.Variable or watched tensors, got \(source.typeName)",
                    hint: "wrap arrays in tf.Variable(...) or tf.constant(...) and tape.watch(...) them")
            }
        }
        try collect(sources)
        let gradients = try engine { () throws(EngineError) in try Variable.gradients(of: target, wrt: leaves) }
        var next = 0
        func one(_ source: Value) -> Value {
            switch source {
            case .list(let l): return .list(ListBox(l.items.map(one)))
            case .tuple(let t): return .tuple(t.map(one))
            case .object(let s as TFTensorObject):
                guard let leaf = leaf(s), Variable.depends(target, on: leaf) else {
                    return zeroForUnconnected ? s.make(Variable(Tensor.zeros(s.variable.shape))) : .none
                }
                // The same order as `collect` met the connected sources.
                assert(leaves[next].node === leaf.node)
                next += 1
                return s.make(Variable(gradients[next - 1]))
            default: return .none
            }
        }
        return one(sources)
    }
}
