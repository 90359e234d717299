import Engine

// MARK: - np.r_ and np.c_: concatenation written as a subscript

/// numpy's `r_` (pieces joined along the first axis) and `c_` (1-D pieces as columns, joined
/// along the last axis): each item of the subscript is an array, a number, or an integer slice
/// `start:stop:step` standing for `np.arange(start, stop, step)`.
final class AxisConcatenator: EngineObject {
    let columns: Bool

    init(columns: Bool) { self.columns = columns }

    var typeName: String { columns ? "CClass" : "RClass" }
    var displayText: String { "<numpy.lib._index_tricks_impl.\(typeName) object>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        guard name == "__getitem__" else { return nil }
        return Library.fn("__getitem__") { args throws(Failure) in
            let key = try args.required(0, "key")
            let items: [Value] = if case .tuple(let t) = key { t } else { [key] }
            let parts = try items.map { v throws(Failure) in try self.piece(v, interpreter) }
            return .tensor(try engine { () throws(EngineError) in try Variable.concatenate(parts, axis: self.columns ? -1 : 0) })
        }
    }

    private func piece(_ v: Value, _ interp: Interpreter) throws(Failure) -> Variable {
        let t: Variable
        switch v {
        case .object(let s as SliceObject):
            guard let stop = s.stop else {
                throw Failure("ValueError: Lectern's np.r_ and np.c_ need a slice with a stop (start:stop:step)")
            }
            let (start, step) = (s.start ?? 0, s.step ?? 1)
            guard step != 0 else { throw Failure("ZeroDivisionError: division by zero") }
            let n = Interpreter.rangeCount(start, stop, step)
            try Failure.memory(n, .elements, what: "the range")
            t = Variable(Tensor(shape: [n], scalars: (0..<n).map { Double(start &+ $0 &* step) }).withDType(.int64))
        case .str(let s):
            throw Failure("NotImplementedError: Lectern does not support the directive '\(s)' in np.r_/np.c_")
        default:
            t = try interp.tensor(v)
        }
        let rank = t.value.rank
        guard rank < 2 else { return t }
        return try engine { () throws(EngineError) in
            try Variable.reshape(t, self.columns ? (rank == 0 ? [1, 1] : [-1, 1]) : [-1])
        }
    }
}
