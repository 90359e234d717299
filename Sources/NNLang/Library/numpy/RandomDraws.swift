import Engine

/// Shared pieces of `np.random` and `Generator`: `size=` shapes, arrays of draws, and the
/// population and probabilities `choice` takes.
enum RandomDraws {
    /// The `size` argument as a shape, or nil for one scalar draw.
    static func size(_ args: Arguments, _ index: Int, _ interp: Interpreter) throws(Failure) -> [Int]? {
        guard let v = args.optional(index, "size"), !v.isNone else { return nil }
        return try interp.shape(v)
    }

    /// `count(dims)` draws as an array of that shape, or one plain float when `dims` is nil.
    static func doubles(_ dims: [Int]?, _ draw: () -> Double) -> Value {
        guard let dims else { return .float(draw()) }
        return .tensor(Variable(Tensor(shape: dims, scalars: (0..<dims.reduce(1, *)).map { _ in draw() })))
    }

    /// Integer draws: an int64 array or one plain int.
    static func integers(_ dims: [Int]?, _ values: [Int]) -> Value {
        guard let dims else { return .int(values[0]) }
        return .tensor(Variable(Tensor(shape: dims, scalars: values.map(Double.init)).withDType(.int64)))
    }

    /// A float parameter that must be a plain number: arrays of parameters are refused loudly.
    static func scalar(_ args: Arguments, _ index: Int, _ name: String, _ fallback: Double) throws(Failure) -> Double {
        guard let v = args.optional(index, name), !v.isNone else { return fallback }
        if isArrayLike(v) {
            throw Failure("NotImplementedError: Lectern does not support an array for '\(name)' in \(args.function)(); pass one number")
        }
        return try v.asDouble(name)
    }

    /// An integer bound; arrays of bounds are refused loudly.
    static func integer(_ args: Arguments, _ index: Int, _ name: String) throws(Failure) -> Int? {
        guard let v = args.optional(index, name), !v.isNone else { return nil }
        if isArrayLike(v) {
            throw Failure("NotImplementedError: Lectern does not support an array for '\(name)' in \(args.function)(); pass one integer")
        }
        return try v.asInt(name)
    }

    /// An array, list or tuple where numpy would broadcast a parameter.
    private static func isArrayLike(_ v: Value) -> Bool {
        switch v {
        case .tensor(let t): return t.value.count != 1
        case .list, .tuple: return true
        default: return false
        }
    }

    /// The `low, high` of `integers`/`randint` with numpy's checks; one bound alone is `high`, from 0.
    static func bounds(_ args: Arguments, endpoint: Bool) throws(Failure) -> (low: Int, high: Int) {
        guard let first = try integer(args, 0, "low") else {
            throw Failure("TypeError: \(args.function)() missing required argument: 'low'")
        }
        let second = try integer(args, 1, "high")
        let (low, high) = second.map { (first, $0) } ?? (0, first)
        if second == nil && high <= 0 && !endpoint { throw Failure("ValueError: high <= 0") }
        guard endpoint ? low <= high : low < high else { throw Failure(endpoint ? "ValueError: low > high" : "ValueError: low >= high") }
        return (low, high)
    }

    /// `binomial(n, p, size=None)` with numpy's checks, drawing each value with `draw(n, p)`.
    static func binomial(_ args: Arguments, _ interp: Interpreter, _ draw: (Int, Double) -> Int) throws(Failure) -> Value {
        try args.accept(["n", "p", "size"])
        guard let n = try integer(args, 0, "n") else { throw Failure("TypeError: binomial() missing required argument: 'n'") }
        let p = try scalar(args, 1, "p", .nan)
        guard n >= 0 else { throw Failure("ValueError: n < 0") }
        guard p >= 0 && p <= 1 else { throw Failure("ValueError: p < 0, p > 1 or p is NaN") }
        let dims = try size(args, 2, interp)
        return integers(dims, (0..<(dims?.reduce(1, *) ?? 1)).map { _ in draw(n, p) })
    }

    /// Refuses a `dtype` other than numpy's default for the call (int64 or float64).
    static func checkDtype(_ args: Arguments, _ index: Int, integer: Bool) throws(Failure) {
        guard let v = args.optional(index, "dtype"), !v.isNone else { return }
        let name: String
        switch v {
        case .builtin(let b): name = b.name
        case .type(let c): name = c.name
        case .str(let s): name = s
        default: name = v.typeName
        }
        let allowed = integer ? ["int", "int64", "int_", "l"] : ["float", "float64", "float_", "d"]
        guard allowed.contains(name) else {
            throw Failure("NotImplementedError: Lectern does not support dtype=\(name) in \(args.function)(); it draws \(allowed[1]) only")
        }
    }

