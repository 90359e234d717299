/// Finds inline `{nn}` code spans and math spans in prose, skipping code blocks and code spans.
///
/// Rules: a backslash escapes the next punctuation (`\$` is a dollar); `\(…\)` and `\[…\]` are
/// math; `$$…$$` is display math; `$…$` is inline math when the opening `$` is followed and the
/// closing `$` preceded by a non-space, and the closing one is not followed by a digit (Pandoc's
/// rule, so "costs $5 and $6" stays text). Spans do not cross a blank line.
enum ProseScanner {
    /// The spans found, and the byte ranges of every code span (which later passes skip).
    static func scan(_ source: String, excludedLines: [ClosedRange<Int>]) -> (
        inlines: [InlineSpan], math: [MathSpan], codeSpans: [Range<Int>], excludedBytes: [Range<Int>]
    ) {
        let bytes = Array(source.utf8)
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        var excludedByte = [Bool](repeating: false, count: bytes.count + 1)
        var excludedBytes: [Range<Int>] = []
        for range in excludedLines {
            let start = lineStarts[min(range.lowerBound - 1, lineStarts.count - 1)]
            let end = range.upperBound < lineStarts.count ? lineStarts[range.upperBound] : bytes.count
            for i in start..<max(start, end) { excludedByte[i] = true }
            excludedBytes.append(start..<max(start, end))
        }
        func location(_ offset: Int) -> SourceLocation {
            var lo = 0
            var hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            // Columns count characters, not bytes.
            let column = bytes[lineStarts[lo]..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
            return SourceLocation(line: lo + 1, column: column)
        }
        /// The end of the paragraph: the next blank line or excluded byte. The last answer is
        /// kept, since every position of one paragraph has the same end (linear, not quadratic).
        var known: Range<Int> = 0..<0
        func paragraphEnd(_ from: Int) -> Int {
            if known.contains(from) { return known.upperBound }
            var i = from
            defer { known = from..<i }
            while i < bytes.count && !excludedByte[i] {
                if bytes[i] == UInt8(ascii: "\n") {
                    var j = i + 1
                    while j < bytes.count && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t")) { j += 1 }
                    if j >= bytes.count || bytes[j] == UInt8(ascii: "\n") { return i }
                }
                i += 1
            }
            return i
        }
        func find(_ pattern: [UInt8], from: Int, to: Int) -> Int? {
            guard pattern.count <= to - from else { return nil }
            var i = from
            while i + pattern.count <= to {
                if bytes[i] == pattern[0] && Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
                i += 1
            }
            return nil
        }
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        var inlines: [InlineSpan] = []
        var math: [MathSpan] = []
        var codeSpans: [Range<Int>] = []
        let backtick = UInt8(ascii: "`")
        let dollar = UInt8(ascii: "$")
        let backslash = UInt8(ascii: "\\")
        var i = 0
        while i < bytes.count {
            if excludedByte[i] {
                i += 1
                continue
            }
            let b = bytes[i]
            if b == backslash, i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "(") || next == UInt8(ascii: "[") {
                    let close: [UInt8] = [backslash, next == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")]
                    if let end = find(close, from: i + 2, to: paragraphEnd(i)) {
                        math.append(MathSpan(tex: text((i + 2)..<end), display: next == UInt8(ascii: "["), range: i..<(end + 2)))
                        i = end + 2
                        continue
                    }
                }
                i += 2
                continue
            }
            if b == backtick {
                var n = 0
                while i + n < bytes.count && bytes[i + n] == backtick { n += 1 }
                let limit = paragraphEnd(i)
                var j = i + n
                var closing: Int?
                while j < limit {
                    if bytes[j] == backtick {
                        var m = 0
                        while j + m < limit && bytes[j + m] == backtick { m += 1 }
                        if m == n {
                            closing = j
                            break
                        }
                        j += m
                    } else {
                        j += 1
                    }
                }
                guard let close = closing else {
                    i += n
                    continue
                }
                codeSpans.append(i..<(close + n))
                var content = text((i + n)..<close).replacingOccurrences(of: "\n", with: " ")
                if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                    content = String(content.dropFirst().dropLast())
                }
                if content.hasPrefix("{nn}") {
                    let expression = String(content.dropFirst(4)).trimming(" ")
                    inlines.append(InlineSpan(expression: expression, range: i..<(close + n), location: location(i)))
                }
                i = close + n
                continue
            }
            if b == dollar {
                let limit = paragraphEnd(i)
                if i + 1 < bytes.count && bytes[i + 1] == dollar {
                    if let end = find([dollar, dollar], from: i + 2, to: limit) {
                        math.append(MathSpan(tex: text((i + 2)..<end), display: true, range: i..<(end + 2)))
                        i = end + 2
                        continue
                    }
                    i += 2
                    continue
                }
                if i + 1 < limit, !isSpace(bytes[i + 1]) {
                    var j = i + 1
                    var found: Int?
                    while j < limit {
                        if bytes[j] == backslash {
                            j += 2
                            continue
                        }
                        if bytes[j] == dollar {
                            let after = j + 1 < bytes.count ? bytes[j + 1] : 0
                            if !isSpace(bytes[j - 1]) && !(after >= 0x30 && after <= 0x39) { found = j }
                            break
                        }
                        j += 1
                    }
                    if let end = found {
                        math.append(MathSpan(tex: text((i + 1)..<end), display: false, range: i..<(end + 1)))
                        i = end + 1
                        continue
                    }
                }
            }
            i += 1
        }
        return (inlines, math, codeSpans, excludedBytes)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func trimming(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
