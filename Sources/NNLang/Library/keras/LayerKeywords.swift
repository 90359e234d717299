import Engine

extension Library {
    /// Keywords as the dict Keras prints in its errors: `{'foo': 1, 'bar': 'x'}`.
    static func keywordsText(_ pairs: [(String, Value)], _ interp: Interpreter) -> String {
        "{" + pairs.map { "'\($0.0)': \(interp.pythonRepr($0.1))" }.joined(separator: ", ") + "}"
    }
}

/// What every Keras layer takes through its `**kwargs`: the keywords of Keras 3's base
/// `Layer.__init__` (`activity_regularizer`, `trainable`, `dtype`, `autocast`, `name`) and the
/// `input_shape`/`input_dim` it still accepts for Sequential models.
struct LayerKeywords {
    let name: String?
    let inputShape: [Int]?

    /// The keywords Keras's `Layer.__init__` pops; anything else is its "Unrecognized keyword
    /// arguments" error.
    static let known: Set<String> = ["activity_regularizer", "trainable", "dtype", "autocast", "name", "input_dim", "input_shape"]

    /// Checks a layer constructor's collected keywords as Keras does. `also` names the
    /// keywords this layer pops itself before Keras's check (LeakyReLU's old `alpha`).
    init(_ args: Arguments, _ layer: String, also: Set<String> = []) throws(Failure) {
        let interp = args.interpreter
        let extra = args.bound?.extraKeywords ?? []
        let unknown = extra.filter { !Self.known.contains($0.0) && !also.contains($0.0) }
        if !unknown.isEmpty {
            let own = args.bound?.signature.parameters.filter { $0.kind == .positionalOrKeyword }.map(\.name) ?? []
            let valid = own + Self.known.sorted()
            throw Failure(
                "ValueError: Unrecognized keyword arguments passed to \(layer): \(Library.keywordsText(unknown, interp))",
                hint: closestName(to: unknown[0].0, in: valid).map { "did you mean '\($0)'?" } ?? "valid keywords: "
                    + valid.joined(separator: ", "))
        }
        for (key, value) in extra {
            switch (key, value) {
            case ("activity_regularizer", .none), ("trainable", .bool(true)), ("autocast", .bool):
                continue
            case ("trainable", .bool(false)):
                throw Failure("NotImplementedError: Lectern does not support \(layer)(trainable=False); every layer's weights train")
            case ("trainable", _):
                throw Failure(
                    "ValueError: Expected `trainable` to be a boolean. Received: trainable=\(interp.str(value)) (of type <class '\(value.typeName)'>)"
                )
            case ("dtype", .none), ("dtype", .str("float64")), ("dtype", .str("float32")):
                // As keras.Input: Lectern's Keras computes in float64 whatever the policy says (README).
                continue
            case ("dtype", _):
                throw Failure(
                    "NotImplementedError: Lectern does not support \(layer)(dtype=\(interp.pythonRepr(value))); layers compute in float64")
            case ("activity_regularizer", _), ("autocast", _):
                throw Failure("NotImplementedError: Lectern does not support the '\(key)' argument of \(layer)()")
            default: continue
            }
        }
        name = try args.string(-1, "name")
        if let d = args.optional(-1, "input_dim"), !d.isNone {
            inputShape = [try d.asInt("input_dim")]
        } else if let s = args.optional(-1, "input_shape"), !s.isNone {
            inputShape = try interp.shape(s)
        } else {
            inputShape = nil
        }
    }

    /// Records the input shape the layer was given, if any (Keras builds from it in a Sequential).
    func declare(on layer: Layer) {
        if let inputShape { layer.declaredInputShape = inputShape }
    }
}
