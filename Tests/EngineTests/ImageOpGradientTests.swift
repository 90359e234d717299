import Foundation
import Testing

@testable import Engine

/// The convolution, pooling and normalisation ops against central finite differences.
@Suite struct ImageOpGradientTests {
    let checker = GradientCheckTests()

    static let convCases: [(window: [Int], strides: [Int], padding: Padding)] = [
        ([3, 3], [1, 1], .valid), ([3, 2], [2, 1], .valid), ([3, 3], [2, 2], .same), ([2, 2], [1, 1], .same), ([1, 3], [3, 2], .same),
    ]

    @Test(arguments: convCases)
    func conv2D(_ c: (window: [Int], strides: [Int], padding: Padding)) throws {
        let x = GradientCheckTests.input([2, 5, 6, 2])
        let k = GradientCheckTests.input([c.window[0], c.window[1], 2, 3], offset: 0.7)
        try checker.check("conv2D \(c)", [x, k]) { v in
            try Variable.conv2D(v[0], v[1], strides: (c.strides[0], c.strides[1]), padding: c.padding)
        }
    }

    @Test(arguments: convCases)
    func pooling(_ c: (window: [Int], strides: [Int], padding: Padding)) throws {
        let x = GradientCheckTests.input([2, 5, 6, 3])
        let g = try WindowGeometry(
            input: (5, 6), window: (c.window[0], c.window[1]), strides: (c.strides[0], c.strides[1]), padding: c.padding)
        try checker.check("maxPool \(c)", [x]) { v in try Variable.maxPool(v[0], g) }
        try checker.check("averagePool \(c)", [x]) { v in try Variable.averagePool(v[0], g) }
    }

    /// TensorFlow's 'same' padding: ⌈n/s⌉ outputs, the odd extra row at the bottom.
    @Test func samePaddingGeometry() throws {
        let g = try WindowGeometry(input: (6, 6), window: (3, 3), strides: (2, 2), padding: .same)
        #expect(g.output == (3, 3) && g.padTop == 0 && g.padLeft == 0)
        let h = try WindowGeometry(input: (5, 5), window: (3, 3), strides: (1, 1), padding: .same)
        #expect(h.output == (5, 5) && h.padTop == 1)
        #expect(throws: EngineError.self) { try WindowGeometry(input: (2, 2), window: (3, 3), strides: (1, 1), padding: .valid) }
    }

    /// Max pooling sends a tie's gradient to the first maximum only.
    @Test func maxPoolTieGoesToFirst() throws {
        let x = Variable.leaf(Tensor(shape: [1, 2, 2, 1], scalars: [1, 1, 1, 1]))
        let g = try WindowGeometry(input: (2, 2), window: (2, 2), strides: (2, 2), padding: .valid)
        let y = try Variable.maxPool(x, g)
        #expect(try Variable.gradients(of: y, wrt: [x])[0].scalars == [1, 0, 0, 0])
    }

    @Test func batchNormalizationTraining() throws {
        let context = Context(seed: 1)
        let bn = BatchNormalization(name: nil, context: context)
        try bn.build([[3]], context)
        bn.params[0] = GradientCheckTests.input([3], offset: 1, positive: true)
        bn.params[1] = GradientCheckTests.input([3], offset: 2)
        let x = GradientCheckTests.input([4, 3], offset: 0.3)
        // Only x, γ and β are inputs; the moving statistics change as a side effect.
        try checker.check("batchNormalization", [x, bn.params[0], bn.params[1]]) { v in
            try bn.call([v[0]], params: [v[1], v[2], Variable(bn.params[2]), Variable(bn.params[3])], training: true, context: context)
        }
    }

    @Test func reluOptions() throws {
        let context = Context(seed: 1)
        let x = GradientCheckTests.input([12], offset: 0.2).map { $0 * 3 }
        for (top, slope, theta) in [(nil, 0.0, 0.0), (1.0, 0.0, 0.0), (nil, 0.1, 0.5), (2.0, 0.3, 0.25)] as [(Double?, Double, Double)] {
            let layer = try ReLULayer(maxValue: top, negativeSlope: slope, threshold: theta, name: nil, context: context)
            try checker.check("relu \(String(describing: top)) \(slope) \(theta)", [x]) { v in
                try layer.call(v, params: [], training: false, context: context)
            }
        }
    }
}
