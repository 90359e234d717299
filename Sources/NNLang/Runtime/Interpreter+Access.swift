import Engine

// MARK: - Subscripts and attributes

extension Interpreter {
    func getItem(_ base: Value, _ keys: [Key]) throws(Failure) -> Value {
        if keys.contains(where: \.isSliceObject) { return try getItem(base, keys.map(\.unwrappingSlice)) }
        switch base {
        case .list(let l):
            if l.kind.isDeque { return try dequeItem(l, keys) }
            if let view = l.kind.view { throw Failure("TypeError: '\(view.rawValue)' object is not subscriptable") }
            return try sequenceItem(l.items, keys, "list", wrap: { .list(ListBox($0)) })
        case .tuple(let t): return try sequenceItem(t, keys, "tuple", wrap: { .tuple($0) })
        case .str(let s):
            return try sequenceItem(
                s.map { .str(String($0)) }, keys, "string",
                wrap: { .str($0.map { v in if case .str(let c) = v { c } else { "" } }.joined()) })
        case .range: return try getItem(.list(ListBox(try iterate(base))), keys)
        case .dict(let d):
            guard keys.count == 1, case .value(let k) = keys[0] else { throw Failure("TypeError: unhashable type: 'slice'") }
            if let v = d.get(k) { return v }
            guard let v = try missingItem(d, k) else {
                throw Failure(
                    "KeyError: \(repr(k))", hint: d.keys.isEmpty ? nil : "keys: " + d.keys.map(repr).joined(separator: ", "),
                    exception: builtinException("KeyError", [k]))
            }
            return v
        case .tensor(let t):
            let items = try indexItems(keys, shape: t.shape)
            // A basic subscript of an array outside any gradient graph is a view of its memory;
            // one picking a single element is a numpy scalar (a copy).
            if !t.isTracked, let view = try engine({ () throws(EngineError) in try t.storage.view(items) }) {
                return .tensor(view.shape.isEmpty ? Variable(view.tensor) : Variable(storage: view))
            }
            return .tensor(try engine { () throws(EngineError) in try Variable.index(t, items) })
        case .instance(let i):
            guard let getter = try instanceAttribute(i, "__getitem__") else {
                throw Failure("TypeError: '\(i.cls.name)' object is not subscriptable")
            }
            return try callValue(getter, [try singleKey(keys)])
        case .object(let o):
            if let getter = try o.attribute("__getitem__", self) {
                // `axes[0, 1]` passes the tuple (0, 1), and `np.r_[0:3]` a slice, as Python does.
                guard !keys.isEmpty else { throw Failure("TypeError: \(o.typeName) indices must be single values") }
                return try callValue(getter, [try singleKey(keys)])
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

    private func sequenceItem(_ items: [Value], _ keys: [Key], _ kind: String, wrap: ([Value]) -> Value) throws(Failure) -> Value {
        guard keys.count == 1 else {
            throw Failure(
                "TypeError: list indices must be integers or slices, not tuple",
                hint: "convert the list to an array with np.array(...) for a[i, j] indexing")
        }
        switch keys[0] {
        case .value(let k):
            let i: Int
            do throws(Failure) { i = try k.asInt() } catch {
                guard error.message.hasPrefix("TypeError") else { throw error }
                throw Failure(
                    kind == "string"
                        ? "TypeError: string indices must be integers, not '\(k.typeName)'"
                        : "TypeError: \(kind) indices must be integers or slices, not \(k.typeName)")
            }
            let j = i < 0 ? i + items.count : i
            guard j >= 0, j < items.count else {
                throw Failure("IndexError: \(kind) index out of range", hint: "index \(i) of a sequence of length \(items.count)")
            }
            return items[j]
        case .slice(let a, let b, let c):
            guard c != 0 else { throw Failure("ValueError: slice step cannot be zero") }
            return wrap(IndexPlan.sliceIndices(n: items.count, start: a, stop: b, step: c ?? 1).map { items[$0] })
        }
    }

    /// numpy's index items of a subscript. A k-dimensional boolean mask stands for its k
    /// `nonzero()` index arrays; float indices are numpy's IndexError.
    func indexItems(_ keys: [Key], shape: [Int]) throws(Failure) -> [IndexItem] {
        var items: [IndexItem] = []
        for k in keys {
            switch k {
            case .slice(let a, let b, let c): items.append(.range(start: a, stop: b, step: c))
            case .value(.none): items.append(.newAxis)
            case .value(.tuple(let inner)):
                items += try indexItems(inner.map { .value($0) }, shape: shape)
            case .value(.module(let m)) where m.name == "Ellipsis": items.append(.ellipsis)
            case .value(let v):
                switch v {
                case .int(let i): items.append(.at(i))
                case .bool(let b): items.append(.mask([b]))
                // numpy takes a range as the integer array it stands for: `probs[range(n), y]`.
                case .range(let start, let stop, let step):
                    let n = Interpreter.rangeCount(start, stop, step)
                    try Failure.memory(n, .elements, what: "the index")
                    items.append(.list((0..<n).map { start &+ $0 &* step }))
                case .list, .tensor:
                    let t = try tensor(v).value
                    if t.isScalar && t.dtype == .int64 {
                        items.append(.at(Int(t.scalars[0])))
                    } else if t.dtype == .bool {
                        try Interpreter.checkMask(t.shape, at: items, in: shape)
                        items += Interpreter.maskItems(t)
                    } else if t.dtype == .int64 || t.count == 0 {
                        let indices = t.scalars.map { Int($0) }
                        items.append(t.rank == 1 ? .list(indices) : .array(shape: t.shape, indices: indices))
                    } else {
                        throw Failure("IndexError: arrays used as indices must be of integer (or boolean) type")
                    }
                default:
                    throw Failure(
                        "IndexError: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices"
                    )
                }
            }
        }
        return items
    }

    /// A k-dimensional mask must match the k axes it indexes (numpy's IndexError otherwise).
    static func checkMask(_ mask: [Int], at before: [IndexItem], in shape: [Int]) throws(Failure) {
        guard mask.count > 1, !before.contains(.ellipsis) else { return }
        let first = before.filter { $0 != .newAxis }.count
        for (k, m) in mask.enumerated() {
            let axis = first + k
            let n = axis < shape.count ? shape[axis] : 0
            guard m == n else {
                throw Failure(
                    "IndexError: boolean index did not match indexed array along axis \(axis); size of axis is \(n) but size of corresponding boolean axis is \(m)"
                )
            }
        }
    }

    /// A boolean mask as index items: along one axis for 1-D, else its `nonzero()` arrays.
    static func maskItems(_ m: Tensor) -> [IndexItem] {
        if m.rank == 1 { return [.mask(m.scalars.map { $0 != 0 })] }
        let strides = m.strides
        var columns = [[Int]](repeating: [], count: m.rank)
        for (p, x) in m.scalars.enumerated() where x != 0 {
            for axis in 0..<m.rank { columns[axis].append((p / strides[axis]) % m.shape[axis]) }
        }
        return columns.map { .list($0) }
    }

    /// Assigns into a list, dict or array, in place (returns nil; a non-nil result would be a
    /// new value for the caller to store where the original came from).
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
        case .object(let o):
            guard let setter = try o.attribute("__setitem__", self) else {
                throw Failure("TypeError: '\(o.typeName)' object does not support item assignment")
            }
            _ = try callValue(setter, [try singleKey(keys), value])
            return nil
        case .tensor(let t):
            // Arrays are reference objects: the write goes into their memory.
            try checkWritable(t)
            if keys.count == 1, case .value(.tensor(let m)) = keys[0], m.value.dtype == .bool, m.value.shape == t.shape {
                let v = try tensor(value).value
                try engine { () throws(EngineError) in try t.storage.assign(mask: m.value, v) }
                return nil
            }
            let items = try indexItems(keys, shape: t.shape)
            let v = try tensor(value).value
            try engine { () throws(EngineError) in try t.storage.assign(items, v) }
            return nil
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
        throw Failure("AttributeError: '\(obj.typeName)' object has no attribute '\(name)'")
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
        case .list(let l) where l.kind.view != nil: found = nil
        case .list(let l): found = l.kind.isDeque ? try Library.dequeMethod(l, name, self) : Library.listMethod(l, name, self)
        case .dict(let d): found = Library.collectionDictMethod(d, name, self) ?? Library.dictMethod(d, name, self)
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
