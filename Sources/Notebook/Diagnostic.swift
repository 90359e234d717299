/// A position in a Markdown file: 1-based line and column.
/// Column 0 means the position is a whole line (a crash inside a block has no column).
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// The one error type: where, what, and how to fix it.
public struct Diagnostic: Error, Equatable, Sendable, Codable {
    public var file: String
    public var location: SourceLocation
    public var message: String
    public var hint: String?
    /// The text of the offending line, for the caret display.
    public var sourceLine: String?

    public init(file: String, location: SourceLocation, message: String, hint: String? = nil, sourceLine: String? = nil) {
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// `file.md:L:C: message`, the source line, a caret under the column, and the hint.
    public var formatted: String {
        let column = location.column > 0 ? ":\(location.column)" : ""
        var out = "\(file):\(location.line)\(column): \(message)"
        if let sourceLine {
            let gutter = String(location.line)
            let pad = String(repeating: " ", count: gutter.count)
            out += "\n \(gutter) | \(sourceLine)"
            // Tabs in the source line are kept in the caret line so the caret stays aligned.
            let prefix = sourceLine.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            if location.column > 0 { out += "\n \(pad) | \(prefix)^" }
        }
        if let hint { out += "\nhint: \(hint)" }
        return out
    }
}

extension String {
    /// The text with control characters (and bidirectional overrides) shown as `\x1b`/`\u202e`
    /// escapes, so a message quoting a lecture's strings cannot drive the terminal.
    public var escapingControlCharacters: String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            let v = s.value
            let control = (v < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            guard control || bidi else {
                out.append(s)
                continue
            }
            let hex = String(v, radix: 16)
            out.append(contentsOf: ((v <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) : "\\u") + hex).unicodeScalars)
        }
        return String(out)
    }
}
