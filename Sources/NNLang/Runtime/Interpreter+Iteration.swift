import Engine

// MARK: - Lazy iteration: generators, iterators and `__iter__`/`__next__`

/// Where a `for` loop or `next()` gets its items from.
enum ValueIterator {
    case items([Value], Int)
    /// A generator, a generator expression or `iter(list)`.
    case lazy(any LazyIterator)
    /// A bound `__next__` of an instance.
    case method(Value)
    /// The old sequence protocol: a bound `__getitem__` called with 0, 1, … until IndexError.
    case indexed(Value, Int)
}

extension Interpreter {
    func makeIterator(_ v: Value) throws(Failure) -> ValueIterator {
        switch v {
        case .object(let l as any LazyIterator): return .lazy(l)
        case .instance(let i):
            guard let iter = try instanceAttribute(i, "__iter__") else {
                if let next = try instanceAttribute(i, "__next__") { return .method(next) }
                if let getter = try instanceAttribute(i, "__getitem__") { return .indexed(getter, 0) }
                throw Failure("TypeError: '\(i.cls.name)' object is not iterable")
            }
            let r = try callValue(iter, [])
            if case .instance(let j) = r {
                guard let next = try instanceAttribute(j, "__next__") else {
                    throw Failure("TypeError: iter() returned non-iterator of type '\(j.cls.name)'")
                }
                return .method(next)
            }
            return try makeIterator(r)
        default: return .items(try iterate(v), 0)
        }
    }

    /// The iterator's next item; nil when it is exhausted (StopIteration).
    func next(_ it: inout ValueIterator) throws(Failure) -> Value? {
        switch it {
        case .items(let items, let i):
            guard i < items.count else { return nil }
            it = .items(items, i + 1)
            return items[i]
        case .lazy(let l): return try l.nextValue()
        case .method(let next):
            do { return try callValue(next, []) } catch {
                if isStopIteration(error) { return nil }
                throw error
            }
        case .indexed(let getter, let i):
            it = .indexed(getter, i + 1)
            do { return try callValue(getter, [.int(i)]) } catch {
                if isException(error, "IndexError") || isStopIteration(error) { return nil }
                throw error
            }
        }
    }

    func isStopIteration(_ f: Failure) -> Bool { isException(f, "StopIteration") }

    /// The failure is the builtin exception `name` (or a subclass of it).
    func isException(_ f: Failure, _ name: String) -> Bool {
        if let i = f.exception?.value as? Instance { return i.cls.isSubclass(of: exceptionClasses[name]!) }
        return f.message == name || f.message.hasPrefix(name + ":")
    }

    /// All items of an iterator-like object (a generator runs to its end), or its first
    /// `limit` ones. A long drain checks the block's deadline.
    func drain(_ v: Value, limit: Int? = nil) throws(Failure) -> [Value] {
        if case .object(let o) = v, !(o is any LazyIterator) {
            if let items = try o.attribute("__iter__", self), case .list(let l) = items { return l.items }
            throw Failure("TypeError: '\(o.typeName)' object is not iterable")
        }
        var it = try makeIterator(v)
        var out: [Value] = []
        while out.count < limit ?? .max, let item = try next(&it) {
            out.append(item)
            guard out.count <= 10_000_000 else { throw Failure("MemoryError: an iterator gave over 10,000,000 items") }
            if out.count & 1023 == 0 { try engine { () throws(EngineError) in try RunLimits.checkTime() } }
        }
        return out
    }

    /// `iter(v)`: generators and iterators are their own iterators.
    func iterObject(_ v: Value) throws(Failure) -> Value {
        switch v {
        case .object(let o) where o is any LazyIterator: return v
        case .instance(let i):
            // Without `__iter__`: `__getitem__` with 0, 1, … until IndexError, all taken at once.
            guard let iter = try instanceAttribute(i, "__iter__") else { return .object(SequenceIterator(try drain(v))) }
            return try callValue(iter, [])
        default: return .object(SequenceIterator(try iterate(v)))
        }
    }

    /// `next(it[, default])`.
    func nextItem(_ v: Value, default fallback: Value?) throws(Failure) -> Value {
        let result: Value?
        switch v {
        case .object(let l as any LazyIterator): result = try l.nextValue()
        case .instance(let i):
            guard let next = try instanceAttribute(i, "__next__") else {
                throw Failure("TypeError: '\(i.cls.name)' object is not an iterator")
            }
            do { result = try callValue(next, []) } catch {
                if isStopIteration(error), let fallback { return fallback }
                throw error
            }
        default: throw Failure("TypeError: '\(v.typeName)' object is not an iterator")
        }
        if let result { return result }
        if let fallback { return fallback }
        if case .object(let g as Generator) = v { throw stopIteration(g.channel.returned) }
        throw stopIteration(.none)
    }

    /// Runs `body` for each item, lazily (a generator advances one item per turn); `body`
    /// returns false to stop (`break`).
    func forEach(_ iterable: Value, at position: Position, _ body: (Value) throws(LangError) -> Bool) throws(LangError) {
        switch iterable {
        case .object(let o) where o is any LazyIterator:
            break
        case .instance:
            break
        case .tensor(let t) where t.value.rank > 0:
            // Row by row: a long array is not first turned into a list of its rows.
            for i in 0..<t.shape[0] {
                let row = try at(position) { () throws(Failure) in try getItem(iterable, [.value(.int(i))]) }
                if !(try body(row)) { return }
            }
            return
        default:
            for item in try at(position, { () throws(Failure) in try iterate(iterable) }) where !(try body(item)) { return }
            return
        }
        var it = try at(position) { () throws(Failure) in try makeIterator(iterable) }
        while let item = try at(position, { () throws(Failure) in try next(&it) }) {
            if !(try body(item)) { return }
        }
    }

    /// A generator function's call: the arguments are bound, the body waits for `next()`.
    func makeGenerator(_ f: Function, _ scope: Scope) -> Value {
        guard case .statements(let body) = f.body else { return .none }
        return .object(
            Generator(name: f.name, interpreter: self) { interpreter throws(LangError) in
                if case .returned(let v) = try interpreter.execBlock(body, scope) { return v }
                return .none
            })
    }

    /// `yield value` inside the running generator.
    func yieldValue(_ v: Value, at position: Position) throws(LangError) -> Value {
        guard let g = activeGenerator else { throw LangError("SyntaxError: 'yield' outside function", at: position) }
        return try g.yield(v, at: position)
    }

    /// `yield from iterable`: re-yields every item; its value is the sub-generator's return value.
    func yieldFrom(_ iterable: Value, at position: Position) throws(LangError) -> Value {
        try forEach(iterable, at: position) { item throws(LangError) in
            _ = try yieldValue(item, at: position)
            return true
        }
        if case .object(let g as Generator) = iterable { return g.channel.returned }
        return .none
    }
}
