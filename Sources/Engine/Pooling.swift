extension Variable {
    /// Max pooling over windows of images (n, h, w, c), per channel.
    ///
    /// Padding never wins (TensorFlow pads with −∞). The gradient goes to the first maximum of
    /// each window in row-major order, as TensorFlow's and JAX's max-pool gradients do.
    public static func maxPool(_ x: Variable, _ g: WindowGeometry) throws(EngineError) -> Variable {
        try pool("max_pool", x, g) { values, winners in
            var best = -Double.infinity
            var at = -1
            for (k, v) in values.enumerated() where v > best || at < 0 {
                best = v
                at = k
            }
            winners.append(at)
            return best
        }
    }

    /// Average pooling; with `same` padding a window averages only the pixels it covers
    /// (TensorFlow's rule), so border outputs are not pulled towards zero.
    public static func averagePool(_ x: Variable, _ g: WindowGeometry) throws(EngineError) -> Variable {
        try pool("average_pool", x, g) { values, _ in values.reduce(0, +) / Double(values.count) }
    }

    /// Runs `reduce` on each window's values per channel; the backward pass sends the gradient
    /// to the recorded winner (max) or spreads it evenly over the window (average).
    private static func pool(
        _ op: String, _ x: Variable, _ g: WindowGeometry, _ reduce: ([Double], inout [Int]) -> Double
    ) throws(EngineError) -> Variable {
        guard x.shape.count == 4, x.shape[1] == g.input.h, x.shape[2] == g.input.w else {
            throw .shape("\(op): expected images of shape (n, \(g.input.h), \(g.input.w), c), got \(formatShape(x.shape))")
        }
        let (n, h, w, c) = (x.shape[0], g.input.h, g.input.w, x.shape[3])
        let (oh, ow) = g.output
        let outShape = [n, oh, ow, c]
        let src = x.value.scalars
        // Each output cell's window, as pixel offsets (y·w + x) in one image, then for every
        // output value the flat input indices of its window, stored back to back.
        var cells: [[Int]] = Array(repeating: [], count: oh * ow)
        g.forEachTap { i, j, _, _, y, xx in cells[i * ow + j].append(y * w + xx) }
        var starts: [Int] = [0]
        var indices: [Int] = []
        indices.reserveCapacity(n * c * cells.reduce(0) { $0 + $1.count })
        for b in 0..<n {
            for cell in cells {
                for ch in 0..<c {
                    for pixel in cell { indices.append((b * h * w + pixel) * c + ch) }
                    starts.append(indices.count)
                }
            }
        }
        var winners: [Int] = []
        var values: [Double] = []
        let out = (0..<(starts.count - 1)).map { k in
            values.removeAll(keepingCapacity: true)
            for i in starts[k]..<starts[k + 1] { values.append(src[indices[i]]) }
            return reduce(values, &winners)
        }
        let isMax = !winners.isEmpty
        let inputShape = x.shape
        return record(op, Tensor(shape: outShape, scalars: out), [x]) { grad in
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            for k in 0..<(starts.count - 1) {
                if isMax {
                    dx[indices[starts[k] + winners[k]]] += grad.scalars[k]
                } else {
                    let share = grad.scalars[k] / Double(starts[k + 1] - starts[k])
                    for i in starts[k]..<starts[k + 1] { dx[indices[i]] += share }
                }
            }
            return [Tensor(shape: inputShape, scalars: dx)]
        }
    }
}
