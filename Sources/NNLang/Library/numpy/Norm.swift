import Engine
import Foundation

/// `norm`'s `ord`: a number (including ±inf), `'fro'`, `'nuc'`, or None.
enum NormOrder: Equatable {
    case none
    case power(Double)
    case frobenius
    case nuclear

    init(_ v: Value?) throws(Failure) {
        guard let v, !v.isNone else {
            self = .none
            return
        }
        switch v {
        case .str("fro"): self = .frobenius
        case .str("nuc"): self = .nuclear
        case .str(let s): throw Failure("ValueError: Invalid norm order '\(s)'")
        default: self = .power(try v.asDouble("ord"))
        }
    }
}

extension Library {
    /// `np.linalg.norm` as numpy computes it: a vector norm along one axis, a matrix norm over
    /// two, the 2-norm of everything when neither `ord` nor `axis` is given.
    static func norm(_ x: Tensor, _ ord: NormOrder, _ axes: [Int]?, keepdims: Bool) throws(Failure) -> Value {
        let values = x.scalars
        guard let axes else {
            if ord == .none {
                let r = AxisLanes.pairwiseSum(values.map { $0 * $0 }[...]).squareRoot()
                return keepdims ? .tensor(Variable(Tensor(shape: x.shape.map { _ in 1 }, scalars: [r]))) : numpyScalar(r, .float64)
            }
            guard x.rank == 1 || x.rank == 2 else { throw Failure("ValueError: Improper number of dimensions to norm.") }
            return try norm(x, ord, Array(0..<x.rank), keepdims: keepdims)
        }
        switch axes.count {
        case 1:
            let lanes = AxisLanes(shape: x.shape, axis: axes[0])
            let r = lanes.map(values) { lane in vectorNorm(lane, ord, lanes) }
            if case .frobenius = ord { throw Failure("ValueError: Invalid norm order 'fro' for vectors") }
            if case .nuclear = ord { throw Failure("ValueError: Invalid norm order 'nuc' for vectors") }
            return shaped(r, lanes.reducedShape(keepdims: keepdims))
        case 2:
            guard x.rank == 2 else { throw Failure("NotImplementedError: Lectern does not support matrix norms of stacks of matrices") }
            let r = try matrixNorm(x, ord, row: axes[0], column: axes[1])
            return keepdims ? .tensor(Variable(Tensor(shape: [1, 1], scalars: [r]))) : numpyScalar(r, .float64)
        default:
            throw Failure("ValueError: Improper number of dimensions to norm.")
        }
    }

    private static func shaped(_ r: [Double], _ shape: [Int]) -> Value {
        shape.isEmpty ? numpyScalar(r[0], .float64) : .tensor(Variable(Tensor(shape: shape, scalars: r)))
    }

    private static func vectorNorm(_ lane: [Double], _ ord: NormOrder, _ lanes: AxisLanes) -> Double {
        guard case .power(let p) = ord else { return lanes.sum(lane.map { $0 * $0 }).squareRoot() }
        switch p {
        case .infinity: return lane.map(Swift.abs).max() ?? 0
        case -.infinity: return lane.map(Swift.abs).min() ?? 0
        case 0: return Double(lane.filter { $0 != 0 }.count)
        case 1: return lanes.sum(lane.map(Swift.abs))
        case 2: return lanes.sum(lane.map { $0 * $0 }).squareRoot()
        default: return Foundation.pow(lanes.sum(lane.map { Foundation.pow(Swift.abs($0), p) }), 1 / p)
        }
    }

    /// The induced 1- and ∞-norms (largest column or row sum of magnitudes) and Frobenius.
    private static func matrixNorm(_ x: Tensor, _ ord: NormOrder, row: Int, column: Int) throws(Failure) -> Double {
        guard row != column else { throw Failure("ValueError: Duplicate axes given.") }
        func sums(over axis: Int) -> [Double] {
            let lanes = AxisLanes(shape: x.shape, axis: axis)
            return lanes.map(x.scalars) { lanes.sum($0.map(Swift.abs)) }
        }
        switch ord {
        case .none, .frobenius: return AxisLanes.pairwiseSum(x.scalars.map { $0 * $0 }[...]).squareRoot()
        case .power(1): return sums(over: row).max() ?? 0
        case .power(-1): return sums(over: row).min() ?? 0
        case .power(.infinity): return sums(over: column).max() ?? 0
        case .power(-.infinity): return sums(over: column).min() ?? 0
        case .power(2):
            // The largest singular value is the square root of AᵀA's largest eigenvalue, which
            // that route computes to full relative precision (the smallest ones it does not).
            let (rows, cols) = (x.shape[0], x.shape[1])
            var gram = [Double](repeating: 0, count: cols * cols)
            for i in 0..<cols {
                try engine { () throws(EngineError) in try RunLimits.checkTime() }
                for j in 0..<cols { gram[i * cols + j] = (0..<rows).reduce(0) { $0 + x.scalars[$1 * cols + i] * x.scalars[$1 * cols + j] } }
            }
            guard cols > 0 else { return 0 }
            let eigen = try linalg { () throws(LinearAlgebra.Failure) in try LinearAlgebra.symmetricEigen(gram, cols) }
            guard let largest = eigen.values.last else { throw Failure("LinAlgError: SVD did not converge") }
            return Swift.max(largest, 0).squareRoot()
        case .power(-2), .nuclear:
            throw Failure("NotImplementedError: Lectern does not support the -2 or nuclear norm of a matrix (they need an SVD)")
        case .power: throw Failure("ValueError: Invalid norm order for matrices.")
        }
    }
}
