import Engine

/// `StandardScaler` and `MinMaxScaler`: per-column statistics learned by `fit`, an affine map
/// x·scale + offset applied by `transform` and undone by `inverse_transform`.
final class ScalerObject: EngineObject {
    enum Kind {
        case standard(withMean: Bool, withStd: Bool)
        case minMax(low: Double, high: Double)
    }

    let kind: Kind
    /// The learned statistics by sklearn's attribute names, in a fixed order.
    private var fitted: [(String, Tensor)] = []
    private var samplesSeen = 0
    /// transform(x) = (x − shift) / divide … expressed as x·scale + offset per column.
    private var scale = Tensor(1)
    private var offset = Tensor(0)

    init(_ kind: Kind) { self.kind = kind }

    var className: String { if case .standard = kind { "StandardScaler" } else { "MinMaxScaler" } }
    var typeName: String { className }
    var displayText: String {
        switch kind {
        case .standard(let m, let s):
            return m && s ? "StandardScaler()" : "StandardScaler(with_mean=\(m ? "True" : "False"), with_std=\(s ? "True" : "False"))"
        case .minMax(let lo, let hi): return lo == 0 && hi == 1 ? "MinMaxScaler()" : "MinMaxScaler(feature_range=(\(lo), \(hi)))"
        }
    }

    /// sklearn's rule: a (near-)zero spread scales by 1, so constant columns stay finite.
    private static func handleZeros(_ t: Tensor) -> Tensor { t.map { $0 < 10 * Double.ulpOfOne ? 1 : $0 } }

    private func matrix(_ v: Value, _ interp: Interpreter) throws(Failure) -> Tensor {
        let t = try interp.tensor(v).value
        guard t.rank == 2 else {
            throw Failure(
                "ValueError: Expected 2D array, got \(t.rank)D array instead",
                hint:
                    "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample."
            )
        }
        return t
    }

    private func fit(_ x: Tensor) throws(EngineError) {
        samplesSeen = x.shape[0]
        let columns = x.shape[1]
        switch kind {
        case .standard(let withMean, let withStd):
            let mean = try x.reduce(.mean, axis: 0)
            let centred = try Tensor.zip(x, mean, "-", -)
            let variance = try centred.map { $0 * $0 }.reduce(.mean, axis: 0)
            let spread = ScalerObject.handleZeros(variance.map { $0.squareRoot() })
            fitted = []
            if withMean { fitted.append(("mean_", mean)) }
            if withStd { fitted += [("var_", variance), ("scale_", spread)] }
            scale = withStd ? spread.map { 1 / $0 } : Tensor.ones([columns])
            offset = withMean ? try Tensor.zip(mean.map { -$0 }, scale, "*", *) : Tensor.zeros([columns])
        case .minMax(let low, let high):
            let lo = try x.reduce(.min, axis: 0)
            let hi = try x.reduce(.max, axis: 0)
            let range = try Tensor.zip(hi, lo, "-", -)
            let s = ScalerObject.handleZeros(range).map { (high - low) / $0 }
            let m = try Tensor.zip(lo, s, "*") { low - $0 * $1 }
            fitted = [("min_", m), ("scale_", s), ("data_min_", lo), ("data_max_", hi), ("data_range_", range)]
            (scale, offset) = (s, m)
        }
    }

    private func requireFitted() throws(Failure) {
        guard samplesSeen > 0 else {
            throw Failure(
                "NotFittedError: This \(className) instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator."
            )
        }
    }

    private func apply(_ x: Tensor, inverse: Bool) throws(Failure) -> Value {
        try requireFitted()
        guard x.shape[1] == scale.count else {
            throw Failure("ValueError: X has \(x.shape[1]) features, but \(className) is expecting \(scale.count) features as input.")
        }
        return .tensor(
            Variable(
                try engine { () throws(EngineError) in
                    // sklearn's order of operations: (x − mean)/scale, x·scale + min_, and back.
                    switch (kind, inverse) {
                    case (.standard, false):
                        let mean = fitted.first { $0.0 == "mean_" }?.1 ?? Tensor(0)
                        let spread = fitted.first { $0.0 == "scale_" }?.1 ?? Tensor(1)
                        return try Tensor.zip(Tensor.zip(x, mean, "-", -), spread, "/", /)
                    case (.standard, true):
                        let mean = fitted.first { $0.0 == "mean_" }?.1 ?? Tensor(0)
                        let spread = fitted.first { $0.0 == "scale_" }?.1 ?? Tensor(1)
                        return try Tensor.zip(Tensor.zip(x, spread, "*", *), mean, "+", +)
                    case (.minMax, false): return try Tensor.zip(Tensor.zip(x, scale, "*", *), offset, "+", +)
                    case (.minMax, true): return try Tensor.zip(Tensor.zip(x, offset, "-", -), scale, "/", /)
                    }
                }))
    }

    func attribute(_ name: String, _ interp: Interpreter) throws(Failure) -> Value? {
        if let stat = fitted.first(where: { $0.0 == name }) { return .tensor(Variable(stat.1)) }
        switch name {
        case "n_samples_seen_": return samplesSeen > 0 ? .int(samplesSeen) : nil
        case "n_features_in_": return samplesSeen > 0 ? .int(scale.count) : nil
        case "mean_", "var_",
            "scale_" where samplesSeen > 0:
            return Value.none
        case "fit":
            let declaration = className == "StandardScaler" ? "fit(X, y=None, sample_weight=None)" : "fit(X, y=None)"
            // sklearn's scalers ignore `y` ("for API consistency").
            return Library.fn(def: declaration, unsupported: ["sample_weight"]) { args throws(Failure) in
                let x = try self.matrix(try args.required(0, "X"), interp)
                try engine { () throws(EngineError) in try self.fit(x) }
                return .object(self)
            }
        case "fit_transform":
            return Library.fn(def: "fit_transform(X, y=None, **fit_params)", unsupported: ["**fit_params"]) { args throws(Failure) in
                let x = try self.matrix(try args.required(0, "X"), interp)
                try engine { () throws(EngineError) in try self.fit(x) }
                return try self.apply(x, inverse: false)
            }
        case "transform", "inverse_transform":
            let declaration = className == "StandardScaler" ? "\(name)(X, copy=None)" : "\(name)(X)"
            return Library.fn(def: declaration) { args throws(Failure) in
                return try self.apply(try self.matrix(try args.required(0, "X"), interp), inverse: name == "inverse_transform")
            }
        default: return nil
        }
    }
}
