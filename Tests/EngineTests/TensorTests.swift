import Foundation
import Testing

@testable import Engine

@Suite struct TensorTests {
    @Test func broadcastingOverEverySmallShapePair() throws {
        let shapes: [[Int]] = [[], [1], [3], [1, 3], [2, 1], [2, 3], [2, 1, 3], [1, 2, 3]]
        for a in shapes {
            for b in shapes {
                let x = Tensor(shape: a, scalars: (0..<a.reduce(1, *)).map(Double.init))
                let y = Tensor(shape: b, scalars: (0..<b.reduce(1, *)).map { Double($0) * 10 })
                guard let s = Tensor.broadcastShape(a, b) else {
                    #expect(throws: EngineError.self) { try Tensor.zip(x, y, "+", +) }
                    continue
                }
                let z = try Tensor.zip(x, y, "+", +)
                #expect(z.shape == s)
                // Each element is the sum of the elements the index maps to in each operand.
                let xb = try x.broadcast(to: s)
                let yb = try y.broadcast(to: s)
                #expect(z.scalars == zip(xb.scalars, yb.scalars).map(+))
            }
        }
    }

    @Test func unbroadcastSumsBack() throws {
        let g = Tensor.ones([2, 3])
        #expect(g.unbroadcast(to: [3]).scalars == [2, 2, 2])
        #expect(g.unbroadcast(to: [2, 1]).scalars == [3, 3])
        #expect(g.unbroadcast(to: []).scalars == [6])
    }

    /// The blocked kernel sums in the same order as the naive triple loop, so it is bit-identical.
    @Test(arguments: [(1, 1, 1), (3, 5, 2), (7, 9, 300), (33, 17, 513)])
    func matmulIsBitIdenticalToNaiveOrder(_ dims: (Int, Int, Int)) {
        let (m, k, n) = dims
        let a = (0..<(m * k)).map { sin(Double($0)) }
        let b = (0..<(k * n)).map { cos(Double($0) * 0.7) }
        let c = Tensor.gemm(a, b, m: m, k: k, n: n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += a[i * k + p] * b[p * n + j] }
                #expect(c[i * n + j] == s)
            }
        }
    }

    /// The AVX2 kernel (where the CPU has it) and the portable one give the same bits.
    @Test(arguments: [(4, 8, 8), (5, 3, 9), (64, 100, 24), (37, 129, 71)])
    func vectorKernelMatchesPortableKernel(_ dims: (Int, Int, Int)) {
        let (m, k, n) = dims
        let a = (0..<(m * k)).map { sin(Double($0) * 0.31) * 1e3 }
        let b = (0..<(k * n)).map { cos(Double($0) * 0.17) / 7 }
        #expect(Tensor.gemm(a, b, m: m, k: k, n: n) == Tensor.gemmPortable(a, b, m: m, k: k, n: n))
    }

    /// Aᵀ·B and A·Bᵀ without a copy equal transposing first, bit for bit.
    @Test(arguments: [(4, 8, 8), (5, 3, 9), (37, 129, 71)])
    func transposedProductsMatchExplicitTransposes(_ dims: (Int, Int, Int)) throws {
        let (m, k, n) = dims
        let a = Tensor(shape: [k, m], scalars: (0..<(m * k)).map { sin(Double($0) * 0.3) })
        let b = Tensor(shape: [k, n], scalars: (0..<(k * n)).map { cos(Double($0) * 0.2) })
        #expect(Tensor.matmul2D(a, b, .left) == (try Tensor.matmul(try a.transposed(), b)))
        let bt = Tensor(shape: [n, k], scalars: b.scalars)
        let a2 = try a.transposed()
        #expect(Tensor.matmul2D(a2, bt, .right) == (try Tensor.matmul(a2, try bt.transposed())))
    }

    /// The same large products with one and with two threads give the same bits.
    @Test(arguments: [(130, 150, 120), (257, 64, 300), (96, 513, 40)])
    func productsAreBitIdenticalWithOneAndTwoThreads(_ dims: (Int, Int, Int)) {
        let (m, k, n) = dims
        let a = (0..<(m * k)).map { sin(Double($0) * 0.37) }
        let b = (0..<(k * n)).map { cos(Double($0) * 0.11) }
        let one = Tensor.gemm(a, b, m: m, k: k, n: n, threads: 1)
        let two = Tensor.gemm(a, b, m: m, k: k, n: n, threads: 2)
        #expect(one == two)
        #expect(one == Tensor.gemmPortable(a, b, m: m, k: k, n: n))
    }

    @Test func productOverAnEmptyAxisIsZero() throws {
        let z = try Tensor.matmul(Tensor(shape: [8, 0], scalars: []), Tensor(shape: [0, 16], scalars: []))
        #expect(z == Tensor.zeros([8, 16]))
    }

    @Test func matmulShapeErrorNamesBothShapes() {
        #expect(throws: EngineError.shape("matmul: shapes (4, 2) and (3, 1) are not aligned: 2 (dim 1) != 3 (dim 0) in '@'")) {
            try Tensor.matmul(Tensor.ones([4, 2]), Tensor.ones([3, 1]))
        }
    }

    @Test func numpyIndexingAndSlicing() throws {
        let t = Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init))
        #expect(try t.indexed([.at(1)]).scalars == [4, 5, 6, 7])
        #expect(try t.indexed([.range(start: nil, stop: nil, step: nil), .at(1)]).scalars == [1, 5, 9])
        #expect(try t.indexed([.range(start: 1, stop: 3, step: nil)]).shape == [2, 4])
        #expect(try t.indexed([.at(-1), .at(-1)]).scalars == [11])
        #expect(try t.indexed([.range(start: nil, stop: nil, step: -1), .at(0)]).scalars == [8, 4, 0])
        #expect(try t.indexed([.newAxis]).shape == [1, 3, 4])
        #expect(try t.indexed([.list([2, 0])]).scalars == [8, 9, 10, 11, 0, 1, 2, 3])
        #expect(throws: EngineError.self) { try t.indexed([.at(3)]) }
    }

    @Test func reductionsWithAxisAndKeepdims() throws {
        let t = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])
        #expect(try t.reduce(.sum, axis: 0).scalars == [5, 7, 9])
        #expect(try t.reduce(.mean, axis: 1, keepdims: true).shape == [2, 1])
        #expect(try t.reduce(.argmax, axis: 1).scalars == [1, 2])
        #expect(try t.reduce(.max).scalars == [6])
    }

    @Test func reshapeInfersOneDimension() throws {
        #expect(try Tensor.ones([2, 6]).reshaped([-1, 4]).shape == [3, 4])
        #expect(throws: EngineError.self) { try Tensor.ones([5]).reshaped([2, -1]) }
    }

    @Test func kerasInitialisersStayWithinTheirLimits() {
        var rng = Generator(seed: 1)
        let w = Initializer.glorotUniform.make([10, 32], &rng)
        let limit = (6.0 / 42).squareRoot()
        #expect(w.scalars.allSatisfy { abs($0) <= limit })
        let h = Initializer.heNormal.make([100, 50], &rng)
        #expect(h.scalars.allSatisfy { abs($0) <= 2 * (2.0 / 100).squareRoot() / 0.87962566103423978 })
    }
}
