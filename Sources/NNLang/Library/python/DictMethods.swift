// MARK: - dict methods, with CPython's signatures and errors

extension Library {
    private static func view(_ kind: DictView, _ items: [Value]) -> Value {
        let l = ListBox(items)
        l.kind = .dictView(kind)
        return .list(l)
    }

    static func dictMethod(_ d: DictBox, _ name: String, _ interp: Interpreter) -> Value? {
        switch name {
        case "keys": return typeMethod("dict", name) { _ throws(Failure) in view(.keys, d.keys) }
        case "values": return typeMethod("dict", name) { _ throws(Failure) in view(.values, d.values) }
        case "items":
            return typeMethod("dict", name) { _ throws(Failure) in view(.items, zip(d.keys, d.values).map { .tuple([$0, $1]) }) }
        case "get":
            return typeMethod("dict", name) { args throws(Failure) in
                let key = try args.required(0, "key")
                try checkHashable(key)
                return d.get(key) ?? (args.optional(1, "default") ?? .none)
            }
        case "pop":
            return typeMethod("dict", name) { args throws(Failure) in
                let key = try args.required(0, "key")
                try checkHashable(key)
                guard let v = d.get(key) else {
                    if let fallback = args.optional(1, "default") { return fallback }
                    throw Failure("KeyError: \(interp.pythonRepr(key))")
                }
                d.remove(key)
                return v
            }
        case "popitem":
            return typeMethod("dict", name) { _ throws(Failure) in
                guard let key = d.keys.last, let value = d.values.last else { throw Failure("KeyError: 'popitem(): dictionary is empty'") }
                d.remove(key)
                return .tuple([key, value])
            }
        case "setdefault":
            return typeMethod("dict", name) { args throws(Failure) in
                let key = try args.required(0, "key")
                if let v = d.get(key) { return v }
                let v = args.optional(1, "default") ?? .none
                try d.set(key, v)
                return v
            }
        case "update":
            return typeMethod("dict", name) { args throws(Failure) in
                if let other = args.positional.first { try merge(d, other, interp) }
                for (k, v) in args.keywords { try d.set(.str(k), v) }
                return .none
            }
        case "copy": return typeMethod("dict", name) { _ throws(Failure) in .dict(try copyDict(d)) }
        case "clear":
            return typeMethod("dict", name) { _ throws(Failure) in
                d.removeAll()
                return .none
            }
        default: return nil
        }
    }

    static func checkHashable(_ key: Value) throws(Failure) {
        guard HashKey(key) != nil else { throw Failure("TypeError: unhashable type: '\(key.typeName)'") }
    }

    static func copyDict(_ d: DictBox) throws(Failure) -> DictBox {
        let c = DictBox()
        for (k, v) in zip(d.keys, d.values) { try c.set(k, v) }
        return c
    }

    /// `d.update(other)` and `dict(other)`: a dict, or an iterable of key/value pairs.
    static func merge(_ d: DictBox, _ other: Value, _ interp: Interpreter) throws(Failure) {
        if case .dict(let o) = other {
            for (k, v) in zip(o.keys, o.values) { try d.set(k, v) }
            return
        }
        for (i, pair) in try interp.iterate(other).enumerated() {
            let kv = try interp.iterate(pair)
            guard kv.count == 2 else {
                throw Failure("ValueError: dictionary update sequence element #\(i) has length \(kv.count); 2 is required")
            }
            try d.set(kv[0], kv[1])
        }
    }
}
