// MARK: - collections: Counter, defaultdict, OrderedDict, deque and namedtuple

/// Which dict a `DictBox` is. The dict subclasses of `collections` share the dict's storage,
/// so everything a dict does (items, `in`, `len`, `sorted`, `json`-like printing) works on
/// them; only their methods, their missing-key rule, their repr and their equality differ.
enum DictKind {
    case dict
    case counter
    case ordered
    /// A `defaultdict` and its `default_factory` (None: a missing key is a KeyError).
    case defaultdict(Value)
    /// The keys of a `frozenset` (a set's box never has the dict kinds above).
    case frozenset

    var typeName: String {
        switch self {
        case .dict: "dict"
        case .counter: "Counter"
        case .ordered: "OrderedDict"
        case .defaultdict: "defaultdict"
        case .frozenset: "frozenset"
        }
    }

    var isPlain: Bool { if case .dict = self { true } else { false } }
    var isCounter: Bool { if case .counter = self { true } else { false } }
    var isOrdered: Bool { if case .ordered = self { true } else { false } }
    var isFrozen: Bool { if case .frozenset = self { true } else { false } }
}

/// Which sequence a `ListBox` is: a list, a `deque` with its optional `maxlen`, or what a
/// dict's `keys()`/`values()`/`items()` returned.
enum ListKind {
    case list
    case deque(maxlen: Int?)
    case dictView(DictView)

    var typeName: String {
        switch self {
        case .list: "list"
        case .deque: "deque"
        case .dictView(let v): v.rawValue
        }
    }
    var isDeque: Bool { if case .deque = self { true } else { false } }
    var maxlen: Int? { if case .deque(let m) = self { m } else { nil } }
    var view: DictView? { if case .dictView(let v) = self { v } else { nil } }
}

/// A dict view. Lectern's views are the dict's entries when `keys()` (…) was called — what a
/// lecture prints or loops over at once; a view kept while the dict changes does not follow.
enum DictView: String {
    case keys = "dict_keys"
    case values = "dict_values"
    case items = "dict_items"
}

extension DictBox {
    /// A new dict of this kind holding `pairs` in order.
    static func make(_ kind: DictKind, _ pairs: [(Value, Value)]) throws(Failure) -> DictBox {
        let d = DictBox()
        d.kind = kind
        for (k, v) in pairs { try d.set(k, v) }
        return d
    }

    var pairs: [(Value, Value)] { Array(zip(keys, values)) }

    /// Puts the pairs in a new order (the same keys).
    func reorder(_ pairs: [(Value, Value)]) throws(Failure) {
        removeAll()
        for (k, v) in pairs { try set(k, v) }
    }
}

