import Foundation

/// Dense linear algebra on row-major square matrices, as `np.linalg` computes it: LU with
/// partial pivoting (LAPACK's `getrf` choice of pivot: the first largest magnitude) for
/// `det`, `solve` and `inv`, and cyclic Jacobi rotations for the symmetric `eigh`.
public enum LinearAlgebra {
    public enum Failure: Error, Equatable {
        case singular
        case noConvergence
        /// The running block's deadline passed (checked once per O(n²) step).
        case timeUp
    }

    /// Throws `.timeUp` once the block's deadline has passed.
    static func checkTime() throws(Failure) {
        if RunLimits.timeUp { throw .timeUp }
    }

    /// P·A = L·U packed in one matrix (unit lower L below the diagonal), the row order, and
    /// the permutation's sign; nil when a pivot is exactly zero (LAPACK's info > 0).
    struct Factored {
        var lu: [Double]
        var order: [Int]
        var sign: Double
        var singular: Bool
    }

    static func factor(_ a: [Double], _ n: Int) throws(Failure) -> Factored {
        var lu = a
        var order = Array(0..<n)
        var sign = 1.0
        var singular = false
        for k in 0..<n {
            try checkTime()
            var pivot = k
            for i in (k + 1)..<max(n, k + 1) where Swift.abs(lu[i * n + k]) > Swift.abs(lu[pivot * n + k]) { pivot = i }
            if pivot != k {
                for j in 0..<n { lu.swapAt(k * n + j, pivot * n + j) }
                order.swapAt(k, pivot)
                sign = -sign
            }
            let p = lu[k * n + k]
            guard p != 0 else {
                singular = true
                continue
            }
            for i in (k + 1)..<max(n, k + 1) {
                let f = lu[i * n + k] / p
                lu[i * n + k] = f
                if f != 0 { for j in (k + 1)..<n { lu[i * n + j] -= f * lu[k * n + j] } }
            }
        }
        return Factored(lu: lu, order: order, sign: sign, singular: singular)
    }

    /// numpy's `det`: sign · exp(Σ log |uᵢᵢ|) from the LU factors (so det([[1,2],[3,4]]) is
    /// −2.0000000000000004, as in numpy); 0 for an exactly singular matrix.
    public static func determinant(_ a: [Double], _ n: Int) throws(Failure) -> Double {
        let f = try factor(a, n)
        if f.singular { return 0 }
        var sign = f.sign
        var logdet = 0.0
        for i in 0..<n {
            let d = f.lu[i * n + i]
            if d < 0 { sign = -sign }
            logdet += Foundation.log(Swift.abs(d))
        }
        return sign * Foundation.exp(logdet)
    }

    /// X with A·X = B for B of shape (n, columns), by one factorisation and two substitutions.
    public static func solve(_ a: [Double], _ n: Int, _ b: [Double], columns: Int) throws(Failure) -> [Double] {
        let f = try factor(a, n)
        if f.singular { throw .singular }
        var x = [Double](repeating: 0, count: n * columns)
        for i in 0..<n { for c in 0..<columns { x[i * columns + c] = b[f.order[i] * columns + c] } }
        for c in 0..<columns {
            try checkTime()
            for i in 0..<n {
                var s = x[i * columns + c]
                for k in 0..<i { s -= f.lu[i * n + k] * x[k * columns + c] }
                x[i * columns + c] = s
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = x[i * columns + c]
                for k in (i + 1)..<max(n, i + 1) { s -= f.lu[i * n + k] * x[k * columns + c] }
                x[i * columns + c] = s / f.lu[i * n + i]
            }
        }
        return x
    }

    /// A⁻¹, solving A·X = I as numpy's `inv` does.
    public static func inverse(_ a: [Double], _ n: Int) throws(Failure) -> [Double] {
        var identity = [Double](repeating: 0, count: n * n)
        for i in 0..<n { identity[i * n + i] = 1 }
        return try solve(a, n, identity, columns: n)
    }

    /// Eigenvalues (ascending) and unit eigenvectors (columns, row-major) of the symmetric
    /// matrix whose lower triangle is `a` (numpy's `eigh` default `UPLO='L'`).
    public static func symmetricEigen(_ a: [Double], _ n: Int) throws(Failure) -> (values: [Double], vectors: [Double]) {
        var m = a
        for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { m[i * n + j] = m[j * n + i] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        var converged = n < 2
        for _ in 0..<100 where !converged {
            converged = true
            for p in 0..<(n - 1) {
                try checkTime()
                for q in (p + 1)..<n where m[p * n + q] != 0 {
                    // An element too small to change either diagonal entry is already zero.
                    let apq = Swift.abs(m[p * n + q])
                    if Swift.abs(m[p * n + p]) + 1e2 * apq == Swift.abs(m[p * n + p])
                        && Swift.abs(m[q * n + q]) + 1e2 * apq == Swift.abs(m[q * n + q])
                    {
                        m[p * n + q] = 0
                        m[q * n + p] = 0
                        continue
                    }
                    converged = false
                    rotate(&m, &v, n, p, q)
                }
            }
        }
        guard converged else { throw .noConvergence }
        let order = (0..<n).sorted { (m[$0 * n + $0], $0) < (m[$1 * n + $1], $1) }
        let values = order.map { m[$0 * n + $0] }
        var vectors = [Double](repeating: 0, count: n * n)
        for (column, k) in order.enumerated() { for i in 0..<n { vectors[i * n + column] = v[i * n + k] } }
        return (values, vectors)
    }

    /// One Jacobi rotation that zeroes m[p][q] (the stable formulas of Golub & Van Loan 8.5).
    private static func rotate(_ m: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let apq = m[p * n + q]
        let theta = (m[q * n + q] - m[p * n + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<n {
            let mkp = m[k * n + p]
            let mkq = m[k * n + q]
            m[k * n + p] = c * mkp - s * mkq
            m[k * n + q] = s * mkp + c * mkq
        }
        for k in 0..<n {
            let mpk = m[p * n + k]
            let mqk = m[q * n + k]
            m[p * n + k] = c * mpk - s * mqk
            m[q * n + k] = s * mpk + c * mqk
        }
        for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
        m[p * n + q] = 0
        m[q * n + p] = 0
    }
}
