import Engine

/// An object that computes like an array: the interpreter's operators, `float()` and the
/// library's array arguments see its `variable`, and an operator's result is handed back to
/// the object to wrap (so `tf_tensor + 1` is a TensorFlow tensor again).
protocol TensorBacked: EngineObject {
    var variable: Variable { get }
    func operatorResult(_ op: String, _ operands: [Value], _ result: Variable) throws(Failure) -> Value
}

/// TensorFlow's dtypes. Values are held as Double whatever the dtype: float32 tensors hold
/// float32-rounded values (each result is rounded once, so +, −, ×, ÷ and √ give TensorFlow's
/// float32 bits; exp, log and tanh may differ in the last float32 place); integer dtypes hold
/// integers.
final class TFDType: EngineObject, @unchecked Sendable {
    let name: String
    private init(_ name: String) { self.name = name }

    static let float64 = TFDType("float64")
    static let float32 = TFDType("float32")
    static let int32 = TFDType("int32")
    static let int64 = TFDType("int64")
    static let bool = TFDType("bool")
    static let all = [float64, float32, int32, int64, bool]

    var typeName: String { "DType" }
    var displayText: String { "<dtype: '\(name)'>" }
    var isFloating: Bool { self === TFDType.float64 || self === TFDType.float32 }

    /// The numpy dtype `.numpy()` gives: Lectern's integer arrays are int64 (an int32
    /// tensor's values print and compute the same), float32 stays float32.
    var numpyDType: DType {
        switch name {
        case "float32": .float32
        case "int32", "int64": .int64
        case "bool": .bool
        default: .float64
        }
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "name": return .str(self.name)
        case "is_floating": return .bool(isFloating)
        case "is_integer": return .bool(self === TFDType.int32 || self === TFDType.int64)
        default: return nil
        }
    }

    /// Rounds values to what this dtype can hold.
    func coerce(_ t: Tensor) -> Tensor {
        switch name {
        case "float32": return t.map { Double(Float($0)) }
        case "int32", "int64": return t.map { $0.isFinite ? $0.rounded(.towardZero) : 0 }
        case "bool": return t.map { $0 != 0 ? 1 : 0 }
        default: return t
        }
    }

    /// A dtype argument: a dtype object, or its name as a string ('float64').
    static func from(_ v: Value?) throws(Failure) -> TFDType? {
        switch v {
        case nil, .none?: return nil
        case .object(let d as TFDType)?: return d
        case .str(let s)?:
            guard let d = all.first(where: { $0.name == s }) ?? (s == "float" ? float32 : (s == "double" ? float64 : nil)) else {
                throw Failure(
                    "TypeError: Cannot convert '\(s)' to a TensorFlow DType",
                    hint: "Lectern's TensorFlow has float64, float32, int32, int64, bool")
            }
            return d
        case .builtin(let b)?:
            // numpy's scalar types: np.float64, np.float32, np.int32, …
            guard let d = all.first(where: { $0.name == b.name }) else {
                throw Failure("TypeError: Cannot convert \(b.name) to a TensorFlow DType")
            }
            return d
        case let other?: throw Failure("TypeError: Cannot convert \(other.typeName) to a TensorFlow DType")
        }
    }
}

/// `tf.Tensor` (immutable) and `tf.Variable` (assignable, watched by tapes when trainable).
final class TFTensorObject: TensorBacked {
    private var stored: Variable
    /// What `assign*` returns: TensorFlow's `UnreadVariable`, the same variable under another
    /// name (reads and writes go to it).
    let unreadOf: TFTensorObject?

    var variable: Variable {
        get { unreadOf?.variable ?? stored }
        set {
            if let base = unreadOf {
                base.variable = newValue
                return
            }
            stored = newValue
            // A Keras layer's weight (`model.trainable_variables`) is the layer's: every new
            // value, from `assign` or `apply_gradients`, is the layer's new weight.
            if let (layer, index) = weightOf { layer.params[index] = newValue.value }
        }
    }
    /// The layer and weight index this variable stands for, if it is a Keras weight.
    var weightOf: (layer: Layer, index: Int)?
    let dtype: TFDType
    let isVariable: Bool
    let trainable: Bool
    let name: String
    weak var interpreter: Interpreter?

    init(
        _ value: Variable, dtype: TFDType, isVariable: Bool = false, trainable: Bool = true, name: String = "Variable",
        interpreter: Interpreter?
    ) {
        self.dtype = dtype
        self.isVariable = isVariable
        self.trainable = trainable
        self.name = name
        self.interpreter = interpreter
        self.unreadOf = nil
        let coerced = Variable(dtype.coerce(value.value), node: value.node)
        // A variable is a fresh leaf: every op on it is recorded, which is how a tape watches it.
        self.stored = isVariable && trainable ? Variable.leaf(coerced.value) : coerced
    }

    /// The `UnreadVariable` standing for `base`.
    init(unreadOf base: TFTensorObject) {
        let root = base.unreadOf ?? base
        self.dtype = root.dtype
        self.isVariable = true
        self.trainable = root.trainable
        self.name = root.name
        self.interpreter = root.interpreter
        self.unreadOf = root
        self.stored = root.variable
    }

    var typeName: String { isVariable ? "ResourceVariable" : "EagerTensor" }

    private var shapeText: String { formatShape(variable.shape) }

    private var numpyText: String {
        interpreter?.str(.tensor(numpyValue)) ?? variable.value.scalars.map { String($0) }.joined(separator: " ")
    }

    /// The values as the numpy array `.numpy()` returns.
    var numpyValue: Variable { Variable(variable.value.withDType(dtype.numpyDType)) }

