// MARK: - Products and running sums along an axis, with their gradients

extension Variable {
    /// The geometry of one axis: `outer` blocks of `n` runs of stride `inner`.
    private static func runs(_ shape: [Int], _ axis: Int) -> (outer: Int, n: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// Calls `body` with the flat offsets of each run along `axis`.
    private static func forEachRun(_ shape: [Int], _ axis: Int, _ body: ([Int]) -> Void) {
        let (outer, n, inner) = runs(shape, axis)
        for o in 0..<outer {
            for i in 0..<inner { body((0..<n).map { (o * n + $0) * inner + i }) }
        }
    }

    /// numpy's `prod` over one axis (all elements when nil). The gradient of each factor is
    /// the product of the others (prefix × suffix products, so zeros are handled exactly).
    public static func prod(_ x: Variable, axis: Int?, keepdims: Bool) throws(EngineError) -> Variable {
        guard let axis else {
            let flat = try reshape(x, [-1])
            let r = try prod(flat, axis: 0, keepdims: false)
            return keepdims ? try reshape(r, Array(repeating: 1, count: x.value.rank)) : r
        }
        let ax = try x.value.axis(axis)
        let xs = x.value.scalars
        var out: [Double] = []
        forEachRun(x.shape, ax) { run in out.append(run.reduce(1.0) { $0 * xs[$1] }) }
        var shape = x.shape
        if keepdims { shape[ax] = 1 } else { shape.remove(at: ax) }
        let v = Tensor(shape: shape, scalars: out)
        return record("prod", v, [x]) { g throws(EngineError) in
            var grad = [Double](repeating: 0, count: xs.count)
            var k = 0
            forEachRun(x.shape, ax) { run in
                var prefix = 1.0
                var before: [Double] = []
                for o in run {
                    before.append(prefix)
                    prefix *= xs[o]
                }
                var suffix = 1.0
                for (j, o) in run.enumerated().reversed() {
                    grad[o] = g.scalars[k] * before[j] * suffix
                    suffix *= xs[o]
                }
                k += 1
            }
            return [Tensor(shape: x.shape, scalars: grad)]
        }
    }

    /// numpy's `cumsum` along one axis (of the flattened array when nil); its gradient is the
    /// running sum of the output gradient taken backwards.
    public static func cumsum(_ x: Variable, axis: Int?) throws(EngineError) -> Variable {
        guard let axis else { return try cumsum(try reshape(x, [-1]), axis: 0) }
        let ax = try x.value.axis(axis)
        let xs = x.value.scalars
        var out = xs
        forEachRun(x.shape, ax) { run in
            var total = 0.0
            for o in run {
                total += xs[o]
                out[o] = total
            }
        }
        return record("cumsum", Tensor(shape: x.shape, scalars: out), [x]) { g in
            var grad = g.scalars
            forEachRun(x.shape, ax) { run in
                var total = 0.0
                for o in run.reversed() {
                    total += g.scalars[o]
                    grad[o] = total
                }
            }
            return [Tensor(shape: x.shape, scalars: grad)]
        }
    }
}

extension Variable {
    /// The result of an op with no derivative (`//`, `%`, rounding, casts) from tracked
    /// inputs: differentiating through it is an error rather than a silent zero gradient.
    public static func nondifferentiable(_ op: String, _ value: Tensor, _ inputs: [Variable]) -> Variable {
        record(op, value, inputs) { _ throws(EngineError) in
            throw .value("NotImplementedError: Lectern cannot differentiate through '\(op)'")
        }
    }
}
