import Engine

extension Library {
    /// Wraps numpy functions that have no backward in Lectern: given a tracked array, their
    /// array results carry a graph node that raises when a gradient flows through it, so
    /// `grad` never returns a silent zero. Results that are already tracked (the 2-norm,
    /// `clip`) keep their own backward.
    static func withoutGradient(_ names: [String], in m: inout [String: Value], prefix: String) {
        for name in names {
            guard case .builtin(let b)? = m[name] else { continue }
            m[name] = .builtin(
                Builtin(b.name, signature: b.signature) { args throws(Failure) in
                    let inputs = (args.positional + args.keywords.map(\.1)).compactMap { v -> Variable? in
                        if case .tensor(let t) = v, t.isTracked { t } else { nil }
                    }
                    let r = try b.call(&args)
                    return inputs.isEmpty ? r : opaque(r, prefix + name, inputs)
                })
        }
    }

    private static func opaque(_ v: Value, _ op: String, _ inputs: [Variable]) -> Value {
        switch v {
        case .tensor(let t) where t.isTracked: return v
        case .tensor(let t): return .tensor(Variable.opaque(op, t.value, inputs))
        case .float(let d): return .tensor(Variable.opaque(op, Tensor(d), inputs))
        case .tuple(let items): return .tuple(items.map { opaque($0, op, inputs) })
        case .list(let l): return .list(ListBox(l.items.map { opaque($0, op, inputs) }))
        default: return v
        }
    }
}
