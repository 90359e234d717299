/// Keras's padding modes for convolutions and pooling.
public enum Padding: String, Sendable {
    case valid, same
}

/// Where a sliding window goes over a batch of images (n, h, w, c), channels last.
///
/// `same` pads as TensorFlow does: the output has ⌈n/s⌉ rows, and when the padding needed is
/// odd the extra row goes at the bottom (the extra column on the right).
public struct WindowGeometry: Sendable {
    public let window: (Int, Int)
    public let strides: (Int, Int)
    public let input: (h: Int, w: Int)
    public let output: (h: Int, w: Int)
    /// Zero rows above and zero columns to the left.
    public let padTop: Int
    public let padLeft: Int

    public init(input: (Int, Int), window: (Int, Int), strides: (Int, Int), padding: Padding) throws(EngineError) {
        guard window.0 >= 1, window.1 >= 1, strides.0 >= 1, strides.1 >= 1 else {
            throw .value("window sizes and strides must be positive, got \(window) and \(strides)")
        }
        func axis(_ n: Int, _ k: Int, _ s: Int) -> (out: Int, before: Int) {
            switch padding {
            case .valid: return (n >= k ? (n - k) / s + 1 : 0, 0)
            case .same:
                let out = (n + s - 1) / s
                let total = Swift.max((out - 1) * s + k - n, 0)
                return (out, total / 2)
            }
        }
        let rows = axis(input.0, window.0, strides.0)
        let cols = axis(input.1, window.1, strides.1)
        guard rows.out >= 1, cols.out >= 1 else {
            throw .shape(
                "the \(window.0)×\(window.1) window does not fit in a \(input.0)×\(input.1) input with padding='valid' (the output would be empty)"
            )
        }
        self.window = window
        self.strides = strides
        self.input = (input.0, input.1)
        self.output = (rows.out, cols.out)
        self.padTop = rows.before
        self.padLeft = cols.before
    }

    /// Calls `body(i, j, u, v, y, x)` for every output position (i, j), window offset (u, v)
    /// and the input pixel (y, x) under it, skipping offsets that fall in the padding.
    @inline(__always)
    func forEachTap(_ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        for i in 0..<output.h {
            for j in 0..<output.w {
                for u in 0..<window.0 {
                    let y = i * strides.0 + u - padTop
                    guard y >= 0, y < input.h else { continue }
                    for v in 0..<window.1 {
                        let x = j * strides.1 + v - padLeft
                        guard x >= 0, x < input.w else { continue }
                        body(i, j, u, v, y, x)
                    }
                }
            }
        }
    }
}

extension Variable {
    /// The image patches under every window position: (n, h, w, c) → (n, oh, ow, kh·kw·c),
    /// each patch in the (kh, kw, c) order of a Keras kernel, zeros where it covers padding.
    ///
    /// A convolution is then one matmul with the kernel reshaped to (kh·kw·c, filters);
    /// the backward pass adds each patch gradient back onto the pixels it was read from.
    public static func patches(_ x: Variable, _ g: WindowGeometry) throws(EngineError) -> Variable {
        guard x.shape.count == 4, x.shape[1] == g.input.h, x.shape[2] == g.input.w else {
            throw .shape("patches: expected images of shape (n, \(g.input.h), \(g.input.w), c), got \(formatShape(x.shape))")
        }
        let (n, c) = (x.shape[0], x.shape[3])
        let (kh, kw) = g.window
        let width = kh * kw * c
        let outShape = [n, g.output.h, g.output.w, width]
        try Tensor.checkSize(outShape.reduce(1, *), outShape)
        let (h, w, oh, ow) = (g.input.h, g.input.w, g.output.h, g.output.w)
        var out = [Double](repeating: 0, count: outShape.reduce(1, *))
        x.value.scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for b in 0..<n {
                    g.forEachTap { i, j, u, v, y, xx in
                        let from = ((b * h + y) * w + xx) * c
                        let to = ((b * oh + i) * ow + j) * width + (u * kw + v) * c
                        for ch in 0..<c { dst[to + ch] = src[from + ch] }
                    }
                }
            }
        }
        let inputShape = x.shape
        return record("patches", Tensor(shape: outShape, scalars: out), [x]) { grad in
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            grad.scalars.withUnsafeBufferPointer { gs in
                dx.withUnsafeMutableBufferPointer { d in
                    for b in 0..<n {
                        g.forEachTap { i, j, u, v, y, xx in
                            let to = ((b * h + y) * w + xx) * c
                            let from = ((b * oh + i) * ow + j) * width + (u * kw + v) * c
                            for ch in 0..<c { d[to + ch] += gs[from + ch] }
                        }
                    }
                }
            }
            return [Tensor(shape: inputShape, scalars: dx)]
        }
    }

    /// A 2-D convolution (strictly a cross-correlation, as in Keras) of images (n, h, w, c)
    /// with a kernel (kh, kw, c, filters): the patches times the flattened kernel.
    public static func conv2D(_ x: Variable, _ kernel: Variable, strides: (Int, Int), padding: Padding) throws(EngineError)
        -> Variable
    {
        guard x.shape.count == 4, kernel.shape.count == 4, kernel.shape[2] == x.shape[3] else {
            throw .shape(
                "conv2D: images (n, h, w, c) and a kernel (kh, kw, c, filters) with the same c, got \(formatShape(x.shape)) and \(formatShape(kernel.shape))"
            )
        }
        let g = try WindowGeometry(
            input: (x.shape[1], x.shape[2]), window: (kernel.shape[0], kernel.shape[1]), strides: strides, padding: padding)
        let p = try patches(x, g)
        let filters = kernel.shape[3]
        let rows = try reshape(p, [-1, p.shape[3]])
        let product = try matmul(rows, try reshape(kernel, [-1, filters]))
        return try reshape(product, [x.shape[0], g.output.h, g.output.w, filters])
    }
}
