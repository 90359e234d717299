import Foundation
import Testing

@testable import Engine

/// The ops behind `from_logits=True`, `tf.nn` and `tf.reduce_prod` against central differences.
@Suite struct LogitGradientTests {
    let checker = GradientCheckTests()

    @Test func logSoftmaxAndSoftplus() throws {
        let x = GradientCheckTests.input([3, 4]).map { $0 * 4 }
        try checker.check("log_softmax axis -1", [x]) { v in try LogitLosses.logSoftmax(v[0], axis: -1) }
        try checker.check("log_softmax axis 0", [x]) { v in try LogitLosses.logSoftmax(v[0], axis: 0) }
        try checker.check("softplus", [x]) { v in LogitLosses.softplus(v[0]) }
    }

    @Test func crossEntropiesOnLogits() throws {
        let logits = GradientCheckTests.input([4, 1], offset: 0.3).map { $0 * 5 }
        let labels = GradientCheckTests.input([4, 1], offset: 1.1, positive: true).map { min($0, 1) }
        try checker.check("sigmoid_cross_entropy_with_logits", [labels, logits]) { v in
            try LogitLosses.sigmoidCrossEntropy(labels: v[0], logits: v[1])
        }
        let wide = GradientCheckTests.input([3, 4], offset: 0.5).map { $0 * 3 }
        for loss in [Loss.categoricalCrossentropy, .sparseCategoricalCrossentropy, .binaryCrossentropy] {
            let target =
                loss == .sparseCategoricalCrossentropy
                ? Tensor(shape: [3], scalars: [0, 3, 1])
                : (loss == .binaryCrossentropy ? Tensor(shape: [3, 4], repeating: 0.5) : Tensor.eye(3, 4))
            try checker.check("\(loss) from logits with smoothing", [wide]) { v in
                try loss(target, v[0], options: LossOptions(fromLogits: true, labelSmoothing: 0.1))
            }
        }
    }

    /// Exact slopes even where a factor is zero (the product of the others).
    @Test func productAlongAxes() throws {
        var x = GradientCheckTests.input([2, 3, 2])
        x.scalars[4] = 0
        try checker.check("prod all", [x]) { v in try Variable.product(v[0]) }
        for axis in [0, 1, -1] {
            try checker.check("prod axis \(axis)", [x]) { v in try Variable.product(v[0], axis: axis, keepdims: axis == 1) }
        }
        #expect(try Variable.product(Variable(x), axis: 1).shape == [2, 2])
        #expect(try Variable.product(Variable(x), axis: 1, keepdims: true).shape == [2, 1, 2])
    }
}
