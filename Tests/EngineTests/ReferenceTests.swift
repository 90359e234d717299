import Foundation
import Testing

@testable import Engine

/// Engine numbers against the numpy float64 re-implementation of Keras 3 in
/// `Scripts/make_reference.py` (fixture `reference.json`), at 1e-10 relative.
@Suite struct ReferenceTests {
    let network = Reference.json["network"] as! [String: Any]

    func model(_ context: Context) throws -> Model {
        let layers: [Layer] = [
            Dense(units: 32, activation: .relu, name: nil, context: context),
            Dense(units: 32, activation: .relu, name: nil, context: context),
            Dense(units: 1, activation: .sigmoid, name: nil, context: context),
        ]
        let m = try Model(layers: layers, input: SymbolicTensor(input: [10], name: "input"), name: nil, context: context)
        try m.setWeights((network["weights"] as! [Any]).map(Reference.tensor))
        return m
    }

    var x: Tensor { Reference.tensor(network["x"]!) }
    var y: Tensor { Reference.tensor(network["y"]!) }

    @Test func initialLossAndGradients() throws {
        let m = try model(Context(seed: 0))
        try m.compile(optimizer: Optimizer(name: "sgd")!, loss: .binaryCrossentropy, metrics: [])
        let (loss, grads) = try m.gradients([x], y)
        expectClose([loss], [Reference.number(network["initial_loss"]!)!], "loss")
        let expected = (network["initial_grads"] as! [Any]).map(Reference.tensor)
        for (g, e) in zip(grads.flatMap { $0 }, expected) { expectClose(g, e, "gradient") }
    }

    @Test func sgdHistoryOf20Epochs() throws {
        let m = try model(Context(seed: 0))
        try m.compile(
            optimizer: Optimizer(.sgd(momentum: 0, nesterov: false), learningRate: 0.01), loss: .binaryCrossentropy, metrics: ["accuracy"])
        var options = FitOptions()
        options.epochs = 20
        options.shuffle = false
        let h = try m.fit([x], y, options: options)
        let sgd = network["sgd"] as! [String: Any]
        expectClose(h.values["loss"]!, Reference.doubles(sgd["history"]!), "SGD history")
        expectClose(h.values["accuracy"]!, Reference.doubles(sgd["accuracy"]!), "SGD accuracy")
        for (w, e) in zip(m.weights, (sgd["final_weights"] as! [Any]).map(Reference.tensor)) {
            expectClose(w, e, rtol: 1e-9, "final weights")
        }
    }

