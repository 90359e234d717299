import Engine

// MARK: - Sets: a dict's keys, in insertion order

extension Interpreter {
    func makeSet(_ items: [Value]) throws(Failure) -> Value {
        let d = DictBox()
        d.reserve(items.count)
        for (i, v) in items.enumerated() {
            try d.set(v, .none)
            if i & 4095 == 4095 { try engine { () throws(EngineError) in try RunLimits.checkTime() } }
        }
        return .set(d)
    }

    /// `frozenset(items)`.
    func makeFrozenSet(_ items: [Value]) throws(Failure) -> Value {
        guard case .set(let d) = try makeSet(items) else { return .none }
        d.kind = .frozenset
        return .set(d)
    }

    /// `{1, 2}`, `frozenset({1, 2})`, `set()`, `frozenset()`.
    static func setText(_ d: DictBox, _ items: [String]) -> String {
        let braces = items.isEmpty ? "" : "{" + items.joined(separator: ", ") + "}"
        return d.kind.isFrozen ? "frozenset(\(braces))" : (items.isEmpty ? "set()" : braces)
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b`: of the left operand's type, as in Python.
    func setOperation(_ op: String, _ a: DictBox, _ b: DictBox) throws(Failure) -> Value {
        let items: [Value]
        switch op {
        case "|": items = a.keys + b.keys
        case "&": items = a.keys.filter { b.get($0) != nil }
        case "-": items = a.keys.filter { b.get($0) == nil }
        default: items = a.keys.filter { b.get($0) == nil } + b.keys.filter { a.get($0) == nil }
        }
        return a.kind.isFrozen ? try makeFrozenSet(items) : try makeSet(items)
    }

    func setMethod(_ d: DictBox, _ name: String) -> Value? {
        let interp = self
        // CPython's set methods are positional-only: a keyword is a TypeError.
        func method(_ body: @escaping (inout Arguments) throws(Failure) -> Value) -> Value { Library.typeMethod("set", name, body) }
        /// The set of every argument's items.
        func others(_ args: Arguments) throws(Failure) -> [DictBox] {
            try args.positional.map { v throws(Failure) in
                if case .set(let s) = v { return s }
                guard case .set(let s) = try interp.makeSet(try interp.iterate(v)) else { return DictBox() }
                return s
            }
        }
        // A frozenset has no methods that change it: `fs.add` is an AttributeError, as in Python.
        if d.kind.isFrozen, ["add", "remove", "discard", "update", "clear", "pop"].contains(name) { return nil }
        switch name {
        case "add":
            return method { args throws(Failure) in
                try d.set(try args.required(0, "elem"), .none)
                return .none
            }
        case "remove", "discard":
            return method { args throws(Failure) in
                let v = try args.required(0, "elem")
                if !d.remove(v) && name == "remove" {
                    throw Failure("KeyError: \(interp.pythonRepr(v))", exception: interp.builtinException("KeyError", [v]))
                }
                return .none
            }
        case "update":
            return method { args throws(Failure) in
                for o in try others(args) { for k in o.keys { try d.set(k, .none) } }
                return .none
            }
        case "union", "intersection", "difference", "symmetric_difference":
            let op = ["union": "|", "intersection": "&", "difference": "-", "symmetric_difference": "^"][name]!
            return method { args throws(Failure) in
                var result = Value.set(d)
                for o in try others(args) {
                    guard case .set(let r) = result else { break }
                    result = try interp.setOperation(op, r, o)
                }
                if case .set(let r) = result, r === d { return d.kind.isFrozen ? result : try interp.makeSet(d.keys) }
                return result
            }
        case "issubset", "issuperset", "isdisjoint":
            return method { args throws(Failure) in
                guard let o = try others(args).first else { throw Failure("TypeError: \(name)() takes exactly one argument") }
                switch name {
                case "issubset": return .bool(d.keys.allSatisfy { o.get($0) != nil })
                case "issuperset": return .bool(o.keys.allSatisfy { d.get($0) != nil })
                default: return .bool(!d.keys.contains { o.get($0) != nil })
                }
            }
        case "copy": return method { _ throws(Failure) in d.kind.isFrozen ? .set(d) : try interp.makeSet(d.keys) }
        case "clear":
            return method { _ throws(Failure) in
                for k in d.keys { d.remove(k) }
                return .none
            }
        case "pop":
            return method { _ throws(Failure) in
                guard let k = d.keys.first else { throw Failure("KeyError: 'pop from an empty set'") }
                d.remove(k)
                return k
            }
        default: return nil
        }
    }
}
