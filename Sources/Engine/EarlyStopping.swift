/// Keras 3's `EarlyStopping` callback: stop when a monitored figure has not improved for
/// `patience` epochs, optionally restoring the weights of the best epoch at the end.
public struct EarlyStopping: Sendable {
    public enum Mode: String, Sendable { case auto, min, max }

    public var monitor = "val_loss"
    public var minDelta = 0.0
    public var patience = 0
    public var mode = Mode.auto
    public var restoreBestWeights = false
    public var startFromEpoch = 0

    public init() {}

    /// Whether smaller is better: Keras's `auto` minimises losses and errors, maximises accuracy.
    func minimises() throws(EngineError) -> Bool {
        switch mode {
        case .min: return true
        case .max: return false
        case .auto:
            let name = monitor.hasPrefix("val_") ? String(monitor.dropFirst(4)) : monitor
            if name == "loss" || name.hasSuffix("_loss") || name == "mse" || name == "mae" { return true }
            if name == "accuracy" || name.hasSuffix("_accuracy") { return false }
            throw .value("EarlyStopping cannot tell whether '\(monitor)' should go up or down: pass mode='min' or mode='max'")
        }
    }

    /// The running state of one `fit`.
    struct Tracker {
        let rule: EarlyStopping
        let minimise: Bool
        var wait = 0
        var best: Double?
        var bestWeights: [Tensor]?

        init(_ rule: EarlyStopping) throws(EngineError) {
            self.rule = rule
            self.minimise = try rule.minimises()
        }

        /// Records an epoch (0-based) and returns true when training should stop.
        mutating func observe(epoch: Int, logs: [(String, Double)], weights: () -> [Tensor]) throws(EngineError) -> Bool {
            guard let current = logs.first(where: { $0.0 == rule.monitor })?.1 else {
                throw .value(
                    "EarlyStopping monitors '\(rule.monitor)', but the epoch's figures are: \(logs.map(\.0).joined(separator: ", "))")
            }
            guard epoch >= rule.startFromEpoch else { return false }
            if rule.restoreBestWeights && bestWeights == nil { bestWeights = weights() }
            wait += 1
            // Keras: an improvement beats the best by more than min_delta in the right direction.
            let delta = Swift.abs(rule.minDelta)
            let improved = best.map { minimise ? current + delta < $0 : current - delta > $0 } ?? true
            if improved {
                best = current
                if rule.restoreBestWeights { bestWeights = weights() }
                wait = 0
                return false
            }
            return wait >= rule.patience && epoch > 0
        }
    }
}
