import Dispatch
import NNLang

/// A Keras-style progress line for fits that run longer than half a second, redrawn at most
/// ten times a second; only for a terminal, never for the rendered output.
final class LiveProgress: @unchecked Sendable {
    let sink: @Sendable (String) -> Void
    /// When the running fit began (nil between fits); only the interpreter's thread touches it.
    var start: UInt64?
    var lastDraw: UInt64 = 0
    var drawn = false

    init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    func hear(_ progress: TrainingProgress) {
        switch progress {
        case .started: start = DispatchTime.now().uptimeNanoseconds
        case .epoch(let epoch, let epochs, let metrics): update(epoch, epochs, metrics)
        case .finished:
            if drawn { sink("\r\u{1B}[K") }
            start = nil
            lastDraw = 0
            drawn = false
        }
    }

    func update(_ epoch: Int, _ epochs: Int, _ metrics: [LoggedMetric]) {
        let now = DispatchTime.now().uptimeNanoseconds
        let start = self.start ?? now
        self.start = start
        guard now - start > 500_000_000, now - lastDraw > 100_000_000 || epoch == epochs else { return }
        lastDraw = now
        let width = 20
        let done = width * epoch / max(epochs, 1)
        let bar = String(repeating: "━", count: done) + String(repeating: "─", count: width - done)
        let loss = metrics.first.map { " - \($0.name): \(ShownOutput.number($0.value))" } ?? ""
        sink("\rEpoch \(epoch)/\(epochs) \(bar)\(loss)")
        drawn = true
    }
}
