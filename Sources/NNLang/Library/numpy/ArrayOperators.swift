import Display
import Engine
import Foundation

// MARK: - Array arithmetic with numpy's dtypes

extension Interpreter {
    /// The dtype an operand contributes, and whether it is "weak" (a Python scalar, NEP 50).
    static func operandType(_ v: Value, _ t: Variable) -> (DType, weak: Bool) {
        switch v {
        case .bool: return (.bool, true)
        case .int: return (.int64, true)
        case .float: return (.float64, true)
        case .list, .tuple, .range: return (t.value.dtype, false)
        default: return (t.value.dtype, false)
        }
    }

    /// numpy 2's promotion (NEP 50): a Python scalar only raises the kind (bool < int < float),
    /// never the precision of an array's dtype.
    static func resultType(_ a: (DType, weak: Bool), _ b: (DType, weak: Bool)) -> DType {
        func rank(_ d: DType) -> Int { d == .bool ? 0 : (d == .int64 ? 1 : 2) }
        switch (a.weak, b.weak) {
        case (false, true): return rank(b.0) <= rank(a.0) ? a.0 : b.0
        case (true, false): return rank(a.0) <= rank(b.0) ? b.0 : a.0
        default: return DType.promote(a.0, b.0)
        }
    }

    /// `a op b` where either side is an array.
    func arrayBinary(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value {
        let x = try tensor(a)
        let y = try tensor(b)
        let type = Interpreter.resultType(Interpreter.operandType(a, x), Interpreter.operandType(b, y))
        let r: Variable
        let logical = type == .bool && ["+", "*", "-", "@"].contains(op)
        switch op {
        case _ where logical:
            guard op != "-" else {
                throw Failure(
                    "TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."
                )
            }
            let f: (Double, Double) -> Double = op == "+" ? { $0 != 0 || $1 != 0 ? 1 : 0 } : { $0 != 0 && $1 != 0 ? 1 : 0 }
            if op == "@" {
                r = try engine { () throws(EngineError) in Variable(try Tensor.matmul(x.value, y.value).map { $0 != 0 ? 1 : 0 }) }
            } else {
                r = Variable(try engine { () throws(EngineError) in try Tensor.zip(x.value, y.value, op, f) })
            }
        case "+", "-", "*", "@", "**":
            if op == "**" && type == .int64 && y.value.scalars.contains(where: { $0 < 0 }) {
                throw Failure("ValueError: Integers to negative integer powers are not allowed.")
            }
            r = try tensorOp(op, x, y)
        case "/":
            let t: DType = type == .float32 ? .float32 : .float64
            return .tensor(try tag(try tensorOp(op, x, y), t))
        case "//", "%":
            let v = try engine { () throws(EngineError) in
                try Tensor.zip(x.value, y.value, op) { p, q in
                    type == .float64 || type == .float32
                        ? Interpreter.floatDivMod(p, q, remainder: op == "%") : Interpreter.intDivMod(p, q, remainder: op == "%")
                }
            }
            r = Variable.nondifferentiable(op, v, [x, y])
        case "&", "|", "^":
            guard !type.isFloat else {
                let name = ["&": "bitwise_and", "|": "bitwise_or", "^": "bitwise_xor"][op]!
                throw Failure(
                    "TypeError: ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
                )
            }
            let v = try engine { () throws(EngineError) in
                try Tensor.zip(x.value, y.value, op) { p, q in
                    let (i, j) = (Int(p), Int(q))
                    return Double(op == "&" ? i & j : (op == "|" ? i | j : i ^ j))
                }
            }
            r = Variable.nondifferentiable(op, v, [x, y])
        default:
            throw Failure("TypeError: unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'")
        }
        return .tensor(try tag(r, type))
    }

    /// The result with its dtype tag, its history kept.
    func tag(_ r: Variable, _ dtype: DType) throws(Failure) -> Variable {
        if dtype == .float64 && r.value.dtype == .float64 { return r }
        return Variable(try engine { () throws(EngineError) in try r.value.tagged(dtype) }, node: r.node)
    }

    /// Python's and numpy's float `divmod`: the quotient floored, the remainder with the divisor's sign.
    static func floatDivMod(_ a: Double, _ b: Double, remainder: Bool) -> Double {
        guard b != 0 else { return remainder ? .nan : a / b }
        let (quotient, mod) = pythonFloatDivmod(a, b)
        return remainder ? mod : quotient
    }

    /// Integer floor division and modulo; numpy gives 0 for a zero divisor.
    static func intDivMod(_ a: Double, _ b: Double, remainder: Bool) -> Double {
        let (x, y) = (Int(a), Int(b))
        guard y != 0 else { return 0 }
        let q = x / y
        let r = x - q * y
        let adjust = r != 0 && (r < 0) != (y < 0)
        return Double(remainder ? (adjust ? r + y : r) : (adjust ? q - 1 : q))
    }

    /// `-a` and `~a` on arrays, keeping the dtype.
    func arrayUnary(_ op: String, _ t: Variable) throws(Failure) -> Value {
        let dtype = t.value.dtype
        switch op {
        case "-":
            guard dtype != .bool else {
                throw Failure(
                    "TypeError: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."
                )
            }
            return .tensor(try tag(Variable.neg(t), dtype))
        case "~":
            switch dtype {
            case .bool: return .tensor(Variable(t.value.map { $0 == 0 ? 1 : 0 }.withDType(.bool)))
            case .int64: return .tensor(Variable(t.value.map { -$0 - 1 }.withDType(.int64)))
            default:
                throw Failure(
                    "TypeError: ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
                )
            }
        default: return .tensor(t)
        }
    }

    /// `a op= b` on an array: the result is written into `a`'s memory, so every name bound to
    /// `a` (and the array a view looks into) sees it.
    func inPlace(_ op: String, _ target: Variable, _ rhs: Value) throws(Failure) {
        try checkWritable(target)
        let result = try arrayBinary(op, .tensor(target), rhs)
        guard case .tensor(let r) = result else { return }
        let (from, to) = (r.value.dtype, target.value.dtype)
        let order: [DType: Int] = [.bool: 0, .int64: 1, .float32: 2, .float64: 2]
        if order[from]! > order[to]! {
            let name =
                ["+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "floor_divide", "%": "remainder", "**": "power"][op]
                ?? op
            throw Failure(
                "UFuncTypeError: Cannot cast ufunc '\(name)' output from dtype('\(from.rawValue)') to dtype('\(to.rawValue)') with casting rule 'same_kind'"
            )
        }
        guard r.shape == target.shape || Tensor.broadcastShape(r.shape, target.shape) == target.shape else {
            throw Failure(
                "ValueError: non-broadcastable output operand with shape \(formatShape(target.shape)) doesn't match the broadcast shape \(formatShape(r.shape))"
            )
        }
        try engine { () throws(EngineError) in try target.storage.replaceAll(r.value) }
    }

    /// In-place changes are refused on arrays computed inside a recorded gradient graph: the
    /// graph would no longer describe the values, and `grad` would be silently wrong.
    func checkWritable(_ t: Variable) throws(Failure) {
        if let node = t.node, node.op != "leaf" {
            throw Failure(
                "ValueError: Lectern does not support changing in place an array that grad is differentiating through",
                hint: "build a new array instead, e.g. y = y + 1 rather than y += 1")
        }
    }
}
