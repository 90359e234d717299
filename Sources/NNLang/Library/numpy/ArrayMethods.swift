import Engine
import Foundation

// MARK: - Shape methods that return views, and small numpy functions on arrays

extension Library {
    /// `reshape`: a view of the same memory when it is contiguous (as numpy), else a copy.
    static func reshaped(_ t: Variable, _ shape: [Int]) throws(Failure) -> Value {
        let r = try engine { () throws(EngineError) in try Variable.reshape(t, shape) }
        if !t.isTracked, let view = t.storage.reshaped(r.shape) { return .tensor(Variable(storage: view)) }
        return .tensor(r)
    }

    /// `order=`: only numpy's default row-major order "C" is implemented.
    static func requireCOrder(_ args: Arguments, _ index: Int) throws(Failure) {
        if let o = args.optional(index, "order"), !o.isNone, (try? args.string(index, "order")) != "C" {
            throw Failure("NotImplementedError: Lectern does not support order other than 'C'")
        }
    }

    /// `.T` and `transpose`: a view with the axes permuted.
    static func transposed(_ t: Variable, _ perm: [Int]?) throws(Failure) -> Value {
        let r = try engine { () throws(EngineError) in try Variable.transpose(t, perm) }
        if t.isTracked { return .tensor(Variable(r.value.withDType(t.value.dtype), node: r.node)) }
        let p = perm.map { $0.map { $0 < 0 ? $0 + t.value.rank : $0 } } ?? Array((0..<t.value.rank).reversed())
        return .tensor(Variable(storage: t.storage.permuted(p)))
    }

    /// `squeeze`: drops the given length-1 axes (all of them by default).
    static func squeezed(_ t: Variable, _ axes: [Int]?) throws(Failure) -> Value {
        if let axes {
            for a in axes where t.shape[a] != 1 {
                throw Failure("ValueError: cannot select an axis to squeeze out which has size not equal to one")
            }
        }
        let shape = t.shape.enumerated().filter { entry in axes.map { !$0.contains(entry.offset) } ?? (entry.element != 1) }.map(\.element)
        return try reshaped(t, shape)
    }

    /// `clip(a, a_min, a_max)`: either bound may be None, not both (numpy's rule).
    static func clipped(_ t: Variable, _ lo: Value?, _ hi: Value?, _ interp: Interpreter) throws(Failure) -> Value {
        let low = lo.flatMap { $0.isNone ? nil : $0 }
        let high = hi.flatMap { $0.isNone ? nil : $0 }
        guard low != nil || high != nil else { throw Failure("ValueError: One of max or min must be given") }
        var r = Value.tensor(t)
        if let low { r = try elementwisePair("maximum", r, low, interp) }
        if let high { r = try elementwisePair("minimum", r, high, interp) }
        return r
    }

    /// `np.maximum`/`np.minimum` with numpy's dtype and NaN rules (a NaN on either side wins).
    static func elementwisePair(_ name: String, _ a: Value, _ b: Value, _ interp: Interpreter) throws(Failure) -> Value {
        let x = try interp.tensor(a)
        let y = try interp.tensor(b)
        let type = Interpreter.resultType(Interpreter.operandType(a, x), Interpreter.operandType(b, y))
        let r = try engine { () throws(EngineError) in
            name == "maximum" ? try Variable.maximum(x, y) : try Variable.minimum(x, y)
        }
        return .tensor(try interp.tag(r, type))
    }

    /// `np.round` as numpy computes it: scale by 10^decimals, round half to even, scale back
    /// (so `np.round(2.675, 2)` is numpy's 2.67, from 267.49999999999997). Integers stay integers.
    static func numpyRounded(_ t: Variable, _ requested: Int) throws(Failure) -> Value {
        // numpy rounds a bool as float16, float64 here.
        let x = t.value.dtype == .bool ? t.value.withDType(.float64) : t.value
        // Past ±400 digits the scale is 0 or inf either way; clamping keeps abs() from trapping.
        let decimals = max(-400, min(400, requested))
        guard x.dtype.isFloat else {
            guard decimals < 0 else { return .tensor(Variable(x)) }
            let f = Foundation.pow(10.0, Double(-decimals))
            return .tensor(Variable(x.map { ($0 / f).rounded(.toNearestOrEven) * f }.withDType(x.dtype), node: nil))
        }
        let r = x.map { numpyRound($0, decimals) }
        return .tensor(Variable.nondifferentiable("round", r.withDType(x.dtype), [t]))
    }

    /// `dot` and `matmul` with numpy's dtypes; `dot` with a scalar multiplies.
    static func product(_ a: Value, _ b: Value, scalars: Bool, _ interp: Interpreter) throws(Failure) -> Value {
        let x = try interp.tensor(a)
        let y = try interp.tensor(b)
        let op = scalars && (x.value.isScalar || y.value.isScalar) ? "*" : "@"
        return try interp.arrayBinary(op, a.isPlainNumber ? a : .tensor(x), b)
    }

    /// `copy()`: new memory; inside a gradient graph, an identity step of the graph.
    static func copied(_ t: Variable) throws(Failure) -> Value {
        guard t.isTracked else { return .tensor(Variable(t.value)) }
        return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, t.shape) })
    }

    /// `np.nonzero`: one int64 index array per axis.
    static func nonzero(_ t: Tensor) -> Value {
        let items = Interpreter.maskItems(t.rank == 0 ? Tensor(shape: [1], scalars: t.scalars) : t.map { $0 != 0 ? 1 : 0 })
        return .tuple(
            items.map { item in
                switch item {
                case .list(let l): return .tensor(Variable(Tensor(shape: [l.count], scalars: l.map(Double.init)).withDType(.int64)))
                case .mask(let m):
                    let l = m.indices.filter { m[$0] }
                    return .tensor(Variable(Tensor(shape: [l.count], scalars: l.map(Double.init)).withDType(.int64)))
                default: return .none
                }
            })
    }
}
