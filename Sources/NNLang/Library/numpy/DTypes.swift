import Engine

/// A dtype as the language sees it: `a.dtype`, printed `int64`, equal to `np.int64`, `int`, "int64".
final class DTypeObject: EngineObject {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
    var typeName: String { "dtype" }
    var displayText: String { dtype.rawValue }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "name": return .str(dtype.rawValue)
        case "kind": return .str(["bool": "b", "int64": "i", "float32": "f", "float64": "f"][dtype.rawValue]!)
        case "itemsize": return .int(["bool": 1, "int64": 8, "float32": 4, "float64": 8][dtype.rawValue]!)
        default: return nil
        }
    }
}

extension Library {
    /// The numpy type names Lectern knows and the dtype each behaves as. `int32` and `uint8`
    /// are stored and computed as int64 and report int64: Lectern never shows a dtype whose
    /// overflow behaviour it does not have.
    static let dtypeNames: [String: DType] = [
        "bool": .bool, "bool_": .bool, "int": .int64, "int64": .int64, "int_": .int64, "intp": .int64, "int32": .int64,
        "uint8": .int64, "float": .float64, "float64": .float64, "float_": .float64, "double": .float64, "float32": .float32,
        "single": .float32,
    ]

    /// A `dtype=` argument (`int`, `np.float32`, `"int64"`, `a.dtype`); nil for None.
    static func dtype(_ v: Value?) throws(Failure) -> DType? {
        guard let v, !v.isNone else { return nil }
        switch v {
        case .builtin(let b): if let d = dtypeNames[b.name] { return d }
        case .type(let c): if let d = dtypeNames[c.name] { return d }
        case .str(let s): if let d = dtypeNames[s] { return d }
        case .object(let o): if let d = o as? DTypeObject { return d.dtype }
        default: break
        }
        throw Failure("TypeError: Lectern does not support the dtype \(v.typeName == "str" ? "'\(v)'" : v.typeName)")
    }

    /// Whether a value names a dtype, and which (for `a.dtype == np.int64`).
    static func dtypeIfAny(_ v: Value) -> DType? {
        switch v {
        case .builtin, .type, .str, .object: return (try? dtype(v)) ?? nil
        default: return nil
        }
    }

    /// A numpy scalar: a 0-d array of the dtype (`np.float64(0.5)`, `a.sum()`).
    static func numpyScalar(_ x: Double, _ dtype: DType) -> Value {
        .tensor(Variable(Tensor(dtype.cast(x)).withDType(dtype)))
    }

    /// The Python value of one element (`tolist`, `item`).
    static func pythonValue(_ x: Double, _ dtype: DType) -> Value {
        switch dtype {
        case .bool: return .bool(x != 0)
        case .int64: return .int(Int(x))
        default: return .float(x)
        }
    }
}

extension Interpreter {
    /// `a.dtype == np.int64` and friends: true when both name the same dtype.
    func dtypeEqual(_ a: Value, _ b: Value) -> Bool? {
        let isObject = { (v: Value) in if case .object(let o) = v { o is DTypeObject } else { false } }
        guard isObject(a) || isObject(b), let x = Library.dtypeIfAny(a), let y = Library.dtypeIfAny(b) else {
            return isObject(a) || isObject(b) ? false : nil
        }
        return x == y
    }
}
