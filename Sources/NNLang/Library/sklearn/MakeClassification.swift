import Engine
import Foundation

// MARK: - sklearn.datasets.make_classification

extension Library {
    /// `make_classification` with scikit-learn's signature and checks; the arrays are
    /// sklearn's bit for bit (`SklearnData.classification`), what it cannot reproduce exactly
    /// is refused by name.
    static func makeClassification(_ interp: Interpreter) -> Value {
        fn(
            def: """
                make_classification(n_samples=100, n_features=20, *, n_informative=2, n_redundant=2, n_repeated=0, n_classes=2, \
                n_clusters_per_class=2, weights=None, flip_y=0.01, class_sep=1.0, hypercube=True, shift=0.0, scale=1.0, \
                shuffle=True, random_state=None, return_X_y=True)
                """
        ) { args throws(Failure) in
            var s = ClassificationSpec()
            func integer(_ i: Int, _ name: String, _ fallback: Int, least: Int) throws(Failure) -> Int {
                let v = try args.int(i, name, fallback)
                guard v >= least, v <= 1_000_000 else {
                    throw Failure(
                        "ValueError: The '\(name)' parameter of make_classification must be an int in the range [\(least), inf). Got \(v) instead."
                    )
                }
                return v
            }
            s.samples = try integer(0, "n_samples", 100, least: 1)
            s.features = try integer(1, "n_features", 20, least: 1)
            s.informative = try integer(2, "n_informative", 2, least: 1)
            s.redundant = try integer(3, "n_redundant", 2, least: 0)
            s.repeated = try integer(4, "n_repeated", 0, least: 0)
            s.classes = try integer(5, "n_classes", 2, least: 1)
            s.clustersPerClass = try integer(6, "n_clusters_per_class", 2, least: 1)
            guard s.informative + s.redundant + s.repeated <= s.features else {
                throw Failure(
                    "ValueError: Number of informative, redundant and repeated features must sum to less than the number of total features")
            }
            let clusters = s.classes * s.clustersPerClass
            // sklearn compares n_informative with log2(clusters), so no power of two can overflow.
            guard Double(s.informative) >= log2(Double(clusters)) else {
                throw Failure(
                    "ValueError: n_classes(\(s.classes)) * n_clusters_per_class(\(s.clustersPerClass)) must be smaller or equal 2**n_informative(\(s.informative))=\(1 << s.informative)"
                )
            }
            guard s.samples * s.features <= Interpreter.maxElements else {
                throw Failure("MemoryError: make_classification(): \(s.samples) × \(s.features) values are over the memory limit")
            }
            if let w = args.optional(7, "weights"), !w.isNone {
                let weights = try interp.tensor(w).value.scalars
                guard weights.count == s.classes || weights.count == s.classes - 1 else {
                    throw Failure("ValueError: Weights specified but incompatible with number of classes.")
                }
                s.weights = weights
            }
            s.flipY = try args.double(8, "flip_y", 0.01)
            guard s.flipY >= 0, s.flipY <= 1 else {
                throw Failure(
                    "ValueError: The 'flip_y' parameter of make_classification must be a float in the range [0.0, 1.0]. Got \(s.flipY) instead."
                )
            }
            s.classSep = try args.double(9, "class_sep", 1)
            s.hypercube = try args.bool(10, "hypercube", true)
            func perFeature(_ i: Int, _ name: String, _ fallback: Double) throws(Failure) -> [Double]? {
                guard let v = args.optional(i, name) else { return [fallback] }
                if v.isNone { return nil }
                let values = try interp.tensor(v).value
                guard values.count == 1 || (values.rank == 1 && values.count == s.features) else {
                    throw Failure("ValueError: make_classification(\(name)=...) needs a number or one value per feature (\(s.features))")
                }
                return values.scalars
            }
            s.shift = try perFeature(11, "shift", 0)
            s.scale = try perFeature(12, "scale", 1)
            s.shuffle = try args.bool(13, "shuffle", true)
            guard try args.bool(15, "return_X_y", true) else {
                throw Failure("NotImplementedError: Lectern does not support make_classification(return_X_y=False) (a Bunch)")
            }
            let (x, y) = try withRandomState(args, 14) { rng throws(Failure) in
                try engine { () throws(EngineError) in try SklearnData.classification(s, &rng) }
            }
            return .tuple([.tensor(Variable(x)), .tensor(Variable(y.withDType(.int64)))])
        }
    }
}
