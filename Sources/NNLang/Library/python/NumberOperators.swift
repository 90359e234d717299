import BigInt
import Display
import Foundation

// MARK: - int and float operators with CPython's results and errors

extension Interpreter {
    /// Machine-word ints; an overflow redoes the operation with big ints.
    func intOp(_ op: String, _ x: Int, _ y: Int) throws(Failure) -> Value {
        switch op {
        case "+":
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .integer(BigInt(x) + BigInt(y)) : .int(r)
        case "-":
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .integer(BigInt(x) - BigInt(y)) : .int(r)
        case "*":
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .integer(BigInt(x) * BigInt(y)) : .int(r)
        case "/":
            guard y != 0 else { throw Failure("ZeroDivisionError: division by zero") }
            // Below 2**53 both convert exactly, so one IEEE division rounds correctly.
            if x.magnitude <= 1 << 53 && y.magnitude <= 1 << 53 { return .float(Double(x) / Double(y)) }
            return .float(try PyInt.trueDivide(BigInt(x), BigInt(y)))
        case "//", "%":
            guard y != 0 else { return try PyInt.binary(op, BigInt(x), 0) }
            let (q, overflow) = x.dividedReportingOverflow(by: y)
            if overflow { return try PyInt.binary(op, BigInt(x), BigInt(y)) }
            let r = x - q * y
            let adjust = r != 0 && (r < 0) != (y < 0)
            return op == "//" ? .int(adjust ? q - 1 : q) : .int(adjust ? r + y : r)
        case "**":
            if y < 0 { return try PyInt.power(BigInt(x), BigInt(y)) }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return try PyInt.power(BigInt(x), BigInt(y)) }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base)
                    if o { return try PyInt.power(BigInt(x), BigInt(y)) }
                    base = b2
                }
            }
            return .int(result)
        case "<<":
            guard y >= 0 else { throw Failure("ValueError: negative shift count") }
            if y < 63 && x.magnitude < UInt(1) << (63 - y) { return .int(x << y) }
            return try PyInt.binary(op, BigInt(x), BigInt(y))
        case ">>":
            guard y >= 0 else { throw Failure("ValueError: negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case "&": return .int(x & y)
        case "|": return .int(x | y)
        case "^": return .int(x ^ y)
        default: throw Failure("TypeError: unsupported operand type(s) for \(op): 'int' and 'int'")
        }
    }

    /// `<< >> & | ^` with a float operand: CPython's TypeError, naming the operands' own types.
    static func refuseBitOperationOnFloat(_ op: String, _ a: Value, _ b: Value) throws(Failure) {
        guard a.exactInteger == nil || b.exactInteger == nil else { return }
        switch op {
        case "<<", ">>", "&", "|", "^":
            throw Failure("TypeError: unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'")
        default: return
        }
    }

    /// Floats (and ints mixed with floats), with CPython's floor division, modulo and errors.
    func floatOp(_ op: String, _ x: Double, _ y: Double) throws(Failure) -> Value {
        switch op {
        case "+": return .float(x + y)
        case "-": return .float(x - y)
        case "*": return .float(x * y)
        case "/":
            guard y != 0 else { throw Failure("ZeroDivisionError: float division by zero") }
            return .float(x / y)
        case "//":
            guard y != 0 else { throw Failure("ZeroDivisionError: float floor division by zero") }
            return .float(pythonFloatDivmod(x, y).quotient)
        case "%":
            guard y != 0 else { throw Failure("ZeroDivisionError: float modulo") }
            return .float(pythonFloatDivmod(x, y).remainder)
        case "**":
            if x == 0 && y < 0 { throw Failure("ZeroDivisionError: 0.0 cannot be raised to a negative power") }
            if x < 0 && y.isFinite && y != y.rounded() {
                throw Failure("NotImplementedError: Lectern does not support complex numbers (a negative number to a fractional power)")
            }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw Failure("OverflowError: (34, 'Numerical result out of range')") }
            return .float(r)
        default: throw Failure("TypeError: unsupported operand type(s) for \(op): 'float' and 'float'")
        }
    }

    /// The count for `seq * n`: negative is empty; too large is CPython's OverflowError or
    /// Lectern's memory limit.
    func repeatCount(_ length: Int, _ n: Value, limit: Int, what: String) throws(Failure) -> Int {
        guard case .int(let count) = n.isBoolValue ? .int(n.exactInteger == 1 ? 1 : 0) : n else {
            throw Failure("OverflowError: cannot fit 'int' into an index-sized integer")
        }
        guard count > 0, length > 0 else { return 0 }
        let (total, overflow) = length.multipliedReportingOverflow(by: count)
        // CPython: a string says OverflowError; a list or tuple that cannot be allocated, MemoryError.
        if overflow {
            throw Failure(what == "string" ? "OverflowError: repeated string is too long" : "MemoryError: repeated \(what) is too long")
        }
        guard total <= limit else { throw Failure("MemoryError: the \(what) would have \(total) items, over Lectern's limit of \(limit)") }
        return count
    }

    /// Python's exact ordering of two real numbers (int, big int, float, bool); nil when a NaN
    /// makes them unordered. An int is never rounded to a float to be compared.
    static func numericOrder(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.float(let x), .float(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.float(let x), _):
            guard let y = b.exactInteger else { return nil }
            return floatIntOrder(x, y)
        case (_, .float(let y)):
            guard let x = a.exactInteger else { return nil }
            return floatIntOrder(y, x).map { -$0 }
        default:
            guard let x = a.exactInteger, let y = b.exactInteger else { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    private static func floatIntOrder(_ x: Double, _ y: BigInt) -> Int? {
        if x.isNaN { return nil }
        if x.isInfinite { return x > 0 ? 1 : -1 }
        // Compare the integer with floor(x); a fractional part breaks a tie upwards.
        let f = x.rounded(.down)
        let fi = BigInt(exactly: f)!
        if fi != y { return fi < y ? -1 : 1 }
        return f == x ? 0 : 1
    }
}

extension Interpreter {
    /// The length of `range(a, b, s)`, computed without overflow for any machine-word bounds.
    static func rangeCount(_ a: Int, _ b: Int, _ s: Int) -> Int {
        let (span, overflow) = s > 0 ? b.subtractingReportingOverflow(a) : a.subtractingReportingOverflow(b)
        if !overflow && s != .min { return span <= 0 ? 0 : Int((UInt(span) - 1) / s.magnitude + 1) }
        let (bigSpan, step) = s > 0 ? (BigInt(b) - BigInt(a), BigInt(s)) : (BigInt(a) - BigInt(b), -BigInt(s))
        guard bigSpan > 0 else { return 0 }
        return Int(clamping: (bigSpan + step - 1) / step)
    }

    /// `len(range(a, b, s))`: past sys.maxsize (where `rangeCount` clamps) CPython's OverflowError.
    static func rangeLength(_ a: Int, _ b: Int, _ s: Int) throws(Failure) -> Int {
        let n = rangeCount(a, b, s)
        guard n == .max else { return n }
        let (span, step) = s > 0 ? (BigInt(b) - BigInt(a), BigInt(s)) : (BigInt(a) - BigInt(b), -BigInt(s))
        guard (span + step - 1) / step <= BigInt(Int.max) else {
            throw Failure("OverflowError: Python int too large to convert to C ssize_t")
        }
        return n
    }
}

extension Value {
    var isBoolValue: Bool { if case .bool = self { true } else { false } }
}
