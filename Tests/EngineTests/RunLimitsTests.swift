import Foundation
import Testing

@testable import Engine

/// The per-document budget and deadline that kernels check (`RunLimits`).
@Suite struct RunLimitsTests {
    @Test func theBudgetIsTheInstalledDocumentsAndOnlyOnItsThread() throws {
        let small = RunLimits(maxElements: 100)
        small.install {
            #expect(Tensor.maxElements == 100)
            #expect(throws: EngineError.self) { try Tensor.matmul(Tensor.ones([20, 1]), Tensor.ones([1, 20])) }
            #expect(throws: EngineError.self) { try Tensor.concatenate([Tensor.ones([60]), Tensor.ones([60])], axis: 0) }
            #expect(throws: Never.self) { try Tensor.matmul(Tensor.ones([10, 1]), Tensor.ones([1, 10])) }
        }
        #expect(Tensor.maxElements == RunLimits.defaultMaxElements)
    }

    @Test func theMessageNamesTheLimit() {
        RunLimits(maxElements: 1000).install {
            #expect(throws: EngineError.value("MemoryError: a string of 2000 characters is over the memory limit of 1000 characters")) {
                try RunLimits.check(2000, .characters, what: "a string of 2000 characters")
            }
            #expect(RunLimits.current.limit(.items) == 200)
        }
    }

    @Test func aLongProductStopsAtTheDeadlineAndAShortOneDoesNot() throws {
        let limits = RunLimits()
        try limits.install {
            limits.start(seconds: 1e-9)
            Thread.sleep(forTimeInterval: 0.001)
            #expect(throws: EngineError.value(RunLimits.timeoutMessage)) {
                try Tensor.matmul(Tensor.ones([1024, 512]), Tensor.ones([512, 512]))
            }
            // Below one band of work there is no check: small products never pay for the clock.
            let small = try Tensor.matmul(Tensor.ones([4, 4]), Tensor.ones([4, 4]))
            #expect(small.scalars == Array(repeating: 4, count: 16))
            limits.start(seconds: 0)
            let big = try Tensor.matmul(Tensor.ones([1024, 512]), Tensor.ones([512, 300]))
            #expect(big.scalars.allSatisfy { $0 == 512 })
        }
    }

    @Test func bandsGiveTheSameBitsAsOneCall() throws {
        var rng = Generator(seed: 7)
        let a = Tensor(shape: [300, 700], scalars: (0..<210_000).map { _ in rng.nextDouble() - 0.5 })
        let b = Tensor(shape: [700, 800], scalars: (0..<560_000).map { _ in rng.nextDouble() - 0.5 })
        let banded = try Tensor.gemmChecked(a.scalars, b.scalars, m: 300, k: 700, n: 800)
        #expect(banded == Tensor.gemm(a.scalars, b.scalars, m: 300, k: 700, n: 800))
    }

    /// The deadline-checked sort gives exactly Swift's stable sort: ties keep their order.
    @Test(arguments: [0, 1, 5, 16_384, 16_385, 100_003])
    func theStableSortIsSwiftsStableSort(count: Int) throws {
        var rng = Generator(seed: UInt32(count))
        let items = (0..<count).map { (key: Int(rng.nextDouble() * 50), index: $0) }
        let sorted = try StableSort.sorted(items) { $0.key < $1.key }
        #expect(sorted.map(\.index) == items.sorted { $0.key < $1.key }.map(\.index))
    }

    @Test func aLongSortStopsAtTheDeadline() throws {
        let limits = RunLimits()
        limits.install {
            limits.start(seconds: 1e-9)
            Thread.sleep(forTimeInterval: 0.001)
            #expect(throws: EngineError.value(RunLimits.timeoutMessage)) { try StableSort.sorted(Array(0..<100_000), by: >) }
            #expect(throws: Never.self) { try StableSort.sorted([3, 1, 2], by: <) }
            #expect(throws: LinearAlgebra.Failure.timeUp) { try LinearAlgebra.determinant([1, 2, 3, 4], 2) }
        }
    }
}
