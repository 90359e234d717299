import Foundation
import Testing

@testable import Engine

/// Random ops on random shapes: each either succeeds with the shape numpy would give or throws
/// an `EngineError`; nothing traps.
@Suite struct PropertyTests {
    struct Rng {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
    }

    static func shape(_ rng: inout Rng) -> [Int] { (0..<rng.below(4)).map { _ in rng.below(4) } }

    static func tensor(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { sin(Double($0) * 0.7) })
    }

    @Test func randomOpsThrowOrSucceedWithNumpysShape() {
        var rng = Rng(state: 42)
        for _ in 0..<3000 {
            let a = Self.tensor(Self.shape(&rng))
            let b = Self.tensor(Self.shape(&rng))
            let va = Variable.leaf(a)
            let vb = Variable.leaf(b)
            let axis = rng.below(5) - 2
            do {
                switch rng.below(9) {
                case 0:
                    let r = try Variable.add(va, vb)
                    #expect(r.shape == Tensor.broadcastShape(a.shape, b.shape))
                    let g = try Variable.gradients(of: Variable.reduce(.sum, r), wrt: [va, vb])
                    #expect(g[0].shape == a.shape && g[1].shape == b.shape)
                case 1:
                    let r = try Variable.matmul(va, vb)
                    #expect(r.value.count == r.shape.reduce(1, *))
                case 2: _ = try Variable.reduce([.sum, .mean, .max, .min][rng.below(4)], va, axis: axis, keepdims: rng.below(2) == 0)
                case 3: _ = try Variable.softmax(va, axis: axis)
                case 4: _ = try Variable.concatenate([va, vb], axis: axis)
                case 5: _ = try Variable.reshape(va, Self.shape(&rng) + [-1])
                case 6: _ = try Variable.transpose(va)
                case 7:
                    let items: [IndexItem] = (0..<rng.below(3)).map { _ in
                        [.at(rng.below(5) - 2), .range(start: rng.below(3) - 1, stop: nil, step: [1, -1, 2][rng.below(3)]), .newAxis][
                            rng.below(3)]
                    }
                    _ = try Variable.index(va, items)
                default:
                    let r = try Variable.where(a.map { $0 > 0 ? 1 : 0 }, va, vb)
                    #expect(r.shape == Tensor.broadcastShape(a.shape, b.shape))
                }
            } catch {
                // An EngineError is the expected way to refuse.
            }
        }
    }
}
