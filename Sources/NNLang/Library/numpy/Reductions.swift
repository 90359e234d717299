import Engine

// MARK: - numpy's reductions, as functions and methods, with numpy's parameters

extension Library {
    /// Each reduction's parameters, in numpy's order (methods drop `a`).
    static let reductionParameters: [String: [String]] = [
        "sum": ["a", "axis", "dtype", "out", "keepdims", "initial", "where"],
        "prod": ["a", "axis", "dtype", "out", "keepdims", "initial", "where"],
        "mean": ["a", "axis", "dtype", "out", "keepdims", "where"],
        "max": ["a", "axis", "out", "keepdims", "initial", "where"],
        "min": ["a", "axis", "out", "keepdims", "initial", "where"],
        "argmax": ["a", "axis", "out", "keepdims"],
        "argmin": ["a", "axis", "out", "keepdims"],
        "var": ["a", "axis", "dtype", "out", "ddof", "keepdims", "where", "mean", "correction"],
        "std": ["a", "axis", "dtype", "out", "ddof", "keepdims", "where", "mean", "correction"],
        "cumsum": ["a", "axis", "dtype", "out"],
        "any": ["a", "axis", "out", "keepdims", "where"],
        "all": ["a", "axis", "out", "keepdims", "where"],
    ]

    /// numpy keywords Lectern declares but does not implement: naming one is an error.
    static let unsupportedReductionKeywords = ["out", "initial", "where", "mean", "correction"]

    /// `np.sum(a, …)` (`method` false) or `a.sum(…)` (`method` true).
    static func reduction(_ name: String, _ args: Arguments, method: Variable?, _ interp: Interpreter) throws(Failure) -> Value {
        let all = reductionParameters[name]!
        let names = method == nil ? all : Array(all.dropFirst())
        try args.accept(names)
        func arg(_ n: String) -> Value? { names.firstIndex(of: n).flatMap { args.optional($0, n) } }
        for n in unsupportedReductionKeywords {
            if let v = arg(n), !v.isNone { throw Failure("NotImplementedError: Lectern does not support the '\(n)' argument of \(name)()") }
        }
        var x: Variable
        if let method { x = method } else { x = try interp.tensor(try args.required(0, "a")) }
        if let dt = try dtype(arg("dtype")), dt != x.value.dtype {
            x = Variable(try engine { () throws(EngineError) in try x.value.cast(to: dt) })
        }
        let keepdims = try arg("keepdims").map { v throws(Failure) in try interp.truthy(v) } ?? false
        let axes = try reductionAxes(arg("axis"), rank: x.value.rank)
        let input = x.value.dtype
        let r: Variable
        let type: DType
        switch name {
        case "sum", "mean", "max", "min":
            let kind = Tensor.Reduction(rawValue: name)!
            r = try reduce(kind, x, axes, keepdims)
            switch name {
            case "mean": type = input == .float32 ? .float32 : .float64
            case "sum": type = input == .bool ? .int64 : input
            default: type = input
            }
        case "argmax", "argmin":
            guard axes == nil || axes!.count == 1 else { throw Failure("TypeError: 'tuple' object cannot be interpreted as an integer") }
            let kind = Tensor.Reduction(rawValue: name)!
            r = try engine { () throws(EngineError) in try Variable.reduce(kind, x, axis: axes?.first, keepdims: keepdims) }
            type = .int64
        case "var", "std":
            let ddof = try arg("ddof").map { v throws(Failure) in try v.asDouble("ddof") } ?? 0
            let n = Double(axes.map { $0.map { x.shape[$0] }.reduce(1, *) } ?? x.value.count)
            let floatX = input == .float32 ? x : try interp.tag(x, .float64)
            let m = try reduce(.mean, floatX, axes, true)
            let variance = try engine { () throws(EngineError) in
                let c = try Variable.sub(floatX, m)
                return try Variable.div(try reduceE(.sum, try Variable.mul(c, c), axes, keepdims), Variable(Tensor(Swift.max(n - ddof, 0))))
            }
            r = name == "var" ? variance : Variable.sqrt(variance)
            type = input == .float32 ? .float32 : .float64
        case "prod":
            r = try engine { () throws(EngineError) in
                guard let axes, axes.count > 1 else { return try Variable.prod(x, axis: axes?.first, keepdims: keepdims) }
                var v = x
                for a in axes.reversed() { v = try Variable.prod(v, axis: a, keepdims: true) }
                return keepdims ? v : try Variable.reshape(v, dropped(x.shape, axes))
            }
            type = input == .bool ? .int64 : input
        case "cumsum":
            guard axes == nil || axes!.count == 1 else { throw Failure("TypeError: 'tuple' object cannot be interpreted as an integer") }
            r = try engine { () throws(EngineError) in try Variable.cumsum(x, axis: axes?.first) }
            type = input == .bool ? .int64 : input
        default:  // any, all
            let truth = Variable(x.value.map { $0 != 0 ? 1 : 0 })
            r = try reduce(name == "any" ? .max : .min, truth, axes, keepdims)
            type = .bool
        }
        return .tensor(try interp.tag(r, type))
    }

    /// `axis=` as numpy takes it: None, an int or a tuple of ints (negatives count from the end).
    static func reductionAxes(_ v: Value?, rank: Int) throws(Failure) -> [Int]? {
        guard let v, !v.isNone else { return nil }
        let raw: [Int]
        if case .tuple(let items) = v {
            raw = try items.map { i throws(Failure) in try i.asInt("axis") }
        } else {
            raw = [try v.asInt("axis")]
        }
        var axes: [Int] = []
        for a in raw {
            let n = a < 0 ? a + rank : a
            guard n >= 0, n < rank else {
                throw Failure("AxisError: axis \(a) is out of bounds for array of dimension \(rank)")
            }
            guard !axes.contains(n) else { throw Failure("ValueError: duplicate value in 'axis'") }
            axes.append(n)
        }
        return axes.sorted()
    }

    static func dropped(_ shape: [Int], _ axes: [Int]) -> [Int] {
        shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    }

    /// A sum/mean/max/min over several axes: one axis at a time, kept, then dropped at the end.
    static func reduce(_ kind: Tensor.Reduction, _ x: Variable, _ axes: [Int]?, _ keepdims: Bool) throws(Failure) -> Variable {
        try engine { () throws(EngineError) in try reduceE(kind, x, axes, keepdims) }
    }

    static func reduceE(_ kind: Tensor.Reduction, _ x: Variable, _ axes: [Int]?, _ keepdims: Bool) throws(EngineError) -> Variable {
        guard let axes else { return try Variable.reduce(kind, x, axis: nil, keepdims: keepdims) }
        if axes.count == 1 { return try Variable.reduce(kind, x, axis: axes[0], keepdims: keepdims) }
        var v = x
        for a in axes.reversed() { v = try Variable.reduce(kind, v, axis: a, keepdims: true) }
        return keepdims ? v : try Variable.reshape(v, dropped(x.shape, axes))
    }
}
