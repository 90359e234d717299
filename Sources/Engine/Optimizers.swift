import Foundation

/// Keras 3's optimizers, with Keras's defaults and update rules.
public final class Optimizer {
    public enum Kind: Sendable, Equatable {
        case sgd(momentum: Double, nesterov: Bool)
        case adam(beta1: Double, beta2: Double, epsilon: Double)
        case rmsprop(rho: Double, momentum: Double, epsilon: Double)
        case adagrad(initialAccumulator: Double, epsilon: Double)
    }

    public let kind: Kind
    public var learningRate: Double
    public private(set) var iterations = 0
    /// The name Keras gives this optimizer in a document (`sgd`, then `sgd_1`, …), which
    /// prefixes its variables' paths; set by whoever makes it.
    public var kerasName = ""
    private var slots: [[Tensor]] = []
    /// The layers whose weights the slots belong to, fixed by the first update (as Keras 3
    /// builds an optimizer for one set of variables).
    private var owners: [ObjectIdentifier] = []

    public init(_ kind: Kind, learningRate: Double) {
        self.kind = kind
        self.learningRate = learningRate
    }

    /// An optimizer by its Keras string name, with Keras's default learning rate.
    public convenience init?(name: String) {
        switch name.lowercased() {
        case "sgd": self.init(.sgd(momentum: 0, nesterov: false), learningRate: 0.01)
        case "adam": self.init(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7), learningRate: 0.001)
        case "rmsprop": self.init(.rmsprop(rho: 0.9, momentum: 0, epsilon: 1e-7), learningRate: 0.001)
        case "adagrad": self.init(.adagrad(initialAccumulator: 0.1, epsilon: 1e-7), learningRate: 0.001)
        default: return nil
        }
    }

    public var name: String {
        switch kind {
        case .sgd: "SGD"
        case .adam: "Adam"
        case .rmsprop: "RMSprop"
        case .adagrad: "Adagrad"
        }
    }

    /// Keras 3's error for an optimizer, already built for one model's weights, given another's.
    func claim(_ layers: [ObjectIdentifier], _ params: [Tensor]) throws(EngineError) {
        if owners.isEmpty {
            owners = layers
            return
        }
        guard owners == layers, slots.count == params.count, zip(slots, params).allSatisfy({ $0[0].shape == $1.shape }) else {
            throw .value(
                "this optimizer can only be called for the variables it was originally built with; "
                    + "when working with a new set of variables, you should recreate a new optimizer instance")
        }
    }

    /// One update of `params`, which belong to `owners` (an optimizer serves one set of
    /// variables, as in Keras 3): what `apply_gradients` does to `tf.Variable`s.
    public func update(_ grads: [Tensor], _ params: inout [Tensor], owners: [ObjectIdentifier]) throws(EngineError) {
        try claim(owners, params)
        apply(grads, to: &params)
    }

    /// Applies one update to every parameter, in place.
    public func apply(_ grads: [Tensor], to params: inout [Tensor]) {
        if slots.isEmpty {
            slots = params.map { p in
                switch kind {
                case .adagrad(let initial, _): [Tensor(shape: p.shape, repeating: initial)]
                default: [Tensor.zeros(p.shape), Tensor.zeros(p.shape)]
                }
            }
        }
        iterations += 1
        let lr = learningRate
        let t = Double(iterations)
        for i in params.indices {
            let g = grads[i].scalars
            // Each buffer is moved out (its place left empty), updated, and moved back: with no
            // second reference, the update writes in place instead of copying it every step.
            var w = params[i].scalars
            params[i].scalars = []
            var s0 = slots[i][0].scalars
            slots[i][0].scalars = []
            var s1: [Double] = []
            if slots[i].count > 1 { swap(&s1, &slots[i][1].scalars) }
            switch kind {
            case .sgd(let momentum, let nesterov):
                if momentum == 0 {
                    for j in 0..<w.count { w[j] -= lr * g[j] }
                } else {
                    for j in 0..<w.count {
                        s0[j] = momentum * s0[j] - lr * g[j]
                        w[j] += nesterov ? momentum * s0[j] - lr * g[j] : s0[j]
                    }
                }
            case .adam(let b1, let b2, let eps):
                // Keras adds ε to the uncorrected √v and folds the bias corrections into α.
                let alpha = lr * (1 - Foundation.pow(b2, t)).squareRoot() / (1 - Foundation.pow(b1, t))
                for j in 0..<w.count {
                    s0[j] += (g[j] - s0[j]) * (1 - b1)
                    s1[j] += (g[j] * g[j] - s1[j]) * (1 - b2)
                    w[j] -= alpha * s0[j] / (s1[j].squareRoot() + eps)
                }
            case .rmsprop(let rho, let momentum, let eps):
                for j in 0..<w.count {
                    s0[j] = rho * s0[j] + (1 - rho) * g[j] * g[j]
                    let increment = lr * g[j] / (s0[j] + eps).squareRoot()
                    if momentum > 0 {
                        s1[j] = momentum * s1[j] + increment
                        w[j] -= s1[j]
                    } else {
                        w[j] -= increment
                    }
                }
            case .adagrad(_, let eps):
                for j in 0..<w.count {
                    s0[j] += g[j] * g[j]
                    w[j] -= lr * g[j] / (s0[j] + eps).squareRoot()
                }
            }
            params[i].scalars = w
            slots[i][0].scalars = s0
            if !s1.isEmpty { slots[i][1].scalars = s1 }
        }
    }
}
