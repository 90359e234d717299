import Engine
import Foundation

extension Library {
    /// The `np.random` functions beyond `rand`/`randn`/`seed`, drawn from the document's
    /// legacy MT19937 exactly as numpy's `RandomState` draws them, plus `default_rng`.
    static func addLegacyRandom(_ r: inout [String: Value], _ interp: Interpreter) {
        r["default_rng"] = defaultRNG(interp)
        r["randint"] = fn(def: "randint(low, high=None, size=None, dtype=<class 'int'>)") { args throws(Failure) in
            try RandomDraws.checkDtype(args, 3, integer: true)
            let (low, high) = try RandomDraws.bounds(args, endpoint: false)
            let dims = try RandomDraws.size(args, 2, interp)
            let values = (0..<(dims?.reduce(1, *) ?? 1)).map { _ in interp.context.rng.integer(low, high, endpoint: false, masked: true) }
            return RandomDraws.integers(dims, values)
        }
        for name in ["random", "random_sample"] {
            r[name] = fn(def: "\(name)(size=None)") { args throws(Failure) in
                return RandomDraws.doubles(try RandomDraws.size(args, 0, interp)) { interp.context.rng.nextDouble() }
            }
        }
        r["standard_normal"] = fn(def: "standard_normal(size=None)") { args throws(Failure) in
            return RandomDraws.doubles(try RandomDraws.size(args, 0, interp)) { interp.context.rng.nextGaussian() }
        }
        r["normal"] = fn(def: "normal(loc=0.0, scale=1.0, size=None)") { args throws(Failure) in
            let params = try RandomParameters(args, interp, [(0, "loc", 0), (1, "scale", 1)], sizeIndex: 2)
            try params.require(1, "scale < 0") { $0 >= 0 }
            return params.draw { p in p[0] + p[1] * interp.context.rng.nextGaussian() }
        }
        r["uniform"] = fn(def: "uniform(low=0.0, high=1.0, size=None)") { args throws(Failure) in
            // The legacy uniform allows high < low: low + (high − low) · U either way.
            let params = try RandomParameters(args, interp, [(0, "low", 0), (1, "high", 1)], sizeIndex: 2)
            let range = try engine { () throws(EngineError) in try Tensor.zip(params.values[1], params.values[0], "uniform", -) }
            if range.scalars.contains(where: { !$0.isFinite }) { throw Failure("OverflowError: Range exceeds valid bounds") }
            return params.draw { p in p[0] + (p[1] - p[0]) * interp.context.rng.nextDouble() }
        }
        r["exponential"] = fn(def: "exponential(scale=1.0, size=None)") { args throws(Failure) in
            let params = try RandomParameters(args, interp, [(0, "scale", 1)], sizeIndex: 1)
            try params.require(0, "scale < 0") { $0 >= 0 }
            // numpy's legacy exponential is −log(1 − U), not the ziggurat of `Generator`.
            return params.draw { p in p[0] * -Foundation.log(1 - interp.context.rng.nextDouble()) }
        }
        r["choice"] = fn(def: "choice(a, size=None, replace=True, p=None)") { args throws(Failure) in
            let population = try RandomDraws.population(try args.required(0, "a"), interp, legacy: true)
            let dims = try RandomDraws.size(args, 1, interp)
            let count = dims?.reduce(1, *) ?? 1
            let replace = try args.bool(2, "replace", true)
            let p = try RandomDraws.probabilities(args.optional(3, "p"), count: population.count, interp, legacy: true)
            try RandomDraws.checkChoice(population, count: count, replace: replace, p: p, legacy: true, interp)
            let n = population.count
            let indices: [Int]
            switch (replace, p) {
            case (true, let p?): indices = interp.context.rng.weightedIndices(p, count: count)
            case (true, nil): indices = (0..<count).map { _ in interp.context.rng.integer(0, n, endpoint: false, masked: true) }
            case (false, let p?): indices = interp.context.rng.weightedDistinctIndices(p, count: count)
            case (false, nil): indices = Array(interp.context.rng.permutation(n).prefix(count))
            }
            return try RandomDraws.picks(population, indices, dims)
        }
        r["shuffle"] = fn(def: "shuffle(x)") { args throws(Failure) in
            guard case .list(let l) = try args.required(0, "x") else {
                throw Failure(
                    "NotImplementedError: Lectern does not support shuffling an array in place yet",
                    hint: "x = x[np.random.permutation(len(x))] gives the same order from the same draws")
            }
            interp.context.rng.shuffle(&l.items)
            return .none
        }
        r["binomial"] = fn(def: "binomial(n, p, size=None)") { args throws(Failure) in
            try RandomDraws.binomial(args, interp) { n, p in interp.context.rng.binomial(n, p, legacy: true) }
        }
        r["multivariate_normal"] = fn(def: "multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-08)") {
            _ throws(Failure) in
            // numpy factors the covariance with LAPACK's SVD; the signs of its singular
            // vectors decide the draws, and another SVD would give other numbers.
            throw Failure(
                "NotImplementedError: Lectern does not support np.random.multivariate_normal: its draws depend on LAPACK's SVD",
                hint: "for a diagonal covariance use mean + np.sqrt(variances) * np.random.standard_normal(size)")
        }
    }
}
