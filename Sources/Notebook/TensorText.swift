import Display

/// A displayed tensor: its text (numpy's layout) and which entries an HTML table shows.
public struct TensorText {
    public var format: NumberFormat
    public var limit = 10
    /// How many entries stay at each end of a truncated axis.
    public var edge = 3

    public init(format: NumberFormat) { self.format = format }

    /// Indices shown along an axis of length n; nil marks the elision.
    public func shown(_ n: Int) -> [Int?] {
        n <= limit ? (0..<n).map { $0 } : (0..<edge).map { $0 } + [nil] + ((n - edge)..<n).map { $0 }
    }

    /// The text of a displayed array: numpy's `str`, with the document's `decimals` as
    /// numpy's `precision` (the project's one array printer).
    public func text(shape: [Int], values: [Double], kind: ElementKind = .float64) -> String {
        if shape.isEmpty {
            return kind == .float64 || kind == .float32 ? format.scalar(values.first ?? .nan) : ElementFormat.plainText(values[0], kind)
        }
        var options = PrintOptions()
        options.precision = format.decimals
        return ArrayPrinter(options: options).str(shape: shape, values: values, kind: kind)
    }
}

func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
