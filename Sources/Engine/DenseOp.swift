/// A dense layer's x·W + b and its activation as one graph op, its backward beside its
/// forward: one node instead of three, and the same floating-point operations in the same
/// order as the separate matmul, add and activation ops (the same matmul kernel, the bias
/// added row by row, its gradient summed over ascending rows).
extension Variable {
    /// `x` may have any rank ≥ 1: its leading axes are flattened into rows, as Keras's Dense
    /// applies its kernel to the last axis.
    public static func dense(_ x: Variable, kernel w: Variable, bias b: Variable?, activation: Activation) throws(EngineError) -> Variable {
        let features = w.shape[0]
        guard x.shape.last == features else {
            throw .shape("Dense expects inputs with \(features) features, got shape \(formatShape(x.shape))")
        }
        let rows = x.value.rank == 2 ? x.value : try x.value.reshaped([-1, features])
        var z = try Tensor.matmul(rows, w.value)
        if let b { try z.addRowVector(b.value) }
        let y = try activation.forward(z)
        let outShape = Array(x.shape.dropLast()) + [w.shape[1]]
        let out = y.shape == outShape ? y : try y.reshaped(outShape)
        let (needX, needW) = (x.isTracked, w.isTracked)
        let needB = b?.isTracked ?? false
        return record("dense", out, [x, w] + (b.map { [$0] } ?? [])) { g throws(EngineError) in
            let gz = try activation.backward(g.shape == z.shape ? g : try g.reshaped(z.shape), input: z, output: y)
            var grads = [
                needX ? try Tensor.matmul2D(gz, w.value, .right).reshaped(x.shape) : Tensor.untracked,
                needW ? Tensor.matmul2D(rows, gz, .left) : Tensor.untracked,
            ]
            if let b { grads.append(needB ? gz.unbroadcast(to: b.shape) : Tensor.untracked) }
            return grads
        }
    }
}

extension Tensor {
    /// `self += bias` for a bias of one row (a dense layer's), in place: the same additions as
    /// the broadcasting `+`, without a copy or a closure per element.
    mutating func addRowVector(_ bias: Tensor) throws(EngineError) {
        guard rank == 2, bias.rank == 1, bias.count == shape[1], bias.count > 0 else {
            self = try Tensor.zip(self, bias, "+", +)
            return
        }
        scalars.withUnsafeMutableBufferPointer { o in
            bias.scalars.withUnsafeBufferPointer { bb in RowKernels.addRow(bb, to: o) }
        }
    }
}
