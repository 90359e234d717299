import Engine

/// `np.random.default_rng(seed)`: numpy's `Generator` over PCG64, with the methods lectures use.
final class GeneratorObject: EngineObject {
    var generator: NumpyGenerator
    init(_ generator: NumpyGenerator) { self.generator = generator }
    var typeName: String { "Generator" }
    /// numpy adds the object's address, which would make documents differ run to run.
    var displayText: String { "Generator(PCG64)" }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        let body: ((inout Arguments) throws(Failure) -> Value)?
        switch name {
        case "random", "standard_normal":
            body = { args throws(Failure) in
                try args.accept(["size", "dtype", "out"])
                try RandomDraws.checkDtype(args, 1, integer: false)
                try RandomDraws.refuse(args, [(2, "out")])
                return RandomDraws.doubles(try RandomDraws.size(args, 0, interp)) {
                    name == "random" ? self.generator.random() : self.generator.standardNormal()
                }
            }
        case "normal":
            body = { args throws(Failure) in
                try args.accept(["loc", "scale", "size"])
                let params = try RandomParameters(args, interp, [(0, "loc", 0), (1, "scale", 1)], sizeIndex: 2)
                try params.require(1, "scale < 0") { $0 >= 0 }
                return params.draw { p in self.generator.normal(p[0], p[1]) }
            }
        case "uniform":
            body = { args throws(Failure) in
                try args.accept(["low", "high", "size"])
                let params = try RandomParameters(args, interp, [(0, "low", 0), (1, "high", 1)], sizeIndex: 2)
                let range = try engine { () throws(EngineError) in try Tensor.zip(params.values[1], params.values[0], "uniform", -) }
                if range.scalars.contains(where: { $0 < 0 }) { throw Failure("ValueError: high - low < 0") }
                if range.scalars.contains(where: { !$0.isFinite }) { throw Failure("OverflowError: high - low range exceeds valid bounds") }
                return params.draw { p in self.generator.uniform(p[0], p[1]) }
            }
        case "exponential":
            body = { args throws(Failure) in
                try args.accept(["scale", "size"])
                let params = try RandomParameters(args, interp, [(0, "scale", 1)], sizeIndex: 1)
                try params.require(0, "scale < 0") { $0 >= 0 }
                return params.draw { p in p[0] * self.generator.standardExponential() }
            }
        case "integers": body = { args throws(Failure) in try self.integers(&args, interp) }
        case "binomial":
            body = { args throws(Failure) in
                try RandomDraws.binomial(args, interp) { n, p in self.generator.bits.binomial(n, p, legacy: false) }
            }
        case "choice": body = { args throws(Failure) in try self.choice(&args, interp) }
        case "permutation":
            body = { args throws(Failure) in
                try args.accept(["x", "axis"])
                try RandomDraws.refuse(args, [(1, "axis")])
                let x = try args.required(0, "x")
                if case .int(let n) = x {
                    try interp.checkSize([n])
                    return .tensor(Variable(Tensor(shape: [n], scalars: self.generator.permutation(n).map(Double.init)).withDType(.int64)))
                }
                let t = try interp.tensor(x).value
                guard !t.isScalar else { return try self.callMethod("permutation", [.int(try x.asInt("x"))], interp) }
                // Shuffling the rows draws exactly as shuffling their indices does.
                let order = self.generator.permutation(t.shape[0])
                return .tensor(Variable(try engine { () throws(EngineError) in try t.indexed([.list(order)]) }))
            }
        case "shuffle":
            body = { args throws(Failure) in
                try args.accept(["x", "axis"])
                try RandomDraws.refuse(args, [(1, "axis")])
                guard case .list(let l) = try args.required(0, "x") else {
                    throw Failure(
                        "NotImplementedError: Lectern does not support shuffling an array in place yet",
                        hint: "x = x[rng.permutation(len(x))] gives the same order from the same draws")
                }
                self.generator.shuffle(&l.items)
                return .none
            }
        default: body = nil
        }
        guard let body, let signature = Self.signatures[name] else { return nil }
        return Library.fn(def: signature, body)
    }

    /// numpy's `Generator` methods as `inspect.signature` shows them (without `self`).
    static let signatures: [String: String] = [
        "random": "random(size=None, dtype=<class 'numpy.float64'>, out=None)",
        "standard_normal": "standard_normal(size=None, dtype=<class 'numpy.float64'>, out=None)",
        "normal": "normal(loc=0.0, scale=1.0, size=None)",
        "uniform": "uniform(low=0.0, high=1.0, size=None)",
        "exponential": "exponential(scale=1.0, size=None)",
        "integers": "integers(low, high=None, size=None, dtype=<class 'numpy.int64'>, endpoint=False)",
        "binomial": "binomial(n, p, size=None)",
        "choice": "choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)",
        "permutation": "permutation(x, axis=0)",
        "shuffle": "shuffle(x, axis=0)",
    ]

    private func callMethod(_ name: String, _ positional: [Value], _ interp: Interpreter) throws(Failure) -> Value {
        try interp.callValue(try attribute(name, interp)!, positional)
    }

    /// `integers(low, high=None, size=None, dtype=np.int64, endpoint=False)`.
    private func integers(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try args.accept(["low", "high", "size", "dtype", "endpoint"])
        try RandomDraws.checkDtype(args, 3, integer: true)
        let endpoint = try args.bool(4, "endpoint", false)
        let (low, high) = try RandomDraws.bounds(args, endpoint: endpoint)
        let dims = try RandomDraws.size(args, 2, interp)
        let values = generator.integers(low, high, endpoint: endpoint, count: dims?.reduce(1, *) ?? 1)
        // One draw is a numpy int64 scalar, as numpy's Generator returns (legacy randint gives a Python int).
        return dims == nil ? Library.numpyScalar(Double(values[0]), .int64) : RandomDraws.integers(dims, values)
    }

    /// `choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)`.
    private func choice(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try args.accept(["a", "size", "replace", "p", "axis", "shuffle"])
        try RandomDraws.refuse(args, [(4, "axis")])
        guard try args.bool(5, "shuffle", true) else {
            throw Failure("NotImplementedError: Lectern does not support shuffle=False in choice()")
        }
        let population = try RandomDraws.population(try args.required(0, "a"), interp, legacy: false)
        let dims = try RandomDraws.size(args, 1, interp)
        let count = dims?.reduce(1, *) ?? 1
        let replace = try args.bool(2, "replace", true)
        let p = try RandomDraws.probabilities(args.optional(3, "p"), count: population.count, interp, legacy: false)
        try RandomDraws.checkChoice(population, count: count, replace: replace, p: p, legacy: false, interp)
        let indices = generator.choiceIndices(population.count, count: count, replace: replace, p: p)
        return try RandomDraws.picks(population, indices, dims)
    }
}

