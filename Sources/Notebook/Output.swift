import Display

/// A neutral output value: what a block showed, independent of how it is rendered.
public enum Output: Equatable, Sendable {
    /// Text the program printed, or a value's text form (a list, a string, a tuple).
    case text(String)
    /// A number, formatted by the document's `decimals` when rendered.
    case scalar(Double)
    case integer(Int)
    /// An array, printed as numpy prints it (at the document's `decimals`).
    case tensor(shape: [Int], values: [Double], kind: ElementKind = .float64)
    case table(Table)
    case summary(ModelSummary)
    case log(TrainingLog)
    /// A matplotlib-style figure (also what the lecture helpers `plot(...)` draw).
    case plot(Figure)
    case error(Diagnostic)
}

/// A table cell: numbers are formatted at render time.
public enum Cell: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    case text(String)
}

public struct Table: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[Cell]]
    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A model's summary in Keras's layout; cells are already text.
public struct ModelSummary: Equatable, Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    public var totals: [String]
    public init(title: String, columns: [String], rows: [[String]], totals: [String]) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }
}

/// One line per shown epoch; long runs are sampled by whoever builds the log.
public struct TrainingLog: Equatable, Sendable {
    public var lines: [String]
    public var epochs: Int
    public init(lines: [String], epochs: Int) {
        self.lines = lines
        self.epochs = epochs
    }
}