    /// TensorFlow's `numpy_text`: numpy's repr (a scalar as its value) in a repr, numpy's str in
    /// a tensor's str; a value of several lines starts on a line of its own.
    private func numpyText(repr: Bool) -> String {
        let value = Value.tensor(numpyValue)
        var text =
            repr && !variable.value.isScalar
            ? interpreter?.pythonRepr(value) ?? numpyText : interpreter?.str(value) ?? numpyText
        if repr, !variable.value.isScalar, dtype === TFDType.int32, text.hasSuffix(")") { text = Self.withInt32(text) }
        return text.contains("\n") ? "\n" + text : text
    }

    /// numpy's repr of an int64 array as TensorFlow's int32 one prints: `dtype=int32` after the
    /// values, on a line of its own where it would pass numpy's 75 columns.
    private static func withInt32(_ repr: String) -> String {
        let body = repr.dropLast() + ","
        let lastLine = body.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let spacer = lastLine.count + "dtype=int32".count + 1 > 75 ? "\n" + String(repeating: " ", count: "array(".count) : " "
        return body + spacer + "dtype=int32)"
    }

    var displayText: String {
        if isVariable { return reprText }
        return "tf.Tensor(\(numpyText(repr: false)), shape=\(shapeText), dtype=\(dtype.name))"
    }

    var reprText: String {
        if isVariable {
            let shown = unreadOf == nil ? name + ":0" : "UnreadVariable"
            return "<tf.Variable '\(shown)' shape=\(shapeText) dtype=\(dtype.name), numpy=\(numpyText(repr: true))>"
        }
        return "<tf.Tensor: shape=\(shapeText), dtype=\(dtype.name), numpy=\(numpyText(repr: true))>"
    }

    /// A result tensor of this dtype (from ops on this object).
    func make(_ v: Variable) -> Value {
        .object(TFTensorObject(v, dtype: dtype, interpreter: interpreter))
    }

    func operatorResult(_ op: String, _ operands: [Value], _ result: Variable) throws(Failure) -> Value {
        // TensorFlow does not convert between dtypes: float32 + float64 is an error.
        for case .object(let other as TFTensorObject) in operands where other.dtype !== dtype {
            throw Failure(
                "InvalidArgumentError: cannot compute \(op) as input #1(zero-based) was expected to be a \(dtype.name) tensor but is a \(other.dtype.name) tensor",
                hint: "convert one side with tf.cast(x, tf.\(dtype.name))")
        }
        if op == "/", !dtype.isFloating { return .object(TFTensorObject(result, dtype: .float64, interpreter: interpreter)) }
        return make(result)
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "shape": return .tuple(variable.shape.map { .int($0) })
        case "dtype": return .object(dtype)
        case "ndim": return .int(variable.value.rank)
        case "name" where isVariable: return .str(self.name + ":0")
        case "trainable" where isVariable: return .bool(trainable)
        case "T": return make(try engine { () throws(EngineError) in try Variable.transpose(variable) })
        case "numpy": return Library.fn(def: "numpy()") { _ throws(Failure) in .tensor(self.numpyValue) }
        case "value" where isVariable, "read_value" where isVariable:
            return Library.fn(def: name + "()") { _ throws(Failure) in
                .object(TFTensorObject(self.variable, dtype: self.dtype, interpreter: interp))
            }
        case "__getitem__":
            return Library.fn(def: "__getitem__(slice_spec, var=None)", unsupported: ["var"]) { args throws(Failure) in
                let key = try args.required(0, "slice_spec")
                let keys: [Interpreter.Key] = if case .tuple(let parts) = key { parts.map { .value($0) } } else { [.value(key)] }
                switch try interp.getItem(.tensor(self.variable), keys) {
                case .tensor(let picked): return self.make(picked)
                case let scalar: return self.make(try interp.tensor(scalar))
                }
            }
        case "assign" where isVariable, "assign_add" where isVariable, "assign_sub" where isVariable:
            // use_locking only orders concurrent updates; read_value=False returns None, as TensorFlow's.
            let operandName = name == "assign" ? "value" : "delta"
            return Library.fn(def: "\(name)(\(operandName), use_locking=None, name=None, read_value=True)") { args throws(Failure) in
                let operand = try interp.tensor(try args.required(0, operandName)).value
                var updated = operand
                if name != "assign" {
                    updated = try engine { () throws(EngineError) in
                        try Tensor.zip(self.variable.value, operand, name) { name == "assign_add" ? $0 + $1 : $0 - $1 }
                    }
                }
                guard updated.shape == self.variable.shape else {
                    throw Failure(
                        "ValueError: Cannot assign value to variable '\(self.name):0': Shape mismatch. The variable shape \(formatShape(self.variable.shape)), and the assigned value shape \(formatShape(operand.shape)) are incompatible."
                    )
                }
                let value = self.dtype.coerce(updated)
                self.variable = self.trainable ? Variable.leaf(value) : Variable(value)
                return try args.bool(3, "read_value", true) ? .object(TFTensorObject(unreadOf: self)) : .none
            }
        default: return nil
        }
    }
}

extension Value {
    /// A TensorFlow tensor or variable, or a list or tuple of them.
    var isTFTensor: Bool {
        switch self {
        case .object(let o): return o is TFTensorObject
        case .list(let l): return !l.items.isEmpty && l.items.allSatisfy(\.isTFTensor)
        case .tuple(let t): return !t.isEmpty && t.allSatisfy(\.isTFTensor)
        default: return false
        }
    }
}
