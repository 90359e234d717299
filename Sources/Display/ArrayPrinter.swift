import Foundation

/// The kind of element an array holds, as far as printing is concerned.
public enum ElementKind: Sendable, Equatable {
    case bool, int, float64, float32
}

/// numpy's print options (`np.set_printoptions`): the subset Lectern implements.
public struct PrintOptions: Sendable, Equatable {
    public var precision = 8
    public var threshold = 1000
    public var edgeitems = 3
    public var linewidth = 75
    public var suppress = false
    public init() {}
}

/// The one array printer of the project: numpy 2.x's `str` and `repr` of arrays and scalars,
/// ported from numpy's `arrayprint.py` (floatmode `maxprec`, sign `-`, no legacy mode).
public struct ArrayPrinter: Sendable {
    public var options: PrintOptions
    /// Asked every few thousand elements; once it answers true the printer gives up and returns
    /// an unfinished text, which the caller replaces by its error (a block's time limit covers
    /// printing a huge array with a raised `threshold`).
    public var stop: (@Sendable () -> Bool)?

    public init(options: PrintOptions = PrintOptions(), stop: (@Sendable () -> Bool)? = nil) {
        self.options = options
        self.stop = stop
    }

    /// `str(a)`: `[1. 2.]`; a 0-d array prints as its scalar.
    public func str(shape: [Int], values: [Double], kind: ElementKind) -> String {
        if shape.isEmpty { return scalarStr(values[0], kind) }
        return array2string(shape: shape, values: values, kind: kind, separator: " ", prefix: "", suffix: "")
    }

    /// `repr(a)`: `array([1., 2.])`, with `dtype=` or `shape=` where numpy adds them.
    public func repr(shape: [Int], values: [Double], kind: ElementKind, dtypeName: String) -> String {
        let prefix = "array("
        let body = array2string(shape: shape, values: values, kind: kind, separator: ", ", prefix: prefix, suffix: ")")
        var extras: [String] = []
        let size = values.count
        if (size == 0 && shape != [0]) || size > options.threshold { extras.append("shape=" + ArrayPrinter.shapeText(shape)) }
        if kind == .float32 || size == 0 { extras.append("dtype=" + dtypeName) }
        if extras.isEmpty { return prefix + body + ")" }
        let head = prefix + body + ","
        let tail = extras.joined(separator: ", ") + ")"
        let lastLine = head.count - ((head.lastIndex(of: "\n").map { head.distance(from: head.startIndex, to: $0) + 1 }) ?? 0)
        let spacer = lastLine + tail.count + 1 > options.linewidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return head + spacer + tail
    }

    /// `str` of a numpy scalar: Python's float repr rules, `True`, `6`.
    public func scalarStr(_ x: Double, _ kind: ElementKind) -> String {
        switch kind {
        case .bool: return x != 0 ? "True" : "False"
        case .int: return ArrayPrinter.integerText(x)
        case .float64, .float32:
            if x.isNaN { return "nan" }
            if x.isInfinite { return x > 0 ? "inf" : "-inf" }
            let d = FloatDigits(x, float32: kind == .float32)
            let e = d.point - 1
            if x != 0 && (e < -4 || e >= 16) { return d.scientific(minDigits: 0, expDigits: 2, keepPoint: false) }
            let text = d.positional(minDigits: 1)
            return text
        }
    }

    /// `repr` of a numpy scalar: `np.float64(2.0)`, `np.int64(6)`, `np.True_`.
    public func scalarRepr(_ x: Double, _ kind: ElementKind, dtypeName: String) -> String {
        if kind == .bool { return x != 0 ? "np.True_" : "np.False_" }
        return "np.\(dtypeName)(\(scalarStr(x, kind)))"
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func integerText(_ x: Double) -> String {
        x.isFinite && Swift.abs(x) < 9.2e18 ? String(Int(x)) : String(format: "%.0f", x)
    }

    // MARK: array2string

    func array2string(shape: [Int], values: [Double], kind: ElementKind, separator: String, prefix: String, suffix: String) -> String {
        if values.isEmpty { return "[]" }
        let summarise = values.count > options.threshold
        let strides = (0..<shape.count).map { shape[($0 + 1)...].reduce(1, *) }
        let shown = summarise ? cornerValues(shape: shape, strides: strides, values: values) : values
        let stop = Checkpoint(stop)
        do throws(Checkpoint.Stopped) {
            let format = try ElementFormat(values: shown, kind: kind, options: options, checkpoint: stop)
            let layout = Layout(
                shape: shape, strides: strides, values: values, format: format, separator: separator,
                edgeItems: options.edgeitems, summary: summarise ? "..." : nil, checkpoint: stop)
            return try layout.render(lineWidth: options.linewidth - suffix.count, prefix: " " + String(repeating: " ", count: prefix.count))
        } catch {
            return ""
        }
    }

    /// The values numpy's `_leading_trailing` keeps: `edgeitems` at each end of every long axis.
    func cornerValues(shape: [Int], strides: [Int], values: [Double]) -> [Double] {
        var out: [Double] = []
        func visit(_ axis: Int, _ offset: Int) {
            if axis == shape.count {
                out.append(values[offset])
                return
            }
            let n = shape[axis]
            let picks = n > 2 * options.edgeitems ? Array(0..<options.edgeitems) + Array((n - options.edgeitems)..<n) : Array(0..<n)
            for i in picks { visit(axis + 1, offset + i * strides[axis]) }
        }
        visit(0, 0)
        return out
    }
}

/// numpy's `_formatArray`: nested brackets, line wrapping and summarisation.
private struct Layout {
    let shape: [Int]
    let strides: [Int]
    let values: [Double]
    let format: ElementFormat
    let separator: String
    let edgeItems: Int
    let summary: String?
    let checkpoint: Checkpoint

