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
    case plot(Plot)
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

/// Data for a 2-D chart: curves, points, and an optional shaded background (decision regions).
public struct Plot: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public enum Style: Equatable, Sendable { case line, dashed, points }
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        public var style: Style
        public init(name: String, xs: [Double], ys: [Double], style: Style) {
            self.name = name
            self.xs = xs
            self.ys = ys
            self.style = style
        }
    }

    /// A grid of values in [0, 1] over the plot area, row 0 at the bottom.
    /// With two classes a value is the probability of class 1; with more, it is the
    /// predicted class index.
    public struct Field: Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        public var values: [Double]
        public var classes: Int
        public init(columns: Int, rows: Int, values: [Double], classes: Int = 2) {
            self.columns = columns
            self.rows = rows
            self.values = values
            self.classes = classes
        }

        /// The predicted class of a cell.
        public func predicted(_ value: Double) -> Int { classes > 2 ? Int(value) : (value > 0.5 ? 1 : 0) }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var field: Field?
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series], field: Field? = nil,
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.field = field
        self.xRange = xRange
        self.yRange = yRange
    }
}
