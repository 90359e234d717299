// MARK: - Matrix product

extension Tensor {
    /// numpy's `matmul` for ranks 1 and 2: a vector operand is promoted and the added axis dropped.
    public static func matmul(_ a: Tensor, _ b: Tensor, name: String = "@") throws(EngineError) -> Tensor {
        guard a.rank >= 1, b.rank >= 1, a.rank <= 2, b.rank <= 2 else {
            throw .shape("matmul: operands must be 1-D or 2-D, got shapes \(formatShape(a.shape)) and \(formatShape(b.shape))")
        }
        let m = a.rank == 2 ? a.shape[0] : 1
        let k = a.shape[a.rank - 1]
        let kb = b.rank == 2 ? b.shape[0] : b.shape[0]
        let n = b.rank == 2 ? b.shape[1] : 1
        guard k == kb else {
            throw .shape("matmul: shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) are not aligned: \(k) (dim \(a.rank - 1)) != \(kb) (dim 0) in '\(name)'")
        }
        let out = gemm(a.scalars, b.scalars, m: m, k: k, n: n)
        var shape: [Int] = []
        if a.rank == 2 { shape.append(m) }
        if b.rank == 2 { shape.append(n) }
        return Tensor(shape: shape, scalars: out)
    }

    /// C = A·B for row-major A (m×k) and B (k×n).
    ///
    /// Every output element sums its k products in ascending order of k, whatever the blocking,
    /// so the result is the same on every machine and thread count.
    public static func gemm(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        if m == 0 || n == 0 { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemmKernel(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, k: k, n: n)
                }
            }
        }
        return c
    }

    @usableFromInline
    static func gemmKernel(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        // Column blocks of B stay in cache while all rows of A stream past; within a block the
        // i-k-j order keeps the inner loop contiguous (it vectorises) and k ascending.
        let blockN = 256
        var j0 = 0
        while j0 < n {
            let j1 = min(j0 + blockN, n)
            let width = j1 - j0
            var i = 0
            // Four rows at a time share each load of B's row.
            while i + 4 <= m {
                let c0 = c + i * n + j0, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
                let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
                for p in 0..<k {
                    let x0 = a0[p], x1 = a1[p], x2 = a2[p], x3 = a3[p]
                    let brow = b + p * n + j0
                    for j in 0..<width {
                        let bv = brow[j]
                        c0[j] += x0 * bv
                        c1[j] += x1 * bv
                        c2[j] += x2 * bv
                        c3[j] += x3 * bv
                    }
                }
                i += 4
            }
            while i < m {
                let ci = c + i * n + j0
                let ai = a + i * k
                for p in 0..<k {
                    let x = ai[p]
                    let brow = b + p * n + j0
                    for j in 0..<width { ci[j] += x * brow[j] }
                }
                i += 1
            }
            j0 = j1
        }
    }

    public static func outer(_ a: Tensor, _ b: Tensor) -> Tensor {
        var out = [Double](repeating: 0, count: a.count * b.count)
        for i in 0..<a.count { for j in 0..<b.count { out[i * b.count + j] = a.scalars[i] * b.scalars[j] } }
        return Tensor(shape: [a.count, b.count], scalars: out)
    }
}
