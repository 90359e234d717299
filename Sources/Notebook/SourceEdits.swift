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
    func applied() -> String { appliedWithLineMap().text }

    /// The edited text and, for each of its lines, the source line it came from (index 0 is
    /// line 1), so positions in the edited text can be reported at the author's lines.
    func appliedWithLineMap() -> (text: String, sourceLines: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var lines = [1]
        var line = 1
        func copy(_ range: Range<Int>) {
            for i in range where bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lines.append(line)
            }
            out += bytes[range]
        }
        var cursor = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where e.range.lowerBound >= cursor {
            copy(cursor..<e.range.lowerBound)
            for b in e.text.utf8 where b == UInt8(ascii: "\n") { lines.append(line) }
            out += Array(e.text.utf8)
            for i in e.range where bytes[i] == UInt8(ascii: "\n") { line += 1 }
            if let last = lines.indices.last, e.text.utf8.contains(UInt8(ascii: "\n")) { lines[last] = line }
            cursor = e.range.upperBound
        }
        copy(cursor..<bytes.count)
        return (String(decoding: out, as: UTF8.self), lines)
    }
}
