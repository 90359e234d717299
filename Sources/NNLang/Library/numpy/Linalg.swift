import Engine
import Foundation

/// `np.linalg`: `norm`, `det`, `inv`, `solve`, `eigh`/`eigvalsh` on 2-D arrays.
extension Library {
    static func numpyLinalg(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        m["norm"] = fn(def: "norm(x, ord=None, axis=None, keepdims=False)") { args throws(Failure) in
            let variable = try interp.tensor(try args.required(0, "x"))
            let x = variable.value
            let ord = try NormOrder(args.optional(1, "ord"))
            let axes = try args.optional(2, "axis").flatMap { v throws(Failure) in v.isNone ? nil : try axisList(v, rank: x.rank) }
            let euclidean = ord == .none || (ord == .power(2) && x.rank == 1) || (ord == .frobenius && x.rank == 2)
            let keepdims = try args.bool(3, "keepdims", false)
            if variable.isTracked && axes == nil && euclidean && !keepdims {
                return .tensor(Variable.euclideanNorm(variable))
            }
            return try norm(x, ord, axes, keepdims: keepdims)
        }
        m["det"] = fn(def: "det(a)") { args throws(Failure) in
            let (a, n) = try squareMatrix(try args.tensor(0, "a"))
            return numpyScalar(try linalg { () throws(LinearAlgebra.Failure) in try LinearAlgebra.determinant(a.scalars, n) }, .float64)
        }
        m["inv"] = fn(def: "inv(a)") { args throws(Failure) in
            let (a, n) = try squareMatrix(try args.tensor(0, "a"))
            let x = try linalg { () throws(LinearAlgebra.Failure) in try LinearAlgebra.inverse(a.scalars, n) }
            return .tensor(Variable(Tensor(shape: [n, n], scalars: x)))
        }
        m["solve"] = fn(def: "solve(a, b)") { args throws(Failure) in
            let (a, n) = try squareMatrix(try args.tensor(0, "a"))
            let b = try args.tensor(1, "b")
            guard b.rank == 1 || b.rank == 2, b.shape[0] == n else {
                throw Failure("ValueError: solve: b of shape \(formatShape(b.shape)) does not match a of shape \(formatShape([n, n]))")
            }
            let columns = b.rank == 1 ? 1 : b.shape[1]
            let x = try linalg { () throws(LinearAlgebra.Failure) in try LinearAlgebra.solve(a.scalars, n, b.scalars, columns: columns) }
            return .tensor(Variable(Tensor(shape: b.shape, scalars: x)))
        }
        for name in ["eigh", "eigvalsh"] {
            m[name] = fn(def: "\(name)(a, UPLO='L')") { args throws(Failure) in
                guard (try args.string(1, "UPLO") ?? "L") == "L" else {
                    throw Failure("NotImplementedError: Lectern does not support UPLO='U' in \(name)(); it reads the lower triangle")
                }
                let (a, n) = try squareMatrix(try args.tensor(0, "a"))
                let (values, vectors) = try linalg { () throws(LinearAlgebra.Failure) in try LinearAlgebra.symmetricEigen(a.scalars, n) }
                let w = Value.tensor(Variable(Tensor(shape: [n], scalars: values)))
                return name == "eigvalsh" ? w : .tuple([w, .tensor(Variable(Tensor(shape: [n, n], scalars: vectors)))])
            }
        }
        m["eig"] = fn(def: "eig(a)") { _ throws(Failure) in
            throw Failure(
                "NotImplementedError: Lectern does not support np.linalg.eig: its eigenvalue order is LAPACK's",
                hint: "for a symmetric matrix use np.linalg.eigh, which sorts the eigenvalues ascending")
        }
        withoutGradient(["norm", "det", "inv", "solve", "eigh", "eigvalsh"], in: &m, prefix: "np.linalg.")
        return .module(Module("numpy.linalg", m))
    }

    static func linalg<T>(_ body: () throws(LinearAlgebra.Failure) -> T) throws(Failure) -> T {
        do { return try body() } catch {
            switch error {
            case .singular: throw Failure("LinAlgError: Singular matrix")
            case .noConvergence: throw Failure("LinAlgError: Eigenvalues did not converge")
            case .timeUp: throw Failure(EngineError.value(RunLimits.timeoutMessage))
            }
        }
    }

    private static func squareMatrix(_ t: Tensor) throws(Failure) -> (Tensor, Int) {
        guard t.rank >= 2 else {
            throw Failure("LinAlgError: \(t.rank)-dimensional array given. Array must be at least two-dimensional")
        }
        guard t.shape[t.rank - 1] == t.shape[t.rank - 2] else {
            throw Failure("LinAlgError: Last 2 dimensions of the array must be square")
        }
        guard t.rank == 2 else { throw Failure("NotImplementedError: Lectern does not support stacks of matrices in np.linalg") }
        return (t, t.shape[0])
    }

    /// `axis=` as a list of distinct non-negative axes.
    private static func axisList(_ v: Value, rank: Int) throws(Failure) -> [Int] {
        let raw: [Int]
        switch v {
        case .tuple, .list: raw = try axisInts(v)
        default: raw = [try v.asInt("axis")]
        }
        let axes = try raw.map { a throws(Failure) in
            guard a >= -rank && a < rank else { throw Failure("AxisError: axis \(a) is out of bounds for array of dimension \(rank)") }
            return a < 0 ? a + rank : a
        }
        guard Set(axes).count == axes.count else { throw Failure("ValueError: Duplicate axes given.") }
        return axes
    }

    private static func axisInts(_ v: Value) throws(Failure) -> [Int] {
        let items: [Value]
        switch v {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default: items = [v]
        }
        return try items.map { i throws(Failure) in try i.asInt("axis") }
    }
}
