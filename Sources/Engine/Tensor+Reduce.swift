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
        if inner == 1 {
            // numpy sums a contiguous run pairwise.
            for o in 0..<outer { out[o] = Tensor.reduceRun(scalars[(o * n)..<(o * n + n)], kind) }
        } else if kind == .sum || kind == .mean {
            // Along any other axis numpy adds in order: row after row onto the running sums.
            scalars.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { acc in
                    for o in 0..<outer {
                        for j in 0..<n {
                            let row = (o * n + j) * inner
                            for i in 0..<inner { acc[o * inner + i] += x[row + i] }
                        }
                    }
                }
            }
            if kind == .mean { for k in out.indices { out[k] = n == 0 ? .nan : out[k] / Double(n) } }
        } else {
            var run = [Double](repeating: 0, count: n)
            for o in 0..<outer {
                for i in 0..<inner {
                    for j in 0..<n { run[j] = scalars[(o * n + j) * inner + i] }
                    out[o * inner + i] = Tensor.reduceRun(run[...], kind)
                }
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
