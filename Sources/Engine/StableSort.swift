/// Sorting that stops at the running block's deadline: a stable merge sort (Swift's own sort
/// of short runs, then merges), so its result is exactly Swift's stable `sorted(by:)`, but a
/// sort of tens of millions of elements gives the block's `TimeoutError` instead of running on.
public enum StableSort {
    /// The length of the runs sorted at once; a sort this short needs no deadline check.
    @usableFromInline static let run = 1 << 14

    @inlinable
    public static func sorted<T>(_ items: [T], by less: (T, T) -> Bool) throws(EngineError) -> [T] {
        let n = items.count
        if n <= run { return items.sorted(by: less) }
        var a = items
        for start in stride(from: 0, to: n, by: run) {
            a[start..<min(start + run, n)].sort(by: less)
            try RunLimits.checkTime()
        }
        var b = a
        var width = run
        while width < n {
            for lo in stride(from: 0, to: n, by: 2 * width) {
                merge(a, into: &b, lo, min(lo + width, n), min(lo + 2 * width, n), less)
                try RunLimits.checkTime()
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }

    /// a[lo..<mid] and a[mid..<hi], each sorted, into b[lo..<hi]; on a tie the left run's
    /// element comes first (stability).
    @inlinable
    static func merge<T>(_ a: [T], into b: inout [T], _ lo: Int, _ mid: Int, _ hi: Int, _ less: (T, T) -> Bool) {
        var (i, j) = (lo, mid)
        for k in lo..<hi {
            if j < hi && (i == mid || less(a[j], a[i])) {
                b[k] = a[j]
                j += 1
            } else {
                b[k] = a[i]
                i += 1
            }
        }
    }
}
