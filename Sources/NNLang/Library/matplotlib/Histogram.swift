/// numpy's `histogram`: bin edges and counts with numpy's exact rules, which `hist` returns.
enum Histogram {
    /// `bins` equal bins over `range` (default: the data's min and max; a single value v
    /// gets v ± 0.5), edges as `np.linspace` computes them.
    static func edges(_ data: [Double], bins: Int, range: (Double, Double)?) throws(Failure) -> [Double] {
        guard bins >= 1 else { throw Failure("ValueError: `bins` must be positive, when an integer") }
        guard bins <= 1_000_000 else { throw Failure("ValueError: hist() draws at most 1,000,000 bins, got \(bins)") }
        var (lo, hi) = range ?? (data.min() ?? 0, data.max() ?? 1)
        guard lo <= hi else { throw Failure("ValueError: max must be larger than min in range parameter.") }
        guard lo.isFinite, hi.isFinite else { throw Failure("ValueError: autodetected range of [\(lo), \(hi)] is not finite") }
        if lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        // np.linspace: start + i * step, with the last edge exactly `stop`.
        let step = (hi - lo) / Double(bins)
        return (0...bins).map { $0 == bins ? hi : Double($0) * step + lo }
    }

    /// Counts (or summed weights) per bin: half-open bins, the last one closed; values
    /// outside the edges are dropped.
    static func counts(_ data: [Double], edges: [Double], uniform: Bool, weights: [Double]? = nil) -> [Double] {
        var counts = [Double](repeating: 0, count: max(edges.count - 1, 0))
        for (k, v) in data.enumerated() {
            if let i = bin(v, edges: edges, uniform: uniform) { counts[i] += weights?[k] ?? 1 }
        }
        return counts
    }

    /// The bin of `v`. Equal bins use numpy's arithmetic (an index from the scaled offset,
    /// corrected against the edges), so that a value on an edge falls where numpy puts it.
    static func bin(_ v: Double, edges: [Double], uniform: Bool) -> Int? {
        let k = edges.count - 1
        guard k >= 1, v >= edges[0], v <= edges[k] else { return nil }
        if uniform {
            var i = Int((v - edges[0]) * (Double(k) / (edges[k] - edges[0])))
            if i == k { i -= 1 }
            if v < edges[i] { i -= 1 } else if i != k - 1 && v >= edges[i + 1] { i += 1 }
            return i
        }
        // searchsorted(edges, v, 'right') - 1, with the last edge inside the last bin.
        var a = 0
        var b = edges.count
        while a < b {
            let m = (a + b) / 2
            if edges[m] <= v { a = m + 1 } else { b = m }
        }
        return min(a - 1, k - 1)
    }

    /// `density=True`: counts divided by the total and by each bin's width.
    static func density(_ counts: [Double], _ edges: [Double]) -> [Double] {
        // numpy: n / db / n.sum()
        let total = counts.reduce(0, +)
        return counts.indices.map { counts[$0] / (edges[$0 + 1] - edges[$0]) / total }
    }
}
