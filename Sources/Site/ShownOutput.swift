import Display
import Foundation
import NNLang
import Notebook

/// The execute step's bridge from the language to the renderers: each value a block shows
/// becomes an `Output`, and what has a layout gets it here — Keras's summary table and the
/// training log, sampled to about ten lines.
public enum ShownOutput {
    public static func output(_ shown: Shown) -> Output {
        switch shown {
        case .text(let s): .text(s)
        case .scalar(let d): .scalar(d)
        case .integer(let i): .integer(i)
        case .array(let shape, let values, let kind): .tensor(shape: shape, values: values, kind: kind)
        case .table(let t): .table(Table(columns: t.columns, rows: t.rows.map { $0.map(cell) }))
        case .summary(let model): .summary(summary(model))
        case .training(let record): .log(trainingLog(record))
        case .evaluation(let metrics): .log(TrainingLog(lines: [metricsText(metrics)], epochs: 0))
        case .figure(let figure): .plot(figure)
        }
    }

    static func cell(_ c: Shown.Cell) -> Cell {
        switch c {
        case .number(let d): .number(d)
        case .integer(let i): .integer(i)
        case .text(let s): .text(s)
        }
    }

    /// Keras's log number: four decimals.
    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.4f", x) : (x.isNaN ? "nan" : "inf") }

    static func metricsText(_ metrics: [LoggedMetric]) -> String {
        metrics.map { "\($0.name): \(number($0.value))" }.joined(separator: " - ")
    }

    /// Keras's epoch lines; a run of more than 20 epochs shows the first, every tenth of the
    /// run and the last, and a fit that stopped early says so.
    static func trainingLog(_ record: TrainingRecord) -> TrainingLog {
        let every = record.planned <= 20 ? 1 : max(1, record.planned / 10)
        let width = String(record.planned).count
        var lines: [String] = []
        for (k, metrics) in record.epochs.enumerated() {
            let epoch = k + 1
            guard epoch == 1 || epoch % every == 0 || epoch == record.epochs.count else { continue }
            let number = String(repeating: " ", count: max(0, width - String(epoch).count)) + String(epoch)
            lines.append("Epoch \(number)/\(record.planned) - " + metricsText(metrics))
        }
        if record.epochs.count < record.planned { lines.append("Epoch \(record.epochs.count): early stopping") }
        return TrainingLog(lines: lines, epochs: record.epochs.count)
    }

    /// Keras's summary layout: one row per layer, then the totals.
    static func summary(_ model: ModelOverview) -> ModelSummary {
        var columns = ["Layer (type)", "Output Shape", "Param #"]
        if model.functional { columns.append("Connected to") }
        let body = model.layers.map { layer -> [String] in
            var cells = [
                "\(layer.name) (\(layer.type))",
                model.built ? "(None, " + layer.outputShape.map(String.init).joined(separator: ", ") + ")" : "?",
                count(layer.params),
            ]
            if model.functional { cells.append(layer.connectedTo.isEmpty ? "-" : layer.connectedTo.joined(separator: ", ")) }
            return cells
        }
        let total = model.totalParams
        let trainable = model.trainableParams
        return ModelSummary(
            title: "Model: \"\(model.name)\"", columns: columns, rows: body,
            totals: [
                "Total params: \(count(total)) (\(size(total)))",
                "Trainable params: \(count(trainable)) (\(size(trainable)))",
                "Non-trainable params: \(count(total - trainable)) (\(size(total - trainable)))",
            ])
    }

    static func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }

    /// Parameter memory at 8 bytes each, in Keras's units.
    static func size(_ n: Int) -> String {
        var bytes = Double(n * 8)
        var unit = 0
        let units = ["B", "KB", "MB", "GB"]
        while bytes >= 1024 && unit < units.count - 1 {
            bytes /= 1024
            unit += 1
        }
        return String(format: "%.2f %@", bytes, units[unit])
    }
}
