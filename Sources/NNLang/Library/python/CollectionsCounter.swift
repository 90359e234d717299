// MARK: - collections.Counter: counting, most_common and multiset arithmetic, as CPython 3.11

extension Library {
    /// `Counter(x)`, `c.update(x)` (sign 1) and `c.subtract(x)` (sign -1): a mapping adds or
    /// subtracts its counts, any other iterable counts its items; keywords are a mapping.
    static func counterUpdate(_ d: DictBox, _ args: Arguments, sign: Int, _ interp: Interpreter) throws(Failure) {
        func add(_ key: Value, _ count: Value) throws(Failure) {
            try d.set(key, try interp.binary(sign > 0 ? "+" : "-", d.get(key) ?? .int(0), count))
        }
        if let source = args.positional.first, !source.isNone {
            if case .dict(let other) = source {
                // An empty Counter takes a mapping's values as they are, as CPython does.
                if sign > 0 && d.keys.isEmpty {
                    for (k, v) in other.pairs { try d.set(k, v) }
                } else {
                    for (k, v) in other.pairs { try add(k, v) }
                }
            } else {
                for item in try interp.iterate(source) { try add(item, .int(1)) }
            }
        }
        for (k, v) in args.keywords { try add(.str(k), v) }
    }

    /// The pairs by count, largest first; equal counts keep their insertion order.
    static func mostCommon(_ d: DictBox, _ interp: Interpreter) throws(Failure) -> [(Value, Value)] {
        var sorted = Array(d.pairs.enumerated())
        var failure: Failure?
        sorted.sort { a, b in
            if failure != nil { return false }
            do throws(Failure) {
                let o = try interp.order(a.element.1, b.element.1)
                return o != 0 ? o > 0 : a.offset < b.offset
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return sorted.map(\.element)
    }

    static func counterMethod(_ d: DictBox, _ name: String, _ interp: Interpreter) -> Value? {
        switch name {
        case "most_common":
            return fn(name) { args throws(Failure) in
                try args.accept(["n"])
                var pairs = try mostCommon(d, interp)
                if let n = args.optional(0, "n"), !n.isNone { pairs = Array(pairs.prefix(Swift.max(0, try n.asInt("n")))) }
                return .list(ListBox(pairs.map { .tuple([$0, $1]) }))
            }
        case "elements":
            return fn(name) { _ throws(Failure) in
                var out: [Value] = []
                for (k, v) in d.pairs {
                    let n = try v.asInt("count")
                    guard out.count + Swift.max(0, n) <= 10_000_000 else {
                        throw Failure("MemoryError: the elements would be over 10,000,000 items")
                    }
                    if n > 0 { out += Array(repeating: k, count: n) }
                }
                return .list(ListBox(out))
            }
        case "update", "subtract":
            return fn(name) { args throws(Failure) in
                guard args.positional.count <= 1 else {
                    throw Failure("TypeError: expected at most 1 argument, got \(args.positional.count)")
                }
                try counterUpdate(d, args, sign: name == "update" ? 1 : -1, interp)
                return .none
            }
        case "total":
            return fn(name) { _ throws(Failure) in
                var sum = Value.int(0)
                for v in d.values { sum = try interp.binary("+", sum, v) }
                return sum
            }
        case "fromkeys":
            return fn(name) { _ throws(Failure) in
                throw Failure("NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
            }
        default: return nil
        }
    }
}

extension Interpreter {
    /// `a op b` where a Counter is involved: `+ - | &` of two Counters keep the positive
    /// counts of the sum, difference, maximum and minimum; nil for the plain dict rules.
    func counterBinary(_ op: String, _ x: DictBox, _ y: DictBox) throws(Failure) -> Value? {
        guard x.kind.isCounter || y.kind.isCounter, ["+", "-", "|", "&"].contains(op) else { return nil }
        guard x.kind.isCounter && y.kind.isCounter else {
            if op == "|" { return nil }
            throw Failure("TypeError: unsupported operand type(s) for \(op): '\(x.kind.typeName)' and '\(y.kind.typeName)'")
        }
        func positive(_ v: Value) throws(Failure) -> Bool { try order(v, .int(0)) > 0 }
        let result = try DictBox.make(.counter, [])
        for (k, a) in x.pairs {
            let b = y.get(k) ?? .int(0)
            let v: Value
            switch op {
            case "+": v = try binary("+", a, b)
            case "-": v = try binary("-", a, b)
            case "|": v = try order(a, b) >= 0 ? a : b
            default: v = try order(a, b) < 0 ? a : b
            }
            if try positive(v) { try result.set(k, v) }
        }
        guard op != "&" else { return .dict(result) }
        for (k, b) in y.pairs where x.get(k) == nil {
            if op == "-" {
                if try order(b, .int(0)) < 0 { try result.set(k, try binary("-", .int(0), b)) }
            } else if try positive(b) {
                try result.set(k, b)
            }
        }
        return .dict(result)
    }
}
