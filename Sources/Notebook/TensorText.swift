/// numpy's text layout for a tensor, truncated with `…` beyond `limit` entries per axis.
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

    public func text(shape: [Int], values: [Double]) -> String {
        if shape.isEmpty { return format.scalar(values.first ?? .nan) }
        if values.isEmpty { return "[]" }
        let cells = format.column(values)
        let width = cells.map(\.count).max() ?? 1
        let padded = cells.map { String(repeating: " ", count: width - $0.count) + $0 }
        let rank = shape.count
        let strides = (0..<rank).map { shape[($0 + 1)...].reduce(1, *) }
        func render(_ axis: Int, _ offset: Int) -> String {
            let items = shown(shape[axis])
            if axis == rank - 1 {
                return "[" + items.map { $0.map { padded[offset + $0] } ?? "…" }.joined(separator: " ") + "]"
            }
            let separator = String(repeating: "\n", count: rank - axis - 1) + String(repeating: " ", count: axis + 1)
            return "[" + items.map { $0.map { render(axis + 1, offset + $0 * strides[axis]) } ?? "…" }.joined(separator: separator) + "]"
        }
        return render(0, 0)
    }
}

func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
