import Foundation

// MARK: - Differentiable ops: each forward beside its backward

extension Variable {
    public static func add(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.zip(a.value, b.value, "+", +)
        return record("add", v, [a, b]) { g in [g.unbroadcast(to: a.shape), g.unbroadcast(to: b.shape)] }
    }

    public static func sub(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.zip(a.value, b.value, "-", -)
        return record("sub", v, [a, b]) { g in [g.unbroadcast(to: a.shape), g.map { -$0 }.unbroadcast(to: b.shape)] }
    }

    public static func mul(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.zip(a.value, b.value, "*", *)
        let (needA, needB) = (a.isTracked, b.isTracked)
        return record("mul", v, [a, b]) { g throws(EngineError) in
            [
                needA ? try Tensor.zip(g, b.value, "*", *).unbroadcast(to: a.shape) : Tensor.untracked,
                needB ? try Tensor.zip(g, a.value, "*", *).unbroadcast(to: b.shape) : Tensor.untracked,
            ]
        }
    }

    public static func div(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.zip(a.value, b.value, "/", /)
        return record("div", v, [a, b]) { g throws(EngineError) in
            [
                try Tensor.zip(g, b.value, "/", /).unbroadcast(to: a.shape),
                try Tensor.zip(Tensor.zip(g, v, "*", *), b.value, "/") { -$0 / $1 }.unbroadcast(to: b.shape),
            ]
        }
    }

    public static func pow(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.zip(a.value, b.value, "**", Foundation.pow)
        return record("pow", v, [a, b]) { g throws(EngineError) in
            let da = try Tensor.zip(a.value, b.value, "**") { x, p in p == 0 ? 0 : p * Foundation.pow(x, p - 1) }
            let db = try Tensor.zip(a.value, v, "**") { x, y in x > 0 ? y * Foundation.log(x) : 0 }
            return [
                try Tensor.zip(g, da, "*", *).unbroadcast(to: a.shape),
                try Tensor.zip(g, db, "*", *).unbroadcast(to: b.shape),
            ]
        }
    }

    /// Elementwise max (NaN wins, as numpy); the gradient goes to the larger operand (to `a` on ties).
    public static func maximum(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        try select("maximum", a, b) { $0 >= $1 || $0.isNaN }
    }

    public static func minimum(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        try select("minimum", a, b) { $0 <= $1 || $0.isNaN }
    }

    static func select(_ op: String, _ a: Variable, _ b: Variable, _ pickA: @escaping (Double, Double) -> Bool) throws(EngineError)
        -> Variable
    {
        let v = try Tensor.zip(a.value, b.value, op) { pickA($0, $1) ? $0 : $1 }
        return record(op, v, [a, b]) { g throws(EngineError) in
            let mask = try Tensor.zip(a.value, b.value, op) { pickA($0, $1) ? 1 : 0 }
            return [
                try Tensor.zip(g, mask, "*", *).unbroadcast(to: a.shape),
                try Tensor.zip(g, mask, "*") { $0 * (1 - $1) }.unbroadcast(to: b.shape),
            ]
        }
    }

    public static func matmul(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        let v = try Tensor.matmul(a.value, b.value)
        let (needA, needB) = (a.isTracked, b.isTracked)
        return record("matmul", v, [a, b]) { g throws(EngineError) in
            // Promote vectors to matrices as the forward did, then drop the added axes again.
            // An untracked operand (the data) gets no gradient: that product is skipped.
            let a2 = a.value.rank == 1 ? try a.value.reshaped([1, -1]) : a.value
            let b2 = b.value.rank == 1 ? try b.value.reshaped([-1, 1]) : b.value
            let g2 = try g.reshaped([a2.shape[0], b2.shape[1]])
            let ga = needA ? try Tensor.matmul2D(g2, b2, .right).reshaped(a.shape) : Tensor.untracked
            let gb = needB ? try Tensor.matmul2D(a2, g2, .left).reshaped(b.shape) : Tensor.untracked
            return [ga, gb]
        }
    }

