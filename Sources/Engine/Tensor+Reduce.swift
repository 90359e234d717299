// MARK: - Reductions

extension Tensor {
    public enum Reduction: String, Sendable { case sum, mean, max, min, argmax, argmin }

    /// Reduces over one axis (or all, when `axis` is nil) in ascending index order.
    public func reduce(_ kind: Reduction, axis: Int? = nil, keepdims: Bool = false) throws(EngineError) -> Tensor {
        // As numpy: only an empty reduced axis has no max (an empty array reduced along an
        // axis of length 3 gives an empty result).
        let emptyRun = axis.map { a in (try? self.axis(a)).map { shape[$0] == 0 } ?? false } ?? (count == 0)
        guard !emptyRun || kind == .sum || kind == .mean else {
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
                // numpy sums a contiguous run pairwise, and adds along other axes in order.
                out[o * inner + i] =
                    inner == 1 || (kind != .sum && kind != .mean) ? Tensor.reduceRun(run[...], kind) : Tensor.sequentialRun(run[...], kind)
            }
        }
        var newShape = shape
        if keepdims { newShape[ax] = 1 } else { newShape.remove(at: ax) }
        return Tensor(shape: newShape, scalars: out)
    }

    static func reduceRun(_ run: ArraySlice<Double>, _ kind: Reduction) -> Double {
        switch kind {
        case .sum: return pairwiseSum(run)
        case .mean: return run.isEmpty ? .nan : pairwiseSum(run) / Double(run.count)
        case .max: return run.reduce(-.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .min: return run.reduce(.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        case .argmax, .argmin:
            // As numpy: the first extreme, and the first NaN if there is one.
            var best = run.startIndex
            for i in run.indices {
                if run[i].isNaN { return Double(i - run.startIndex) }
                if kind == .argmax ? run[i] > run[best] : run[i] < run[best] { best = i }
            }
            return Double(best - run.startIndex)
        }
    }

    public func sum() -> Double { scalars.reduce(0, +) }

    static func sequentialRun(_ run: ArraySlice<Double>, _ kind: Reduction) -> Double {
        let total = run.reduce(0, +)
        return kind == .mean ? (run.isEmpty ? .nan : total / Double(run.count)) : total
    }

    /// numpy's pairwise summation (`pairwise_sum` in its loops): eight running sums in blocks
    /// of up to 128, halves beyond that; so sums agree with numpy's to the last bit.
    static func pairwiseSum(_ a: ArraySlice<Double>) -> Double {
        let n = a.count
        let s = a.startIndex
        if n < 8 { return a.reduce(0, +) }
        if n <= 128 {
            var r = (0..<8).map { a[s + $0] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[s + i + j] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                res += a[s + i]
                i += 1
            }
            return res
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(a[s..<(s + half)]) + pairwiseSum(a[(s + half)...])
    }
}
