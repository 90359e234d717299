import Engine

// MARK: - sklearn.datasets, sklearn.model_selection, sklearn.preprocessing

extension Library {
    /// Runs `body` with sklearn's `random_state`: an int seeds a generator of its own (so the
    /// same int gives sklearn's arrays in any document); None draws from the document's.
    static func withRandomState<T>(_ args: Arguments, _ index: Int, _ body: (inout Engine.Generator) throws(Failure) -> T) throws(Failure)
        -> T
    {
        guard let v = args.optional(index, "random_state"), !v.isNone else { return try body(&args.interpreter.context.rng) }
        let seed = try v.asInt("random_state")
        guard seed >= 0, seed <= Int(UInt32.max) else {
            throw Failure("ValueError: random_state must be between 0 and 2**32 - 1, got \(seed)")
        }
        var local = Engine.Generator(seed: UInt32(seed))
        return try body(&local)
    }

    private static func optionalNoise(_ args: Arguments, _ index: Int) throws(Failure) -> Double? {
        guard let v = args.optional(index, "noise"), !v.isNone else { return nil }
        return try v.asDouble("noise")
    }

    /// `(X, y)` as scikit-learn returns them: float64 samples, int64 labels.
    private static func pairValue(_ x: Tensor, _ y: Tensor) -> Value {
        .tuple([.tensor(Variable(x)), .tensor(Variable(y.withDType(.int64)))])
    }

    static func sklearnDatasets(_ interp: Interpreter) -> [String: Value] {
        var d: [String: Value] = [:]
        d["make_moons"] = fn(def: "make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)") { args throws(Failure) in
            let n = try count(args, 0, "n_samples", 100)
            let (shuffle, noise) = (try args.bool(1, "shuffle", true), try optionalNoise(args, 2))
            let (x, y) = try withRandomState(args, 3) { rng in SklearnData.moons(n, shuffle: shuffle, noise: noise, &rng) }
            return pairValue(x, y)
        }
        d["make_circles"] = fn(def: "make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8)") {
            args throws(Failure) in
            let n = try count(args, 0, "n_samples", 100)
            let (shuffle, noise, factor) = (
                try args.bool(1, "shuffle", true), try optionalNoise(args, 2), try args.double(4, "factor", 0.8)
            )
            guard factor >= 0, factor < 1 else { throw Failure("ValueError: 'factor' has to be between 0 and 1.") }
            let (x, y) = try withRandomState(args, 3) { rng in SklearnData.circles(n, shuffle: shuffle, noise: noise, factor: factor, &rng)
            }
            return pairValue(x, y)
        }
        d["make_blobs"] = fn(
            def: """
                make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0), shuffle=True, \
                random_state=None, return_centers=False)
                """
        ) { args throws(Failure) in
            let n = try count(args, 0, "n_samples", 100)
            var features = try count(args, 1, "n_features", 2, limit: 10_000)
            var given: Tensor?
            var k = 3
            if let c = args.optional(2, "centers"), !c.isNone {
                if case .int(let i) = c {
                    k = i
                } else {
                    let t = try interp.tensor(c).value
                    guard t.rank == 2, t.shape[0] >= 1 else { throw Failure("ValueError: centers must be an int or a list of points") }
                    (given, k, features) = (t, t.shape[0], t.shape[1])
                }
            }
            guard k >= 1, k <= 1000 else { throw Failure("ValueError: make_blobs(): centers must be from 1 to 1000, got \(k)") }
            guard n * features <= Interpreter.maxElements else {
                throw Failure("MemoryError: make_blobs(): \(n) × \(features) values are over the memory limit")
            }
            var std = Array(repeating: 1.0, count: k)
            if let s = args.optional(3, "cluster_std"), !s.isNone {
                let t = try interp.tensor(s).value
                guard t.count == 1 || t.count == k else {
                    throw Failure("ValueError: cluster_std needs one value or one per centre (\(k))")
                }
                std = t.count == 1 ? Array(repeating: t.scalars[0], count: k) : t.scalars
            }
            let box = try args.optional(4, "center_box").map { v throws(Failure) in try interp.tensor(v).value.scalars } ?? [-10, 10]
            guard box.count == 2 else { throw Failure("ValueError: center_box must be a pair (min, max)") }
            let shuffle = try args.bool(5, "shuffle", true)
            let r = try withRandomState(args, 6) { rng in
                SklearnData.blobs(n, features: features, centers: given, count: k, std: std, box: (box[0], box[1]), shuffle: shuffle, &rng)
            }
            let pair: [Value] = [.tensor(Variable(r.x)), .tensor(Variable(r.y.withDType(.int64)))]
            return .tuple(try args.bool(7, "return_centers", false) ? pair + [.tensor(Variable(r.centers))] : pair)
        }
        d["make_classification"] = makeClassification(interp)
        return d
    }

