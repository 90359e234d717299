/// Row-wise kernels of a row-major `[rows, width]` block, four columns at a time. Each column
/// sees the same additions in the same order as a scalar loop over ascending rows, so the
/// results are bit-identical to it; the explicit SIMD is there because the compiler cannot
/// prove the two buffers apart and would not vectorise the plain loop.
enum RowKernels {
    /// `block[r, j] += row[j]` for every row `r`.
    static func addRow(_ row: UnsafeBufferPointer<Double>, to block: UnsafeMutableBufferPointer<Double>) {
        let width = row.count
        guard width > 0, let r = row.baseAddress, let b = block.baseAddress else { return }
        var start = 0
        while start < block.count {
            var j = 0
            while j + 4 <= width {
                let sum = load(b + start + j) + load(r + j)
                store(sum, b + start + j)
                j += 4
            }
            while j < width {
                b[start + j] += r[j]
                j += 1
            }
            start += width
        }
    }

    /// The column sums `out[j] = block[0, j] + block[1, j] + …`, in ascending row order.
    static func columnSums(_ block: UnsafeBufferPointer<Double>, width: Int) -> [Double] {
        var out = [Double](repeating: 0, count: width)
        guard width > 0, let b = block.baseAddress else { return out }
        let rows = block.count / width
        out.withUnsafeMutableBufferPointer { o in
            var j = 0
            while j + 4 <= width {
                var sum = SIMD4<Double>(repeating: 0)
                var p = b + j
                for _ in 0..<rows {
                    sum = sum + load(p)
                    p += width
                }
                store(sum, o.baseAddress! + j)
                j += 4
            }
            while j < width {
                var sum = 0.0
                var p = b + j
                for _ in 0..<rows {
                    sum += p.pointee
                    p += width
                }
                o[j] = sum
                j += 1
            }
        }
        return out
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        SIMD4(p[0], p[1], p[2], p[3])
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
        SIMD4(p[0], p[1], p[2], p[3])
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        p[0] = v[0]
        p[1] = v[1]
        p[2] = v[2]
        p[3] = v[3]
    }
}
