// MARK: - collections.deque: a list with both ends open and an optional maxlen

extension ListBox {
    /// A new list or deque of this one's kind holding `items`.
    func copied(_ items: [Value]) -> ListBox {
        let c = ListBox(items)
        c.kind = kind
        return c
    }

    /// Appends at the right; a full deque drops items from the left, as CPython's does.
    func extend(_ more: [Value]) {
        items += more
        if let maxlen = kind.maxlen, items.count > maxlen { items.removeFirst(items.count - maxlen) }
    }

    /// Appends each item at the left in turn (so they end up reversed); a full deque drops
    /// items from the right.
    func extendLeft(_ more: [Value]) {
        items.insert(contentsOf: more.reversed(), at: 0)
        if let maxlen = kind.maxlen, items.count > maxlen { items.removeLast(items.count - maxlen) }
    }
}

extension Library {
    static func dequeType(_ interp: Interpreter) -> Value {
        let c = PyClass(
            name: "deque", base: interp.builtinType("object"),
            constructor: fn("deque") { args throws(Failure) in
                try args.accept(["iterable", "maxlen"])
                let l = ListBox([])
                l.kind = .deque(maxlen: try dequeMaxlen(args.optional(1, "maxlen")))
                if let source = args.optional(0, "iterable") { l.extend(try interp.iterate(source)) }
                return .list(l)
            })
        c.module = "collections"
        interp.builtinTypes["deque"] = c
        return .type(c)
    }

    private static func dequeMaxlen(_ v: Value?) throws(Failure) -> Int? {
        guard let v, !v.isNone else { return nil }
        guard let n = v.exactInteger.flatMap({ Int(exactly: $0) }) else { throw Failure("TypeError: an integer is required") }
        guard n >= 0 else { throw Failure("ValueError: maxlen must be non-negative") }
        return n
    }

    /// A deque's methods: its own, and the list methods a deque shares (not `sort`, not
    /// `pop(i)`). CPython names the type with its module in this error.
    static func dequeMethod(_ l: ListBox, _ name: String, _ interp: Interpreter) throws(Failure) -> Value {
        func pop(_ left: Bool) -> Value {
            fn(name) { args throws(Failure) in
                try args.accept([])
                guard !l.items.isEmpty else { throw Failure("IndexError: pop from an empty deque") }
                return left ? l.items.removeFirst() : l.items.removeLast()
            }
        }
        func add(_ left: Bool, many: Bool) -> Value {
            fn(name) { args throws(Failure) in
                try args.accept([many ? "iterable" : "x"])
                let v = try args.required(0, many ? "iterable" : "x")
                let items = many ? try interp.iterate(v) : [v]
                if left { l.extendLeft(items) } else { l.extend(items) }
                return .none
            }
        }
        switch name {
        case "append": return add(false, many: false)
        case "appendleft": return add(true, many: false)
        case "extend": return add(false, many: true)
        case "extendleft": return add(true, many: true)
        case "pop": return pop(false)
        case "popleft": return pop(true)
        case "maxlen": return l.kind.maxlen.map(Value.int) ?? .none
        case "rotate":
            return fn(name) { args throws(Failure) in
                try args.accept(["n"])
                let n = try args.int(0, "n", 1)
                guard !l.items.isEmpty else { return .none }
                let k = ((n % l.items.count) + l.items.count) % l.items.count
                l.items = Array(l.items.suffix(k) + l.items.prefix(l.items.count - k))
                return .none
            }
        case "insert":
            return fn(name) { args throws(Failure) in
                if let maxlen = l.kind.maxlen, l.items.count >= maxlen {
                    throw Failure("IndexError: deque already at its maximum size")
                }
                guard case .builtin(let insert)? = listMethod(l, name, interp) else { return .none }
                return try insert.call(&args)
            }
        case "copy":
            return fn(name) { _ throws(Failure) in .list(l.copied(l.items)) }
        case "remove":
            return fn(name) { args throws(Failure) in
                let x = try args.required(0, "value")
                guard let i = try firstIndex(l.items, x, interp) else { throw Failure("ValueError: deque.remove(x): x not in deque") }
                l.items.remove(at: i)
                return .none
            }
        case "index", "count", "reverse", "clear":
            if let method = listMethod(l, name, interp) { return method }
        default: break
        }
        throw Failure("AttributeError: 'collections.deque' object has no attribute '\(name)'")
    }
}

extension Interpreter {
    /// `d[i]` of a deque: integers only, as in CPython.
    func dequeItem(_ l: ListBox, _ keys: [Key]) throws(Failure) -> Value {
        guard keys.count == 1, case .value(let k) = keys[0], let i = k.exactInteger.flatMap({ Int(exactly: $0) }) else {
            var what = "tuple"
            if keys.count == 1, case .slice = keys[0] {
                what = "slice"
            } else if keys.count == 1, case .value(let k) = keys[0] {
                what = k.typeName
            }
            throw Failure("TypeError: sequence index must be integer, not '\(what)'")
        }
        let j = i < 0 ? i + l.items.count : i
        guard j >= 0, j < l.items.count else { throw Failure("IndexError: deque index out of range") }
        return l.items[j]
    }

    private func repeatDeque(_ x: ListBox, _ times: Value) throws(Failure) -> Value? {
        guard case .list(let repeated) = try binary("*", .list(ListBox(x.items)), times) else { return nil }
        repeated.kind = x.kind
        repeated.extend([])
        return .list(repeated)
    }

    /// `+` and `*` with a deque on either side: deque + deque and deque * n are deques (with
    /// the left deque's maxlen); a deque never concatenates with a list.
    func dequeBinary(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value? {
        switch (op, a, b) {
        case ("+", .list(let x), .list(let y)) where x.kind.isDeque && y.kind.isDeque:
            let l = x.copied(x.items)
            l.extend(y.items)
            return .list(l)
        case ("+", .list(let x), _):
            throw Failure("TypeError: can only concatenate \(x.kind.typeName) (not \"\(b.typeName)\") to \(x.kind.typeName)")
        case ("*", .list(let x), _) where b.exactInteger != nil: return try repeatDeque(x, b)
        case ("*", _, .list(let x)) where a.exactInteger != nil: return try repeatDeque(x, a)
        default: return nil
        }
    }
}
