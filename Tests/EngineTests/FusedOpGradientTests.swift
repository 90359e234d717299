import Foundation
import Testing

@testable import Engine

/// The fused training ops (a dense layer, each loss) against central finite differences,
/// and against the separate ops they replace.
@Suite struct FusedOpGradientTests {
    let checker = GradientCheckTests()

    /// A fixed, uneven weighting of an op's outputs, so the backward pass meets a gradient
    /// that is not all ones.
    static func weighted(_ v: Variable) throws -> Variable {
        try Variable.mul(v, Variable(GradientCheckTests.input(v.shape, offset: 2.3)))
    }

    @Test(arguments: [Activation.linear, .relu, .sigmoid, .tanh, .softmax, .elu, .leakyRelu(alpha: 0.2)], [true, false])
    func denseLayer(_ activation: Activation, _ bias: Bool) throws {
        let x = GradientCheckTests.input([3, 4]).map { $0 * 2 }
        let w = GradientCheckTests.input([4, 5], offset: 0.7)
        let b = GradientCheckTests.input([5], offset: 1.9)
        try checker.check("dense \(activation.name) bias \(bias)", bias ? [x, w, b] : [x, w]) { v in
            try Self.weighted(Variable.dense(v[0], kernel: v[1], bias: bias ? v[2] : nil, activation: activation))
        }
    }

    @Test func denseLayerOverLeadingAxes() throws {
        let x = GradientCheckTests.input([2, 3, 4])
        let w = GradientCheckTests.input([4, 2], offset: 0.7)
        try checker.check("dense on (2, 3, 4)", [x, w]) { v in
            try Self.weighted(Variable.dense(v[0], kernel: v[1], bias: nil, activation: .tanh))
        }
        try checker.check("dense on (4,)", [GradientCheckTests.input([4]), w]) { v in
            try Self.weighted(Variable.dense(v[0], kernel: v[1], bias: nil, activation: .sigmoid))
        }
    }

    /// The fused dense op gives the bits of matmul, add and the activation as separate ops.
    @Test(arguments: [Activation.relu, .sigmoid, .softmax, .tanh])
    func denseLayerMatchesSeparateOps(_ activation: Activation) throws {
        let x = Variable.leaf(GradientCheckTests.input([5, 4]))
        let w = Variable.leaf(GradientCheckTests.input([4, 3], offset: 0.7))
        let b = Variable.leaf(GradientCheckTests.input([3], offset: 1.9))
        let fused = try Self.weighted(Variable.dense(x, kernel: w, bias: b, activation: activation))
        let separate = try Self.weighted(activation(Variable.add(Variable.matmul(x, w), b)))
        #expect(fused.value == separate.value)
        let g1 = try Variable.gradients(of: Variable.reduce(.sum, fused), wrt: [x, w, b])
        let g2 = try Variable.gradients(of: Variable.reduce(.sum, separate), wrt: [x, w, b])
        for (a, e) in zip(g1, g2) { #expect(a == e) }
    }

    static func target(_ loss: Loss, _ shape: [Int]) -> Tensor {
        switch loss {
        case .sparseCategoricalCrossentropy: Tensor(shape: [shape[0]], scalars: (0..<shape[0]).map { Double($0 % shape[1]) })
        case .categoricalCrossentropy: Tensor.eye(shape[0], shape[1])
        default: GradientCheckTests.input(shape, offset: 0.9, positive: true).map { min($0, 1) }
        }
    }

    @Test(arguments: Loss.allCases)
    func lossOps(_ loss: Loss) throws {
        // Probabilities strictly inside (0, 1), away from the clip.
        let p = GradientCheckTests.input([4, 3], positive: true).map { $0 / 1.3 }
        let y = Self.target(loss, [4, 3])
        let w = Tensor(shape: [4], scalars: [0.5, 2, 0, 1.25])
        try checker.check("\(loss)", [p]) { v in try loss(y, v[0]) }
        try checker.check("\(loss) with sample weights", [p]) { v in try loss(y, v[0], sampleWeight: w) }
        try checker.check("\(loss) per sample", [p]) { v in try Self.weighted(loss.perSample(y, v[0])) }
        if loss != .meanAbsoluteError {
            try checker.check("\(loss) smoothed", [p]) { v in try loss(y, v[0], options: LossOptions(labelSmoothing: 0.2)) }
        }
    }

    /// Keras's weighting: Σ wᵢ·lossᵢ / n, the weights' trailing axis of 1 dropped.
    @Test func sampleWeightsScaleEachSample() throws {
        let p = Variable(GradientCheckTests.input([4, 1], positive: true))
        let y = Tensor(shape: [4], scalars: [0, 1, 1, 0])
        let per = try Loss.meanSquaredError.perSample(y, p).value.scalars
        let w = [0.5, 2, 0, 1.25]
        let expected = zip(per, w).map(*).reduce(0, +) / 4
        for weights in [Tensor(shape: [4], scalars: w), Tensor(shape: [4, 1], scalars: w)] {
            let l = try Loss.meanSquaredError(y, p, sampleWeight: weights)
            #expect(abs(l.value.scalars[0] - expected) <= 1e-15)
        }
        #expect(throws: EngineError.self) { try Loss.meanSquaredError(y, p, sampleWeight: Tensor(shape: [3], scalars: [1, 2, 3])) }
    }
}
