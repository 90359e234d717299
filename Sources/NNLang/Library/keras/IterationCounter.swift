import Engine

/// `optimizer.iterations`: Keras's step counter, an int64 variable that `apply_gradients`
/// returns. It reads the optimizer's count on every use, so a counter kept in a name sees
/// later steps, as Keras's variable does; it converts and computes as a TensorFlow int64
/// tensor (Keras's TensorFlow backend).
final class IterationCounter: TensorBacked {
    let optimizer: Optimizer
    weak var interpreter: Interpreter?

    init(_ optimizer: Optimizer, _ interpreter: Interpreter) {
        self.optimizer = optimizer
        self.interpreter = interpreter
    }

    var path: String { optimizer.kerasName + "/iteration" }

    /// Names a new optimizer as Keras does: its class in snake case (`SGD` → `sgd`, `RMSprop`
    /// → `rm_sprop`), numbered from the second of a prefix in the document (`sgd_1`).
    static func name(_ optimizer: Optimizer, _ interp: Interpreter) {
        optimizer.kerasName = interp.context.uniqueName(snakeCase(optimizer.name))
    }

    var variable: Variable { Variable(Tensor(Double(optimizer.iterations)).withDType(.int64)) }

    var typeName: String { "Variable" }
    var displayText: String { "<Variable path=\(path), shape=(), dtype=int64, value=\(optimizer.iterations)>" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "numpy": return Library.fn(def: "numpy()") { _ throws(Failure) in .tensor(self.variable) }
        case "value": return tensor
        case "dtype": return .str("int64")
        case "shape": return .tuple([])
        case "ndim": return .int(0)
        case "name": return .str("iteration")
        case "path": return .str(path)
        case "trainable": return .bool(false)
        default: return nil
        }
    }

    /// The count as a TensorFlow int64 tensor: what arithmetic on Keras's variable gives.
    private var tensor: Value { .object(TFTensorObject(variable, dtype: .int64, interpreter: interpreter)) }

    func operatorResult(_ op: String, _ operands: [Value], _ result: Variable) throws(Failure) -> Value {
        try TFTensorObject(variable, dtype: .int64, interpreter: interpreter).operatorResult(op, operands, result)
    }

    /// Keras's `snake_case`: a capitalised word after any character, then a lower-case letter
    /// before a capital, are split by `_`.
    static func snakeCase(_ name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            let startsWord = c.isUppercase && i > 0 && i + 1 < chars.count && chars[i + 1].isLowercase
            let afterLower = c.isUppercase && i > 0 && chars[i - 1].isLowercase
            if startsWord || afterLower { out.append("_") }
            out.append(c)
        }
        return out.lowercased()
    }
}
