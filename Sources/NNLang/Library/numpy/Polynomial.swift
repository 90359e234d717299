import Engine

/// `np.polyfit` and `np.polyval`: coefficients highest power first, as numpy orders them.
extension Library {
    static func addPolynomials(_ m: inout [String: Value], _ interp: Interpreter) {
        m["polyfit"] = fn(def: "polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False)", unsupported: ["rcond", "full", "cov"]) {
            args throws(Failure) in
            let x = try args.tensor(0, "x")
            let y = try args.tensor(1, "y")
            let weights = try args.optional(5, "w").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            return try polyfit(x, y, deg: try args.required(2, "deg").asInt("deg"), weights: weights)
        }
        m["polyval"] = fn(def: "polyval(p, x)") { args throws(Failure) in
            let p = try interp.tensor(try args.required(0, "p")).value
            let xs = try interp.tensor(try args.required(1, "x")).value
            let x = Value.tensor(Variable(xs))
            guard p.rank <= 1 else { throw Failure("NotImplementedError: Lectern does not support 2-D coefficients in polyval()") }
            // Horner's rule from zeros_like(x), so the result's dtype is numpy's.
            var y = Value.tensor(Variable(Tensor(shape: xs.shape, repeating: 0).withDType(xs.dtype)))
            for c in p.scalars {
                y = try interp.binary("+", try interp.binary("*", y, x), numpyScalar(c, p.dtype))
            }
            return y
        }
    }

    /// numpy's algorithm: the Vandermonde matrix (weighted rows), each column scaled to unit
    /// norm, solved in the least-squares sense, then unscaled. numpy solves with an SVD and
    /// Lectern with QR: the two agree to rounding (checked at 1e-12 against numpy); a
    /// rank-deficient fit, where they would differ, is refused.
    private static func polyfit(_ x: Tensor, _ y: Tensor, deg: Int, weights: Tensor?) throws(Failure) -> Value {
        guard deg >= 0 else { throw Failure("ValueError: expected deg >= 0") }
        guard x.rank == 1 else { throw Failure("TypeError: expected 1D vector for x") }
        guard x.count > 0 else { throw Failure("TypeError: expected non-empty vector for x") }
        guard y.rank == 1 || y.rank == 2 else { throw Failure("TypeError: expected 1D or 2D array for y") }
        guard x.shape[0] == y.shape[0] else { throw Failure("TypeError: expected x and y to have same length") }
        let rows = x.count
        let order = deg + 1
        let columns = y.rank == 2 ? y.shape[1] : 1
        var lhs = [Double](repeating: 0, count: rows * order)
        for i in 0..<rows {
            var power = 1.0
            for j in stride(from: order - 1, through: 0, by: -1) {
                lhs[i * order + j] = power
                power *= x.scalars[i]
            }
        }
        var rhs = y.scalars
        if let w = weights {
            guard w.rank == 1 else { throw Failure("TypeError: expected a 1-d array for weights") }
            guard w.count == rows else { throw Failure("TypeError: expected w and y to have the same length") }
            for i in 0..<rows {
                for j in 0..<order { lhs[i * order + j] *= w.scalars[i] }
                for c in 0..<columns { rhs[i * columns + c] *= w.scalars[i] }
            }
        }
        var scale = [Double](repeating: 0, count: order)
        for j in 0..<order {
            var s = 0.0
            for i in 0..<rows { s += lhs[i * order + j] * lhs[i * order + j] }
            scale[j] = s.squareRoot()
            for i in 0..<rows { lhs[i * order + j] /= scale[j] }
        }
        let rcond = Double(rows) * Double.ulpOfOne
        guard
            var c = LinearAlgebra.leastSquares(lhs, rows: rows, cols: order, rhs, columns: columns, rcond: rcond),
            scale.allSatisfy({ $0 > 0 && $0.isFinite })
        else {
            throw Failure(
                "NotImplementedError: Lectern does not support a rank-deficient fit in polyfit()",
                hint: "numpy warns 'Polyfit may be poorly conditioned' here; use fewer degrees or more distinct x values")
        }
        for j in 0..<order { for k in 0..<columns { c[j * columns + k] /= scale[j] } }
        return .tensor(Variable(Tensor(shape: y.rank == 2 ? [order, columns] : [order], scalars: c)))
    }
}
