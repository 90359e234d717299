import Display

/// What a block shows, as the language's own plain data. The language knows nothing of
/// Markdown or pages: `Site`'s execute step maps each value to the renderers' `Output`, and
/// lays out what has a layout (Keras's summary table, the sampled training log).
///
/// `indirect` keeps a shown value one pointer wide inside `Value`, whatever its payload.
public indirect enum Shown: Equatable, Sendable {
    /// Text the program printed, or a value's text form.
    case text(String)
    /// A number, formatted by the document's `decimals` when rendered.
    case scalar(Double)
    case integer(Int)
    /// An array, printed as numpy prints it.
    case array(shape: [Int], values: [Double], kind: ElementKind)
    case table(ShownTable)
    /// `model.summary()`: the model's layers, not yet laid out.
    case summary(ModelOverview)
    /// `fit`'s report of every epoch that ran (verbose fits only).
    case training(TrainingRecord)
    /// `evaluate`'s final metrics (verbose only).
    case evaluation([LoggedMetric])
    case figure(Figure)

    /// A table cell: numbers are formatted at render time.
    public enum Cell: Equatable, Sendable {
        case number(Double)
        case integer(Int)
        case text(String)
    }
}

/// A table a lecture helper builds (`shapes`, `forward_table`, …).
public struct ShownTable: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[Shown.Cell]]
    public init(columns: [String], rows: [[Shown.Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A named metric value of a training log (`loss`, `accuracy`, `val_loss`, …).
public struct LoggedMetric: Equatable, Sendable {
    public var name: String
    public var value: Double
    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// A model as `summary()` describes it.
public struct ModelOverview: Equatable, Sendable {
    public struct Layer: Equatable, Sendable {
        public var name: String
        public var type: String
        public var outputShape: [Int]
        public var params: Int
        public var connectedTo: [String]
        public init(name: String, type: String, outputShape: [Int], params: Int, connectedTo: [String]) {
            self.name = name
            self.type = type
            self.outputShape = outputShape
            self.params = params
            self.connectedTo = connectedTo
        }
    }

    public var name: String
    /// A functional model lists its input layers and what each layer is connected to.
    public var functional: Bool
    /// Unbuilt models have no output shapes yet.
    public var built: Bool
    public var layers: [Layer]
    public var totalParams: Int
    public var trainableParams: Int

    public init(name: String, functional: Bool, built: Bool, layers: [Layer], totalParams: Int, trainableParams: Int) {
        self.name = name
        self.functional = functional
        self.built = built
        self.layers = layers
        self.totalParams = totalParams
        self.trainableParams = trainableParams
    }
}

/// The epochs a fit ran, each with its metrics; fewer than `planned` means it stopped early.
public struct TrainingRecord: Equatable, Sendable {
    public var planned: Int
    public var epochs: [[LoggedMetric]]
    public init(planned: Int, epochs: [[LoggedMetric]]) {
        self.planned = planned
        self.epochs = epochs
    }
}

/// What a fit reports while it runs, for a terminal's live progress line.
public enum TrainingProgress: Sendable {
    /// A fit begins (its first epoch has not run yet).
    case started
    case epoch(Int, of: Int, metrics: [LoggedMetric])
    case finished
}