    /// An elementwise function `f` with derivative `df(x, y)` where y = f(x).
    public static func unary(
        _ op: String, _ x: Variable, _ f: (Double) -> Double, _ df: @escaping (Double, Double) -> Double
    ) -> Variable {
        let v = x.value.map(f)
        return record(op, v, [x]) { g in
            var out = g.scalars
            for i in 0..<out.count { out[i] *= df(x.value.scalars[i], v.scalars[i]) }
            return [Tensor(shape: g.shape, scalars: out)]
        }
    }

    /// `unary` with the function and its slope inlined into the loops (for the hot activations).
    @inline(__always)
    static func elementwise(
        _ op: String, _ x: Variable, forward: (Double) -> Double, slope: @escaping (Double, Double) -> Double
    ) -> Variable {
        let input = x.value
        let v = input.mapInline(forward)
        return record(op, v, [x]) { g in [g.timesSlope(input, v, slope)] }
    }

    public static func neg(_ x: Variable) -> Variable { unary("neg", x, { -$0 }, { _, _ in -1 }) }
    public static func exp(_ x: Variable) -> Variable { unary("exp", x, Foundation.exp) { _, y in y } }
    public static func log(_ x: Variable) -> Variable { unary("log", x, Foundation.log) { x, _ in 1 / x } }
    public static func sqrt(_ x: Variable) -> Variable { unary("sqrt", x, Foundation.sqrt) { _, y in 0.5 / y } }
    public static func abs(_ x: Variable) -> Variable { unary("abs", x, Swift.abs) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) } }
    public static func sin(_ x: Variable) -> Variable { unary("sin", x, Foundation.sin) { x, _ in Foundation.cos(x) } }
    public static func cos(_ x: Variable) -> Variable { unary("cos", x, Foundation.cos) { x, _ in -Foundation.sin(x) } }

    /// Clips to [lo, hi]; the gradient is zero where the value was clipped (as in Keras's BCE).
    public static func clip(_ x: Variable, _ lo: Double, _ hi: Double) -> Variable {
        unary("clip", x, { Swift.min(Swift.max($0, lo), hi) }, { x, _ in x >= lo && x <= hi ? 1 : 0 })
    }

    /// Picks `a` where `condition` is non-zero, else `b`.
    public static func `where`(_ condition: Tensor, _ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
        guard let s1 = Tensor.broadcastShape(condition.shape, a.shape), let shape = Tensor.broadcastShape(s1, b.shape) else {
            throw .shape(
                "where: operands could not be broadcast together with shapes \(formatShape(condition.shape)) \(formatShape(a.shape)) \(formatShape(b.shape))"
            )
        }
        let c = try condition.broadcast(to: shape)
        let av = try a.value.broadcast(to: shape)
        let bv = try b.value.broadcast(to: shape)
        var out = av.scalars
        for i in 0..<out.count where c.scalars[i] == 0 { out[i] = bv.scalars[i] }
        return record("where", Tensor(shape: shape, scalars: out), [a, b]) { g in
            let ga = Tensor(shape: shape, scalars: (0..<g.count).map { c.scalars[$0] != 0 ? g.scalars[$0] : 0 })
            let gb = Tensor(shape: shape, scalars: (0..<g.count).map { c.scalars[$0] == 0 ? g.scalars[$0] : 0 })
            return [ga.unbroadcast(to: a.shape), gb.unbroadcast(to: b.shape)]
        }
    }

    // MARK: Reductions

    public static func reduce(_ kind: Tensor.Reduction, _ x: Variable, axis: Int? = nil, keepdims: Bool = false) throws(EngineError)
        -> Variable
    {
        let v = try x.value.reduce(kind, axis: axis, keepdims: keepdims)
        if kind == .argmax || kind == .argmin { return Variable(v) }
        let kept = try x.value.reduce(kind, axis: axis, keepdims: true)
        let n = Double(axis.map { x.shape[(try? x.value.axis($0)) ?? 0] } ?? x.value.count)
        return record(kind.rawValue, v, [x]) { g throws(EngineError) in
            let gk = try g.reshaped(kept.shape)
            switch kind {
            case .sum: return [try gk.broadcast(to: x.shape)]
            case .mean: return [try gk.broadcast(to: x.shape).map { $0 / n }]
            default:
                // Ties share the gradient equally among the positions that attain the extreme.
                let mask = try Tensor.zip(x.value, kept, "max") { $0 == $1 || ($0.isNaN && $1.isNaN) ? 1 : 0 }
                let ties = try mask.reduce(.sum, axis: axis, keepdims: true)
                return [try Tensor.zip(mask, try Tensor.zip(gk, ties, "/", /), "*", *)]
            }
        }
    }

    // MARK: Shape ops

    public static func reshape(_ x: Variable, _ shape: [Int]) throws(EngineError) -> Variable {
        let v = try x.value.reshaped(shape)
        return record("reshape", v, [x]) { g throws(EngineError) in [try g.reshaped(x.shape)] }
    }

    public static func transpose(_ x: Variable, _ perm: [Int]? = nil) throws(EngineError) -> Variable {
        let p = perm ?? Array((0..<x.value.rank).reversed())
        let v = try x.value.transposed(p)
        var inverse = p
        for (i, axis) in p.enumerated() { inverse[axis] = i }
        return record("transpose", v, [x]) { [inverse] g throws(EngineError) in [try g.transposed(inverse)] }
    }

    public static func index(_ x: Variable, _ items: [IndexItem]) throws(EngineError) -> Variable {
        let plan = try IndexPlan(shape: x.shape, items: items)
        return record("index", x.value[plan: plan], [x]) { g in [Tensor.scatterAdd(g, plan: plan)] }
    }

    public static func concatenate(_ parts: [Variable], axis: Int) throws(EngineError) -> Variable {
        let v = try Tensor.concatenate(parts.map(\.value), axis: axis)
        let sizes = parts.map { $0.shape[(try? $0.value.axis(axis)) ?? 0] }
        return record("concatenate", v, parts) { g throws(EngineError) in try g.split(sizes: sizes, axis: axis) }
    }

    /// Softmax along `axis`, shifted by the maximum so large logits cannot overflow exp.
    public static func softmax(_ x: Variable, axis: Int = -1) throws(EngineError) -> Variable {
        let s = try Tensor.softmax(x.value, axis: axis)
        return record("softmax", s, [x]) { g throws(EngineError) in [try Tensor.softmaxBackward(g, s, axis: axis)] }
    }
}

