/// Obsidian-style marks in a lecture's prose: wikilinks and embeds, inline tags and callout
/// headers, each with its byte range so the HTML renderer can splice it.
public struct NoteMarks: Sendable, Equatable {
    public var links: [WikiLink] = []
    public var tags: [TagMark] = []
    public var callouts: [CalloutMark] = []
    public init() {}
}

/// `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, or an embed `![[image.png]]` / `![[Note]]`.
public struct WikiLink: Sendable, Equatable {
    public var target: String
    public var heading: String?
    public var text: String?
    public var embed: Bool
    public var range: Range<Int>
    public var line: Int
}

/// An inline `#tag` in prose.
public struct TagMark: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>
    public var line: Int
}

/// The `[!kind]` marker (with an optional `-`/`+` fold sign) opening a callout blockquote.
public struct CalloutMark: Sendable, Equatable {
    public var kind: String
    /// `-` (closed) or `+` (open) after the marker makes the callout foldable.
    public var foldable: Bool
    public var open: Bool
    public var range: Range<Int>
    public var line: Int
}

/// Finds wikilinks, tags and callouts in prose, skipping the ranges given as excluded (code
/// blocks and spans, math, front matter).
///
/// Rules: a wikilink stays on one line; a tag is `#` at the start of a line or after a space or
/// `(` (not a link's `](#anchor)`), followed by letters, digits, `_`, `-` or `/` with at least one non-digit (Obsidian's
/// rule, so `#1` is not a tag), never on a heading line or inside `[…]` link text; a callout is
/// a blockquote's first line of the form `> [!kind]`.
enum NoteScanner {
    static func scan(_ source: String, excluded: [Range<Int>]) -> NoteMarks {
        let bytes = Array(source.utf8)
        var skip = [Bool](repeating: false, count: bytes.count + 1)
        for r in excluded { for i in r.clamped(to: 0..<bytes.count) { skip[i] = true } }
        var marks = NoteMarks()
        var line = 1
        var lineStart = 0
        var previousQuoted = false
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let quoted = scanCallout(bytes, lineStart..<lineEnd, line, previousQuoted, skip, &marks)
            scanLine(bytes, lineStart..<lineEnd, line, skip, &marks)
            previousQuoted = quoted
            line += 1
            lineStart = lineEnd + 1
        }
        return marks
    }

    private static func isTagByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2F
    }

    /// Records a callout marker when this line opens a blockquote; returns whether it is quoted.
    private static func scanCallout(
        _ bytes: [UInt8], _ range: Range<Int>, _ line: Int, _ previousQuoted: Bool, _ skip: [Bool], _ marks: inout NoteMarks
    ) -> Bool {
        var i = range.lowerBound
        var indent = 0
        while i < range.upperBound && bytes[i] == 0x20 && indent < 3 {
            i += 1
            indent += 1
        }
        guard i < range.upperBound, bytes[i] == UInt8(ascii: ">"), !skip[i] else { return false }
        if previousQuoted { return true }
        i += 1
        while i < range.upperBound && bytes[i] == 0x20 { i += 1 }
        guard i + 2 < range.upperBound, bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "!") else { return true }
        var j = i + 2
        while j < range.upperBound && (isTagByte(bytes[j]) && bytes[j] != 0x2F) { j += 1 }
        guard j > i + 2, j < range.upperBound, bytes[j] == UInt8(ascii: "]") else { return true }
        let kind = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).lowercased()
        var end = j + 1
        var foldable = false
        var open = false
        if end < range.upperBound && (bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+")) {
            foldable = true
            open = bytes[end] == UInt8(ascii: "+")
            end += 1
        }
        while end < range.upperBound && bytes[end] == 0x20 { end += 1 }
        marks.callouts.append(CalloutMark(kind: kind, foldable: foldable, open: open, range: i..<end, line: line))
        return true
    }

    private static func scanLine(_ bytes: [UInt8], _ range: Range<Int>, _ line: Int, _ skip: [Bool], _ marks: inout NoteMarks) {
        var i = range.lowerBound
        while i < range.upperBound && bytes[i] == 0x20 { i += 1 }
        let isHeading = i < range.upperBound && bytes[i] == UInt8(ascii: "#") && (i + 1 == range.upperBound || !isTagByte(bytes[i + 1]))
        var bracketDepth = 0
        i = range.lowerBound
        while i < range.upperBound {
            if skip[i] {
                i += 1
                continue
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if b == UInt8(ascii: "["), i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "["),
                let link = wikiLink(
                    bytes, at: i, embed: i > range.lowerBound && bytes[i - 1] == UInt8(ascii: "!"), limit: range.upperBound, line)
            {
                marks.links.append(link)
                i = link.range.upperBound
                continue
            }
            if b == UInt8(ascii: "[") { bracketDepth += 1 }
            if b == UInt8(ascii: "]") { bracketDepth = max(0, bracketDepth - 1) }
            if b == UInt8(ascii: "#"), !isHeading, bracketDepth == 0,
                i == range.lowerBound || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09
                    || (bytes[i - 1] == UInt8(ascii: "(") && (i < 2 || bytes[i - 2] != UInt8(ascii: "]")))
            {
                var j = i + 1
                while j < range.upperBound && isTagByte(bytes[j]) && !skip[j] { j += 1 }
                while j > i + 1 && (bytes[j - 1] == 0x2D || bytes[j - 1] == 0x2F) { j -= 1 }
                let name = bytes[(i + 1)..<j]
                if !name.isEmpty, name.contains(where: { !($0 >= 0x30 && $0 <= 0x39) }), name.first != 0x2D {
                    marks.tags.append(TagMark(name: String(decoding: name, as: UTF8.self), range: i..<j, line: line))
                    i = j
                    continue
                }
            }
            i += 1
        }
    }

    /// A `[[…]]` starting at `at` (an embed when a `!` precedes it), or nil when unclosed.
    private static func wikiLink(_ bytes: [UInt8], at: Int, embed: Bool, limit: Int, _ line: Int) -> WikiLink? {
        var j = at + 2
        while j + 1 < limit && !(bytes[j] == UInt8(ascii: "]") && bytes[j + 1] == UInt8(ascii: "]")) {
            if bytes[j] == UInt8(ascii: "[") { return nil }
            j += 1
        }
        guard j + 1 < limit, j > at + 2 else { return nil }
        let inner = String(decoding: bytes[(at + 2)..<j], as: UTF8.self)
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let targetPart = parts[0].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = String(targetPart[0]).trimmingSpaces
        let heading = targetPart.count > 1 ? String(targetPart[1]).trimmingSpaces : nil
        let text = parts.count > 1 ? String(parts[1]).trimmingSpaces : nil
        guard !target.isEmpty || heading != nil else { return nil }
        return WikiLink(
            target: target, heading: heading, text: text, embed: embed, range: (embed ? at - 1 : at)..<(j + 2), line: line)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