    static func sklearnModelSelection(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["train_test_split"] = fn(
            def: "train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None)"
        ) { args throws(Failure) in
            let arrays = try args.positional.map { v throws(Failure) in try interp.tensor(v).value }
            guard let n = arrays.first?.shape.first else { throw Failure("ValueError: At least one array required as input") }
            for a in arrays where a.shape.first != n {
                throw Failure(
                    "ValueError: Found input variables with inconsistent numbers of samples: \(arrays.map { $0.shape.first ?? 0 })")
            }
            // sklearn's sizes: a float is a fraction (test rounded up, train down), an int a count.
            func size(_ name: String) throws(Failure) -> (Int, Bool)? {
                guard let v = args.optional(-1, name), !v.isNone else { return nil }
                if case .int(let i) = v { return (i, true) }
                let f = try v.asDouble(name)
                guard f > 0, f < 1 else { throw Failure("ValueError: \(name)=\(f) should be a float in the (0, 1) range or an int") }
                return (Int(name == "test_size" ? (f * Double(n)).rounded(.up) : (f * Double(n)).rounded(.down)), false)
            }
            let testGiven = try size("test_size")
            let trainGiven = try size("train_size")
            let nTest = testGiven?.0 ?? (trainGiven.map { n - $0.0 } ?? Int((0.25 * Double(n)).rounded(.up)))
            let nTrain = trainGiven?.0 ?? n - nTest
            guard nTest >= 1, nTrain >= 1, nTest + nTrain <= n else {
                throw Failure(
                    "ValueError: With n_samples=\(n), test_size and train_size give \(nTest) test and \(nTrain) training samples",
                    hint: "the resulting train set would be empty, or the two sizes exceed the samples")
            }
            let shuffle = try args.bool(-1, "shuffle", true)
            let stratify = try args.optional(-1, "stratify").flatMap { v throws(Failure) in v.isNone ? nil : try interp.tensor(v).value }
            if let stratify {
                guard shuffle else { throw Failure("ValueError: Stratified train/test split is not implemented for shuffle=False") }
                guard stratify.rank == 1, stratify.count == n else {
                    throw Failure("ValueError: stratify needs one label per sample (a 1-D array of length \(n))")
                }
            }
            let (train, test) = try withRandomState(args, -1) { rng throws(Failure) in
                guard let labels = stratify?.scalars else {
                    return SklearnData.splitIndices(n, test: nTest, train: nTrain, shuffle: shuffle, &rng)
                }
                return try engine { () throws(EngineError) in
                    try SklearnData.stratifiedSplitIndices(labels, test: nTest, train: nTrain, &rng)
                }
            }
            var out: [Value] = []
            for a in arrays {
                out.append(.tensor(Variable(try engine { () throws(EngineError) in try a.indexed([.list(train)]) })))
                out.append(.tensor(Variable(try engine { () throws(EngineError) in try a.indexed([.list(test)]) })))
            }
            return .list(ListBox(out))
        }
        return m
    }

    static func sklearnPreprocessing(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        // Lectern's arrays are never modified in place by a scaler: `copy` changes nothing.
        m["StandardScaler"] = fn(def: "StandardScaler(*, copy=True, with_mean=True, with_std=True)") { args throws(Failure) in
            return .object(
                ScalerObject(.standard(withMean: try args.bool(1, "with_mean", true), withStd: try args.bool(2, "with_std", true))))
        }
        m["MinMaxScaler"] = fn(def: "MinMaxScaler(feature_range=(0, 1), *, copy=True, clip=False)", unsupported: ["clip"]) {
            args throws(Failure) in
            let range = try args.optional(0, "feature_range").map { v throws(Failure) in try interp.tensor(v).value.scalars } ?? [0, 1]
            guard range.count == 2, range[0] < range[1] else {
                throw Failure("ValueError: Minimum of desired feature range must be smaller than maximum. Got \(range).")
            }
            return .object(ScalerObject(.minMax(low: range[0], high: range[1])))
        }
        return m
    }
}
