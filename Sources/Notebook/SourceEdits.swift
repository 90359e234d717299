/// The author's bytes with some ranges replaced: how both renderers change a document
/// without re-rendering its prose.
struct SourceEdits {
    let bytes: [UInt8]
    /// Byte offset of the start of each line (line 1 at index 0).
    let lineStarts: [Int]
    private var edits: [(range: Range<Int>, text: String)] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The offset just past the last character of a 1-based line (before its newline).
    func lineEnd(_ line: Int) -> Int { line >= 0 && line < lineStarts.count ? lineStarts[line] - 1 : bytes.count }

    /// Lines past the end (a reader that counted more lines than this text has) clamp to its end.
    func lineStart(_ line: Int) -> Int { line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : bytes.count }

    /// True when only spaces or tabs stand between the line's start and `offset`.
    func startsLine(_ offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0 && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i -= 1 }
        return i < 0 || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r")
    }

    mutating func replace(_ range: Range<Int>, with text: String) { edits.append((range, text)) }

    /// The text with every edit applied; an edit overlapping an earlier one is skipped.
    func applied() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var cursor = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where e.range.lowerBound >= cursor {
            out += bytes[cursor..<e.range.lowerBound]
            out += Array(e.text.utf8)
            cursor = e.range.upperBound
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }
}