    /// Refuses a real numpy parameter Lectern does not implement (`out=`, `axis=` ≠ 0, …) when given.
    static func refuse(_ args: Arguments, _ params: [(index: Int, name: String)]) throws(Failure) {
        for param in params {
            guard let v = args.optional(param.index, param.name), !v.isNone else { continue }
            if param.name == "axis", (try? v.asInt()) == 0 { continue }
            throw Failure("NotImplementedError: Lectern does not support '\(param.name)' in \(args.function)()")
        }
    }

    /// What `choice(a, ...)` draws from: 0..<n for an int, else the rows of an array.
    enum Population {
        case range(Int)
        case array(Tensor)

        var count: Int {
            switch self {
            case .range(let n): n
            case .array(let t): t.shape[0]
            }
        }
    }

    static func population(_ a: Value, _ interp: Interpreter, legacy: Bool) throws(Failure) -> Population {
        if case .int = a { return .range(try a.asInt("a")) }
        let t = try interp.tensor(a).value
        if t.isScalar { return .range(try a.asInt("a")) }
        if legacy && t.rank != 1 { throw Failure("ValueError: a must be 1-dimensional") }
        return .array(t)
    }

    /// numpy's checks on `p`: one weight per item, no NaN, none negative, summing to 1 within √ε.
    static func probabilities(_ v: Value?, count: Int, _ interp: Interpreter, legacy: Bool) throws(Failure) -> [Double]? {
        guard let v, !v.isNone else { return nil }
        let t = try interp.tensor(v).value
        guard t.rank == 1 else { throw Failure(legacy ? "ValueError: 'p' must be 1-dimensional" : "ValueError: p must be 1-dimensional") }
        guard t.count == count else {
            throw Failure(legacy ? "ValueError: 'a' and 'p' must have same size" : "ValueError: a and p must have same size")
        }
        let p = t.scalars
        // Kahan summation, as numpy's `kahan_sum` checks the total.
        var sum = 0.0
        var carry = 0.0
        for x in p {
            let y = x - carry
            let s = sum + y
            carry = (s - sum) - y
            sum = s
        }
        if sum.isNaN { throw Failure(legacy ? "ValueError: probabilities contain NaN" : "ValueError: Probabilities contain NaN") }
        if p.contains(where: { $0 < 0 }) {
            throw Failure(legacy ? "ValueError: probabilities are not non-negative" : "ValueError: Probabilities are not non-negative")
        }
        if Swift.abs(sum - 1) > Double.ulpOfOne.squareRoot() {
            throw Failure(
                legacy
                    ? "ValueError: probabilities do not sum to 1"
                    : "ValueError: Probabilities do not sum to 1. See Notes section of docstring for more information.")
        }
        return p
    }

    /// The picked items: indices into 0..<n, or the array's rows at those indices, shaped by `size`.
    static func picks(_ population: Population, _ indices: [Int], _ dims: [Int]?) throws(Failure) -> Value {
        switch population {
        case .range: return integers(dims, indices)
        case .array(let t):
            let rows = try engine { () throws(EngineError) in try t.indexed([.list(indices)]) }
            let rest = Array(t.shape.dropFirst())
            guard let dims else {
                return rows.count == 1 && rest.isEmpty ? .float(rows.scalars[0]) : .tensor(Variable(try reshaped(rows, rest)))
            }
            return .tensor(Variable(try reshaped(rows, dims + rest)))
        }
    }

    private static func reshaped(_ t: Tensor, _ shape: [Int]) throws(Failure) -> Tensor {
        try engine { () throws(EngineError) in try t.reshaped(shape) }
    }

    /// Checks `choice`'s sizes before drawing, with numpy's messages.
    static func checkChoice(
        _ population: Population, count: Int, replace: Bool, p: [Double]?, legacy: Bool, _ interp: Interpreter
    ) throws(Failure) {
        if case .range(let n) = population, n <= 0, count != 0 {
            throw Failure(
                legacy
                    ? "ValueError: a must be greater than 0 unless no samples are taken"
                    : "ValueError: a must be a positive integer unless no samples are taken")
        }
        if case .array = population, population.count == 0, count != 0 {
            throw Failure(
                legacy
                    ? "ValueError: 'a' cannot be empty unless no samples are taken"
                    : "ValueError: a cannot be empty unless no samples are taken")
        }
        guard !replace else { return }
        // The legacy draw and Generator's tail shuffle list the whole population first.
        let n = population.count
        if p == nil && (legacy || (n > 10_000 && count > n / 50)) { try interp.checkSize([n]) }
        if count > population.count {
            throw Failure(
                "ValueError: Cannot take a larger sample than population when " + (legacy ? "'replace=False'" : "replace is False"))
        }
        if let p, p.filter({ $0 > 0 }).count < count { throw Failure("ValueError: Fewer non-zero entries in p than size") }
    }
}
