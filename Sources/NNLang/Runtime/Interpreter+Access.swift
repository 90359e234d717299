import Engine

// MARK: - Subscripts and attributes

extension Interpreter {
    func getItem(_ base: Value, _ keys: [Key]) throws(Failure) -> Value {
        if keys.contains(where: \.isSliceObject) { return try getItem(base, keys.map(\.unwrappingSlice)) }
        switch base {
        case .list(let l): return try sequenceItem(l.items, keys, wrap: { .list(ListBox($0)) })
        case .tuple(let t): return try sequenceItem(t, keys, wrap: { .tuple($0) })
        case .str(let s):
            return try sequenceItem(
                s.map { .str(String($0)) }, keys, wrap: { .str($0.map { v in if case .str(let c) = v { c } else { "" } }.joined()) })
        case .range: return try getItem(.list(ListBox(try iterate(base))), keys)
        case .dict(let d):
            guard keys.count == 1, case .value(let k) = keys[0] else { throw Failure("TypeError: unhashable type: 'slice'") }
            guard let v = d.get(k) else {
                throw Failure(
                    "KeyError: \(repr(k))", hint: d.keys.isEmpty ? nil : "keys: " + d.keys.map(repr).joined(separator: ", "),
                    exception: builtinException("KeyError", [k]))
            }
            return v
        case .tensor(let t):
            if let mask = Interpreter.fullMask(keys, t.shape) {
                // A mask of the array's own shape picks the marked elements, flattened.
                let flat = try engine { () throws(EngineError) in try Variable.reshape(t, [-1]) }
                return .tensor(try engine { () throws(EngineError) in try Variable.index(flat, [.list(mask)]) })
            }
            let items = try indexItems(keys)
            let r = try engine { () throws(EngineError) in try Variable.index(t, items) }
            return .tensor(r)
        case .instance(let i):
            guard let getter = try instanceAttribute(i, "__getitem__") else {
                throw Failure("TypeError: '\(i.cls.name)' object is not subscriptable")
            }
            return try callValue(getter, [try singleKey(keys)])
        case .object(let o):
            if let getter = try o.attribute("__getitem__", self) {
                // `axes[0, 1]` passes the tuple (0, 1), as Python does.
                let values = keys.compactMap { if case .value(let v) = $0 { v } else { nil } }
                guard values.count == keys.count, !values.isEmpty else {
                    throw Failure("TypeError: \(o.typeName) indices must be single values")
                }
                return try callValue(getter, [values.count == 1 ? values[0] : .tuple(values)])
            }
            throw Failure("TypeError: '\(o.typeName)' object is not subscriptable")
        default:
            throw Failure("TypeError: '\(base.typeName)' object is not subscriptable")
        }
    }

    /// The key of `obj[key]` for `__getitem__`: one value, a tuple of several, or a slice object.
    private func singleKey(_ keys: [Key]) throws(Failure) -> Value {
        func value(_ k: Key) -> Value {
            switch k {
            case .value(let v): return v
            case .slice(let a, let b, let c): return .object(SliceObject(start: a, stop: b, step: c))
            }
        }
        return keys.count == 1 ? value(keys[0]) : .tuple(keys.map(value))
    }

    private func sequenceItem(_ items: [Value], _ keys: [Key], wrap: ([Value]) -> Value) throws(Failure) -> Value {
        guard keys.count == 1 else {
            throw Failure(
                "TypeError: list indices must be integers or slices, not tuple",
                hint: "convert the list to an array with np.array(...) for a[i, j] indexing")
        }
        switch keys[0] {
        case .value(let k):
            let i = try k.asInt("list index")
            let j = i < 0 ? i + items.count : i
            guard j >= 0, j < items.count else {
                throw Failure("IndexError: index \(i) is out of range for a sequence of length \(items.count)")
            }
            return items[j]
        case .slice(let a, let b, let c):
            guard c != 0 else { throw Failure("ValueError: slice step cannot be zero") }
            return wrap(IndexPlan.sliceIndices(n: items.count, start: a, stop: b, step: c ?? 1).map { items[$0] })
        }
    }

    /// The flat positions a boolean mask of the array's whole shape selects (for rank ≥ 2;
    /// a 1-D mask is an ordinary index along the first axis).
    static func fullMask(_ keys: [Key], _ shape: [Int]) -> [Int]? {
        guard keys.count == 1, case .value(.tensor(let m)) = keys[0], m.value.isBoolean, m.shape == shape, shape.count >= 2 else {
            return nil
        }
        return m.value.scalars.indices.filter { m.value.scalars[$0] != 0 }
    }

