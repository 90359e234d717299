import CKernels
import Dispatch
import Foundation

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
            throw .shape(
                "matmul: shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) are not aligned: \(k) (dim \(a.rank - 1)) != \(kb) (dim 0) in '\(name)'"
            )
        }
        try checkSize(m * n, [m, n])
        let out = try gemmChecked(a.scalars, b.scalars, m: m, k: k, n: n)
        var shape: [Int] = []
        if a.rank == 2 { shape.append(m) }
        if b.rank == 2 { shape.append(n) }
        return Tensor(shape: shape, scalars: out)
    }

    /// C = A·B for row-major A (m×k) and B (k×n).
    ///
    /// Every output element sums its k products in ascending order of k, with no fused
    /// multiply-add, whatever the CPU's vector width: the result is the same on every machine.
    /// The kernel is C (`CKernels`) so it can use AVX2 where the CPU has it.
    public static func gemm(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int, threads: Int? = nil) -> [Double] {
        guard m > 0, n > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: m * n) { c, count in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    gemmRows(pa.baseAddress!, pb.baseAddress!, c.baseAddress!, m: m, k: k, n: n, threads: threads)
                }
            }
            count = m * n
        }
    }

    /// Multiply-adds between two checks of the block's deadline: a few milliseconds of work.
    static let deadlineStride = 1 << 27

    /// `gemm` that stops with the block's `TimeoutError` when its deadline passes: a long
    /// product runs in bands of rows (a multiple of 64, so every element is the same sum as in
    /// one call) with a check of `RunLimits` between bands.
    static func gemmChecked(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) throws(EngineError) -> [Double] {
        let work = m.multipliedReportingOverflow(by: max(k, 1)).partialValue.multipliedReportingOverflow(by: n)
        guard m > 0, n > 0, work.overflow || work.partialValue > deadlineStride else { return gemm(a, b, m: m, k: k, n: n) }
        let band = max(64, deadlineStride / max(k * n, 1) / 64 * 64)
        var timedOut: EngineError?
        let out = [Double](unsafeUninitializedCapacity: m * n) { c, count in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    for r0 in stride(from: 0, to: m, by: band) {
                        do throws(EngineError) { try RunLimits.checkTime() } catch {
                            timedOut = error
                            return
                        }
                        let rows = min(band, m - r0)
                        gemmRows(pa.baseAddress! + r0 * k, pb.baseAddress!, c.baseAddress! + r0 * n, m: rows, k: k, n: n)
                    }
                }
            }
            // Unfinished bands are zero, never uninitialised memory (the result is discarded).
            if timedOut != nil { c.initialize(repeating: 0) }
            count = m * n
        }
        if let timedOut { throw timedOut }
        return out
    }

    /// Unsafe pointers handed to worker threads that write disjoint rows of C.
    private struct SharedPointers: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// Large products split their rows of C across `Parallelism.threads` threads. Each
    /// element is still the same sum in the same order, so the result does not depend on
    /// the number of threads (tested).
    private static func gemmRows(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
        threads requested: Int? = nil
    ) {
        let threads = min(requested ?? Parallelism.threads, m / 32)
        guard threads > 1, m * n * k >= 1 << 21 else {
            lectern_gemm(a, b, c, m, k, n)
            return
        }
        // Row blocks of a multiple of 4 rows, so each thread's tiles are whole.
        let rowsPer = (m + threads - 1) / threads + 3 & ~3
        let shared = SharedPointers(a: a, b: b, c: c)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let r0 = t * rowsPer
            let r1 = min(m, r0 + rowsPer)
            if r0 < r1 { lectern_gemm(shared.a + r0 * k, shared.b, shared.c + r0 * n, r1 - r0, k, n) }
        }
    }

    public enum Transpose: Sendable { case none, left, right }

    /// A·B, Aᵀ·B or A·Bᵀ of 2-D tensors without materialising the transpose; the same bits
    /// as transposing first.
    public static func matmul2D(_ a: Tensor, _ b: Tensor, _ transpose: Transpose) -> Tensor {
        let (m, k) = transpose == .left ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = transpose == .right ? b.shape[0] : b.shape[1]
        guard m > 0, n > 0 else { return Tensor.zeros([m, n]) }
        let c = [Double](unsafeUninitializedCapacity: m * n) { c, count in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    switch transpose {
                    case .none: gemmRows(pa.baseAddress!, pb.baseAddress!, c.baseAddress!, m: m, k: k, n: n)
                    case .left: lectern_gemm_tn(pa.baseAddress, pb.baseAddress, c.baseAddress!, m, k, n)
                    case .right: lectern_gemm_nt(pa.baseAddress, pb.baseAddress, c.baseAddress!, m, k, n)
                    }
                }
            }
            count = m * n
        }
        return Tensor(shape: [m, n], scalars: c)
    }

    /// The portable kernel alone; tests check the vector kernel against it bit for bit.
    static func gemmPortable(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { lectern_gemm_scalar(pa.baseAddress, pb.baseAddress, $0.baseAddress, m, k, n) }
            }
        }
        return c
    }

    public static func outer(_ a: Tensor, _ b: Tensor) -> Tensor {
        var out = [Double](repeating: 0, count: a.count * b.count)
        for i in 0..<a.count { for j in 0..<b.count { out[i * b.count + j] = a.scalars[i] * b.scalars[j] } }
        return Tensor(shape: [a.count, b.count], scalars: out)
    }
}