extension Library {
    static func collectionsModule(_ interp: Interpreter) -> Value {
        func type(_ name: String, _ constructor: @escaping (inout Arguments) throws(Failure) -> Value) -> Value {
            let c = PyClass(name: name, base: interp.builtinType("dict"), constructor: fn(name, constructor))
            c.module = "collections"
            interp.builtinTypes[name] = c
            return .type(c)
        }
        var m: [String: Value] = [:]
        m["Counter"] = type("Counter") { args throws(Failure) in
            guard args.positional.count <= 1 else {
                throw Failure("TypeError: Counter() takes at most 1 positional argument (\(args.positional.count) given)")
            }
            let d = try DictBox.make(.counter, [])
            try counterUpdate(d, args, sign: 1, interp)
            return .dict(d)
        }
        m["OrderedDict"] = type("OrderedDict") { args throws(Failure) in
            guard args.positional.count <= 1 else {
                throw Failure("TypeError: OrderedDict expected at most 1 argument, got \(args.positional.count)")
            }
            let d = try DictBox.make(.ordered, [])
            if let source = args.positional.first { try merge(d, source, interp) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        }
        m["defaultdict"] = type("defaultdict") { args throws(Failure) in
            let factory = args.positional.first ?? .none
            guard factory.isNone || interp.isCallable(factory) else {
                throw Failure("TypeError: first argument must be callable or None")
            }
            guard args.positional.count <= 2 else {
                throw Failure("TypeError: defaultdict expected at most 2 arguments, got \(args.positional.count)")
            }
            let d = try DictBox.make(.defaultdict(factory), [])
            if args.positional.count == 2 { try merge(d, args.positional[1], interp) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        }
        m["deque"] = dequeType(interp)
        m["namedtuple"] = fn("namedtuple") { args throws(Failure) in try namedtuple(args, interp) }
        return .module(Module("collections", m))
    }

    /// The methods of a Counter, defaultdict or OrderedDict that a plain dict lacks or that
    /// behave differently; nil for the rest (the dict's own).
    static func collectionDictMethod(_ d: DictBox, _ name: String, _ interp: Interpreter) -> Value? {
        switch (d.kind, name) {
        case (.dict, _): return nil
        case (_, "copy"): return fn(name) { _ throws(Failure) in .dict(try DictBox.make(d.kind, d.pairs)) }
        case (.counter, _): return counterMethod(d, name, interp)
        case (.defaultdict(let factory), "default_factory"): return factory
        case (.ordered, "move_to_end"):
            return fn(name) { args throws(Failure) in
                try args.accept(["key", "last"])
                let key = try args.required(0, "key")
                guard let value = d.get(key) else { throw Failure("KeyError: \(interp.pythonRepr(key))") }
                var others: [(Value, Value)] = []
                for p in d.pairs where !(try interp.equal(p.0, key)) { others.append(p) }
                try d.reorder(try args.bool(1, "last", true) ? others + [(key, value)] : [(key, value)] + others)
                return .none
            }
        case (.ordered, "popitem"):
            return fn(name) { args throws(Failure) in
                try args.accept(["last"])
                let last = try args.bool(0, "last", true)
                guard let key = last ? d.keys.last : d.keys.first else { throw Failure("KeyError: 'dictionary is empty'") }
                let value = d.get(key) ?? .none
                d.remove(key)
                return .tuple([key, value])
            }
        default: return nil
        }
    }
}

extension Interpreter {
    /// `d[key]` for a key `d` lacks: a Counter counts it as 0 (without storing it), a
    /// defaultdict stores and returns `default_factory()`; nil means KeyError.
    func missingItem(_ d: DictBox, _ key: Value) throws(Failure) -> Value? {
        switch d.kind {
        case .counter:
            try Library.checkHashable(key)
            return .int(0)
        case .defaultdict(let factory) where !factory.isNone:
            try Library.checkHashable(key)
            let v = try callValue(factory, [])
            try d.set(key, v)
            return v
        default: return nil
        }
    }

    /// The repr of a dict of any kind, its items shown by `item`.
    func dictRepr(_ d: DictBox, _ item: (Value) -> String) -> String {
        let pairs = d.kind.isCounter ? ((try? Library.mostCommon(d, self)) ?? d.pairs) : d.pairs
        let body = "{" + pairs.map { "\(item($0)): \(item($1))" }.joined(separator: ", ") + "}"
        switch d.kind {
        case .dict, .frozenset: return body
        case .counter: return pairs.isEmpty ? "Counter()" : "Counter(\(body))"
        case .ordered:
            return pairs.isEmpty
                ? "OrderedDict()" : "OrderedDict([" + pairs.map { "(\(item($0)), \(item($1)))" }.joined(separator: ", ") + "])"
        case .defaultdict(let factory): return "defaultdict(\(item(factory)), \(body))"
        }
    }

    /// The repr of a list or deque, its items shown by `item`.
    func listRepr(_ l: ListBox, _ item: (Value) -> String) -> String {
        let body = "[" + l.items.map(item).joined(separator: ", ") + "]"
        switch l.kind {
        case .list: return body
        case .deque(let maxlen): return "deque(\(body)" + (maxlen.map { ", maxlen=\($0))" } ?? ")")
        case .dictView(let v): return "\(v.rawValue)(\(body))"
        }
    }

    /// `==` where a collections type changes the rule; nil for the plain rule. Two
    /// OrderedDicts compare their order too; Counters treat a missing key as a count of 0;
    /// a deque never equals a list.
    func collectionsEqual(_ a: Value, _ b: Value) throws(Failure) -> Bool? {
        switch (a, b) {
        // A keys or items view equals a set or such a view of the same elements; a values
        // view equals only itself.
        case (.list(let x), _) where x.kind.view != nil, (_, .list(let x)) where x.kind.view != nil:
            if x.kind.view == .values {
                if case .list(let l) = a, case .list(let r) = b { return l === r }
                return false
            }
            guard Interpreter.isSetLike(a), Interpreter.isSetLike(b) else { return false }
            return try equal(try viewAsSet(a), try viewAsSet(b))
        case (.list(let x), .list(let y)) where x.kind.isDeque != y.kind.isDeque: return false
        case (.dict(let x), .dict(let y)) where x.kind.isOrdered && y.kind.isOrdered:
            guard x.count == y.count else { return false }
            for ((k, v), (l, w)) in zip(x.pairs, y.pairs) {
                guard try equal(k, l), try equal(v, w) else { return false }
            }
            return true
        case (.dict(let x), .dict(let y)) where x.kind.isCounter && y.kind.isCounter:
            for (p, q) in [(x, y), (y, x)] {
                for (k, v) in p.pairs where !(try equal(v, q.get(k) ?? .int(0))) { return false }
            }
            return true
        default: return nil
        }
    }

    /// A set, or a keys or items view (what compares with a set).
    static func isSetLike(_ v: Value) -> Bool {
        switch v {
        case .set: true
        case .list(let l): l.kind.view == .keys || l.kind.view == .items
        default: false
        }
    }

    /// `callable(v)`.
    func isCallable(_ v: Value) -> Bool {
        switch v {
        case .function, .builtin, .type, .method: return true
        case .instance(let i): return i.cls.lookup("__call__") != nil
        default: return false
        }
    }
}
