import Foundation
import NNLang
import Notebook
import Testing

@testable import Site

/// The execute step lays out what the language reports: Keras's sampled log and summary.
@Suite struct ShownOutputTests {
    static func epochs(_ n: Int) -> [[LoggedMetric]] { (1...n).map { [LoggedMetric("loss", 1 / Double($0))] } }

    @Test func longFitsShowTheFirstEveryTenthAndTheLastEpoch() {
        let log = ShownOutput.trainingLog(TrainingRecord(planned: 100, epochs: ShownOutputTests.epochs(100)))
        #expect(log.lines.count == 11)
        #expect(log.lines.first == "Epoch   1/100 - loss: 1.0000")
        #expect(log.lines.last == "Epoch 100/100 - loss: 0.0100")
    }

    @Test func anEarlyStopEndsTheLog() {
        let log = ShownOutput.trainingLog(TrainingRecord(planned: 50, epochs: ShownOutputTests.epochs(7)))
        #expect(log.lines.suffix(2) == ["Epoch  7/50 - loss: 0.1429", "Epoch 7: early stopping"])
        #expect(log.epochs == 7)
    }

    @Test func summaryIsKerasLayout() {
        let model = ModelOverview(
            name: "m", functional: false, built: true,
            layers: [ModelOverview.Layer(name: "dense", type: "Dense", outputShape: [1234], params: 1_234_000, connectedTo: [])],
            totalParams: 1_234_000, trainableParams: 1_234_000)
        let s = ShownOutput.summary(model)
        #expect(s.title == "Model: \"m\"")
        #expect(s.rows == [["dense (Dense)", "(None, 1234)", "1,234,000"]])
        #expect(s.totals[0] == "Total params: 1,234,000 (9.41 MB)")
    }

    final class Lines: @unchecked Sendable {
        var all: [String] = []
    }

    /// The terminal's progress line: only for fits longer than half a second, cleared at the end.
    @Test func progressLineWaitsHalfASecondAndIsClearedAtTheEnd() {
        let lines = Lines()
        let live = LiveProgress { lines.all.append($0) }
        live.hear(.started)
        live.hear(.epoch(1, of: 3, metrics: [LoggedMetric("loss", 0.5)]))
        #expect(lines.all.isEmpty)
        Thread.sleep(forTimeInterval: 0.55)
        live.hear(.epoch(2, of: 3, metrics: [LoggedMetric("loss", 0.25)]))
        #expect(lines.all == ["\rEpoch 2/3 " + String(repeating: "━", count: 13) + String(repeating: "─", count: 7) + " - loss: 0.2500"])
        live.hear(.finished)
        #expect(lines.all.last == "\r\u{1B}[K")
    }
}
