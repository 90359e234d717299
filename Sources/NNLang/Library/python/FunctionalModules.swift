import Engine

// MARK: - itertools, functools and copy (iterators are materialised as lists)

extension Library {
    static func itertoolsModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        func lists(_ args: Arguments) throws(Failure) -> [[Value]] {
            try args.positional.map { v throws(Failure) in try interp.iterate(v) }
        }
        m["chain"] = fn(def: "chain(*iterables)") { args throws(Failure) in .list(ListBox(try lists(args).flatMap { $0 })) }
        m["product"] = fn(def: "product(*iterables, repeat=1)") { args throws(Failure) in
            let given = try lists(args)
            let times = Swift.max(0, try args.int(-1, "repeat", 1))
            try Failure.memory(given.isEmpty ? 0 : times, .items, what: "itertools.product repeated \(times) times")
            var result: [[Value]] = [[]]
            for (depth, pool) in Array(repeating: given, count: times).flatMap({ $0 }).enumerated() {
                // Every tuple so far grows by one item: the budget counts their items.
                let (count, overflow) = result.count.multipliedReportingOverflow(by: pool.count * (depth + 1))
                try Failure.memory(overflow ? -1 : count, .items, what: "itertools.product")
                result = result.flatMap { prefix in pool.map { prefix + [$0] } }
            }
            return try bounded(result.map(Value.tuple))
        }
        m["permutations"] = fn(def: "permutations(iterable, r=None)") { args throws(Failure) in
            let pool = try interp.iterate(try args.required(0, "iterable"))
            let r = try args.optional(1, "r").flatMap { $0.isNone ? nil : $0 }.map { v throws(Failure) in try v.asInt("r") } ?? pool.count
            var out: [Value] = []
            let limit = RunLimits.current.limit(.items) / Swift.max(r, 1)
            func extend(_ chosen: [Int]) {
                guard out.count <= limit, !RunLimits.timeUp else { return }
                if chosen.count == r { return out.append(.tuple(chosen.map { pool[$0] })) }
                for i in pool.indices where !chosen.contains(i) { extend(chosen + [i]) }
            }
            if r >= 0 && r <= pool.count { extend([]) }
            try engine { () throws(EngineError) in try RunLimits.checkTime() }
            if out.count > limit { try Failure.memory(-1, .items, what: "itertools.permutations") }
            return .list(ListBox(out))
        }
        for name in ["combinations", "combinations_with_replacement"] {
            m[name] = fn(def: "\(name)(iterable, r)") { args throws(Failure) in
                let pool = try interp.iterate(try args.required(0, "iterable"))
                let r = try args.required(1, "r").asInt("r")
                guard r >= 0 else { throw Failure("ValueError: r must be non-negative") }
                // One recursion level per item of a tuple: deeper would overflow the stack.
                guard r <= 100_000 else {
                    throw Failure("NotImplementedError: Lectern does not support itertools.\(name) with r over 100,000")
                }
                var out: [Value] = []
                let limit = RunLimits.current.limit(.items) / Swift.max(r, 1)
                func extend(_ chosen: [Int], from start: Int) {
                    guard out.count <= limit, !RunLimits.timeUp else { return }
                    if chosen.count == r { return out.append(.tuple(chosen.map { pool[$0] })) }
                    for i in start..<pool.count { extend(chosen + [i], from: name == "combinations" ? i + 1 : i) }
                }
                extend([], from: 0)
                try engine { () throws(EngineError) in try RunLimits.checkTime() }
                if out.count > limit { try Failure.memory(-1, .items, what: "itertools.\(name)") }
                return .list(ListBox(out))
            }
        }
        m["islice"] = fn(def: "islice(iterable, /, *args)") { args throws(Failure) in
            let source = try args.required(0, "iterable")
            let given = args.positional.count
            guard (2...4).contains(given) else {
                throw Failure("TypeError: islice expected at \(given < 2 ? "least 2" : "most 4") arguments, got \(given)")
            }
            let bounds = try args.positional.dropFirst().map { v throws(Failure) in v.isNone ? nil : try v.asInt("islice index") }
            // An iterator is advanced only as far as the slice needs (it may be endless).
            let items =
                interp.isLazy(source)
                ? try interp.drain(source, limit: bounds.count == 1 ? bounds[0] : bounds[1]) : try interp.iterate(source)
            let (start, stop, step) =
                bounds.count == 1
                ? (0, bounds[0], 1) : (bounds[0] ?? 0, bounds.count > 1 ? bounds[1] : nil, bounds.count > 2 ? bounds[2] ?? 1 : 1)
            guard start >= 0, (stop ?? 0) >= 0, step > 0 else {
                throw Failure("ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            let end = Swift.min(stop ?? items.count, items.count)
            return .list(ListBox(start < end ? Array(stride(from: start, to: end, by: step).map { items[$0] }) : []))
        }
        m["accumulate"] = fn(def: "accumulate(iterable, func=None, *, initial=None)") { args throws(Failure) in
            let f = args.optional(1, "func").flatMap { $0.isNone ? nil : $0 }
            var out: [Value] = args.optional(-1, "initial").flatMap { $0.isNone ? nil : [$0] } ?? []
            for v in try interp.iterate(try args.required(0, "iterable")) {
                guard let last = out.last else {
                    out.append(v)
                    continue
                }
                if let f { out.append(try interp.callValue(f, [last, v])) } else { out.append(try interp.binary("+", last, v)) }
            }
            return .list(ListBox(out))
        }
        m["zip_longest"] = fn(def: "zip_longest(*iterables, fillvalue=None)") { args throws(Failure) in
            let all = try lists(args)
            let fill = args.optional(-1, "fillvalue") ?? .none
            let n = all.map(\.count).max() ?? 0
            return .list(ListBox((0..<n).map { i in .tuple(all.map { i < $0.count ? $0[i] : fill }) }))
        }
        m["groupby"] = fn(def: "groupby(iterable, key=None)") { args throws(Failure) in
            let key = args.optional(1, "key").flatMap { $0.isNone ? nil : $0 }
            var groups: [(Value, [Value])] = []
            for v in try interp.iterate(try args.required(0, "iterable")) {
                let k = try key.map { f throws(Failure) in try interp.callValue(f, [v]) } ?? v
                if let last = groups.last, try interp.equal(last.0, k) {
                    groups[groups.count - 1].1.append(v)
                } else {
                    groups.append((k, [v]))
                }
            }
            return .list(ListBox(groups.map { .tuple([$0.0, .list(ListBox($0.1))]) }))
        }
        m["repeat"] = fn(def: "repeat(object, times=<no value>)") { args throws(Failure) in
            let object = try args.required(0, "object")
            guard let times = args.optional(1, "times") else { return .object(TransformIterator("repeat") { object }) }
            let count = Swift.max(0, try times.asInt("times"))
            try Failure.memory(count, .items, what: "itertools.repeat of \(count) items")
            return .list(ListBox(Array(repeating: try args.required(0, "object"), count: count)))
        }
        // The endless iterators are lazy: a loop, zip, islice or next() takes what it needs, and
        // a block that drains one for ever stops at its deadline or memory limit.
        m["count"] = fn(def: "count(start=0, step=1)") { args throws(Failure) in
            var current = args.optional(0, "start") ?? .int(0)
            let step = args.optional(1, "step") ?? .int(1)
            guard current.isPlainNumber, step.isPlainNumber else { throw Failure("TypeError: a number is required") }
            return .object(
                TransformIterator("count") { () throws(Failure) in
                    let value = current
                    current = try interp.binary("+", current, step)
                    return value
                })
        }
        m["cycle"] = fn(def: "cycle(iterable, /)") { args throws(Failure) in
            let items = try interp.iterate(try args.required(0, "iterable"))
            var k = 0
            return .object(
                TransformIterator("cycle") { () throws(Failure) in
                    guard !items.isEmpty else { return nil }
                    defer { k = (k + 1) % items.count }
                    return items[k]
                })
        }
        return .module(Module("itertools", m))
    }

    private static func bounded(_ items: [Value]) throws(Failure) -> Value {
        try Failure.memory(items.count, .items, what: "a result of \(items.count) items")
        return .list(ListBox(items))
    }

    static func functoolsModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        m["reduce"] = fn(def: "reduce(function, iterable, initial=<no value>, /)") { args throws(Failure) in
            let f = try args.required(0, "function")
            var items = try interp.iterate(try args.required(1, "iterable"))[...]
            guard var acc = args.optional(2, "initial") ?? items.popFirst() else {
                throw Failure("TypeError: reduce() of empty iterable with no initial value")
            }
            for v in items { acc = try interp.callValue(f, [acc, v]) }
            return acc
        }
        m["partial"] = fn(def: "partial(func, /, *args, **keywords)") { args throws(Failure) in
            let f = try args.required(0, "func")
            let bound = Array(args.positional.dropFirst())
            let boundKeywords = args.keywords
            return fn("partial") { call throws(Failure) in
                let keywords = boundKeywords.filter { k in !call.keywords.contains { $0.0 == k.0 } } + call.keywords
                return try interp.callWithKeywords(f, bound + call.positional, keywords)
            }
        }
        // A cache never changes what a pure function returns; lectures use it for speed.
        let memoize = { (f: Value) -> Value in
            let cache = DictBox()
            return fn("lru_cache") { call throws(Failure) in
                let key = Value.tuple(call.positional + call.keywords.flatMap { [Value.str($0.0), $0.1] })
                if let hit = cache.get(key) { return hit }
                let result = try interp.callWithKeywords(f, call.positional, call.keywords)
                try cache.set(key, result)
                return result
            }
        }
        m["cache"] = fn(def: "cache(user_function, /)") { args throws(Failure) in memoize(try args.required(0, "user_function")) }
        m["lru_cache"] = fn(def: "lru_cache(maxsize=128, typed=False)", unsupported: ["typed"]) { args throws(Failure) in
            if let f = args.positional.first, !f.isNone, f.exactInteger == nil { return memoize(f) }
            return fn("lru_cache") { inner throws(Failure) in memoize(try inner.required(0, "user_function")) }
        }
        return .module(Module("functools", m))
    }

