import Testing

@testable import Engine

/// Gradients of `prod` and `cumsum` against finite differences, and the tie rule of max/min.
@Suite struct ScanGradientTests {
    let checker = GradientCheckTests()

    @Test(arguments: [nil, 0, 1, -1] as [Int?], [false, true])
    func prodAndCumsum(_ axis: Int?, _ keepdims: Bool) throws {
        let x = GradientCheckTests.input([2, 3, 2])
        try checker.check("prod \(String(describing: axis))", [x]) { v in try Variable.prod(v[0], axis: axis, keepdims: keepdims) }
        try checker.check("cumsum \(String(describing: axis))", [x]) { v in try Variable.cumsum(v[0], axis: axis) }
    }

    @Test func prodWithAZeroFactor() throws {
        let x = Variable.leaf(Tensor(shape: [3], scalars: [2, 0, 5]))
        let p = try Variable.prod(x, axis: nil, keepdims: false)
        let g = try Variable.gradients(of: p, wrt: [x])[0]
        #expect(g.scalars == [0, 10, 0])
    }

    /// Ties share the gradient equally: max([1, 3, 3]) sends 1/2 to each 3.
    @Test func tiesShareTheGradient() throws {
        let x = Variable.leaf(Tensor(shape: [3], scalars: [1, 3, 3]))
        let m = try Variable.reduce(.max, x)
        #expect(try Variable.gradients(of: m, wrt: [x])[0].scalars == [0, 0.5, 0.5])
    }

    /// An op without a derivative refuses to be differentiated instead of giving zero.
    @Test func nondifferentiableOpRaises() throws {
        let x = Variable.leaf(Tensor(shape: [2], scalars: [1.5, 2.5]))
        let y = Variable.nondifferentiable("//", Tensor(shape: [2], scalars: [0, 1]), [x])
        #expect(throws: EngineError.self) { try Variable.gradients(of: y, wrt: [x]) }
    }
}