    @Test func adamHistoryOf3Epochs() throws {
        let m = try model(Context(seed: 0))
        try m.compile(
            optimizer: Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7), learningRate: 0.01), loss: .binaryCrossentropy, metrics: []
        )
        var options = FitOptions()
        options.epochs = 3
        options.shuffle = false
        let h = try m.fit([x], y, options: options)
        let adam = network["adam"] as! [String: Any]
        expectClose(h.values["loss"]!, Reference.doubles(adam["history"]!), "Adam history")
        for (w, e) in zip(m.weights, (adam["final_weights"] as! [Any]).map(Reference.tensor)) {
            expectClose(w, e, rtol: 1e-9, "final weights")
        }
    }

    @Test(arguments: Loss.allCases)
    func lossValueAndGradient(_ loss: Loss) throws {
        let cases = Reference.json["losses"] as! [String: Any]
        let key = [Loss.meanSquaredError: "mse", .meanAbsoluteError: "mae"][loss] ?? loss.rawValue
        let c = cases[key] as! [String: Any]
        let p = Variable.leaf(Reference.tensor(c["prediction"]!))
        let l = try loss(Reference.tensor(c["target"]!), p)
        expectClose([l.value.scalars[0]], [Reference.number(c["loss"]!)!], "\(loss) value")
        let g = try Variable.gradients(of: l, wrt: [p])[0]
        expectClose(g, Reference.tensor(c["grad"]!), rtol: 1e-9, "\(loss) gradient")
    }

    @Test(arguments: ["sgd", "sgd_momentum", "sgd_nesterov", "adam", "rmsprop", "adagrad"])
    func twoOptimizerSteps(_ name: String) throws {
        let spec = Reference.json["optimizers"] as! [String: Any]
        var w = (spec["weights"] as! [Any]).map(Reference.tensor)
        let g = (spec["grads"] as! [Any]).map { ($0 as! [Any]).map(Reference.tensor) }
        let expected = (spec["results"] as! [String: Any])[name] as! [String: Any]
        let opt: Optimizer =
            switch name {
            case "sgd": Optimizer(.sgd(momentum: 0, nesterov: false), learningRate: 0.1)
            case "sgd_momentum": Optimizer(.sgd(momentum: 0.9, nesterov: false), learningRate: 0.1)
            case "sgd_nesterov": Optimizer(.sgd(momentum: 0.9, nesterov: true), learningRate: 0.1)
            case "adam": Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7), learningRate: 0.01)
            case "rmsprop": Optimizer(.rmsprop(rho: 0.9, momentum: 0, epsilon: 1e-7), learningRate: 0.01)
            default: Optimizer(.adagrad(initialAccumulator: 0.1, epsilon: 1e-7), learningRate: 0.1)
            }
        opt.apply(g[0], to: &w)
        for (a, e) in zip(w, (expected["after_one"] as! [Any]).map(Reference.tensor)) { expectClose(a, e, "\(name) step 1") }
        opt.apply(g[1], to: &w)
        for (a, e) in zip(w, (expected["after_two"] as! [Any]).map(Reference.tensor)) { expectClose(a, e, "\(name) step 2") }
    }

    /// Bit-exact: the fixture stores numpy's draws as hex floats.
    @Test func generatorDrawsAsNumpyLegacyRandomState() {
        func exact(_ any: Any) -> [Double] { (any as! [String]).map { Double($0)! } }
        let draws = (Reference.json["random"] as! [String: Any])["seed0"] as! [String: Any]
        var rng = Generator(seed: 0)
        #expect(rng.rand([5]).scalars == exact(draws["rand"]!))
        #expect(rng.randn([5]).scalars == exact(draws["randn"]!))
        #expect(rng.uniform(-1, 1, [3]).scalars == exact(draws["uniform"]!))
        #expect(rng.normal(2, 3, [3]).scalars == exact(draws["normal"]!))
        #expect(rng.permutation(10).map(Double.init) == Reference.doubles(draws["permutation"]!))
        var r42 = Generator(seed: 42)
        #expect(r42.rand([3]).scalars == exact(((Reference.json["random"] as! [String: Any])["seed42"] as! [String: Any])["rand"]!))
    }

    /// Real Keras (float64), when the script could import it, agrees with the numpy side.
    @Test func kerasAgreesWhereRecorded() throws {
        let keras = Reference.json["keras"] as! [String: Any]
        guard keras["available"] as? Bool == true else { return }
        let sgd = network["sgd"] as! [String: Any]
        let adam = network["adam"] as! [String: Any]
        expectClose(Reference.doubles(keras["sgd_history"]!), Reference.doubles(sgd["history"]!), rtol: 1e-6, "Keras SGD history")
        expectClose(Reference.doubles(keras["adam_history"]!), Reference.doubles(adam["history"]!), rtol: 1e-6, "Keras Adam history")
        let kerasLosses = keras["losses"] as! [String: Any]
        let losses = Reference.json["losses"] as! [String: Any]
        for (name, value) in kerasLosses {
            let ours = Reference.number((losses[name] as! [String: Any])["loss"]!)!
            expectClose([Reference.number(value)!], [ours], rtol: 1e-6, "Keras \(name)")
        }
    }
}

