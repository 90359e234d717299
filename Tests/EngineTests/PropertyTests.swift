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

    @Test func randomOpsThrowOrSucceedWithNumpysShape() throws {
        var rng = Rng(state: 42)
        for _ in 0..<3000 {
            let a = Self.tensor(Self.shape(&rng))
            let b = Self.tensor(Self.shape(&rng))
            let va = Variable.leaf(a)
            let vb = Variable.leaf(b)
            let axis = rng.below(5) - 2
            // Each case: what the op gives, and the shape numpy gives (nil: numpy raises).
            let run: () throws(EngineError) -> Variable
            let expected: [Int]?
            switch rng.below(9) {
            case 0:
                run = { () throws(EngineError) in
                    let r = try Variable.add(va, vb)
                    let g = try Variable.gradients(of: Variable.reduce(.sum, r), wrt: [va, vb])
                    #expect(g[0].shape == a.shape && g[1].shape == b.shape)
                    return r
                }
                expected = NumpyShapes.broadcast(a.shape, b.shape)
            case 1:
                run = { () throws(EngineError) in try Variable.matmul(va, vb) }
                expected = NumpyShapes.matmul(a.shape, b.shape)
            case 2:
                let kind: Tensor.Reduction = [.sum, .mean, .max, .min][rng.below(4)]
                let keepdims = rng.below(2) == 0
                run = { () throws(EngineError) in try Variable.reduce(kind, va, axis: axis, keepdims: keepdims) }
                expected = NumpyShapes.reduce(a.shape, axis: axis, keepdims: keepdims, needsIdentity: kind == .max || kind == .min)
            case 3:
                run = { () throws(EngineError) in try Variable.softmax(va, axis: axis) }
                // scipy's softmax takes the max along the axis first: an empty axis raises.
                expected = NumpyShapes.reduce(a.shape, axis: axis, keepdims: true, needsIdentity: true).map { _ in a.shape }
            case 4:
                run = { () throws(EngineError) in try Variable.concatenate([va, vb], axis: axis) }
                expected = NumpyShapes.concatenate(a.shape, b.shape, axis: axis)
            case 5:
                let shape = Self.shape(&rng) + [-1]
                run = { () throws(EngineError) in try Variable.reshape(va, shape) }
                expected = NumpyShapes.reshape(count: a.count, shape)
            case 6:
                run = { () throws(EngineError) in try Variable.transpose(va) }
                expected = a.shape.reversed()
            case 7:
                let items: [IndexItem] = (0..<rng.below(3)).map { _ in
                    [.at(rng.below(5) - 2), .range(start: rng.below(3) - 1, stop: nil, step: [1, -1, 2][rng.below(3)]), .newAxis][
                        rng.below(3)]
                }
                run = { () throws(EngineError) in try Variable.index(va, items) }
                expected = NumpyShapes.index(a.shape, items)
            default:
                run = { () throws(EngineError) in try Variable.where(a.map { $0 > 0 ? 1 : 0 }, va, vb) }
                expected = NumpyShapes.broadcast(a.shape, b.shape)
            }
            // Only an EngineError is a refusal; it must come exactly where numpy refuses.
            do {
                let r = try run()
                #expect(expected != nil, "succeeded with shape \(r.shape) where numpy raises (\(a.shape), \(b.shape))")
                #expect(expected == nil || r.shape == expected!, "shape \(r.shape), numpy's \(expected ?? []) (\(a.shape), \(b.shape))")
            } catch {
                #expect(expected == nil, "raised \(error) where numpy gives shape \(expected ?? []) (\(a.shape), \(b.shape))")
            }
        }
    }
}

/// numpy's shape rules, written out independently of the engine: the shape an op gives,
/// or nil where numpy raises.
enum NumpyShapes {
    static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        let x = Array(repeating: 1, count: rank - a.count) + a
        let y = Array(repeating: 1, count: rank - b.count) + b
        var out: [Int] = []
        for (p, q) in zip(x, y) {
            guard p == q || p == 1 || q == 1 else { return nil }
            out.append(p == 1 ? q : p)
        }
        return out
    }

    /// `axis` as a dimension index, nil when out of range (AxisError).
    static func axis(_ axis: Int, rank: Int) -> Int? {
        guard axis >= -rank, axis < rank else { return nil }
        return axis < 0 ? axis + rank : axis
    }

    /// Lectern refuses stacked (3-D and up) operands with a clear error, by design: those
    /// count as refusals here too.
    static func matmul(_ a: [Int], _ b: [Int]) -> [Int]? {
        guard !a.isEmpty, !b.isEmpty, a.count <= 2, b.count <= 2 else { return nil }
        let x = a.count == 1 ? [1] + a : a
        let y = b.count == 1 ? b + [1] : b
        guard x[x.count - 1] == y[y.count - 2], let batch = broadcast(Array(x.dropLast(2)), Array(y.dropLast(2))) else { return nil }
        return batch + (a.count == 1 ? [] : [x[x.count - 2]]) + (b.count == 1 ? [] : [y[y.count - 1]])
    }

    /// max and min of an empty axis have no identity: numpy raises.
    static func reduce(_ shape: [Int], axis: Int, keepdims: Bool, needsIdentity: Bool) -> [Int]? {
        guard let k = self.axis(axis, rank: shape.count) else { return nil }
        if needsIdentity && shape[k] == 0 { return nil }
        var out = shape
        if keepdims { out[k] = 1 } else { out.remove(at: k) }
        return out
    }

    static func concatenate(_ a: [Int], _ b: [Int], axis: Int) -> [Int]? {
        guard !a.isEmpty, a.count == b.count, let k = self.axis(axis, rank: a.count) else { return nil }
        for d in a.indices where d != k && a[d] != b[d] { return nil }
        var out = a
        out[k] += b[k]
        return out
    }

    /// `reshape(shape)` where the last entry is -1.
    static func reshape(count: Int, _ shape: [Int]) -> [Int]? {
        let known = shape.dropLast().reduce(1, *)
        guard known > 0, count % known == 0 else { return nil }
        return Array(shape.dropLast()) + [count / known]
    }

    static func index(_ shape: [Int], _ items: [IndexItem]) -> [Int]? {
        guard items.filter({ $0 != .newAxis }).count <= shape.count else { return nil }
        var out: [Int] = []
        var d = 0
        for item in items {
            switch item {
            case .newAxis: out.append(1)
            case .at(let i):
                guard i >= -shape[d], i < shape[d] else { return nil }
                d += 1
            case .range(let start, let stop, let step):
                out.append(sliceLength(shape[d], start, stop, step ?? 1))
                d += 1
            default: return nil
            }
        }
        return out + shape[d...]
    }

    /// How many items `range(n)[start:stop:step]` has, as Python's slice.indices computes it.
    static func sliceLength(_ n: Int, _ start: Int?, _ stop: Int?, _ step: Int) -> Int {
        func clamp(_ v: Int?, _ fallback: Int) -> Int {
            guard var v else { return fallback }
            if v < 0 { v += n }
            return step > 0 ? min(max(v, 0), n) : min(max(v, -1), n - 1)
        }
        let lo = clamp(start, step > 0 ? 0 : n - 1)
        let hi = clamp(stop, step > 0 ? n : -1)
        return step > 0 ? max(0, (hi - lo + step - 1) / step) : max(0, (lo - hi - step - 1) / -step)
    }
}
