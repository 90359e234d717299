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

    /// Counts per bin: half-open bins, the last one closed; values outside the edges are dropped.
    /// Equal bins use numpy's arithmetic (index from the scaled offset, corrected against the
    /// edges) so that a value on an edge falls where numpy puts it.
    static func counts(_ data: [Double], edges: [Double], uniform: Bool) -> [Double] {
        let k = edges.count - 1
        var counts = [Double](repeating: 0, count: k)
        guard k >= 1 else { return counts }
        let first = edges[0]
        let last = edges[k]
        let norm = Double(k) / (last - first)
        for v in data where v >= first && v <= last {
            var i: Int
            if uniform {
                i = Int((v - first) * norm)
                if i == k { i -= 1 }
                if v < edges[i] { i -= 1 } else if i != k - 1 && v >= edges[i + 1] { i += 1 }
            } else {
                // searchsorted(edges, v, 'right') - 1, with the last edge inside the last bin.
                var a = 0
                var b = edges.count
                while a < b {
                    let m = (a + b) / 2
                    if edges[m] <= v { a = m + 1 } else { b = m }
                }
                i = min(a - 1, k - 1)
            }
            counts[i] += 1
        }
        return counts
    }

    /// `density=True`: counts divided by the total and by each bin's width.
    static func density(_ counts: [Double], _ edges: [Double]) -> [Double] {
        let total = counts.reduce(0, +)
        return counts.indices.map { counts[$0] / total / (edges[$0 + 1] - edges[$0]) }
    }
}