    static func copyModule(_ interp: Interpreter) -> Value {
        .module(
            Module(
                "copy",
                [
                    "copy": fn(def: "copy(x)") { args throws(Failure) in
                        switch try args.required(0, "x") {
                        case .list(let l): return .list(l.copied(l.items))
                        case .dict(let d): return .dict(try DictBox.make(d.kind, d.pairs))
                        case let v: return v
                        }
                    },
                    "deepcopy": fn(def: "deepcopy(x, memo=None, _nil=[])", unsupported: ["memo", "_nil"]) { args throws(Failure) in
                        var memo: [ObjectIdentifier: Value] = [:]
                        return try deepCopy(try args.required(0, "x"), &memo)
                    },
                ]))
    }

    /// `copy.deepcopy`: shared lists and dicts stay shared (and cycles stay cycles) in the copy.
    static func deepCopy(_ v: Value, _ memo: inout [ObjectIdentifier: Value]) throws(Failure) -> Value {
        switch v {
        case .list(let l):
            if let done = memo[ObjectIdentifier(l)] { return done }
            let copy = l.copied([])
            memo[ObjectIdentifier(l)] = .list(copy)
            for item in l.items { copy.items.append(try deepCopy(item, &memo)) }
            return .list(copy)
        case .dict(let d):
            if let done = memo[ObjectIdentifier(d)] { return done }
            let copy = try DictBox.make(d.kind, [])
            memo[ObjectIdentifier(d)] = .dict(copy)
            for (k, item) in zip(d.keys, d.values) { try copy.set(try deepCopy(k, &memo), try deepCopy(item, &memo)) }
            return .dict(copy)
        case .tuple(let items): return .tuple(try items.map { i throws(Failure) in try deepCopy(i, &memo) })
        case .tensor(let t): return .tensor(Variable(t.value))
        default: return v
        }
    }
}

extension Interpreter {
    /// Calls a value with keywords from inside a builtin.
    func callWithKeywords(_ f: Value, _ positional: [Value], _ keywords: [(String, Value)]) throws(Failure) -> Value {
        do { return try call(f, positional, keywords, at: Position(line: 1, column: 1)) } catch {
            throw Failure(error.message, hint: error.hint)
        }
    }
}
