import Foundation
import Testing

@testable import Engine

/// The strided broadcast loop of `Tensor.zip` against the definition: element i of the result
/// combines the elements of each operand that `broadcastIndices` maps onto i.
@Suite struct BroadcastTests {
    static func tensor(_ shape: [Int], _ seed: Double) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { sin(Double($0) * 0.7 + seed) })
    }

    static let pairs: [([Int], [Int])] = [
        ([300, 3], [300, 1]), ([300, 1], [300, 3]), ([2, 3, 4], [3, 1]), ([2, 1, 4], [1, 3, 1]),
        ([4, 1], [3]), ([1], [5, 2]), ([2, 3, 4], [2, 1, 4]), ([3, 1, 2, 1], [1, 4, 1, 5]),
        ([0, 3], [1, 3]), ([2, 0], [2, 1]), ([1, 1], [1, 1, 7]),
    ]

    @Test(arguments: pairs) func stridedLoopMatchesTheIndexDefinition(_ pair: ([Int], [Int])) throws {
        let (a, b) = (Self.tensor(pair.0, 0.3), Self.tensor(pair.1, 1.9))
        let result = try Tensor.zip(a, b, "subtract") { $0 - 2 * $1 }
        let shape = try #require(Tensor.broadcastShape(a.shape, b.shape))
        let (ia, ib) = (a.broadcastIndices(to: shape), b.broadcastIndices(to: shape))
        #expect(result.shape == shape)
        #expect(result.scalars == ia.indices.map { a.scalars[ia[$0]] - 2 * b.scalars[ib[$0]] })
    }

    @Test func aMaskOfTheArraysShapeWritesTheSelectedElements() throws {
        let storage = ArrayStorage(Self.tensor([3, 4], 0))
        let mask = Tensor(shape: [3, 4], scalars: storage.tensor.scalars.map { $0 < 0 ? 1 : 0 }).withDType(.bool)
        try storage.assign(mask: mask, Tensor(shape: [], scalars: [0]))
        #expect(storage.tensor.scalars == Self.tensor([3, 4], 0).scalars.map { max($0, 0) })
        let selected = mask.scalars.filter { $0 != 0 }.count
        let values = Tensor(shape: [selected + 1], scalars: Array(repeating: 1, count: selected + 1))
        #expect(throws: EngineError.self) { try storage.assign(mask: mask, values) }
    }
}
