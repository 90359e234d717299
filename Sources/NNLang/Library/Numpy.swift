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
        switch x {
        case .int, .float, .bool: return .float(r.value.scalars[0])
        default: return .tensor(r)
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
        m["newaxis"] = .none
        for t in ["float64", "float32", "float_", "int64", "int32", "int_", "bool_"] {
            m[t] = fn(t) { args throws(Failure) in
                let v = try args.required(0, "x")
                if case .tensor = v { return v }
                return t.hasPrefix("int") ? .int(try exactInt(try v.asDouble().rounded(.towardZero))) : .float(try v.asDouble())
            }
        }
        m["array"] = fn("array") { args throws(Failure) in
            try args.accept(["object", "dtype", "copy"])
            var t = try interp.tensor(try args.required(0, "object"))
            if let dtype = args.optional(1, "dtype"), isIntegerType(dtype) { t = Variable(t.value.map { $0.rounded(.towardZero) }) }
            return .tensor(t)
        }
        m["asarray"] = m["array"]
        for (name, value) in [("zeros", 0.0), ("ones", 1.0)] {
            m[name] = fn(name) { args throws(Failure) in
                try args.accept(["shape", "dtype"])
                return .tensor(Variable(Tensor(shape: try args.shape(0, "shape"), repeating: value)))
            }
            m[name + "_like"] = fn(name + "_like") { args throws(Failure) in
                .tensor(Variable(Tensor(shape: try args.tensor(0, "a").shape, repeating: value)))
            }
        }
        m["full"] = fn("full") { args throws(Failure) in
            try args.accept(["shape", "fill_value", "dtype"])
            return .tensor(Variable(Tensor(shape: try args.shape(0, "shape"), repeating: try args.required(1, "fill_value").asDouble())))
        }
        m["eye"] = fn("eye") { args throws(Failure) in
            let n = try args.int(0, "N", 1)
            let m = try args.int(1, "M", n)
            try interp.checkSize([n, m])
            return .tensor(Variable(Tensor.eye(n, m)))
        }
        m["identity"] = m["eye"]
        m["linspace"] = fn("linspace") { args throws(Failure) in
            try args.accept(["start", "stop", "num", "endpoint"])
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
        m["arange"] = fn("arange") { args throws(Failure) in
            let nums = try args.positional.map { v throws(Failure) in try v.asDouble() }
            guard (1...3).contains(nums.count) else {
                throw Failure("TypeError: arange() takes 1 to 3 positional arguments (stop, or start, stop[, step])")
            }
            let (a, b, s): (Double, Double, Double) = nums.count == 1 ? (0, nums[0], 1) : (nums[0], nums[1], nums.count > 2 ? nums[2] : 1)
            guard s != 0 else { throw Failure("ValueError: arange: step cannot be zero") }
            let steps = ((b - a) / s).rounded(.up)
            guard steps.isFinite else { throw Failure("ValueError: arange: the range is not finite") }
            let n = max(0, try exactInt(min(steps, 1e18)))
            try interp.checkSize([n])
            try interp.checkSize([n])
            return .tensor(Variable(Tensor(shape: [n], scalars: (0..<n).map { a + Double($0) * s })))
        }
        m["reshape"] = fn("reshape") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let s = try interp.shape(try args.required(1, "newshape"))
            return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, s) })
        }
        m["transpose"] = fn("transpose") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let axes = try args.optional(1, "axes").map { v throws(Failure) in try interp.shape(v) }
            return .tensor(try engine { () throws(EngineError) in try Variable.transpose(t, axes) })
        }
        for name in ["dot", "matmul"] {
            m[name] = fn(name) { args throws(Failure) in
                let a = try interp.tensor(try args.required(0, "a"))
                let b = try interp.tensor(try args.required(1, "b"))
                if name == "dot" && (a.value.isScalar || b.value.isScalar) {
                    return .tensor(try engine { () throws(EngineError) in try Variable.mul(a, b) })
                }
                return .tensor(try engine { () throws(EngineError) in try Variable.matmul(a, b) })
            }
        }
        m["outer"] = fn("outer") { args throws(Failure) in
            let a = try interp.tensor(try args.required(0, "a"))
            let b = try interp.tensor(try args.required(1, "b"))
            return .tensor(
                try engine { () throws(EngineError) in
                    try Variable.matmul(try Variable.reshape(a, [-1, 1]), try Variable.reshape(b, [1, -1]))
                })
        }
        for name in ["exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "square"] {
            m[name] = fn(name) { args throws(Failure) in try elementwise(name, try args.required(0, "x"), interp) }
        }
        m["absolute"] = m["abs"]
        m["log1p"] = fn("log1p") { args throws(Failure) in
            try elementwise("log1p", try args.required(0, "x"), interp) { v in
                Variable.unary("log1p", v, Foundation.log1p) { x, _ in 1 / (1 + x) }
            }
        }
        m["power"] = fn("power") { args throws(Failure) in try interp.binary("**", try args.required(0, "x1"), try args.required(1, "x2")) }
        for name in ["add", "subtract", "multiply", "divide"] {
            let op = ["add": "+", "subtract": "-", "multiply": "*", "divide": "/"][name]!
            m[name] = fn(name) { args throws(Failure) in
                try interp.binary(op, .tensor(try interp.tensor(try args.required(0, "x1"))), try args.required(1, "x2"))
            }
        }
        for name in ["maximum", "minimum"] {
            m[name] = fn(name) { args throws(Failure) in
                let x = try args.required(0, "x1")
                let y = try args.required(1, "x2")
                let r = try engine { () throws(EngineError) in
                    name == "maximum"
                        ? try Variable.maximum(try interp.tensorE(x), try interp.tensorE(y))
                        : try Variable.minimum(try interp.tensorE(x), try interp.tensorE(y))
                }
                if x.isPlainNumber && y.isPlainNumber { return .float(r.value.scalars[0]) }
                return .tensor(r)
            }
        }
        m["clip"] = fn("clip") { args throws(Failure) in
            let x = try args.required(0, "a")
            let lo = try args.double(1, "a_min", -.infinity)
            let hi = try args.double(2, "a_max", .infinity)
            return try elementwise("clip", x, interp) { v in Variable.clip(v, lo, hi) }
        }
        m["where"] = fn("where") { args throws(Failure) in
            let c = try interp.tensor(try args.required(0, "condition")).value
            let a = try interp.tensor(try args.required(1, "x"))
            let b = try interp.tensor(try args.required(2, "y"))
            return .tensor(try engine { () throws(EngineError) in try Variable.where(c, a, b) })
        }
        for kind in [Tensor.Reduction.sum, .mean, .max, .min, .argmax, .argmin] {
            m[kind.rawValue] = fn(kind.rawValue) { args throws(Failure) in
                try args.accept(["a", "axis", "keepdims"])
                return try reduce(kind, try interp.tensor(try args.required(0, "a")), try args.axis(1), try args.bool(2, "keepdims", false))
            }
        }
        m["amax"] = m["max"]
        m["amin"] = m["min"]
        m["std"] = fn("std") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            let axis = try args.axis(1)
            return try engine { () throws(EngineError) in
                let mean = try t.reduce(.mean, axis: axis, keepdims: true)
                let v = try Tensor.zip(t, mean, "std") { ($0 - $1) * ($0 - $1) }.reduce(.mean, axis: axis)
                return v.isScalar ? .float(v.scalars[0].squareRoot()) : .tensor(Variable(v.map { $0.squareRoot() }))
            }
        }
        m["round"] = fn("round") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            let d = try args.int(1, "decimals", 0)
            let r = t.map { Library.pythonRound($0, d) }
            return r.isScalar ? .float(r.scalars[0]) : .tensor(Variable(r))
        }
        m["around"] = m["round"]
        for name in ["allclose", "isclose"] {
            m[name] = fn(name) { args throws(Failure) in
                try args.accept(["a", "b", "rtol", "atol"])
                let a = try args.tensor(0, "a")
                let b = try args.tensor(1, "b")
                let rtol = try args.double(2, "rtol", 1e-5)
                let atol = try args.double(3, "atol", 1e-8)
                let close = try engine { () throws(EngineError) in
                    try Tensor.zip(a, b, name) { x, y in
                        (x == y || Swift.abs(x - y) <= atol + rtol * Swift.abs(y)) ? 1 : 0
                    }
                }
                if name == "allclose" { return .bool(close.scalars.allSatisfy { $0 == 1 }) }
                return close.isScalar ? .bool(close.scalars[0] == 1) : .tensor(Variable(close))
            }
        }
        m["array_equal"] = fn("array_equal") { args throws(Failure) in
            .bool(try args.tensor(0, "a1") == (try args.tensor(1, "a2")))
        }
        m["concatenate"] = fn("concatenate") { args throws(Failure) in
            let parts = try interp.iterate(try args.required(0, "arrays")).map { v throws(Failure) in try interp.tensor(v) }
            let axis = try args.int(1, "axis", 0)
            return .tensor(try engine { () throws(EngineError) in try Variable.concatenate(parts, axis: axis) })
        }
        for (name, axis) in [("vstack", 0), ("hstack", 1), ("column_stack", 1)] {
            m[name] = fn(name) { args throws(Failure) in
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
        m["shape"] = fn("shape") { args throws(Failure) in .tuple(try args.tensor(0, "a").shape.map { .int($0) }) }
        for (name, f) in [
            ("sign", { (x: Double) in x > 0 ? 1.0 : (x < 0 ? -1 : 0) }), ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }),
        ] {
            m[name] = fn(name) { args throws(Failure) in
                try elementwise(name, try args.required(0, "x"), interp) { v in Variable.unary(name, v, f) { _, _ in 0 } }
            }
        }
        m["var"] = fn("var") { args throws(Failure) in
            try args.accept(["a", "axis", "keepdims"])
            let t = try interp.tensor(try args.required(0, "a"))
            let axis = try args.axis(1)
            let keep = try args.bool(2, "keepdims", false)
            return .tensor(
                try engine { () throws(EngineError) in
                    let centred = try Variable.sub(t, try Variable.reduce(.mean, t, axis: axis, keepdims: true))
                    return try Variable.reduce(.mean, try Variable.mul(centred, centred), axis: axis, keepdims: keep)
                })
        }
        m["prod"] = fn("prod") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            return .float(t.scalars.reduce(1, *))
        }
        m["cumsum"] = fn("cumsum") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            var total = 0.0
            return .tensor(
                Variable(
                    Tensor(
                        shape: [t.count],
                        scalars: t.scalars.map {
                            total += $0
                            return total
                        })))
        }
        m["argsort"] = fn("argsort") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            guard t.rank <= 1 else { throw Failure("ValueError: argsort supports 1-D arrays") }
            // A stable sort, as numpy's default for equal keys in practice.
            let order = t.scalars.indices.sorted { (t.scalars[$0], $0) < (t.scalars[$1], $1) }
            return .tensor(Variable(Tensor(shape: [order.count], scalars: order.map(Double.init))))
        }
        m["unique"] = fn("unique") { args throws(Failure) in
            let values = Array(Set(try args.tensor(0, "ar").scalars)).sorted()
            return .tensor(Variable(Tensor(shape: [values.count], scalars: values)))
        }
        m["diag"] = fn("diag") { args throws(Failure) in
            let t = try args.tensor(0, "v")
            if t.rank == 1 {
                try interp.checkSize([t.count, t.count])
                var out = Tensor.zeros([t.count, t.count])
                for i in 0..<t.count { out.scalars[i * t.count + i] = t.scalars[i] }
                return .tensor(Variable(out))
            }
            guard t.rank == 2 else { throw Failure("ValueError: diag needs a 1-D or 2-D array") }
            let n = min(t.shape[0], t.shape[1])
            return .tensor(Variable(Tensor(shape: [n], scalars: (0..<n).map { t.scalars[$0 * t.shape[1] + $0] })))
        }
        m["tile"] = fn("tile") { args throws(Failure) in
            let t = try args.tensor(0, "A")
            let reps = try args.int(1, "reps", 1)
            try interp.checkSize([t.count, max(reps, 0)])
            guard t.rank <= 1 else { throw Failure("ValueError: tile supports 1-D arrays and an int count") }
            return .tensor(
                Variable(Tensor(shape: [t.count * max(reps, 0)], scalars: Array(repeating: t.scalars, count: max(reps, 0)).flatMap { $0 })))
        }
        m["expand_dims"] = fn("expand_dims") { args throws(Failure) in
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
        m["squeeze"] = fn("squeeze") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, t.shape.filter { $0 != 1 }) })
        }
        m["loadtxt"] = fn("loadtxt") { args throws(Failure) in
            try args.accept(["fname", "dtype", "comments", "delimiter", "skiprows"])
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
        m["meshgrid"] = fn("meshgrid") { args throws(Failure) in
            let x = try args.tensor(0, "x")
            let y = try args.tensor(1, "y")
            try interp.checkSize([y.count, x.count])
            let xx = (0..<y.count).flatMap { _ in x.scalars }
            let yy = y.scalars.flatMap { v in Array(repeating: v, count: x.count) }
            return .list(
                ListBox([
                    .tensor(Variable(Tensor(shape: [y.count, x.count], scalars: xx))),
                    .tensor(Variable(Tensor(shape: [y.count, x.count], scalars: yy))),
                ]))
        }
        m["random"] = numpyRandom(interp)
        addNumpyBreadth(&m, interp)
        return .module(Module("numpy", m))
    }

    static func isIntegerType(_ v: Value) -> Bool {
        switch v {
        case .builtin(let b): return b.name == "int" || b.name.hasPrefix("int")
        case .str(let s): return s.hasPrefix("int")
        default: return false
        }
    }

    static func reduce(_ kind: Tensor.Reduction, _ t: Variable, _ axis: Int?, _ keepdims: Bool) throws(Failure) -> Value {
        let r = try engine { () throws(EngineError) in try Variable.reduce(kind, t, axis: axis, keepdims: keepdims) }
        if (kind == .argmax || kind == .argmin) && r.value.isScalar { return .int(Int(r.value.scalars[0])) }
        return .tensor(r)
    }

    static func numpySeed(_ interp: Interpreter) -> Value {
        fn("seed") { args throws(Failure) in
            let s = try args.int(0, "seed", 0)
            guard s >= 0, s <= Int(UInt32.max) else { throw Failure("ValueError: Seed must be between 0 and 2**32 - 1") }
            interp.context.rng.seed(UInt32(s))
            return .none
        }
    }

    static func numpyRandom(_ interp: Interpreter) -> Value {
        var r: [String: Value] = ["seed": numpySeed(interp)]
        func sized(_ args: Arguments, _ index: Int) throws(Failure) -> [Int]? {
            guard let v = args.optional(index, "size"), !v.isNone else { return nil }
            return try interp.shape(v)
        }
        func result(_ t: Tensor, _ scalar: Bool) -> Value { scalar ? .float(t.scalars[0]) : .tensor(Variable(t)) }
        r["rand"] = fn("rand") { args throws(Failure) in
            let dims = try args.positional.map { v throws(Failure) in try v.asInt() }
            try interp.checkSize(dims)
            return result(interp.context.rng.rand(dims), dims.isEmpty)
        }
        r["random"] = fn("random") { args throws(Failure) in
            let dims = try sized(args, 0)
            return result(interp.context.rng.rand(dims ?? []), dims == nil)
        }
        r["random_sample"] = r["random"]
        r["randn"] = fn("randn") { args throws(Failure) in
            let dims = try args.positional.map { v throws(Failure) in try v.asInt() }
            try interp.checkSize(dims)
            return result(interp.context.rng.randn(dims), dims.isEmpty)
        }
        r["uniform"] = fn("uniform") { args throws(Failure) in
            try args.accept(["low", "high", "size"])
            let dims = try sized(args, 2)
            return result(interp.context.rng.uniform(try args.double(0, "low", 0), try args.double(1, "high", 1), dims ?? []), dims == nil)
        }
        r["normal"] = fn("normal") { args throws(Failure) in
            try args.accept(["loc", "scale", "size"])
            let dims = try sized(args, 2)
            return result(interp.context.rng.normal(try args.double(0, "loc", 0), try args.double(1, "scale", 1), dims ?? []), dims == nil)
        }
        r["randint"] = fn("randint") { args throws(Failure) in
            try args.accept(["low", "high", "size"])
            var low = try args.int(0, "low", 0)
            var high = try args.optional(1, "high").map { v throws(Failure) in try v.asInt() }
            if high == nil {
                high = low
                low = 0
            }
            guard let h = high, h > low else { throw Failure("ValueError: low >= high") }
            let dims = try sized(args, 2)
            let n = dims?.reduce(1, *) ?? 1
            let values = (0..<n).map { _ in Double(low + interp.context.rng.nextInt(through: h - low - 1)) }
            if dims == nil { return .int(Int(values[0])) }
            return .tensor(Variable(Tensor(shape: dims!, scalars: values)))
        }
        r["permutation"] = fn("permutation") { args throws(Failure) in
            let x = try args.required(0, "x")
            if case .int(let n) = x {
                try interp.checkSize([n])
                return .tensor(Variable(Tensor(shape: [n], scalars: interp.context.rng.permutation(n).map(Double.init))))
            }
            let t = try interp.tensor(x).value
            let p = interp.context.rng.permutation(t.shape.first ?? 0)
            return .tensor(Variable(try engine { () throws(EngineError) in try t.indexed([.list(p)]) }))
        }
        r["shuffle"] = fn("shuffle") { _ throws(Failure) in
            throw Failure(
                "TypeError: np.random.shuffle shuffles in place, which nn values do not support",
                hint: "use x = x[np.random.permutation(len(x))]")
        }
        r["choice"] = fn("choice") { args throws(Failure) in
            try args.accept(["a", "size", "replace"])
            let a = try args.required(0, "a")
            // An int population is 0..<a, drawn from without listing it.
            let pool: [Value]?
            let population: Int
            if case .int(let n) = a {
                pool = nil
                population = n
            } else {
                let p = try interp.iterate(a)
                pool = p
                population = p.count
            }
            guard population > 0 else { throw Failure("ValueError: a must be a non-empty sequence or a positive integer") }
            let dims = try sized(args, 1)
            let n = dims?.reduce(1, *) ?? 1
            let replace = try args.bool(2, "replace", true)
            guard replace || n <= population else {
                throw Failure("ValueError: Cannot take a larger sample than population when 'replace=False'")
            }
            if !replace { try interp.checkSize([population]) }
            let picks = interp.context.rng.choice(population, size: n, replace: replace).map { i in pool?[i] ?? .int(i) }
            if dims == nil { return picks[0] }
            return .tensor(try interp.tensor(.list(ListBox(picks))))
        }
        addLegacyRandom(&r, interp)
        return .module(Module("numpy.random", r))
    }

    // MARK: Tensor attributes and methods

    static func tensorAttribute(_ t: Variable, _ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "T": return .tensor(try engine { () throws(EngineError) in try Variable.transpose(t) })
        case "shape": return .tuple(t.shape.map { .int($0) })
        case "ndim": return .int(t.value.rank)
        case "size": return .int(t.value.count)
        case "dtype": return .str("float64")
        default: break
        }
        let method: (inout Arguments) throws(Failure) -> Value
        switch name {
        case "reshape":
            method = { args throws(Failure) in
                let s =
                    args.positional.count == 1
                    ? try interp.shape(args.positional[0]) : try args.positional.map { v throws(Failure) in try v.asInt() }
                return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, s) })
            }
        case "ravel", "flatten":
            method = { _ throws(Failure) in .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, [-1]) }) }
        case "transpose":
            method = { args throws(Failure) in
                let perm =
                    args.positional.isEmpty
                    ? nil
                    : (args.positional.count == 1
                        ? try interp.shape(args.positional[0]) : try args.positional.map { v throws(Failure) in try v.asInt() })
                return .tensor(try engine { () throws(EngineError) in try Variable.transpose(t, perm) })
            }
        case "sum", "mean", "max", "min", "argmax", "argmin":
            let kind = Tensor.Reduction(rawValue: name)!
            method = { args throws(Failure) in
                try args.accept(["axis", "keepdims"])
                return try reduce(kind, t, try args.axis(0), try args.bool(1, "keepdims", false))
            }
        case "copy": method = { _ throws(Failure) in .tensor(Variable(t.value)) }
        case "item":
            method = { _ throws(Failure) in
                guard t.value.count == 1 else { throw Failure("ValueError: can only convert an array of size 1 to a Python scalar") }
                return .float(t.value.scalars[0])
            }
        case "tolist":
            method = { _ throws(Failure) in
                func build(_ x: Tensor) -> Value {
                    if x.isScalar { return .float(x.scalars[0]) }
                    return .list(ListBox((0..<x.shape[0]).map { i in build((try? x.indexed([.at(i)])) ?? x) }))
                }
                return build(t.value)
            }
        case "astype":
            method = { args throws(Failure) in
                let dtype = try args.required(0, "dtype")
                if isIntegerType(dtype) { return .tensor(Variable(t.value.map { $0.rounded(.towardZero) })) }
                var converted = t.value
                // To bool keeps (or makes) a mask; to float makes plain numbers again.
                let toBool: Bool = { if case .builtin(let b) = dtype { b.name == "bool" } else { false } }()
                converted.isBoolean = toBool
                if toBool {
                    converted = converted.map { $0 != 0 ? 1 : 0 }
                    converted.isBoolean = true
                }
                return .tensor(Variable(converted))
            }
        case "dot":
            method = { args throws(Failure) in
                let other = try interp.tensor(try args.required(0, "b"))
                return .tensor(try engine { () throws(EngineError) in try Variable.matmul(t, other) })
            }
        case "round":
            method = { args throws(Failure) in
                let d = try args.int(0, "decimals", 0)
                return .tensor(Variable(t.value.map { pythonRound($0, d) }))
            }
        case "any": method = { _ throws(Failure) in .bool(t.value.scalars.contains { $0 != 0 }) }
        case "all": method = { _ throws(Failure) in .bool(t.value.scalars.allSatisfy { $0 != 0 }) }
        case "std":
            method = { _ throws(Failure) in
                let mean = t.value.sum() / Double(max(t.value.count, 1))
                return .float((t.value.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(t.value.count, 1))).squareRoot())
            }
        default: return nil
        }
        return fn(name, method)
    }
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
