import Engine
import Foundation

// MARK: - numpy as `np`

extension Library {
    /// Applies a differentiable elementwise function: a plain number in, a plain number out.
    static func elementwise(_ name: String, _ x: Value, _ interp: Interpreter, _ op: ((Variable) throws(EngineError) -> Variable)? = nil)
        throws(Failure) -> Value
    {
        let variable = try interp.tensor(x)
        let r: Variable
        if let op {
            r = try engine { () throws(EngineError) in try op(variable) }
        } else {
            r = try engine { () throws(EngineError) in try namedElementwise(name, variable) }
        }
        // numpy's result types: abs and square keep the dtype (bool abs stays bool; a bool
        // squared is numpy's int8, int64 here), sign, floor and ceil keep integers, the rest give
        // floats, float32 staying float32 (a bool's float is numpy's float16, float64 here).
        let input = variable.value.dtype
        let keeps =
            name == "abs" || name == "fabs" && input.isFloat || (name == "square" && input != .bool) || name == "clip"
            || (["sign", "floor", "ceil"].contains(name) && input == .int64)
        let dtype: DType = keeps ? input : name == "square" ? .int64 : (input == .float32 ? .float32 : .float64)
        switch x {
        // A Python number in gives a numpy scalar out: np.exp(1) is np.float64(2.718281828459045).
        case .bool, .int, .float: return .tensor(Variable(Tensor(r.value.scalars[0]).withDType(dtype)))
        default: return .tensor(try interp.tag(r, dtype))
        }
    }

    static func namedElementwise(_ name: String, _ v: Variable) throws(EngineError) -> Variable {
        switch name {
        case "exp": return Variable.exp(v)
        case "log": return Variable.log(v)
        case "sqrt": return Variable.sqrt(v)
        case "abs", "fabs": return Variable.abs(v)
        case "sin": return Variable.sin(v)
        case "cos": return Variable.cos(v)
        case "tanh": return try Activation.tanh(v)
        case "square": return try Variable.mul(v, v)
        default: throw EngineError.value("unknown function \(name)")
        }
    }

