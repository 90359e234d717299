import Engine

/// numpy's types as classes: `np.ndarray` and the scalar types (`np.float64`, `np.int64`, …),
/// so that `type(a)`, `isinstance(x, np.ndarray)` and `type(a).__name__` answer as numpy does.
///
/// A 0-d array is Lectern's numpy scalar: `type(np.float64(1.0))` is `np.float64`, and
/// `np.float64` derives from Python's `float` as in numpy (single inheritance: numpy's abstract
/// `np.floating`/`np.integer` are not offered, so no `isinstance` answers them wrongly).
extension Library {
    /// numpy's names for its scalar types and the class each one is (`np.double is np.float64`).
    /// `int32` and `uint8` construct int64 values, as their arrays do (see `dtypeNames`).
    static let scalarTypeClasses: [(alias: String, className: String)] = [
        ("float64", "float64"), ("float_", "float64"), ("double", "float64"), ("float32", "float32"), ("single", "float32"),
        ("int64", "int64"), ("int_", "int64"), ("intp", "int64"), ("int32", "int32"), ("uint8", "uint8"), ("bool_", "bool"),
        ("bool", "bool"),
    ]

    /// The type objects `np` holds: the scalar types under all their names, and `ndarray`.
    static func numpyTypes(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = ["ndarray": .type(interp.numpyType("ndarray"))]
        for (alias, className) in scalarTypeClasses { m[alias] = .type(interp.numpyType(className)) }
        return m
    }

    /// What calling the type does: `np.float64(0.5)` is a numpy scalar of that dtype;
    /// `np.ndarray(shape)` (uninitialised memory) is refused.
    fileprivate static func numpyConstructor(_ className: String, _ interp: Interpreter) -> Value {
        guard let type = dtypeNames[className] else {
            return fn(className) { _ throws(Failure) in
                throw Failure(
                    "NotImplementedError: Lectern does not support calling np.ndarray directly",
                    hint: "make arrays with np.array, np.zeros, np.empty or np.full")
            }
        }
        return fn(def: "\(className)(value=\(type == .bool ? "False" : "0"), /)") { args throws(Failure) in
            let x = try interp.tensor(args.optional(0, "value") ?? .int(0))
            return .tensor(Variable(try engine { () throws(EngineError) in try x.value.cast(to: type) }))
        }
    }
}

extension Interpreter {
    /// `type(a)` of an array: `np.ndarray`, or the scalar type of its dtype for a 0-d array.
    func numpyClass(of t: Tensor) -> PyClass {
        guard t.isScalar else { return numpyType("ndarray") }
        switch t.dtype {
        case .bool: return numpyType("bool")
        case .int64: return numpyType("int64")
        case .float32: return numpyType("float32")
        case .float64: return numpyType("float64")
        }
    }

    /// The numpy class of this name, made once per document so that `type(a) is np.ndarray`.
    func numpyType(_ name: String) -> PyClass {
        if let c = builtinTypes["numpy." + name] { return c }
        let base = name == "float64" ? builtinType("float") : builtinType("object")
        let c = PyClass(name: name, base: base, constructor: Library.numpyConstructor(name, self), module: "numpy")
        builtinTypes["numpy." + name] = c
        return c
    }
}
