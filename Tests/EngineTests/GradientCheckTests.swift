import Foundation
import Testing

@testable import Engine

/// Every op's autodiff gradient against central finite differences.
@Suite struct GradientCheckTests {
    /// Deterministic inputs away from kinks and domain edges.
    static func input(_ shape: [Int], offset: Double = 0, positive: Bool = false) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(
            shape: shape,
            scalars: (0..<n).map { i in
                let v = sin(Double(i) * 1.7 + offset) * 0.9 + 0.05
                return positive ? abs(v) + 0.3 : v
            })
    }

    /// Compares ∂sum(f)/∂x_k by autodiff with (f(x+h) − f(x−h)) / 2h for every input and element.
    func check(_ name: String, _ inputs: [Tensor], rtol: Double = 1e-6, _ f: ([Variable]) throws -> Variable) throws {
        let leaves = inputs.map { Variable.leaf($0) }
        let out = try f(leaves)
        let total = try Variable.reduce(.sum, out)
        let grads = try Variable.gradients(of: total, wrt: leaves)
        let h = 1e-6
        for k in inputs.indices {
            for i in 0..<inputs[k].count {
                var up = inputs
                var down = inputs
                up[k].scalars[i] += h
                down[k].scalars[i] -= h
                let fu = try f(up.map { Variable($0) }).value.sum()
                let fd = try f(down.map { Variable($0) }).value.sum()
                let numeric = (fu - fd) / (2 * h)
                let analytic = grads[k].scalars[i]
                #expect(
                    abs(numeric - analytic) <= rtol * max(1, abs(numeric)),
                    "\(name): input \(k) element \(i): autodiff \(analytic), numeric \(numeric)")
            }
        }
    }

    static let broadcastPairs: [([Int], [Int])] = [
        ([2, 3], [2, 3]), ([2, 3], [3]), ([2, 3], [1, 3]), ([2, 3], [2, 1]), ([2, 1], [1, 3]), ([3], []), ([], [2, 2]),
        ([2, 1, 3], [4, 1]),
    ]

    @Test(arguments: ["add", "sub", "mul", "div", "pow", "maximum", "minimum"], broadcastPairs)
    func binaryOps(_ op: String, _ shapes: ([Int], [Int])) throws {
        let a = Self.input(shapes.0, positive: op == "pow" || op == "div")
        let b = Self.input(shapes.1, offset: 0.4, positive: op == "div")
        try check("\(op) \(shapes)", [a, b]) { v in
            switch op {
            case "add": try Variable.add(v[0], v[1])
            case "sub": try Variable.sub(v[0], v[1])
            case "mul": try Variable.mul(v[0], v[1])
            case "div": try Variable.div(v[0], v[1])
            case "pow": try Variable.pow(v[0], v[1])
            case "maximum": try Variable.maximum(v[0], v[1])
            default: try Variable.minimum(v[0], v[1])
            }
        }
    }

    @Test(arguments: [([3, 4], [4, 2]), ([4], [4, 2]), ([3, 4], [4]), ([4], [4])])
    func matmul(_ shapes: ([Int], [Int])) throws {
        try check("matmul \(shapes)", [Self.input(shapes.0), Self.input(shapes.1, offset: 1)]) { v in try Variable.matmul(v[0], v[1]) }
    }

    @Test(arguments: ["neg", "exp", "log", "sqrt", "abs", "sin", "cos", "clip"])
    func unaryOps(_ op: String) throws {
        let x = Self.input([2, 3], positive: op == "log" || op == "sqrt")
        try check(op, [x]) { v in
            switch op {
            case "neg": Variable.neg(v[0])
            case "exp": Variable.exp(v[0])
            case "log": Variable.log(v[0])
            case "sqrt": Variable.sqrt(v[0])
            case "abs": Variable.abs(v[0])
            case "sin": Variable.sin(v[0])
            case "cos": Variable.cos(v[0])
            default: Variable.clip(v[0], -0.5, 0.5)
            }
        }
    }

    @Test(arguments: ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax", "linear", "piecewise_linear"])
    func activations(_ name: String) throws {
        let activation = Activation(name: name)!
        try check(name, [Self.input([3, 4])]) { v in
            // Weighted sum, so softmax's gradient (which sums to zero per row) is tested too.
            try Variable.mul(try activation(v[0]), Variable(Self.input([3, 4], offset: 2)))
        }
    }

    @Test func activationDerivativesMatchFiniteDifferences() {
        for name in Activation.names where name != "softmax" {
            let a = Activation(name: name)!
            for x in stride(from: -2.9, through: 2.9, by: 0.37) where abs(abs(x) - 0.5) > 1e-3 {
                let numeric = (a.apply(x + 1e-6) - a.apply(x - 1e-6)) / 2e-6
                #expect(abs(a.derivative(x) - numeric) < 1e-6, "d_\(name)(\(x))")
            }
        }
    }

    @Test(arguments: [Tensor.Reduction.sum, .mean, .max, .min], [nil, 0, 1, -1] as [Int?])
    func reductions(_ kind: Tensor.Reduction, _ axis: Int?) throws {
        try check("\(kind) axis \(String(describing: axis))", [Self.input([3, 4])]) { v in
            try Variable.reduce(kind, v[0], axis: axis, keepdims: axis == 1)
        }
    }

    @Test func shapeOps() throws {
        try check("reshape", [Self.input([2, 6])]) { v in
            try Variable.mul(try Variable.reshape(v[0], [3, 4]), Variable(Self.input([3, 4], offset: 1)))
        }
        try check("transpose", [Self.input([2, 3])]) { v in
            try Variable.mul(try Variable.transpose(v[0]), Variable(Self.input([3, 2], offset: 1)))
        }
        try check("index", [Self.input([4, 3])]) { v in try Variable.index(v[0], [.range(start: 1, stop: nil, step: 2), .at(-1)]) }
        try check("concatenate", [Self.input([2, 3]), Self.input([2, 2], offset: 1)]) { v in
            try Variable.mul(try Variable.concatenate(v, axis: 1), Variable(Self.input([2, 5], offset: 3)))
        }
        try check("where", [Self.input([2, 3]), Self.input([3], offset: 1)]) { v in
            try Variable.where(Tensor(shape: [2, 3], scalars: [1, 0, 1, 0, 0, 1]), v[0], v[1])
        }
    }

    @Test(arguments: Loss.allCases)
    func losses(_ loss: Loss) throws {
        let rows = 4
        let cols = 3
        let p = Tensor(shape: [rows, cols], scalars: (0..<(rows * cols)).map { 0.15 + 0.7 * abs(sin(Double($0) * 1.3)) })
        let target: Tensor =
            switch loss {
            case .sparseCategoricalCrossentropy: Tensor(shape: [rows], scalars: [0, 2, 1, 2])
            case .binaryCrossentropy: Tensor(shape: [rows, cols], scalars: (0..<(rows * cols)).map { Double($0 % 2) })
            default: Tensor(shape: [rows, cols], scalars: (0..<(rows * cols)).map { Double(($0 * 7) % 3) / 2 + 0.01 })
            }
        try check(loss.rawValue, [p]) { v in try loss(target, v[0]) }
    }
}
