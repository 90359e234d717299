// MARK: - Compiled operators: the int/float fast path inline, the general path out of line

extension Interpreter {
    /// A binary operator chosen once: `+ - * /` on two ints or floats compute inline; every
    /// other operand (bigints, bools, arrays, instances with dunders) takes `binary`.
    func compileBinary(_ op: String, _ a: @escaping CompiledExpr, _ b: @escaping CompiledExpr, at position: Position) -> CompiledExpr {
        let general = { (x: Value, y: Value) throws(LangError) -> Value in
            try self.at(position) { () throws(Failure) in try self.binary(op, x, y) }
        }
        switch op {
        case "+": return arithmetic(Add.self, a, b, general)
        case "-": return arithmetic(Subtract.self, a, b, general)
        case "*": return arithmetic(Multiply.self, a, b, general)
        case "/":
            return { scope throws(LangError) in
                let x = try a(scope)
                let y = try b(scope)
                // int/int goes to `binary`, which rounds quotients of ints beyond 2**53 correctly.
                if let (u, v) = Interpreter.floats(x, y), v != 0 { return .float(u / v) }
                return try general(x, y)
            }
        case "%", "//":
            // Machine ints inline, floored as Python floors (`-7 % 3 == 2`, `-7 // 3 == -3`); a
            // zero or -1 divisor (ZeroDivisionError, and the one overflowing quotient) and
            // everything else go the general way.
            let modulo = op == "%"
            return { scope throws(LangError) in
                let x = try a(scope)
                let y = try b(scope)
                if case .int(let i) = x, case .int(let j) = y, j != 0, j != -1 {
                    let r = i % j
                    let floor = r != 0 && (r < 0) != (j < 0)
                    return .int(modulo ? (floor ? r + j : r) : (floor ? i / j - 1 : i / j))
                }
                return try general(x, y)
            }
        default:
            return { scope throws(LangError) in
                let x = try a(scope)
                return try general(x, try b(scope))
            }
        }
    }

    /// `+ - *` on machine ints (falling back on overflow) and on floats, inline; the operation
    /// is a type parameter, so each operator gets its own specialised closure.
    private func arithmetic<Op: Arithmetic>(
        _: Op.Type, _ a: @escaping CompiledExpr, _ b: @escaping CompiledExpr,
        _ general: @escaping (Value, Value) throws(LangError) -> Value
    ) -> CompiledExpr {
        { scope throws(LangError) in
            let x = try a(scope)
            let y = try b(scope)
            if case .int(let i) = x, case .int(let j) = y {
                let (r, overflow) = Op.int(i, j)
                if !overflow { return .int(r) }
            } else if let (u, v) = Interpreter.floats(x, y) {
                return .float(Op.float(u, v))
            }
            return try general(x, y)
        }
    }

    /// Two floats, or a float and a machine int (which Python converts to the nearest float).
    @inline(__always)
    static func floats(_ x: Value, _ y: Value) -> (Double, Double)? {
        switch (x, y) {
        case (.float(let u), .float(let v)): (u, v)
        case (.int(let i), .float(let v)): (Double(i), v)
        case (.float(let u), .int(let j)): (u, Double(j))
        default: nil
        }
    }

    /// The comparison function of a comparison operator on one number type.
    static func ordering<T: Comparable>(_ op: String) -> ((T, T) -> Bool)? {
        switch op {
        case "<": { $0 < $1 }
        case "<=": { $0 <= $1 }
        case ">": { $0 > $1 }
        case ">=": { $0 >= $1 }
        case "==": { $0 == $1 }
        case "!=": { $0 != $1 }
        default: nil
        }
    }