    static func numpy(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["newaxis"] = Value.none
        m["r_"] = .object(AxisConcatenator(columns: false))
        m["c_"] = .object(AxisConcatenator(columns: true))
        for (k, v) in numpyTypes(interp) { m[k] = v }
        m["dtype"] = fn(def: "dtype(dtype, align=False, copy=False, **kwargs)", unsupported: ["align", "copy", "**kwargs"]) {
            args throws(Failure) in
            return .object(DTypeObject(try dtype(try args.required(0, "dtype")) ?? .float64))
        }
        m["array"] = fn(
            def: "array(object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0, ndmax=0, like=None)",
            unsupported: ["order", "subok", "ndmin", "ndmax", "like"]
        ) { args throws(Failure) in
            let object = try args.required(0, "object")
            var t = try interp.tensor(object)
            if case .tensor = object, try args.optional(2, "copy").map({ v throws(Failure) in try interp.truthy(v) }) ?? true {
                t = Variable(t.value)
            }
            if let type = try dtype(args.optional(1, "dtype")) {
                t = Variable(try engine { () throws(EngineError) in try t.value.cast(to: type) }, node: t.node)
            }
            return .tensor(t)
        }
        m["asarray"] = fn(
            def: "asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None)",
            unsupported: ["order", "device", "copy", "like"]
        ) { args throws(Failure) in
            let object = try args.required(0, "a")
            let t = try interp.tensor(object)
            guard let type = try dtype(args.optional(1, "dtype")), type != t.value.dtype else { return .tensor(t) }
            return .tensor(Variable(try engine { () throws(EngineError) in try t.value.cast(to: type) }))
        }
        for (name, value) in [("zeros", 0.0), ("ones", 1.0)] {
            m[name] = fn(def: "\(name)(shape, dtype=None, order='C', *, device=None, like=None)", unsupported: ["order", "device", "like"])
            {
                args throws(Failure) in
                let type = try dtype(args.optional(1, "dtype")) ?? .float64
                return .tensor(Variable(Tensor(shape: try args.shape(0, "shape"), repeating: value).withDType(type)))
            }
        }
        m["full"] = fn(
            def: "full(shape, fill_value, dtype=None, order='C', *, device=None, like=None)", unsupported: ["order", "device", "like"]
        ) { args throws(Failure) in
            let fill = try args.required(1, "fill_value")
            var type = Interpreter.operandType(fill, try interp.tensor(fill)).0
            if let given = try dtype(args.optional(2, "dtype")) { type = given }
            let filled = Tensor(shape: try args.shape(0, "shape"), repeating: try fill.asDouble())
            return .tensor(Variable(try engine { () throws(EngineError) in try filled.cast(to: type) }))
        }
        m["eye"] = fn(
            def: "eye(N, M=None, k=0, dtype=<class 'float'>, order='C', *, device=None, like=None)",
            unsupported: ["order", "device", "like"]
        ) { args throws(Failure) in
            let n = try args.int(0, "N", 1)
            let m = try args.optional(1, "M").flatMap { v throws(Failure) in v.isNone ? nil : try v.asInt("M") } ?? n
            guard try args.int(2, "k", 0) == 0 else {
                throw Failure("NotImplementedError: Lectern does not support the 'k' argument of eye()")
            }
            try interp.checkSize([n, m])
            return .tensor(Variable(Tensor.eye(n, m).withDType(try dtype(args.optional(3, "dtype")) ?? .float64)))
        }
        m["identity"] = fn(def: "identity(n, dtype=None, *, like=None)", unsupported: ["like"]) { args throws(Failure) in
            let n = try args.required(0, "n").asInt("n")
            try interp.checkSize([n, n])
            return .tensor(Variable(Tensor.eye(n, n).withDType(try dtype(args.optional(1, "dtype")) ?? .float64)))
        }
        m["linspace"] = fn(
            def: "linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None)",
            unsupported: ["retstep", "dtype", "axis", "device"]
        ) { args throws(Failure) in
            let a = try args.double(0, "start", 0)
            let b = try args.double(1, "stop", 1)
            let n = try args.int(2, "num", 50)
            let endpoint = try args.bool(3, "endpoint", true)
            try interp.checkSize([n])
            let div = Double(endpoint ? max(n - 1, 1) : max(n, 1))
            let step = (b - a) / div
            var values = (0..<n).map { a + Double($0) * step }
            if endpoint && n > 1 { values[n - 1] = b }
            return .tensor(Variable(Tensor(shape: [n], scalars: values)))
        }
        m["arange"] = fn(
            def: "arange(start_or_stop, /, stop=None, step=1, *, dtype=None, device=None, like=None)", unsupported: ["device", "like"]
        ) { args throws(Failure) in
            // numpy's reading: one bound is the stop (from 0); `stop=` makes the first the start.
            let given = [args.value("start_or_stop"), args.value("stop"), args.value("step")]
            let stop = given[1].isNone ? nil : given[1]
            let bounds = stop == nil ? [Value.int(0), given[0], given[2]] : [given[0], given[1], given[2]]
            let nums = try bounds.map { v throws(Failure) in try v.asDouble() }
            let (a, b, s) = (nums[0], nums[1], nums[2])
            guard s != 0 else { throw Failure("ValueError: arange: step cannot be zero") }
            let steps = ((b - a) / s).rounded(.up)
            guard steps.isFinite else { throw Failure("ValueError: arange: the range is not finite") }
            let n = max(0, try exactInt(min(steps, 1e18)))
            try interp.checkSize([n])
            // Like numpy: integer arguments give an int64 array.
            let integral = bounds.allSatisfy {
                if case .int = $0 { true } else if case .tensor(let t) = $0 { t.value.dtype == .int64 } else { false }
            }
            let values = Tensor(shape: [n], scalars: (0..<n).map { a + Double($0) * s })
            guard let type = try dtype(args.optional(3, "dtype")) else {
                return .tensor(Variable(values.withDType(integral ? .int64 : .float64)))
            }
            return .tensor(Variable(try engine { () throws(EngineError) in try values.cast(to: type) }))
        }
        m["reshape"] = fn(def: "reshape(a, /, shape, order='C', *, copy=None)", unsupported: ["copy"]) { args throws(Failure) in
            try requireCOrder(args, 2)
            let t = try interp.tensor(try args.required(0, "a"))
            let shape = try args.required(1, "shape")
            let dims = try interp.iterate(shape.isNumber ? .tuple([shape]) : shape)
            return try reshaped(t, try dims.map { v throws(Failure) in try v.asInt("shape") })
        }
        m["transpose"] = fn(def: "transpose(a, axes=None)") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let axes = try args.optional(1, "axes").flatMap { v throws(Failure) in v.isNone ? nil : try interp.shape(v) }
            return try transposed(t, axes)
        }
        m["copy"] = fn(def: "copy(a, order='K', subok=False)", unsupported: ["order", "subok"]) { args throws(Failure) in
            return try copied(try interp.tensor(try args.required(0, "a")))
        }
        // Lectern knows exactly which arrays share storage, so both answer the exact question.
        for (name, work) in [("shares_memory", -1), ("may_share_memory", 0)] {
            m[name] = fn(def: "\(name)(a, b, /, max_work=\(work))") { args throws(Failure) in
                let a = try interp.tensor(try args.required(0, "a"))
                let b = try interp.tensor(try args.required(1, "b"))
                return .bool(a.storage.sharesMemory(with: b.storage))
            }
        }
        m["set_printoptions"] = fn(
            def:
                "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None, override_repr=None)"
        ) { args throws(Failure) in
            try setPrintOptions(args, interp)
            return .none
        }
        m["get_printoptions"] = fn(def: "get_printoptions()") { args throws(Failure) in
            return try printOptionsDict(interp)
        }
        m["printoptions"] = fn(def: "printoptions(*args, **kwargs)") { args throws(Failure) in .object(PrintOptionsContext(args)) }
        m["count_nonzero"] = fn(def: "count_nonzero(a, axis=None, *, keepdims=False)") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let truth = Variable(t.value.map { $0 != 0 ? 1 : 0 })
            let r = try reduce(
                .sum, truth, try reductionAxes(args.optional(1, "axis"), rank: t.value.rank), try args.bool(2, "keepdims", false))
            if r.value.isScalar && args.optional(1, "axis") == nil { return .int(Int(r.value.scalars[0])) }
            return .tensor(try interp.tag(r, .int64))
        }
        m["nonzero"] = fn(def: "nonzero(a)") { args throws(Failure) in
            return nonzero(try args.tensor(0, "a"))
        }
        m["squeeze"] = fn(def: "squeeze(a, axis=None)") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            return try squeezed(t, try reductionAxes(args.optional(1, "axis"), rank: t.value.rank))
        }
        for name in ["dot", "matmul"] {
            let signature =
                name == "dot"
                ? "dot(a, b, out=None)"
                : "matmul(x1, x2, /, out=None, *, axes=<no value>, axis=<no value>, keepdims=False, casting='same_kind', order='K', dtype=None, subok=True, signature=None)"
            let parameters = Signature.declared(signature).parameters.map(\.name)
            m[name] = fn(def: signature, unsupported: Array(parameters.dropFirst(2))) { args throws(Failure) in
                let (a, b) = (parameters[0], parameters[1])
                return try product(try args.required(0, a), try args.required(1, b), scalars: name == "dot", interp)
            }
        }
        m["outer"] = fn(def: "outer(a, b, out=None)", unsupported: ["out"]) { args throws(Failure) in
            let a = try interp.tensor(try args.required(0, "a"))
            let b = try interp.tensor(try args.required(1, "b"))
            let product = try engine { () throws(EngineError) in
                try Variable.matmul(try Variable.reshape(a, [-1, 1]), try Variable.reshape(b, [1, -1]))
            }
            let type = Interpreter.resultType(
                Interpreter.operandType(try args.required(0, "a"), a), Interpreter.operandType(try args.required(1, "b"), b))
            return .tensor(try interp.tag(product, type))
        }
        for name in ["exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "square"] {
            m[name] = fn(def: ufunc(name), unsupported: ufuncOptions) { args throws(Failure) in
                try elementwise(name, try args.required(0, "x"), interp)
            }
        }
        m["absolute"] = m["abs"]
        m["log1p"] = fn(def: ufunc("log1p"), unsupported: ufuncOptions) { args throws(Failure) in
            try elementwise("log1p", try args.required(0, "x"), interp) { v in
                Variable.unary("log1p", v, Foundation.log1p) { x, _ in 1 / (1 + x) }
            }
        }
        m["power"] = fn(def: ufunc("power", ["x1", "x2"]), unsupported: ufuncOptions) { args throws(Failure) in
            // As the other operators: the first operand as an array, so two Python ints give np.int64.
            try interp.binary("**", .tensor(try interp.tensor(try args.required(0, "x1"))), try args.required(1, "x2"))
        }
        let operators = [
            "add": "+", "subtract": "-", "multiply": "*", "divide": "/", "true_divide": "/", "floor_divide": "//", "mod": "%",
            "remainder": "%",
        ]
        for (name, op) in operators {
            m[name] = fn(def: ufunc(name, ["x1", "x2"]), unsupported: ufuncOptions) { args throws(Failure) in
                try interp.binary(op, .tensor(try interp.tensor(try args.required(0, "x1"))), try args.required(1, "x2"))
            }
        }
        for name in ["maximum", "minimum"] {
            m[name] = fn(def: ufunc(name, ["x1", "x2"]), unsupported: ufuncOptions) { args throws(Failure) in
                try elementwisePair(name, try args.required(0, "x1"), try args.required(1, "x2"), interp)
            }
        }
        m["where"] = fn(def: "where(condition, x=None, y=None, /)") { args throws(Failure) in
            let c = try interp.tensor(try args.required(0, "condition")).value
            guard let xv = args.optional(1, "x"), let yv = args.optional(2, "y") else {
                guard args.optional(1, "x") == nil && args.optional(2, "y") == nil else {
                    throw Failure("ValueError: either both or neither of x and y should be given")
                }
                return nonzero(c)
            }
            let a = try interp.tensor(xv)
            let b = try interp.tensor(yv)
            let type = Interpreter.resultType(Interpreter.operandType(xv, a), Interpreter.operandType(yv, b))
            return .tensor(try interp.tag(try engine { () throws(EngineError) in try Variable.where(c, a, b) }, type))
        }
        for name in reductionParameters.keys {
            m[name] = fn(def: reductionSignatures[name]!) { args throws(Failure) in try reduction(name, args, method: nil, interp) }
        }
        m["amax"] = m["max"]
        m["amin"] = m["min"]
        m["round"] = fn(def: "round(a, decimals=0, out=None)") { args throws(Failure) in
            if let out = args.optional(2, "out"), !out.isNone {
                throw Failure("NotImplementedError: Lectern does not support the 'out' argument of round()")
            }
            let x = try args.required(0, "a")
            let r = try numpyRounded(try interp.tensor(x), try args.int(1, "decimals", 0))
            return r
        }
        m["around"] = m["round"]
        for name in ["allclose", "isclose"] {
            m[name] = fn(def: "\(name)(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)") { args throws(Failure) in
                let a = try args.tensor(0, "a")
                let b = try args.tensor(1, "b")
                let rtol = try args.double(2, "rtol", 1e-5)
                let atol = try args.double(3, "atol", 1e-8)
                let nanEqual = try args.bool(4, "equal_nan", false)
                let close = try engine { () throws(EngineError) in
                    try Tensor.zip(a, b, name) { x, y in
                        (x == y || Swift.abs(x - y) <= atol + rtol * Swift.abs(y) || (nanEqual && x.isNaN && y.isNaN)) ? 1 : 0
                    }
                }
                if name == "allclose" { return .bool(close.scalars.allSatisfy { $0 == 1 }) }
                return close.isScalar ? .bool(close.scalars[0] == 1) : .tensor(Variable(close.withDType(.bool)))
            }
        }
        m["array_equal"] = fn(def: "array_equal(a1, a2, equal_nan=False)") { args throws(Failure) in
            let a = try args.tensor(0, "a1")
            let b = try args.tensor(1, "a2")
            let nanEqual = try args.bool(2, "equal_nan", false)
            guard a.shape == b.shape else { return .bool(false) }
            return .bool(zip(a.scalars, b.scalars).allSatisfy { $0 == $1 || (nanEqual && $0.isNaN && $1.isNaN) })
        }
        m["concatenate"] = fn(
            def: "concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting='same_kind')", unsupported: ["out", "dtype", "casting"]
        ) {
            args throws(Failure) in
            let parts = try interp.iterate(try args.required(0, "arrays")).map { v throws(Failure) in try interp.tensor(v) }
            let axis = try args.int(1, "axis", 0)
            return .tensor(try engine { () throws(EngineError) in try Variable.concatenate(parts, axis: axis) })
        }
        for (name, axis) in [("vstack", 0), ("hstack", 1), ("column_stack", 1)] {
            let signature = name == "column_stack" ? "column_stack(tup)" : "\(name)(tup, *, dtype=None, casting='same_kind')"
            m[name] = fn(def: signature, unsupported: ["dtype", "casting"]) { args throws(Failure) in
                var parts = try interp.iterate(try args.required(0, "tup")).map { v throws(Failure) in try interp.tensor(v) }
                let ax = name == "hstack" && parts.allSatisfy({ $0.value.rank == 1 }) ? 0 : axis
                parts = try parts.map { p throws(Failure) in
                    guard p.value.rank < 2 else { return p }
                    return try engine { () throws(EngineError) in
                        try Variable.reshape(p, name == "vstack" ? [1, -1] : (ax == 0 ? [-1] : [-1, 1]))
                    }
                }
                return .tensor(try engine { () throws(EngineError) in try Variable.concatenate(parts, axis: ax) })
            }
        }
        m["shape"] = fn(def: "shape(a)") { args throws(Failure) in .tuple(try args.tensor(0, "a").shape.map { .int($0) }) }
        for (name, f) in [
            ("sign", { (x: Double) in x.isNaN ? .nan : (x > 0 ? 1.0 : (x < 0 ? -1 : 0)) }), ("floor", { $0.rounded(.down) }),
            ("ceil", { $0.rounded(.up) }),
        ] {
            m[name] = fn(def: ufunc(name), unsupported: ufuncOptions) { args throws(Failure) in
                try elementwise(name, try args.required(0, "x"), interp) { v in Variable.unary(name, v, f) { _, _ in 0 } }
            }
        }
        m["argsort"] = fn(
            def: "argsort(a, axis=-1, kind=None, order=None, *, stable=None)", unsupported: ["axis", "kind", "order", "stable"]
        ) {
            args throws(Failure) in
            let t = try args.tensor(0, "a")
            guard t.rank <= 1 else { throw Failure("ValueError: argsort supports 1-D arrays") }
            // A stable sort, as numpy's default for equal keys in practice.
            let order = try stableSorted(t.scalars).map(\.index)
            return .tensor(Variable(Tensor(shape: [order.count], scalars: order.map(Double.init)).withDType(.int64)))
        }
        m["diag"] = fn(def: "diag(v, k=0)", unsupported: ["k"]) { args throws(Failure) in
            let t = try args.tensor(0, "v")
            if t.rank == 1 {
                try interp.checkSize([t.count, t.count])
                var out = Tensor.zeros([t.count, t.count])
                for i in 0..<t.count { out.scalars[i * t.count + i] = t.scalars[i] }
                return .tensor(Variable(out.withDType(t.dtype)))
            }
            guard t.rank == 2 else { throw Failure("ValueError: diag needs a 1-D or 2-D array") }
            let n = min(t.shape[0], t.shape[1])
            return .tensor(Variable(Tensor(shape: [n], scalars: (0..<n).map { t.scalars[$0 * t.shape[1] + $0] }).withDType(t.dtype)))
        }
        m["tile"] = fn(def: "tile(A, reps)") { args throws(Failure) in
            let t = try args.tensor(0, "A")
            let reps = try args.int(1, "reps", 1)
            try interp.checkSize([t.count, max(reps, 0)])
            guard t.rank <= 1 else { throw Failure("ValueError: tile supports 1-D arrays and an int count") }
            return .tensor(
                Variable(
                    Tensor(shape: [t.count * max(reps, 0)], scalars: Array(repeating: t.scalars, count: max(reps, 0)).flatMap { $0 })
                        .withDType(t.dtype)))
        }
        m["expand_dims"] = fn(def: "expand_dims(a, axis)") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let axis = try args.int(1, "axis", 0)
            var shape = t.shape
            let at = axis < 0 ? axis + shape.count + 1 : axis
            guard at >= 0, at <= shape.count else {
                throw Failure("IndexError: axis \(axis) is out of bounds for the result's \(shape.count + 1) dimensions")
            }
            shape.insert(1, at: at)
            return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, shape) })
        }
        m["loadtxt"] = fn(
            def:
                "loadtxt(fname, dtype=<class 'float'>, comments='#', delimiter=None, converters=None, skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None, like=None)",
            unsupported: ["converters", "usecols", "unpack", "ndmin", "encoding", "max_rows", "quotechar", "like"]
        ) { args throws(Failure) in
            guard let path = try args.string(0, "fname") else { throw Failure("TypeError: loadtxt() needs a file name") }
            let delimiter = try args.string(3, "delimiter")
            let skip = try args.int(4, "skiprows", 0)
            let lines = try interp.files.read(path).sourceLines.dropFirst(max(skip, 0))
            var rows: [[Double]] = []
            for (i, line) in lines.enumerated() {
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let fields =
                    delimiter.map { d in text.components(separatedBy: d) } ?? text.split(whereSeparator: \.isWhitespace).map(String.init)
                rows.append(
                    try fields.map { f throws(Failure) in
                        guard let v = Double(f.trimmingCharacters(in: .whitespaces)) else {
                            throw Failure("ValueError: \(path):\(i + 1 + max(skip, 0)): could not convert '\(f)' to a number")
                        }
                        return v
                    })
                guard rows.last!.count == rows[0].count else {
                    throw Failure(
                        "ValueError: \(path):\(i + 1 + max(skip, 0)): expected \(rows[0].count) columns, found \(rows.last!.count)")
                }
            }
            guard let width = rows.first?.count else { return .tensor(Variable(Tensor(shape: [0], scalars: []))) }
            // As numpy: one row or one column comes back 1-D.
            let shape = rows.count == 1 || width == 1 ? [rows.count * width] : [rows.count, width]
            return .tensor(Variable(Tensor(shape: shape, scalars: rows.flatMap { $0 })))
        }
        m["meshgrid"] = fn(def: "meshgrid(*xi, copy=True, sparse=False, indexing='xy')", unsupported: ["copy", "sparse", "indexing"]) {
            args throws(Failure) in
            guard args.extraPositional.count == 2 else {
                throw Failure("NotImplementedError: Lectern's meshgrid() takes two 1-D arrays, not \(args.extraPositional.count)")
            }
            let x = try interp.tensor(args.extraPositional[0]).value
            let y = try interp.tensor(args.extraPositional[1]).value
            try interp.checkSize([y.count, x.count])
            let xx = (0..<y.count).flatMap { _ in x.scalars }
            let yy = y.scalars.flatMap { v in Array(repeating: v, count: x.count) }
            // numpy 2 returns a tuple, each grid in its input's dtype.
            return .tuple([
                .tensor(Variable(Tensor(shape: [y.count, x.count], scalars: xx).withDType(x.dtype))),
                .tensor(Variable(Tensor(shape: [y.count, x.count], scalars: yy).withDType(y.dtype))),
            ])
        }
        m["random"] = numpyRandom(interp)
        addNumpyBreadth(&m, interp)
        addNumpyShapeFunctions(&m, interp)
        addPolynomials(&m, interp)
        m["poly1d"] = .type(poly1dClass(interp))
        addNumpyUniqueLogspaceTriangles(&m, interp)
        addNumpyEinsum(&m, interp)
        addNumpyArrayFunctions(&m, interp)
        return .module(Module("numpy", m))
    }

    /// numpy's sort order: NaN after every number.
    static func numpyLess(_ a: Double, _ b: Double) -> Bool { a < b || (!a.isNaN && b.isNaN) }

    /// `x`'s values with their indices, sorted stably in numpy's order under the block's
    /// deadline (the values travel with their indices so that the merges read memory in order).
    static func stableSorted(_ x: [Double]) throws(Failure) -> [(value: Double, index: Int)] {
        let pairs = x.enumerated().map { (value: $0.element, index: $0.offset) }
        return try engine { () throws(EngineError) in try StableSort.sorted(pairs) { numpyLess($0.value, $1.value) } }
    }

    static func isIntegerType(_ v: Value) -> Bool {
        switch v {
        case .builtin(let b): return b.name == "int" || b.name.hasPrefix("int")
        case .type(let c): return c.name.hasPrefix("int")
        case .str(let s): return s.hasPrefix("int")
        default: return false
        }
    }

    static func numpySeed(_ interp: Interpreter) -> Value {
        fn(def: "seed(seed=None)") { args throws(Failure) in
            try seedGenerator(interp, try args.int(0, "seed", 0))
            return .none
        }
    }

    /// Seeds the document's generator (`np.random.seed`, and `tf.random.set_seed`, which draws from it too).
    static func seedGenerator(_ interp: Interpreter, _ s: Int) throws(Failure) {
        guard s >= 0, s <= Int(UInt32.max) else { throw Failure("ValueError: Seed must be between 0 and 2**32 - 1") }
        interp.context.rng.seed(UInt32(s))
    }

    static func numpyRandom(_ interp: Interpreter) -> Value {
        var r: [String: Value] = ["seed": numpySeed(interp)]
        func result(_ t: Tensor, _ scalar: Bool) -> Value { scalar ? .float(t.scalars[0]) : .tensor(Variable(t)) }
        r["rand"] = fn(def: "rand(*args)") { args throws(Failure) in
            let dims = try args.positional.map { v throws(Failure) in try v.asInt() }
            try interp.checkSize(dims)
            return result(interp.context.rng.rand(dims), dims.isEmpty)
        }
        r["randn"] = fn(def: "randn(*args)") { args throws(Failure) in
            let dims = try args.positional.map { v throws(Failure) in try v.asInt() }
            try interp.checkSize(dims)
            return result(interp.context.rng.randn(dims), dims.isEmpty)
        }
        r["permutation"] = fn(def: "permutation(x)") { args throws(Failure) in
            let x = try args.required(0, "x")
            if case .int(let n) = x {
                try interp.checkSize([n])
                return .tensor(Variable(Tensor(shape: [n], scalars: interp.context.rng.permutation(n).map(Double.init)).withDType(.int64)))
            }
            let t = try interp.tensor(x).value
            let p = interp.context.rng.permutation(t.shape.first ?? 0)
            return .tensor(Variable(try engine { () throws(EngineError) in try t.indexed([.list(p)]) }))
        }
        // randint, uniform, normal, choice, shuffle and random with numpy's legacy algorithms.
        addLegacyRandom(&r, interp)
        return .module(Module("numpy.random", r))
    }

    // MARK: Tensor attributes and methods

    static func tensorAttribute(_ t: Variable, _ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "T": return try transposed(t, nil)
        case "shape": return .tuple(t.shape.map { .int($0) })
        case "ndim": return .int(t.value.rank)
        case "size": return .int(t.value.count)
        case "dtype": return .object(DTypeObject(t.value.dtype))
        case "base": return t.storage.root.map { .tensor(Variable(storage: $0)) } ?? Value.none
        default: break
        }
        let method: (inout Arguments) throws(Failure) -> Value
        switch name {
        case "reshape":
            method = { args throws(Failure) in
                try requireCOrder(args, -1)
                let dims =
                    args.positional.count == 1
                    ? try interp.iterate(args.positional[0].isNumber ? .tuple(args.positional) : args.positional[0]) : args.positional
                return try reshaped(t, try dims.map { v throws(Failure) in try v.asInt("shape") })
            }
        case "ravel":
            method = { args throws(Failure) in
                try requireCOrder(args, 0)
                return try reshaped(t, [-1])
            }
        case "flatten":
            method = { args throws(Failure) in
                try requireCOrder(args, 0)
                return .tensor(try engine { () throws(EngineError) in try Variable.reshape(Variable(t.value, node: t.node), [-1]) })
            }
        case "transpose":
            method = { args throws(Failure) in
                let perm =
                    args.positional.isEmpty
                    ? nil
                    : (args.positional.count == 1
                        ? try interp.shape(args.positional[0]) : try args.positional.map { v throws(Failure) in try v.asInt() })
                return try transposed(t, perm)
            }
        case _ where reductionParameters[name] != nil:
            method = { args throws(Failure) in try reduction(name, args, method: t, interp) }
        case "copy":
            method = { _ throws(Failure) in
                return try copied(t)
            }
        case "is_integer" where t.value.isScalar:
            // numpy scalars have it (np.float64 is a float; numpy's ints answer True).
            method = { _ throws(Failure) in .bool(isWhole(t.value.scalars[0])) }
        case "item":
            method = { _ throws(Failure) in
                guard t.value.count == 1 else { throw Failure("ValueError: can only convert an array of size 1 to a Python scalar") }
                return pythonValue(t.value.scalars[0], t.value.dtype)
            }
        case "tolist":
            method = { _ throws(Failure) in
                let x = t.value
                let strides = x.strides
                func build(_ axis: Int, _ offset: Int) -> Value {
                    if axis == x.rank { return pythonValue(x.scalars[offset], x.dtype) }
                    return .list(ListBox((0..<x.shape[axis]).map { i in build(axis + 1, offset + i * strides[axis]) }))
                }
                return build(0, 0)
            }
        case "astype":
            method = { args throws(Failure) in
                let type = try dtype(try args.required(0, "dtype")) ?? .float64
                let cast = try engine { () throws(EngineError) in try t.value.cast(to: type) }
                return .tensor(type.isFloat ? Variable(cast, node: t.node) : Variable.nondifferentiable("astype", cast, [t]))
            }
        case "squeeze":
            method = { args throws(Failure) in
                return try squeezed(t, try reductionAxes(args.optional(0, "axis"), rank: t.value.rank))
            }
        case "clip":
            method = { args throws(Failure) in
                return try clipped(t, args.optional(0, "min"), args.optional(1, "max"), interp)
            }
        case "dot":
            method = { args throws(Failure) in
                try product(.tensor(t), try args.required(0, "other"), scalars: true, interp)
            }
        case "round":
            method = { args throws(Failure) in
                try numpyRounded(t, try args.int(0, "decimals", 0))
            }
        default: return nil
        }
        guard let signature = arrayMethodSignatures[name] else { return fn(name, method) }
        return fn(def: signature.declaration, unsupported: signature.unsupported, method)
    }

    /// The array methods' signatures as numpy declares them (without `self`); the reductions
    /// check theirs in `reduction`, numpy's `**kwargs` form not naming `keepdims`.
    static let arrayMethodSignatures: [String: (declaration: String, unsupported: [String])] = [
        "reshape": ("reshape(*shape, order='C', copy=None)", ["copy"]),
        "ravel": ("ravel(order='C')", []),
        "flatten": ("flatten(order='C')", []),
        "transpose": ("transpose(*axes)", []),
        "copy": ("copy(order='C')", ["order"]),
        "item": ("item(*args)", ["*args"]),
        "tolist": ("tolist()", []),
        "astype": ("astype(dtype, order='K', casting='unsafe', subok=True, copy=True)", ["order", "casting", "subok", "copy"]),
        "squeeze": ("squeeze(axis=None)", []),
        "clip": ("clip(min=None, max=None, out=None, **kwargs)", ["out", "**kwargs"]),
        "dot": ("dot(other, /, out=None)", ["out"]),
        "round": ("round(decimals=0, out=None)", ["out"]),
    ]
}

extension Value {
    var isPlainNumber: Bool {
        switch self {
        case .int, .bigint, .float, .bool: return true
        default: return false
        }
    }
}

extension Interpreter {
    /// `tensor(_:)` for use inside engine closures.
    func tensorE(_ v: Value) throws(EngineError) -> Variable {
        do { return try tensor(v) } catch { throw EngineError.value(error.message) }
    }
}
