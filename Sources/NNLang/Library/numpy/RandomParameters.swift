import Engine

/// The parameters of numpy's continuous draws (`normal`'s loc and scale, `uniform`'s bounds,
/// `exponential`'s scale): numbers or arrays, broadcast to the output as numpy's `cont` does.
struct RandomParameters {
    /// Each parameter as given (a rank-0 tensor for a number).
    let values: [Tensor]
    /// The output shape, or nil for one plain float (no `size`, every parameter a number).
    let shape: [Int]?

    /// Reads the parameters declared as (position, keyword, default) and `size` at `sizeIndex`.
    init(_ args: Arguments, _ interp: Interpreter, _ params: [(Int, String, Double)], sizeIndex: Int) throws(Failure) {
        var values: [Tensor] = []
        for (index, name, fallback) in params {
            let v = args.optional(index, name)
            values.append(v.map(\.isNone) ?? true ? Tensor(fallback) : try interp.tensor(v!).value)
        }
        let size = try RandomDraws.size(args, sizeIndex, interp)
        var broadcast: [Int] = []
        for v in values {
            guard let s = Tensor.broadcastShape(broadcast, v.shape) else {
                throw Failure("ValueError: shape mismatch: objects cannot be broadcast to a single shape")
            }
            broadcast = s
        }
        if let size, Tensor.broadcastShape(broadcast, size) != size {
            throw Failure("ValueError: shape mismatch: objects cannot be broadcast to a single shape")
        }
        let out = size ?? broadcast
        self.shape = size == nil && values.allSatisfy(\.isScalar) ? nil : out
        self.values = try values.map { t throws(Failure) in try engine { () throws(EngineError) in try t.broadcast(to: out) } }
    }

    /// Checks every value of parameter `k` (numpy's constraints, e.g. `scale < 0`).
    func require(_ k: Int, _ message: String, _ ok: (Double) -> Bool) throws(Failure) {
        if values[k].scalars.contains(where: { !ok($0) }) { throw Failure("ValueError: " + message) }
    }

    /// One draw per output element, in row-major order, from that element's parameters.
    func draw(_ f: ([Double]) -> Double) -> Value {
        let count = values.first?.count ?? 1
        let drawn = (0..<count).map { i in f(values.map { $0.scalars[i] }) }
        guard let shape else { return .float(drawn[0]) }
        return .tensor(Variable(Tensor(shape: shape, scalars: drawn)))
    }
}
