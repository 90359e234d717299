import Engine

/// `np.diff` and `np.pad`: differences along an axis, and a constant border.
extension Library {
    static func addNumpyShapeFunctions(_ m: inout [String: Value], _ interp: Interpreter) {
        m["diff"] = fn(def: "diff(a, n=1, axis=-1, prepend=<no value>, append=<no value>)") { args throws(Failure) in
            try RandomDraws.refuse(args, [(3, "prepend"), (4, "append")])
            let t = try args.tensor(0, "a")
            let n = try args.int(1, "n", 1)
            guard n >= 0 else { throw Failure("ValueError: order must be non-negative but got \(n)") }
            guard t.rank > 0 else { throw Failure("ValueError: diff requires input that is at least one dimensional") }
            let axis = try normalizedAxis(try args.int(2, "axis", -1), rank: t.rank)
            var shape = t.shape
            var values = t.scalars
            // Past the axis's length every further difference is empty.
            for _ in 0..<min(n, t.shape[axis]) {
                let (outer, length, inner) = split(shape, axis)
                var next: [Double] = []
                next.reserveCapacity(outer * (length - 1) * inner)
                for o in 0..<outer {
                    for i in 1..<length {
                        for k in 0..<inner {
                            let base = (o * length + i) * inner + k
                            let (a, b) = (values[base], values[base - inner])
                            // numpy differences booleans with `!=`.
                            next.append(t.dtype == .bool ? (a != b ? 1 : 0) : a - b)
                        }
                    }
                }
                shape[axis] -= 1
                values = next
            }
            return .tensor(Variable(Tensor(shape: shape, scalars: values).withDType(t.dtype)))
        }
        m["pad"] = fn(def: "pad(array, pad_width, mode='constant', **kwargs)") { args throws(Failure) in
            // numpy passes each mode's options through **kwargs: 'constant' takes constant_values.
            var fill = 0.0
            for (k, v) in args.extraKeywords {
                guard k == "constant_values" else {
                    throw Failure("NotImplementedError: Lectern does not support the '\(k)' argument of pad()")
                }
                fill = try v.asDouble(k)
            }
            let t = try args.tensor(0, "array")
            let mode = try args.string(2, "mode") ?? "constant"
            guard mode == "constant" else {
                throw Failure("NotImplementedError: Lectern does not support mode='\(mode)' in pad(); only 'constant'")
            }
            let widths = try padWidths(try args.required(1, "pad_width"), rank: t.rank, interp)
            let shape = zip(t.shape, widths).map { $0 + $1.0 + $1.1 }
            try interp.checkSize(shape)
            var values = [Double](repeating: fill, count: shape.reduce(1, *))
            let strides = shape.indices.map { shape[($0 + 1)...].reduce(1, *) }
            for (flat, x) in t.scalars.enumerated() {
                var rest = flat
                var target = 0
                for axis in (0..<t.rank).reversed() {
                    let i = rest % t.shape[axis]
                    rest /= t.shape[axis]
                    target += (i + widths[axis].0) * strides[axis]
                }
                values[target] = x
            }
            return .tensor(Variable(Tensor(shape: shape, scalars: values).withDType(t.dtype)))
        }
    }

    /// (elements before the axis, the axis's length, elements after it) of a row-major shape.
    private static func split(_ shape: [Int], _ axis: Int) -> (Int, Int, Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    private static func normalizedAxis(_ axis: Int, rank: Int) throws(Failure) -> Int {
        guard axis >= -rank && axis < rank else {
            throw Failure("AxisError: axis \(axis) is out of bounds for array of dimension \(rank)")
        }
        return axis < 0 ? axis + rank : axis
    }

    /// numpy's forms of `pad_width`: `p`, `(b, a)`, `((b, a),)` or one `(b, a)` per axis.
    private static func padWidths(_ v: Value, rank: Int, _ interp: Interpreter) throws(Failure) -> [(Int, Int)] {
        let w = try interp.tensor(v).value
        let ints = try w.scalars.map { x throws(Failure) -> Int in
            guard x == x.rounded(), x >= 0, x < 1e9 else { throw Failure("ValueError: index can't contain negative values") }
            return Int(x)
        }
        switch (w.shape.count, ints.count) {
        case (0, 1), (1, 1): return Array(repeating: (ints[0], ints[0]), count: rank)
        case (1, 2), (2, 2): return Array(repeating: (ints[0], ints[1]), count: rank)
        case (2, _) where w.shape == [rank, 2]: return (0..<rank).map { (ints[2 * $0], ints[2 * $0 + 1]) }
        default:
            throw Failure(
                "ValueError: operands could not be broadcast together with remapped shapes \(formatShape(w.shape)) and (\(rank), 2)")
        }
    }
}
