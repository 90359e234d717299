// MARK: - globals(): the document's module namespace as a live mapping

/// What `globals()` returns: CPython's module dict is the namespace itself, so a name bound
/// later is in it and `globals()["x"] = 1` binds `x`. A snapshot would give stale reads and
/// lost writes, so this reads and writes the document's module scope directly.
///
/// Keys are the names the document bound, in the order they first appear in its code;
/// Python's own entries (`__name__`, `__builtins__`, …) and the builtins are not in it.
final class GlobalsView: EngineObject {
    let scope: Scope
    weak var interpreter: Interpreter?

    init(_ scope: Scope, _ interpreter: Interpreter) {
        self.scope = scope
        self.interpreter = interpreter
    }

    var typeName: String { "dict" }

    var displayText: String {
        let pairs = scope.moduleBindings.map { id, value in
            // The namespace holds itself when a name is bound to globals(): CPython's `{...}`.
            let text = if case .object(let o) = value, o === self { "{...}" } else { interpreter?.pythonRepr(value) ?? "..." }
            return "'\(Name.text(of: id))': " + text
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    /// A dict of the bindings now, for the methods that return new objects.
    private func snapshot() throws(Failure) -> DictBox {
        let d = DictBox()
        for (id, value) in scope.moduleBindings { try d.set(.str(Name.text(of: id)), value) }
        return d
    }

    private func name(_ key: Value) throws(Failure) -> Name {
        guard case .str(let s) = key else {
            throw Failure("TypeError: Lectern's globals() holds names: its keys are strings, not \(key.typeName)")
        }
        return Name(s)
    }

    private func keyError(_ key: Value) -> Failure {
        Failure("KeyError: \(interpreter?.pythonRepr(key) ?? "?")")
    }

    func attribute(_ attribute: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch attribute {
        case "__getitem__":
            return Library.fn(def: "__getitem__(key, /)") { args throws(Failure) in
                let key = try args.required(0, "key")
                guard let v = self.scope.own(try self.name(key)) else { throw self.keyError(key) }
                return v
            }
        case "__setitem__":
            return Library.fn(def: "__setitem__(key, value, /)") { args throws(Failure) in
                self.scope.set(try self.name(try args.required(0, "key")), try args.required(1, "value"))
                return .none
            }
        case "__delitem__":
            return Library.fn(def: "__delitem__(key, /)") { args throws(Failure) in
                let key = try args.required(0, "key")
                let n = try self.name(key)
                guard self.scope.own(n) != nil else { throw self.keyError(key) }
                self.scope.remove(n)
                return .none
            }
        case "__len__": return .int(scope.moduleBindings.count)
        case "__iter__": return .list(ListBox(scope.moduleBindings.map { .str(Name.text(of: $0.id)) }))
        case "get":
            return Library.fn(def: "get(key, default=None, /)") { args throws(Failure) in
                let key = try args.required(0, "key")
                guard case .str = key else { return args.value("default") }
                return self.scope.own(try self.name(key)) ?? args.value("default")
            }
        case "pop":
            return Library.fn(def: "pop(key, default=<no value>, /)") { args throws(Failure) in
                let key = try args.required(0, "key")
                let n = try self.name(key)
                guard let v = self.scope.own(n) else {
                    if let fallback = args.optional(1, "default") { return fallback }
                    throw self.keyError(key)
                }
                self.scope.remove(n)
                return v
            }
        case "setdefault":
            return Library.fn(def: "setdefault(key, default=None, /)") { args throws(Failure) in
                let n = try self.name(try args.required(0, "key"))
                if let v = self.scope.own(n) { return v }
                let v = args.value("default")
                self.scope.set(n, v)
                return v
            }
        case "update":
            // dict.update's own argument forms, gathered into a dict and then bound.
            return Library.fn(def: "update(*args, **kwargs)") { args throws(Failure) in
                let gathered = DictBox()
                _ = try interp.callValue(try interp.attribute(.dict(gathered), "update"), args.extraPositional, args.extraKeywords)
                for (k, v) in zip(gathered.keys, gathered.values) { self.scope.set(try self.name(k), v) }
                return .none
            }
        case "keys", "values", "items", "copy":
            return try interp.attribute(.dict(try snapshot()), attribute)
        case "clear", "popitem", "fromkeys", "__or__", "__ior__":
            throw Failure("NotImplementedError: Lectern's globals() does not support \(attribute)()")
        default: return nil
        }
    }
}