    func render(lineWidth: Int, prefix: String) throws(Checkpoint.Stopped) -> String {
        try recurse(axis: 0, offset: 0, hanging: prefix, width: lineWidth)
    }

    private func recurse(axis: Int, offset: Int, hanging: String, width: Int) throws(Checkpoint.Stopped) -> String {
        if axis == shape.count {
            try checkpoint.tick()
            return format.text(values[offset])
        }
        let nextHanging = hanging + " "
        let nextWidth = width - 1
        let n = shape[axis]
        let showSummary = summary != nil && 2 * edgeItems < n
        let leading = showSummary ? edgeItems : 0
        let trailing = showSummary ? edgeItems : n
        let item = { (i: Int) throws(Checkpoint.Stopped) in
            try self.recurse(axis: axis + 1, offset: offset + i * self.strides[axis], hanging: nextHanging, width: nextWidth)
        }
        var s = ""
        if axis == shape.count - 1 {
            let trimmedSeparator = separator.trimmingCharacters(in: .whitespaces)
            let elemWidth = width - Swift.max(trimmedSeparator.count, 1)
            var line = hanging
            for i in 0..<leading {
                extendPretty(&s, &line, try item(i), elemWidth, hanging)
                line += separator
            }
            if showSummary, let summary {
                extend(&s, &line, summary, elemWidth, hanging)
                line += separator
            }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) {
                    extendPretty(&s, &line, try item(n - i), elemWidth, hanging)
                    line += separator
                }
            }
            extendPretty(&s, &line, try item(n - 1), width, hanging)
            s += line
        } else {
            let lineSeparator = separator.trimmingCharacters(in: .whitespaces) + String(repeating: "\n", count: shape.count - axis - 1)
            for i in 0..<leading { s += hanging + (try item(i)) + lineSeparator }
            if showSummary, let summary { s += hanging + summary + lineSeparator }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) { s += hanging + (try item(n - i)) + lineSeparator }
            }
            s += hanging + (try item(n - 1))
        }
        return "[" + String(s.dropFirst(hanging.count)) + "]"
    }

    private func extend(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ prefix: String) {
        var wrap = line.count + word.count > width
        if line.count <= prefix.count { wrap = false }
        if wrap {
            s += rstrip(line) + "\n"
            line = prefix
        }
        line += word
    }

    private func extendPretty(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ prefix: String) {
        let words = word.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if words.count == 1 { return extend(&s, &line, word, width, prefix) }
        let longest = words.map(\.count).max() ?? 0
        let indent: String
        if line.count + longest > width && line.count > prefix.count {
            s += rstrip(line) + "\n"
            line = prefix + words[0]
            indent = prefix
        } else {
            indent = String(repeating: " ", count: line.count)
            line += words[0]
        }
        for w in words.dropFirst() {
            s += rstrip(line) + "\n"
            line = indent + w
        }
        line += String(repeating: " ", count: longest - words[words.count - 1].count)
    }

    private func rstrip(_ t: String) -> String {
        var t = t
        while t.last == " " { t.removeLast() }
        return t
    }
}

/// Counts elements and asks the printer's `stop` every 4,096 of them.
final class Checkpoint {
    struct Stopped: Error {}
    private let stop: (@Sendable () -> Bool)?
    private var count = 0

    init(_ stop: (@Sendable () -> Bool)?) { self.stop = stop }

    func tick() throws(Stopped) {
        count &+= 1
        if count & 4095 == 0, let stop, stop() { throw Stopped() }
    }
}
