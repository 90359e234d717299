import Engine
import Foundation

// MARK: - Operators with Python and numpy semantics

extension Interpreter {
    func unary(_ op: String, _ v: Value) throws(Failure) -> Value {
        switch (op, v) {
        case ("-", .int(let i)): return i == .min ? .float(-Double(i)) : .int(-i)
        case ("-", .bool(let b)): return .int(b ? -1 : 0)
        case ("-", .float(let d)): return .float(-d)
        case ("-", .tensor(let t)), ("~", .tensor(let t)): return try arrayUnary(op, t)
        case ("+", .int), ("+", .float), ("+", .tensor): return v
        case ("~", .int(let i)): return .int(~i)
        case ("~", .bool(let b)): return .bool(!b)
        default: throw Failure("TypeError: bad operand type for unary \(op): '\(v.typeName)'")
        }
    }

    func binary(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value {
        switch (a, b) {
        case (.tensor, _), (_, .tensor): return try arrayBinary(op, a, b)
        case (.int(let x), .int(let y)): return try intOp(op, x, y)
        case (.bool(let x), _): return try binary(op, .int(x ? 1 : 0), b)
        case (_, .bool(let y)): return try binary(op, a, .int(y ? 1 : 0))
        case (.int(let x), .float(let y)): return try floatOp(op, Double(x), y)
        case (.float(let x), .int(let y)): return try floatOp(op, x, Double(y))
        case (.float(let x), .float(let y)): return try floatOp(op, x, y)
        case (.str(let x), .str(let y)) where op == "+": return .str(x + y)
        case (.str(let x), .int(let n)) where op == "*":
            guard x.count * max(0, n) <= Interpreter.maxElements else { throw Failure("MemoryError: the string would be too long") }
            return .str(String(repeating: x, count: max(0, n)))
        case (.str(let x), _) where op == "%": return .str(try percentFormat(x, b))
        case (.list(let x), .list(let y)) where op == "+": return .list(ListBox(x.items + y.items))
        case (.list(let x), .int(let n)) where op == "*":
            guard x.items.count * max(0, n) <= 10_000_000 else { throw Failure("MemoryError: the list would have over 10,000,000 items") }
            return .list(ListBox(Array(repeating: x.items, count: max(0, n)).flatMap { $0 }))
        case (.tuple(let x), .tuple(let y)) where op == "+": return .tuple(x + y)
        case (.list, .int), (.list, .float), (.int, .list), (.float, .list),
            (.list, .list) where op == "@":
            return .tensor(try tensorOp(op, try tensor(a), try tensor(b)))
        default:
            throw Failure(
                "TypeError: unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'",
                hint: a.typeName == "list" || b.typeName == "list"
                    ? "convert lists to arrays with np.array(...) for elementwise arithmetic" : nil)
        }
    }

    private func intOp(_ op: String, _ x: Int, _ y: Int) throws(Failure) -> Value {
        switch op {
        case "+":
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .float(Double(x) + Double(y)) : .int(r)
        case "-":
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .float(Double(x) - Double(y)) : .int(r)
        case "*":
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .float(Double(x) * Double(y)) : .int(r)
        case "/":
            guard y != 0 else { throw Failure("ZeroDivisionError: division by zero") }
            return .float(Double(x) / Double(y))
        case "//", "%":
            guard y != 0 else { throw Failure("ZeroDivisionError: integer division or modulo by zero") }
            // Floor division and a remainder with the divisor's sign, in integers (exact).
            let (q, overflow) = x.dividedReportingOverflow(by: y)
            if overflow { return op == "//" ? .float(-Double(x)) : .int(0) }
            let r = x - q * y
            let adjust = r != 0 && (r < 0) != (y < 0)
            return op == "//" ? .int(adjust ? q - 1 : q) : .int(adjust ? r + y : r)
        case "**":
            if y < 0 { return .float(Foundation.pow(Double(x), Double(y))) }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return .float(Foundation.pow(Double(x), Double(y))) }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base)
                    if o { return .float(Foundation.pow(Double(x), Double(y))) }
                    base = b2
                }
            }
            return .int(result)
        case "&": return .int(x & y)
        case "|": return .int(x | y)
        case "^": return .int(x ^ y)
        case "@": throw Failure("TypeError: unsupported operand type(s) for @: 'int' and 'int'")
        default: throw Failure("TypeError: unsupported operator \(op)")
        }
    }

    private func floatOp(_ op: String, _ x: Double, _ y: Double) throws(Failure) -> Value {
        switch op {
        case "+": return .float(x + y)
        case "-": return .float(x - y)
        case "*": return .float(x * y)
        case "/":
            guard y != 0 else { throw Failure("ZeroDivisionError: float division by zero") }
            return .float(x / y)
        case "//":
            guard y != 0 else { throw Failure("ZeroDivisionError: float floor division by zero") }
            return .float((x / y).rounded(.down))
        case "%":
            guard y != 0 else { throw Failure("ZeroDivisionError: float modulo") }
            let r = fmod(x, y)
            return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case "**":
            if x < 0 && y != y.rounded() { throw Failure("ValueError: a negative number to a fractional power is complex") }
            return .float(Foundation.pow(x, y))
        default: throw Failure("TypeError: unsupported operand type(s) for \(op): 'float' and 'float'")
        }
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
            case .dict(let d): found = d.get(a) != nil
            default: found = try iterate(b).contains { (try? equal($0, a)) ?? false }
            }
            return .bool(op == "in" ? found : !found)
        case "is": return .bool(identical(a, b))
        case "is not": return .bool(!identical(a, b))
        default: break
        }
        if case .tensor = a { return try tensorCompare(op, a, b) }
        if case .tensor = b { return try tensorCompare(op, a, b) }
        switch op {
        case "==": return .bool(try equal(a, b))
        case "!=": return .bool(!(try equal(a, b)))
        default:
            let c = try order(a, b)
            switch op {
            case "<": return .bool(c < 0)
            case ">": return .bool(c > 0)
            case "<=": return .bool(c <= 0)
            default: return .bool(c >= 0)
            }
        }
    }

    private func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.tensor(let x), .tensor(let y)): return x.storage === y.storage
        default: return false
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

    func equal(_ a: Value, _ b: Value) throws(Failure) -> Bool {
        if let same = dtypeEqual(a, b) { return same }
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.list(let x), .list(let y)): return try sequenceEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEqual(x, y)
        case (.dict(let x), .dict(let y)):
            guard x.keys.count == y.keys.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let w = y.get(k), try equal(v, w) else { return false }
            }
            return true
        case (.tensor, _), (_, .tensor):
            let r = try compare("==", a, b)
            return try truthy(r)
        default:
            if let x = try? a.asDouble(), let y = try? b.asDouble(), a.isNumber, b.isNumber { return x == y }
            return false
        }
    }

    private func sequenceEqual(_ x: [Value], _ y: [Value]) throws(Failure) -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !(try equal(p, q)) { return false }
        return true
    }

    func order(_ a: Value, _ b: Value) throws(Failure) -> Int {
        if a.isNumber && b.isNumber {
            let x = try a.asDouble()
            let y = try b.asDouble()
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        switch (a, b) {
        case (.str(let x), .str(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.list(let x), .list(let y)): return try order(.tuple(x.items), .tuple(y.items))
        case (.tuple(let x), .tuple(let y)):
            for (p, q) in zip(x, y) {
                let c = try order(p, q)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        default:
            throw Failure("TypeError: '<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    // MARK: Conversions

    /// Any numeric value, nested list or tensor as a tensor.
    public func tensor(_ v: Value) throws(Failure) -> Variable {
        switch v {
        case .tensor(let t): return t
        case .int, .bool: return Variable(Tensor(try v.asDouble()).withDType(Interpreter.operandType(v, Variable(Tensor(0))).0))
        case .float: return Variable(Tensor(try v.asDouble()))
        case .list, .tuple:
            let items = try iterate(v)
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
            let n = s > 0 ? max(0, (b - a + s - 1) / s) : max(0, (a - b - s - 1) / -s)
            guard n <= 10_000_000 else { throw Failure("MemoryError: a range of \(n) items is too long to list") }
            return (0..<n).map { .int(a + $0 * s) }
        case .tensor(let t):
            guard t.value.rank > 0 else { throw Failure("TypeError: iteration over a 0-d array") }
            let n = t.shape[0]
            return try (0..<n).map { i throws(Failure) in try getItem(v, [.value(.int(i))]) }
        case .object(let o):
            if let items = try o.attribute("__iter__", self), case .list(let l) = items { return l.items }
            throw Failure("TypeError: '\(o.typeName)' object is not iterable")
        default: throw Failure("TypeError: '\(v.typeName)' object is not iterable")
        }
    }
}

extension Value {
    var isNumber: Bool {
        switch self {
        case .int, .float, .bool: return true
        case .tensor(let t): return t.value.isScalar
        default: return false
        }
    }
}