extension Tensor {
    /// Softmax along `axis`: exp(x − max) over its sum.
    static func softmax(_ x: Tensor, axis: Int) throws(EngineError) -> Tensor {
        let m = try x.reduce(.max, axis: axis, keepdims: true)
        let e = try Tensor.zip(x, m, "softmax") { Foundation.exp($0 - $1) }
        return try Tensor.zip(e, try e.reduce(.sum, axis: axis, keepdims: true), "softmax", /)
    }

    /// The gradient through softmax s: s·(g − Σ g·s).
    static func softmaxBackward(_ g: Tensor, _ s: Tensor, axis: Int) throws(EngineError) -> Tensor {
        let dot = try Tensor.zip(g, s, "*", *).reduce(.sum, axis: axis, keepdims: true)
        return try Tensor.zip(s, try Tensor.zip(g, dot, "-", -), "*", *)
    }

    /// `f` applied to every element, inlined into the loop.
    @inline(__always)
    func mapInline(_ f: (Double) -> Double) -> Tensor {
        let out = [Double](unsafeUninitializedCapacity: count) { o, initialized in
            scalars.withUnsafeBufferPointer { xs in
                for i in 0..<xs.count { (o.baseAddress! + i).initialize(to: f(xs[i])) }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// This gradient times `slope(x, y)` element by element, where y = f(x) was the forward.
    @inline(__always)
    func timesSlope(_ input: Tensor, _ output: Tensor, _ slope: (Double, Double) -> Double) -> Tensor {
        // Written in one pass into a new buffer: copying the gradient first cost a second pass.
        let d = [Double](unsafeUninitializedCapacity: count) { dd, initialized in
            scalars.withUnsafeBufferPointer { gs in
                input.scalars.withUnsafeBufferPointer { xs in
                    output.scalars.withUnsafeBufferPointer { ys in
                        for i in 0..<gs.count { (dd.baseAddress! + i).initialize(to: gs[i] * slope(xs[i], ys[i])) }
                    }
                }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: d)
    }
}