/// One training path: a model gives the same bits whichever other layers it has.
@Suite struct OneTrainingPathTests {
    @Test(arguments: Loss.allCases)
    func aLayerWithoutWeightsChangesNoBit(_ loss: Loss) throws {
        func make(flattenFirst: Bool) throws -> Model {
            let context = Context(seed: 5)
            let out: Activation = loss == .categoricalCrossentropy || loss == .sparseCategoricalCrossentropy ? .softmax : .sigmoid
            let layers: [Layer] =
                (flattenFirst ? [Flatten(name: nil, context: context)] : []) + [
                    Dense(units: 6, activation: .tanh, name: nil, context: context),
                    ActivationLayer(.relu, name: nil, context: context),
                    Dense(units: 3, activation: out, name: nil, context: context),
                ]
            let input = SymbolicTensor(input: flattenFirst ? [2, 2] : [4], name: "x")
            let m = try Model(layers: layers, input: input, name: nil, context: context)
            try m.compile(optimizer: Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7), learningRate: 0.01), loss: loss, metrics: [])
            return m
        }
        var rng = Generator(seed: 9)
        let x = rng.randn([8, 4])
        let labels = Tensor(shape: [8], scalars: (0..<8).map { Double($0 % 3) })
        let y =
            switch loss {
            case .categoricalCrossentropy: try Loss.oneHot(labels, classes: 3)
            case .sparseCategoricalCrossentropy: labels
            default: rng.rand([8, 3])
            }
        let plain = try make(flattenFirst: false)
        let flattened = try make(flattenFirst: true)
        var options = FitOptions()
        options.epochs = 3
        options.batchSize = 3
        let h1 = try plain.fit([x], y, options: options)
        let h2 = try flattened.fit([try x.reshaped([8, 2, 2])], y, options: options)
        #expect(h1.values["loss"]! == h2.values["loss"]!)
        for (a, b) in zip(plain.weights, flattened.weights) { #expect(a == b) }
    }
}

/// EarlyStopping follows Keras 3's `on_epoch_end`: `wait` counts epochs without an
/// improvement (by more than `min_delta`), training stops once `wait >= patience` (never after
/// the first epoch), and the best epoch's weights are kept when restoring.
@Suite struct EarlyStoppingTests {
    func stopEpoch(_ values: [Double], patience: Int, minDelta: Double = 0, mode: EarlyStopping.Mode = .auto, monitor: String = "val_loss")
        throws -> Int?
    {
        var rule = EarlyStopping()
        rule.patience = patience
        rule.minDelta = minDelta
        rule.mode = mode
        rule.monitor = monitor
        var tracker = try EarlyStopping.Tracker(rule)
        for (epoch, v) in values.enumerated() where try tracker.observe(epoch: epoch, logs: [(monitor, v)], weights: { [] }) {
            return epoch
        }
        return nil
    }

    @Test func stopsAfterPatienceEpochsWithoutImprovement() throws {
        #expect(try stopEpoch([1.0, 0.9, 0.95, 0.96, 0.5], patience: 2) == 3)
        #expect(try stopEpoch([1.0, 0.9, 0.95, 0.85, 0.96, 0.97], patience: 2) == 5)
        #expect(try stopEpoch([1.0, 1.1], patience: 0) == 1)
        #expect(try stopEpoch([1.0, 0.99, 0.98], patience: 1, minDelta: 0.05) == 1)
        #expect(try stopEpoch([0.5, 0.7, 0.6, 0.65], patience: 1, monitor: "val_accuracy") == 2)
        #expect(try stopEpoch([3, 2, 1], patience: 1) == nil)
    }

    @Test func unknownDirectionNeedsAMode() {
        #expect(throws: EngineError.self) { try stopEpoch([1, 2], patience: 0, monitor: "val_f1") }
        #expect((try? stopEpoch([1, 2], patience: 0, mode: .max, monitor: "val_f1")) == .some(nil))
    }
}
