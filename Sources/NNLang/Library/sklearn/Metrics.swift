import Engine

// MARK: - sklearn.metrics: accuracy_score and confusion_matrix

extension Library {
    static func sklearnMetrics(_ interp: Interpreter) -> [String: Value] {
        var m: [String: Value] = [:]
        m["accuracy_score"] = fn(def: "accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None)") { args throws(Failure) in
            let (truth, predicted) = try labelPair(args)
            let weights = try sampleWeights(args, "sample_weight", count: truth.shape.first ?? 1)
            // A row of a 2-D label array (multilabel) counts only when all of it matches.
            let width = truth.rank == 2 ? truth.shape[1] : 1
            var hits = 0.0
            for (row, w) in weights.enumerated() {
                let same = (0..<width).allSatisfy { truth.scalars[row * width + $0] == predicted.scalars[row * width + $0] }
                if same { hits += w }
            }
            let total = weights.reduce(0, +)
            return .float(try args.bool(2, "normalize", true) ? hits / total : hits)
        }
        m["confusion_matrix"] = fn(def: "confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None)") {
            args throws(Failure) in
            let (truth, predicted) = try labelPair(args)
            guard truth.rank == 1 else { throw Failure("ValueError: multilabel-indicator is not supported") }
            let weights = try sampleWeights(args, "sample_weight", count: truth.count)
            let labels: [Double] =
                if let l = args.optional(2, "labels"), !l.isNone { try interp.tensor(l).value.scalars } else {
                    Array(Set(truth.scalars + predicted.scalars)).sorted()
                }
            guard !labels.isEmpty else { throw Failure("ValueError: 'labels' should contains at least one label.") }
            var index: [Double: Int] = [:]
            for (k, l) in labels.enumerated() { index[l] = k }
            let n = labels.count
            try interp.checkSize([n, n])
            var counts = [Double](repeating: 0, count: n * n)
            for (p, w) in weights.enumerated() {
                guard let i = index[truth.scalars[p]], let j = index[predicted.scalars[p]] else { continue }
                counts[i * n + j] += w
            }
            let weighted = args.optional(3, "sample_weight").map { !$0.isNone } ?? false
            var matrix = Tensor(shape: [n, n], scalars: counts)
            switch args.optional(4, "normalize") {
            case nil, .none?: return .tensor(Variable(weighted ? matrix : matrix.withDType(.int64)))
            case .str(let how)? where ["true", "pred", "all"].contains(how):
                for i in 0..<n {
                    for j in 0..<n {
                        let total: Double =
                            switch how {
                            case "true": (0..<n).reduce(0) { $0 + counts[i * n + $1] }
                            case "pred": (0..<n).reduce(0) { $0 + counts[$1 * n + j] }
                            default: counts.reduce(0, +)
                            }
                        // sklearn turns the 0/0 of an empty row or column into 0.
                        matrix.scalars[i * n + j] = total == 0 ? 0 : counts[i * n + j] / total
                    }
                }
                return .tensor(Variable(matrix))
            case let other?: throw Failure("ValueError: normalize must be one of {'true', 'pred', 'all', None}, got \(interp.repr(other))")
            }
        }
        return m

        func labelPair(_ args: Arguments) throws(Failure) -> (Tensor, Tensor) {
            let (truth, predicted) = (try labels(args, 0, "y_true"), try labels(args, 1, "y_pred"))
            guard truth.shape == predicted.shape else {
                throw Failure(
                    "ValueError: Found input variables with inconsistent numbers of samples: [\(truth.shape.first ?? 0), \(predicted.shape.first ?? 0)]"
                )
            }
            return (truth, predicted)
        }

        func labels(_ args: Arguments, _ index: Int, _ name: String) throws(Failure) -> Tensor {
            let v = try args.required(index, name)
            if case .list(let l) = v, l.items.contains(where: { if case .str = $0 { true } else { false } }) {
                throw Failure("NotImplementedError: Lectern's sklearn.metrics takes numeric labels, not strings")
            }
            return try interp.tensor(v).value
        }

        func sampleWeights(_ args: Arguments, _ name: String, count: Int) throws(Failure) -> [Double] {
            let w = args.value(name)
            guard !w.isNone else { return Array(repeating: 1, count: count) }
            let t = try interp.tensor(w).value
            guard t.count == count else {
                throw Failure("ValueError: Found input variables with inconsistent numbers of samples: [\(count), \(count), \(t.count)]")
            }
            return t.scalars
        }
    }
}
