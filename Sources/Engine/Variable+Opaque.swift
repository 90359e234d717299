/// Graph nodes for numpy functions Lectern does not differentiate, and for the one it does
/// by hand (`np.linalg.norm`'s 2-norm).
extension Variable {
    /// A value computed from tracked inputs by an op with no backward: differentiating
    /// through it is an error naming the op, never a silent zero gradient.
    public static func opaque(_ op: String, _ value: Tensor, _ inputs: [Variable]) -> Variable {
        record(op, value, inputs) { _ throws(EngineError) in
            throw .value("NotImplementedError: Lectern cannot differentiate through \(op)")
        }
    }

    /// ‖x‖₂ of all elements, summed in numpy's pairwise order; its gradient is x / ‖x‖
    /// (zero at x = 0, as TensorFlow's convention).
    public static func euclideanNorm(_ x: Variable) -> Variable {
        let norm = AxisLanes.pairwiseSum(x.value.scalars.map { $0 * $0 }[...]).squareRoot()
        return record("norm", Tensor(norm), [x]) { g throws(EngineError) in
            [x.value.map { norm == 0 ? 0 : g.scalars[0] * $0 / norm }]
        }
    }
}