extension Library {
    /// `default_rng(seed=None)`: an int or a list of ints seeds numpy's SeedSequence; no seed
    /// takes four words from the document's generator, so a document stays reproducible.
    static func defaultRNG(_ interp: Interpreter) -> Value {
        fn(def: "default_rng(seed=None)") { args throws(Failure) in
            guard let seed = args.optional(0, "seed"), !seed.isNone else {
                let words = (0..<4).map { _ in interp.context.rng.nextUInt32() }
                return .object(GeneratorObject(NumpyGenerator(entropy: words)))
            }
            if case .object(let o) = seed, o is GeneratorObject { return seed }
            let items: [Value]
            switch seed {
            case .list, .tuple: items = try interp.iterate(seed)
            case .float: throw Failure("TypeError: SeedSequence expects int or sequence of ints for entropy not \(interp.str(seed))")
            default: items = [seed]
            }
            var words: [UInt32] = []
            for item in items {
                let n = try item.asInt("seed")
                guard n >= 0 else { throw Failure("ValueError: expected non-negative integer") }
                words += n >> 32 == 0 ? [UInt32(n)] : [UInt32(truncatingIfNeeded: n), UInt32(n >> 32)]
            }
            return .object(GeneratorObject(NumpyGenerator(entropy: words)))
        }
    }
}
