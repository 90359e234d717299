import Foundation

extension LinearAlgebra {
    /// X minimising ‖A·X − B‖ for A of shape (rows, cols) with rows ≥ cols and B of shape
    /// (rows, columns), by Householder QR. nil when A is rank-deficient: a diagonal entry of R
    /// at most `rcond` times the largest (numpy's SVD would then return the minimum-norm
    /// solution, which QR without pivoting cannot).
    public static func leastSquares(_ a: [Double], rows: Int, cols: Int, _ b: [Double], columns: Int, rcond: Double) -> [Double]? {
        guard rows >= cols, cols > 0 else { return nil }
        var r = a
        var y = b
        var diagonal = [Double](repeating: 0, count: cols)
        for j in 0..<cols {
            var norm = 0.0
            for i in j..<rows { norm += r[i * cols + j] * r[i * cols + j] }
            norm = norm.squareRoot()
            guard norm > 0 else { return nil }
            let alpha = r[j * cols + j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: rows - j)
            for i in j..<rows { v[i - j] = r[i * cols + j] }
            v[0] -= alpha
            var vv = 0.0
            for x in v { vv += x * x }
            diagonal[j] = alpha
            guard vv > 0 else { continue }
            func reflect(_ m: inout [Double], _ width: Int, _ column: Int) {
                var s = 0.0
                for i in j..<rows { s += v[i - j] * m[i * width + column] }
                let f = 2 * s / vv
                for i in j..<rows { m[i * width + column] -= f * v[i - j] }
            }
            for c in (j + 1)..<max(cols, j + 1) { reflect(&r, cols, c) }
            for c in 0..<columns { reflect(&y, columns, c) }
        }
        let largest = diagonal.map { Swift.abs($0) }.max() ?? 0
        guard diagonal.allSatisfy({ Swift.abs($0) > rcond * largest }) else { return nil }
        var x = [Double](repeating: 0, count: cols * columns)
        for c in 0..<columns {
            for i in stride(from: cols - 1, through: 0, by: -1) {
                var s = y[i * columns + c]
                for k in (i + 1)..<max(cols, i + 1) { s -= r[i * cols + k] * x[k * columns + c] }
                x[i * columns + c] = s / diagonal[i]
            }
        }
        return x
    }
}
