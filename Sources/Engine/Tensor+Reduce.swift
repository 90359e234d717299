// MARK: - Reductions

extension Tensor {
    public enum Reduction: String, Sendable { case sum, mean, max, min, argmax, argmin }

    /// Reduces over one axis (or all, when `axis` is nil) in ascending index order.
    public func reduce(_ kind: Reduction, axis: Int? = nil, keepdims: Bool = false) throws(EngineError) -> Tensor {
        guard count > 0 || kind == .sum || kind == .mean else {
            throw .value("zero-size array to reduction operation \(kind.rawValue) which has no identity")
        }
        guard let axis else {
            let value = Tensor.reduceRun(scalars[...], kind)
            if keepdims && kind != .argmax && kind != .argmin {
                return Tensor(shape: Array(repeating: 1, count: rank), scalars: [value])
            }
            return Tensor(value)
        }
        let ax = try self.axis(axis)
        let outer = shape[..<ax].reduce(1, *)
        let n = shape[ax]
        let inner = shape[(ax + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        var run = [Double](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                for j in 0..<n { run[j] = scalars[(o * n + j) * inner + i] }
                out[o * inner + i] = Tensor.reduceRun(run[...], kind)
            }
        }
        var newShape = shape
        if keepdims { newShape[ax] = 1 } else { newShape.remove(at: ax) }
        return Tensor(shape: newShape, scalars: out)
    }

    static func reduceRun(_ run: ArraySlice<Double>, _ kind: Reduction) -> Double {
        switch kind {
        case .sum: return run.reduce(0, +)
        case .mean: return run.isEmpty ? .nan : run.reduce(0, +) / Double(run.count)
        case .max: return run.reduce(-.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .min: return run.reduce(.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        case .argmax:
            var best = run.startIndex
            for i in run.indices where run[i] > run[best] { best = i }
            return Double(best - run.startIndex)
        case .argmin:
            var best = run.startIndex
            for i in run.indices where run[i] < run[best] { best = i }
            return Double(best - run.startIndex)
        }
    }

    public func sum() -> Double { scalars.reduce(0, +) }
}