    func indexItems(_ keys: [Key]) throws(Failure) -> [IndexItem] {
        var items: [IndexItem] = []
        for k in keys {
            switch k {
            case .slice(let a, let b, let c): items.append(.range(start: a, stop: b, step: c))
            case .value(.none): items.append(.newAxis)
            case .value(.tuple(let inner)):
                items += try indexItems(inner.map { .value($0) })
            case .value(.module(let m)) where m.name == "Ellipsis": items.append(.ellipsis)
            case .value(let v):
                switch v {
                case .list, .tensor:
                    let t = try tensor(v).value
                    guard t.rank == 1 else { throw Failure("IndexError: only 1-D integer or boolean arrays can index an axis") }
                    if t.isBoolean {
                        // A boolean mask keeps the positions marked true.
                        items.append(.mask(t.scalars.map { $0 != 0 }))
                    } else {
                        items.append(.list(try t.scalars.map { d throws(Failure) in try Value.float(d).asInt("index") }))
                    }
                default: items.append(.at(try v.asInt("index")))
                }
            }
        }
        return items
    }

    /// Assigns into a list, dict or tensor. Tensors are values, so for them the updated tensor
    /// is returned, for the caller to store where the original came from.
    func setItem(_ base: Value, _ keys: [Key], _ value: Value) throws(Failure) -> Value? {
        if keys.contains(where: \.isSliceObject) { return try setItem(base, keys.map(\.unwrappingSlice), value) }
        switch base {
        case .list(let l):
            guard keys.count == 1 else { throw Failure("TypeError: list indices must be integers") }
            switch keys[0] {
            case .value(let k):
                let i = try k.asInt("list index")
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0, j < l.items.count else { throw Failure("IndexError: list assignment index out of range") }
                l.items[j] = value
            case .slice(let a, let b, nil):
                let r = IndexPlan.sliceIndices(n: l.items.count, start: a, stop: b, step: 1)
                let lo = r.first ?? min(max(a ?? 0, 0), l.items.count)
                l.items.replaceSubrange(lo..<(lo + r.count), with: try iterate(value))
            default: throw Failure("ValueError: extended slice assignment is not supported")
            }
            return nil
        case .dict(let d):
            guard keys.count == 1, case .value(let k) = keys[0] else { throw Failure("TypeError: unhashable type: 'slice'") }
            try d.set(k, value)
            return nil
        case .instance(let i):
            guard let setter = try instanceAttribute(i, "__setitem__") else {
                throw Failure("TypeError: '\(i.cls.name)' object does not support item assignment")
            }
            _ = try callValue(setter, [try singleKey(keys), value])
            return nil
        case .tensor(let t):
            var copy = t.value
            let v = try tensor(value).value
            if let mask = Interpreter.fullMask(keys, t.shape) {
                // `a[a < 0] = 0`: assign through the flattened array, then restore the shape.
                var flat = try engine { () throws(EngineError) in try copy.reshaped([-1]) }
                try engine { () throws(EngineError) in try flat.assign([.list(mask)], v) }
                copy = try engine { () throws(EngineError) in try flat.reshaped(t.shape) }
            } else {
                let items = try indexItems(keys)
                try engine { () throws(EngineError) in try copy.assign(items, v) }
            }
            return .tensor(Variable(copy))
        default:
            throw Failure("TypeError: '\(base.typeName)' object does not support item assignment")
        }
    }

    func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws(Failure) {
        switch obj {
        case .instance(let i): return try setInstanceAttribute(i, name, value)
        case .type(let c) where c.isUserDefined:
            c.attributes[name] = value
            return
        case .function(let f):
            f.attributes[name] = value
            return
        default: break
        }
        if case .object(let o) = obj, let setter = try o.attribute("__set_" + name, self) {
            _ = try callValue(setter, [value])
            return
        }
        throw Failure("AttributeError: cannot set attribute '\(name)' of '\(obj.typeName)' object")
    }

    func attribute(_ obj: Value, _ name: String) throws(Failure) -> Value {
        let found: Value?
        switch obj {
        case .module(let m):
            found = m.members[name]
            if found == nil {
                throw Failure(
                    "AttributeError: module '\(m.name)' has no attribute '\(name)'",
                    hint: closestName(to: name, in: Array(m.members.keys)).map { "did you mean '\(m.name).\($0)'?" })
            }
        case .tensor(let t): found = try Library.tensorAttribute(t, name, self)
        case .list(let l): found = Library.listMethod(l, name, self)
        case .dict(let d): found = Library.dictMethod(d, name, self)
        case .str(let s): found = Library.stringMethod(s, name, self)
        case .tuple(let t): found = Library.tupleMethod(t, name, self)
        case .object(let o): found = try o.attribute(name, self)
        case .instance(let i): found = try instanceAttribute(i, name)
        case .type(let c): found = try classAttribute(c, name)
        case .set(let d): found = setMethod(d, name)
        case .function(let f): found = f.attributes[name] ?? functionAttribute(f, name)
        case .builtin(let b): found = name == "__name__" ? .str(b.name) : nil
        case .method(let m): found = name == "__self__" ? m.receiver : (name == "__func__" ? m.function : try attribute(m.function, name))
        case .int, .bigint, .float, .bool:
            found = Library.numberAttribute(obj, name)
        default: found = nil
        }
        guard let found else {
            throw Failure("AttributeError: '\(obj.typeName)' object has no attribute '\(name)'")
        }
        return found
    }
}
