import Engine
import Foundation

// MARK: - np.unique with its index, inverse and counts; np.logspace; np.triu and np.tril

extension Library {
    static func addNumpyUniqueLogspaceTriangles(_ m: inout [String: Value], _ interp: Interpreter) {
        m["unique"] = fn(
            def: "unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True)",
            unsupported: ["axis", "equal_nan", "sorted"]
        ) { args throws(Failure) in
            let t = try args.tensor(0, "ar")
            let flags = [
                try args.bool(1, "return_index", false), try args.bool(2, "return_inverse", false),
                try args.bool(3, "return_counts", false),
            ]
            return try uniqueResult(t, flags)
        }
        m["logspace"] = fn(
            def: "logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0)", unsupported: ["dtype", "axis"]
        ) { args throws(Failure) in
            let (a, b) = (try args.double(0, "start", 0), try args.double(1, "stop", 1))
            let (n, endpoint, base) = (try args.int(2, "num", 50), try args.bool(3, "endpoint", true), try args.double(4, "base", 10))
            guard n >= 0 else { throw Failure("ValueError: Number of samples, \(n), must be non-negative.") }
            try interp.checkSize([n])
            // numpy: base ** linspace(start, stop, num).
            let step = (b - a) / Double(endpoint ? max(n - 1, 1) : max(n, 1))
            var exponents = (0..<n).map { a + Double($0) * step }
            if endpoint && n > 1 { exponents[n - 1] = b }
            return .tensor(Variable(Tensor(shape: [n], scalars: exponents.map { Foundation.pow(base, $0) })))
        }
        for lower in [false, true] {
            let name = lower ? "tril" : "triu"
            m[name] = fn(def: "\(name)(m, k=0)") { args throws(Failure) in
                let t = try args.tensor(0, "m")
                let k = try args.int(1, "k", 0)
                guard t.rank >= 2 else { throw Failure("ValueError: Lectern's \(name)() needs an array of at least 2 dimensions") }
                let (rows, cols) = (t.shape[t.rank - 2], t.shape[t.rank - 1])
                var out = t
                for p in 0..<out.count {
                    let (i, j) = ((p / cols) % rows, p % cols)
                    // triu keeps j - i >= k, tril keeps j - i <= k.
                    if lower ? j - i > k : j - i < k { out.scalars[p] = 0 }
                }
                return .tensor(Variable(out))
            }
        }
    }

    /// The sorted distinct values of `t` (flattened), then, as `flags` ask, the index of each
    /// one's first occurrence, the position of every element among them (in `t`'s shape),
    /// and how often each occurs. As numpy: a stable sort, then equal neighbours (all NaNs
    /// are one value, last) make one group.
    private static func uniqueResult(_ t: Tensor, _ flags: [Bool]) throws(Failure) -> Value {
        var values: [Double] = []
        var first: [Double] = []
        var counts: [Double] = []
        var inverse = [Double](repeating: 0, count: flags[1] ? t.count : 0)
        for (x, p) in try stableSorted(t.scalars) {
            if let last = values.last, last == x || (last.isNaN && x.isNaN) {
                counts[counts.count - 1] += 1
            } else {
                values.append(x)
                first.append(Double(p))
                counts.append(1)
            }
            if flags[1] { inverse[p] = Double(values.count - 1) }
        }
        let unique = Value.tensor(Variable(Tensor(shape: [values.count], scalars: values).withDType(t.dtype)))
        guard flags.contains(true) else { return unique }
        let ints = { (shape: [Int], s: [Double]) in Value.tensor(Variable(Tensor(shape: shape, scalars: s).withDType(.int64))) }
        var parts = [unique]
        if flags[0] { parts.append(ints([values.count], first)) }
        if flags[1] { parts.append(ints(t.shape, inverse)) }
        if flags[2] { parts.append(ints([values.count], counts)) }
        return .tuple(parts)
    }
}
