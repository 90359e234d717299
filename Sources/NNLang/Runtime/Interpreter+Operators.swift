import BigInt
import Display
import Engine
import Foundation

// MARK: - Operators with Python and numpy semantics

extension Interpreter {
    func unary(_ op: String, _ v: Value) throws(Failure) -> Value {
        switch (op, v) {
        case (_, .instance(let i)): return try instanceUnary(op, i)
        case ("-", .int(let i)): return i == .min ? .integer(-BigInt(i)) : .int(-i)
        case ("-", .bigint(let b)): return .integer(-b.value)
        case ("~", .bigint(let b)): return .integer(~b.value)
        case ("+", .bigint): return v
        case ("-", .bool(let b)): return .int(b ? -1 : 0)
        case ("-", .float(let d)): return .float(-d)
        case ("-", .tensor(let t)), ("~", .tensor(let t)): return try arrayUnary(op, t)
        case ("-", .object(let o as TensorBacked)): return try o.operatorResult("neg", [v], Variable.neg(o.variable))
        case ("+", .object(let o as TensorBacked)): return v
        case ("+", .int), ("+", .float), ("+", .tensor): return v
        case ("~", .int(let i)): return .int(~i)
        case ("~", .bool(let b)): return .int(b ? -2 : -1)
        // `+c` and `-c` of a Counter: its positive counts, or its negated negative ones.
        case ("+", .dict(let d)) where d.kind.isCounter, ("-", .dict(let d)) where d.kind.isCounter:
            return try counterBinary(op, try DictBox.make(.counter, []), d) ?? v
        default: throw Failure("TypeError: bad operand type for unary \(op): '\(v.typeName)'")
        }
    }