    /// A single comparison (`a < b`) chosen once; ints and floats compare inline (an int and a
    /// float only while the int converts exactly, as Python compares them exactly).
    func compileComparison(_ op: String, _ a: @escaping CompiledExpr, _ b: @escaping CompiledExpr, at position: Position)
        -> CompiledExpr
    {
        let test: ((Double, Double) -> Bool)? = Interpreter.ordering(op)
        let intTest: ((Int, Int) -> Bool)? = Interpreter.ordering(op)
        guard let test, let intTest else {
            return { scope throws(LangError) in
                let x = try a(scope)
                let y = try b(scope)
                return try self.at(position) { () throws(Failure) in try self.compare(op, x, y) }
            }
        }
        return { scope throws(LangError) in
            let x = try a(scope)
            let y = try b(scope)
            switch (x, y) {
            case (.int(let i), .int(let j)): return .bool(intTest(i, j))
            case (.float(let u), .float(let v)): return .bool(test(u, v))
            case (.int(let i), .float(let v)) where i.magnitude <= 1 << 53: return .bool(test(Double(i), v))
            case (.float(let u), .int(let j)) where j.magnitude <= 1 << 53: return .bool(test(u, Double(j)))
            default: return try self.at(position) { () throws(Failure) in try self.compare(op, x, y) }
            }
        }
    }

    /// A list or set comprehension: its clauses' iterables, targets and conditions compiled,
    /// run in its own scope as `eval` runs it.
    func compileComprehension(_ element: Expr, _ clauses: [ComprehensionClause], _ kind: ComprehensionKind, at position: Position)
        -> CompiledExpr
    {
        // The loop variables live in slots of the comprehension's own scope; every other name
        // is looked up outwards at run time, as before. The iterables stay unresolved: the
        // first is Python's enclosing-scope expression (`[x for x in x]`).
        let slots = Interpreter.targetNames(clauses.map(\.target))
        let iterables = clauses.map { compile($0.iterable) }
        let (item, compiled) = compileBody(slots: slots) {
            (
                compile(element),
                zip(clauses, iterables).map { c, iterable in
                    (iterable: iterable, target: compileTarget(c.target), conditions: c.conditions.map(compile), clause: c)
                }
            )
        }
        return { scope throws(LangError) in
            let inner = Scope(parent: scope.functionClosure, slots: slots, declaredLocals: nil)
            var results: [Value] = []
            func run(_ level: Int) throws(LangError) {
                guard level < compiled.count else { return results.append(try item(inner)) }
                let c = compiled[level]
                let iterablePosition = c.clause.iterable.position
                try self.forEach(try c.iterable(inner), at: iterablePosition) { value throws(LangError) in
                    try self.tick(iterablePosition)
                    try c.target(value, inner)
                    for (condition, expr) in zip(c.conditions, c.clause.conditions)
                    where !(try self.truthy(try condition(inner), expr.position)) {
                        return true
                    }
                    try run(level + 1)
                    return true
                }
            }
            try run(0)
            if kind == .set { return try self.at(position) { () throws(Failure) in try self.makeSet(results) } }
            return .list(ListBox(results))
        }
    }
}

extension Interpreter {
    /// The name ids a comprehension's targets bind, in order of first appearance.
    static func targetNames(_ targets: [Expr]) -> [Int] {
        var ids: [Int] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .name(let n): if !ids.contains(n.id) { ids.append(n.id) }
            case .tuple(let items), .list(let items): items.forEach(walk)
            case .starred(let inner): walk(inner)
            default: break
            }
        }
        targets.forEach(walk)
        return ids
    }
}

/// An arithmetic operator's machine-int (overflow reported) and float forms.
private protocol Arithmetic {
    static func int(_ x: Int, _ y: Int) -> (partialValue: Int, overflow: Bool)
    static func float(_ x: Double, _ y: Double) -> Double
}

private enum Add: Arithmetic {
    static func int(_ x: Int, _ y: Int) -> (partialValue: Int, overflow: Bool) { x.addingReportingOverflow(y) }
    static func float(_ x: Double, _ y: Double) -> Double { x + y }
}

private enum Subtract: Arithmetic {
    static func int(_ x: Int, _ y: Int) -> (partialValue: Int, overflow: Bool) { x.subtractingReportingOverflow(y) }
    static func float(_ x: Double, _ y: Double) -> Double { x - y }
}

private enum Multiply: Arithmetic {
    static func int(_ x: Int, _ y: Int) -> (partialValue: Int, overflow: Bool) { x.multipliedReportingOverflow(by: y) }
    static func float(_ x: Double, _ y: Double) -> Double { x * y }
}
