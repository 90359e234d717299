import Engine

// MARK: - list and tuple methods, and sorting as CPython sorts

extension Library {
    static func listMethod(_ l: ListBox, _ name: String, _ interp: Interpreter) -> Value? {
        switch name {
        case "append":
            return typeMethod("list", name) { args throws(Failure) in
                try args.accept(["object"])
                l.items.append(try args.required(0, "object"))
                return .none
            }
        case "extend":
            return typeMethod("list", name) { args throws(Failure) in
                l.items += try interp.iterate(try args.required(0, "iterable"))
                return .none
            }
        case "insert":
            return typeMethod("list", name) { args throws(Failure) in
                let i = try args.required(0, "index").asInt("index")
                let at = i < 0 ? Swift.max(0, i + l.items.count) : Swift.min(i, l.items.count)
                l.items.insert(try args.required(1, "object"), at: at)
                return .none
            }
        case "pop":
            return typeMethod("list", name) { args throws(Failure) in
                guard !l.items.isEmpty else { throw Failure("IndexError: pop from empty list") }
                let i = try args.int(0, "index", -1)
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0, j < l.items.count else { throw Failure("IndexError: pop index out of range") }
                return l.items.remove(at: j)
            }
        case "remove":
            return typeMethod("list", name) { args throws(Failure) in
                let x = try args.required(0, "value")
                guard let i = try firstIndex(l.items, x, interp) else { throw Failure("ValueError: list.remove(x): x not in list") }
                l.items.remove(at: i)
                return .none
            }
        case "index":
            return typeMethod("list", name) { args throws(Failure) in
                let x = try args.required(0, "value")
                let (lo, hi) = try bounds(args, l.items.count)
                guard lo < hi, let i = try firstIndex(Array(l.items[lo..<hi]), x, interp) else {
                    throw Failure("ValueError: \(interp.pythonRepr(x)) is not in list")
                }
                return .int(lo + i)
            }
        case "count":
            return typeMethod("list", name) { args throws(Failure) in .int(try count(l.items, try args.required(0, "value"), interp)) }
        case "reverse":
            return typeMethod("list", name) { _ throws(Failure) in
                l.items.reverse()
                return .none
            }
        case "copy": return typeMethod("list", name) { _ throws(Failure) in .list(ListBox(l.items)) }
        case "clear":
            return typeMethod("list", name) { _ throws(Failure) in
                l.items.removeAll()
                return .none
            }
        case "sort":
            return typeMethod("list", name) { args throws(Failure) in
                try args.accept(["key", "reverse"])
                guard args.positional.isEmpty else { throw Failure("TypeError: sort() takes no positional arguments") }
                l.items = try sortValues(l.items, key: args.optional(-1, "key"), reverse: try args.bool(-1, "reverse", false), interp)
                return .none
            }
        default: return nil
        }
    }

    static func tupleMethod(_ t: [Value], _ name: String, _ interp: Interpreter) -> Value? {
        switch name {
        case "count": return typeMethod("tuple", name) { args throws(Failure) in .int(try count(t, try args.required(0, "value"), interp)) }
        case "index":
            return typeMethod("tuple", name) { args throws(Failure) in
                let x = try args.required(0, "value")
                let (lo, hi) = try bounds(args, t.count)
                guard lo < hi, let i = try firstIndex(Array(t[lo..<hi]), x, interp) else {
                    throw Failure("ValueError: tuple.index(x): x not in tuple")
                }
                return .int(lo + i)
            }
        default: return nil
        }
    }

    /// `float.is_integer()`: finite and without a fraction (inf and NaN are not integers).
    static func isWhole(_ x: Double) -> Bool { x.isFinite && x == x.rounded() }

    static func numberAttribute(_ v: Value, _ name: String) -> Value? {
        switch name {
        case "real", "numerator": return v.isBoolValue ? .int(v.exactInteger == 1 ? 1 : 0) : v
        case "imag": return v.exactInteger != nil ? .int(0) : .float(0)
        case "item": return fn("item") { _ throws(Failure) in v }
        case "conjugate": return fn("conjugate") { _ throws(Failure) in v }
        case "is_integer": return fn("is_integer") { _ throws(Failure) in .bool((try? v.asDouble()).map(isWhole) ?? false) }
        case "bit_length": return v.exactInteger.map { x in fn("bit_length") { _ throws(Failure) in .int(x.magnitude.bitWidth) } }
        default: return nil
        }
    }

    static func firstIndex(_ items: [Value], _ x: Value, _ interp: Interpreter) throws(Failure) -> Int? {
        for (i, v) in items.enumerated() where try interp.equal(v, x) { return i }
        return nil
    }

    private static func count(_ items: [Value], _ x: Value, _ interp: Interpreter) throws(Failure) -> Int {
        var n = 0
        for v in items where try interp.equal(v, x) { n += 1 }
        return n
    }

    /// CPython's sort: stable, by `key(item)` when given, and `reverse` keeps equal items in
    /// their original order (it is not a sort followed by a reversal).
    static func sortValues(_ items: [Value], key: Value?, reverse: Bool, _ interp: Interpreter) throws(Failure) -> [Value] {
        let keyFunction = key.flatMap { $0.isNone ? nil : $0 }
        let keys = try items.map { v throws(Failure) in try keyFunction.map { f throws(Failure) in try interp.callValue(f, [v]) } ?? v }
        var failure: Failure?
        // The merge sort that stops at the block's deadline (a comparison error only makes the
        // rest of the comparisons trivial, so the sort still needs its own way out).
        let order = try engine { () throws(EngineError) in
            try StableSort.sorted(Array(items.indices)) { i, j in
                guard failure == nil else { return false }
                do throws(Failure) {
                    let c = reverse ? try interp.order(keys[j], keys[i]) : try interp.order(keys[i], keys[j])
                    return c != 0 ? c < 0 : i < j
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let failure { throw failure }
        return order.map { items[$0] }
    }
}