    func binary(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value {
        if a.isInstance || b.isInstance, let r = try instanceBinary(op, a, b) { return r }
        switch (a, b) {
        // str.__mod__ comes first, whatever the right operand: `'%.2f' % np.float64(0.5)`.
        case (.str(let x), _) where op == "%": return .str(try percentFormat(x, b))
        case (.tensor, _), (_, .tensor): return try arrayBinary(op, a, b)
        case (.int(let x), .int(let y)): return try intOp(op, x, y)
        case (.bool(let x), .bool(let y)) where op == "&" || op == "|" || op == "^":
            return .bool(op == "&" ? x && y : (op == "|" ? x || y : x != y))
        case (.bool(let x), _) where b.isPlainNumber:
            try Interpreter.refuseBitOperationOnFloat(op, a, b)
            return try binary(op, .int(x ? 1 : 0), b)
        case (_, .bool(let y)) where a.isPlainNumber:
            try Interpreter.refuseBitOperationOnFloat(op, a, b)
            return try binary(op, a, .int(y ? 1 : 0))
        case (.bigint, .int), (.int, .bigint), (.bigint, .bigint):
            return try PyInt.binary(op, a.exactInteger!, b.exactInteger!)
        case (.int, .float), (.bigint, .float), (.float, .int), (.float, .bigint), (.float, .float):
            guard op != "@" else { break }
            try Interpreter.refuseBitOperationOnFloat(op, a, b)
            return try floatOp(op, try a.asDouble(), try b.asDouble())
        case (.str(let x), .str(let y)) where op == "+":
            try Failure.memory(x.utf8.count + y.utf8.count, .characters, what: "the joined string")
            return .str(x + y)
        case (.str(let x), .int), (.str(let x), .bigint), (.str(let x), .bool):
            guard op == "*" else { break }
            return .str(
                String(repeating: x, count: try repeatCount(x.count, b, limit: RunLimits.current.limit(.characters), what: "string")))
        case (.int, .str(let x)), (.bigint, .str(let x)), (.bool, .str(let x)):
            guard op == "*" else { break }
            return .str(
                String(repeating: x, count: try repeatCount(x.count, a, limit: RunLimits.current.limit(.characters), what: "string")))
        case (.list(let x), _) where x.kind.view != nil, (_, .list(let x)) where x.kind.view != nil:
            // Keys and items views are sets to `|`, `&`, `-` and `^`; nothing else applies.
            guard x.kind.view != .values, ["|", "&", "-", "^"].contains(op) else { break }
            guard case .set(let l) = try viewAsSet(a), case .set(let r) = try viewAsSet(b) else { break }
            return try setOperation(op, l, r)
        case (.list(let x), _) where x.kind.isDeque: if let r = try dequeBinary(op, a, b) { return r }
        case (_, .list(let y)) where y.kind.isDeque: if let r = try dequeBinary(op, a, b) { return r }
        case (.list(let x), .list(let y)) where op == "+":
            try Failure.memory(x.items.count + y.items.count, .items, what: "the joined list")
            return .list(ListBox(x.items + y.items))
        case (.list(let x), .int), (.list(let x), .bigint), (.list(let x), .bool):
            guard op == "*" else { break }
            let n = try repeatCount(x.items.count, b, limit: RunLimits.current.limit(.items), what: "list")
            return .list(ListBox(Array(repeating: x.items, count: n).flatMap { $0 }))
        case (.int, .list), (.bigint, .list), (.bool, .list), (.int, .tuple), (.bigint, .tuple), (.bool, .tuple):
            guard op == "*" else { break }
            return try binary(op, b, a)
        case (.tuple(let x), .tuple(let y)) where op == "+":
            try Failure.memory(x.count + y.count, .items, what: "the joined tuple")
            return .tuple(x + y)
        case (.dict(let x), .dict(let y)) where !x.kind.isPlain || !y.kind.isPlain:
            if let r = try counterBinary(op, x, y) { return r }
            guard op == "|" else { break }
            let merged = try DictBox.make(x.kind, x.pairs)
            try Library.merge(merged, b, self)
            return .dict(merged)
        case (.dict(let x), .dict) where op == "|":
            let merged = try Library.copyDict(x)
            try Library.merge(merged, b, self)
            return .dict(merged)
        case (.tuple(let x), .int), (.tuple(let x), .bigint), (.tuple(let x), .bool):
            guard op == "*" else { break }
            return .tuple(
                Array(repeating: x, count: try repeatCount(x.count, b, limit: RunLimits.current.limit(.items), what: "tuple")).flatMap {
                    $0
                })
        case (.set(let x), .set(let y)) where ["|", "&", "-", "^"].contains(op): return try setOperation(op, x, y)
        case (.object(let o as TensorBacked), _) where !b.isInstance, (_, .object(let o as TensorBacked)) where !a.isInstance:
            return try o.operatorResult(op, [a, b], try tensorOp(op, try tensor(a), try tensor(b)))
        case (.list, .list) where op == "@":
            return .tensor(try tensorOp(op, try tensor(a), try tensor(b)))
        default: break
        }
        try Interpreter.refuseSequenceOperation(op, a, b)
        throw Failure(
            "TypeError: unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'",
            hint: a.typeName == "list" || b.typeName == "list"
                ? "convert lists to arrays with np.array(...) for elementwise arithmetic" : nil)
    }

    /// CPython's own errors for `+` and `*` with a str, list or tuple that the operand
    /// cannot extend or repeat it.
    static func refuseSequenceOperation(_ op: String, _ a: Value, _ b: Value) throws(Failure) {
        func isSequence(_ v: Value) -> Bool {
            switch v {
            case .str, .list, .tuple: return true
            default: return false
            }
        }
        if op == "+", isSequence(a) {
            throw Failure("TypeError: can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        }
        if op == "*", isSequence(a) || isSequence(b) {
            throw Failure("TypeError: can't multiply sequence by non-int of type '\(isSequence(a) ? b.typeName : a.typeName)'")
        }
    }

    /// CPython's float `divmod` (`pythonFloatDivmod`): `1 // 0.1` is 9.0 as in Python.
    static func floatDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        pythonFloatDivmod(x, y)
    }

    func tensorOp(_ op: String, _ a: Variable, _ b: Variable) throws(Failure) -> Variable {
        try engine { () throws(EngineError) in
            switch op {
            case "+": return try Variable.add(a, b)
            case "-": return try Variable.sub(a, b)
            case "*": return try Variable.mul(a, b)
            case "/": return try Variable.div(a, b)
            case "**": return try Variable.pow(a, b)
            case "@":
                guard a.value.rank > 0, b.value.rank > 0 else {
                    throw EngineError.value("matmul: Input operand does not have enough dimensions")
                }
                return try Variable.matmul(a, b)
            default: throw EngineError.value("unsupported operator \(op) for arrays")
            }
        }
    }

    func compare(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value {
        switch op {
        case "in", "not in":
            let found: Bool
            switch b {
            case .str(let s):
                guard case .str(let sub) = a else {
                    throw Failure("TypeError: 'in <string>' requires string as left operand, not \(a.typeName)")
                }
                found = s.contains(sub)
            case .dict(let d), .set(let d):
                guard HashKey(a) != nil else { throw Failure("TypeError: unhashable type: '\(a.typeName)'") }
                found = d.get(a) != nil
            case .instance(let i):
                if let m = try instanceAttribute(i, "__contains__") {
                    found = try truthy(try callValue(m, [a]))
                } else {
                    found = try lazilyContains(b, a)
                }
            case .object(let o) where o is any LazyIterator: found = try lazilyContains(b, a)
            case .none, .bool, .int, .bigint, .float, .function, .builtin, .type, .method, .module:
                throw Failure("TypeError: argument of type '\(b.typeName)' is not iterable")
            default: found = try contains(try iterate(b), a)
            }
            return .bool(op == "in" ? found : !found)
        case "is": return .bool(identical(a, b))
        case "is not": return .bool(!identical(a, b))
        default: break
        }
        if a.isInstance || b.isInstance, let r = try instanceCompare(op, a, b) { return r }
        if case .tensor = a { return try tensorCompare(op, a, b) }
        if case .tensor = b { return try tensorCompare(op, a, b) }
        if case .object(_ as TensorBacked) = a { return try tensorCompare(op, a, b) }
        if case .object(_ as TensorBacked) = b { return try tensorCompare(op, a, b) }
        switch op {
        case "==": return .bool(try equal(a, b))
        case "!=": return .bool(!(try equal(a, b)))
        default:
            if a.isPlainNumber && b.isPlainNumber && Interpreter.numericOrder(a, b) == nil { return .bool(false) }
            let c = try order(a, b, op)
            switch op {
            case "<": return .bool(c < 0)
            case ">": return .bool(c > 0)
            case "<=": return .bool(c <= 0)
            default: return .bool(c >= 0)
            }
        }
    }

    /// Elementwise comparison; a one-element result is a plain bool, as numpy's scalar bool acts.
    private func tensorCompare(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value {
        let x = try tensor(a).value
        let y = try tensor(b).value
        let f: (Double, Double) -> Bool
        switch op {
        case "==": f = { $0 == $1 }
        case "!=": f = { $0 != $1 }
        case "<": f = { $0 < $1 }
        case ">": f = { $0 > $1 }
        case "<=": f = { $0 <= $1 }
        default: f = { $0 >= $1 }
        }
        var r = try engine { () throws(EngineError) in try Tensor.zip(x, y, op) { f($0, $1) ? 1 : 0 } }
        if r.isScalar { return .bool(r.scalars[0] != 0) }
        r.isBoolean = true
        return .tensor(Variable(r))
    }

    /// `a in items`: identity first, then `==`, as Python's containment test.
    private func contains(_ items: [Value], _ a: Value) throws(Failure) -> Bool {
        for item in items {
            if identical(item, a) { return true }
            if try equal(item, a) { return true }
        }
        return false
    }

    /// `a in iterator`: consumes items only up to the first match, as Python does.
    private func lazilyContains(_ iterable: Value, _ a: Value) throws(Failure) -> Bool {
        var it = try makeIterator(iterable)
        while let item = try next(&it) {
            if identical(item, a) { return true }
            if try equal(item, a) { return true }
        }
        return false
    }

    func equal(_ a: Value, _ b: Value) throws(Failure) -> Bool {
        if let same = dtypeEqual(a, b) { return same }
        if let same = try collectionsEqual(a, b) { return same }
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.list(let x), .list(let y)): return try sequenceEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEqual(x, y)
        case (.instance, _), (_, .instance): return try truthy(try compare("==", a, b))
        case (.type(let x), .type(let y)): return x === y
        case (.set(let x), .set(let y)):
            return x.count == y.count && x.keys.allSatisfy { y.get($0) != nil }
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            return try nestedComparison { () throws(Failure) in
                for (k, v) in zip(x.keys, x.values) {
                    guard let w = y.get(k), try equal(v, w) else { return false }
                }
                return true
            }
        case (.tensor, _), (_, .tensor), (.object(_ as TensorBacked), _), (_, .object(_ as TensorBacked)):
            let r = try compare("==", a, b)
            return try truthy(r)
        case (.object(let x), .object(let y)): return x === y
        default:
            if a.isPlainNumber && b.isPlainNumber { return Interpreter.numericOrder(a, b) == 0 }
            if let x = try? a.asDouble(), let y = try? b.asDouble(), a.isNumber, b.isNumber { return x == y }
            return false
        }
    }

    private func sequenceEqual(_ x: [Value], _ y: [Value]) throws(Failure) -> Bool {
        guard x.count == y.count else { return false }
        return try nestedComparison { () throws(Failure) in
            for (p, q) in zip(x, y) where !(try equal(p, q)) { return false }
            return true
        }
    }

    /// Comparing containers nested deeper than the recursion limit is a RecursionError (as
    /// in CPython), not a stack overflow.
    private func nestedComparison<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        comparisonDepth += 1
        defer { comparisonDepth -= 1 }
        guard comparisonDepth < Interpreter.maxDepth else {
            throw Failure("RecursionError: maximum recursion depth exceeded in comparison")
        }
        return try body()
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`; `op` is the comparison asked for,
    /// named in the error when the two cannot be ordered, as CPython names it.
    func order(_ a: Value, _ b: Value, _ op: String = "<") throws(Failure) -> Int {
        if a.isInstance || b.isInstance {
            // Only the operator asked for (`<` when sorting), as Python does.
            let greater = op == ">" || op == ">="
            if try truthy(try compare(greater ? ">" : "<", a, b)) { return greater ? 1 : -1 }
            return try truthy(try compare(greater ? ">" : "<", b, a)) ? (greater ? -1 : 1) : 0
        }
        if a.isPlainNumber && b.isPlainNumber { return Interpreter.numericOrder(a, b) ?? 0 }
        if a.isNumber && b.isNumber {
            let x = try a.asDouble()
            let y = try b.asDouble()
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        switch (a, b) {
        case (.str(let x), .str(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.list(let x), .list(let y)): return try order(.tuple(x.items), .tuple(y.items), op)
        case (.tuple(let x), .tuple(let y)):
            return try nestedComparison { () throws(Failure) in
                for (p, q) in zip(x, y) {
                    let c = try order(p, q, op)
                    if c != 0 { return c }
                }
                return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
            }
        default:
            throw Failure("TypeError: '\(op)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    // MARK: Conversions

    /// Any numeric value, nested list or tensor as a tensor.
    public func tensor(_ v: Value) throws(Failure) -> Variable {
        switch v {
        case .tensor(let t): return t
        case .object(let o as TensorBacked): return o.variable
        case .int, .bool: return Variable(Tensor(try v.asDouble()).withDType(Interpreter.operandType(v, Variable(Tensor(0))).0))
        case .float: return Variable(Tensor(try v.asDouble()))
        case .list, .tuple:
            // numpy's limit on dimensions; deeper nesting would only exhaust the stack.
            tensorNesting += 1
            defer { tensorNesting -= 1 }
            guard tensorNesting <= 32 else {
                throw Failure("ValueError: setting an array element with a sequence: the array would exceed the maximum of 32 dimensions")
            }
            // A namedtuple is the tuple of its items to numpy.
            let items = try iterate(v).map { (item: Value) -> Value in
                if case .instance(let i) = item, let t = i.tuple { return .tuple(t) }
                return item
            }
            // A list of tracked scalars keeps their history (`np.array([w1, w2])`).
            if items.isEmpty { return Variable(Tensor(shape: [0], scalars: [])) }
            let parts = try items.map { i throws(Failure) in try tensor(i) }
            let first = parts[0].shape
            guard parts.allSatisfy({ $0.shape == first }) else {
                throw Failure(
                    "ValueError: setting an array element with a sequence: the nested lists have different lengths",
                    hint: "every row of a matrix needs the same number of entries")
            }
            if parts.contains(where: \.isTracked) {
                return try engine { () throws(EngineError) in
                    try Variable.concatenate(parts.map { p throws(EngineError) in try Variable.reshape(p, [1] + first) }, axis: 0)
                }
            }
            var scalars: [Double] = []
            scalars.reserveCapacity(parts.count * parts[0].value.count)
            for p in parts { scalars += p.value.scalars }
            var t = Tensor(shape: [parts.count] + first, scalars: scalars)
            // numpy's dtype of a nested list: bool if all are bools, int64 if all are whole.
            t.dtype = parts.indices.map { i in Interpreter.operandType(items[i], parts[i]).0 }.reduce(.bool, DType.promote)
            return Variable(t)
        case .range:
            return try tensor(.list(ListBox(try iterate(v))))
        case .instance(let i) where i.tuple != nil:
            return try tensor(.tuple(i.tuple ?? []))
        default:
            throw Failure("TypeError: expected a number, a list or an array, got \(v.typeName)")
        }
    }

    /// A shape from an int or a sequence of ints, checked against the memory limit.
    public func shape(_ v: Value) throws(Failure) -> [Int] {
        let dims: [Int]
        switch v {
        case .int, .bool: dims = [try v.asInt("shape")]
        case .tuple, .list: dims = try iterate(v).map { d throws(Failure) in try d.asInt("shape") }
        default: throw Failure("TypeError: a shape must be an int or a tuple of ints, not \(v.typeName)")
        }
        try checkSize(dims)
        return dims
    }

    func checkSize(_ dims: [Int]) throws(Failure) {
        guard dims.allSatisfy({ $0 >= 0 }) else { throw Failure("ValueError: negative dimensions are not allowed") }
        var total = 1
        for d in dims {
            let (p, o) = total.multipliedReportingOverflow(by: d)
            guard !o, p <= Interpreter.maxElements else {
                throw Failure(
                    "MemoryError: an array of shape \(formatShape(dims)) is over the memory limit of \(Interpreter.maxElements) elements")
            }
            total = p
        }
    }

    /// The items of an iterable value.
    public func iterate(_ v: Value) throws(Failure) -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.map { .str(String($0)) }
        case .dict(let d): return d.keys
        case .range(let a, let b, let s):
            let n = Interpreter.rangeCount(a, b, s)
            guard n <= 10_000_000 else { throw Failure("MemoryError: a range of \(n) items is too long to list") }
            return (0..<n).map { .int(a &+ $0 &* s) }
        case .object(let o as TensorBacked):
            // A TensorFlow tensor iterates over its rows, each a tensor of the same dtype.
            return try iterate(.tensor(o.variable)).map { row throws(Failure) in try o.operatorResult("iter", [], try tensor(row)) }
        case .tensor(let t):
            guard t.value.rank > 0 else { throw Failure("TypeError: iteration over a 0-d array") }
            let n = t.shape[0]
            try engine { () throws(EngineError) in try RunLimits.check(n, .items, what: "the list of \(n) rows") }
            return try (0..<n).map { i throws(Failure) in
                if i & 1023 == 1023 { try engine { () throws(EngineError) in try RunLimits.checkTime() } }
                return try getItem(v, [.value(.int(i))])
            }
        case .set(let d): return d.keys
        case .object, .instance: return try drain(v)
        default: throw Failure("TypeError: '\(v.typeName)' object is not iterable")
        }
    }
}

extension Value {
    var isInstance: Bool { if case .instance = self { true } else { false } }

    var isNumber: Bool {
        switch self {
        case .int, .bigint, .float, .bool: return true
        case .tensor(let t): return t.value.isScalar
        default: return false
        }
    }
}

extension Interpreter {
    /// A keys or items view, or any other iterable, as the set a view operator combines.
    func viewAsSet(_ v: Value) throws(Failure) -> Value {
        if case .set = v { return v }
        return try makeSet(try iterate(v))
    }
}
