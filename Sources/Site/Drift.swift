import Foundation

/// Compares a fresh render with the committed one, numbers as numbers.
public struct Drift: Sendable {
    public struct Change: Sendable {
        /// The 1-based line in the committed file.
        public var line: Int
        public var old: String
        public var new: String
        /// True when every number differs by less than the tolerance and the words are equal.
        public var withinTolerance: Bool
    }

    public var changes: [Change]
    public var isFailure: Bool { changes.contains { !$0.withinTolerance } }

    /// Pairs removed and added lines of a diff and judges each pair.
    public static func compare(old: String, new: String, rtol: Double, atol: Double) -> Drift {
        let diff = LineDiff.diff(old.components(separatedBy: "\n"), new.components(separatedBy: "\n"))
        var changes: [Change] = []
        var removed: [(text: String, line: Int)] = []
        var added: [String] = []
        var oldLine = 0
        func flush() {
            for k in 0..<max(removed.count, added.count) {
                let o = k < removed.count ? removed[k] : nil
                let n = k < added.count ? added[k] : nil
                let close = o != nil && n != nil && numbersClose(o!.text, n!, rtol: rtol, atol: atol)
                changes.append(Change(line: o?.line ?? max(oldLine, 1), old: o?.text ?? "", new: n ?? "", withinTolerance: close))
            }
            removed = []
            added = []
        }
        for l in diff {
            switch l {
            case .same:
                flush()
                oldLine += 1
            case .removed(let s, let line):
                removed.append((s, line))
                oldLine = line
            case .added(let s):
                added.append(s)
            }
        }
        flush()
        return Drift(changes: changes)
    }

    /// Splits a line into words and numbers; equal words and close numbers make it a tolerated drift.
    static func numbersClose(_ a: String, _ b: String, rtol: Double, atol: Double) -> Bool {
        let (wa, na) = split(a)
        let (wb, nb) = split(b)
        guard wa == wb, na.count == nb.count, !na.isEmpty else { return false }
        return zip(na, nb).allSatisfy { x, y in x == y || abs(x - y) <= atol + rtol * abs(y) }
    }

    static func split(_ s: String) -> ([String], [Double]) {
        let tokens = numberTokens(s)
        return (tokens.words, tokens.numbers.compactMap { Double($0) })
    }

    /// Splits a line into the text between numbers and the numbers' own texts
    /// (`-1.5e-05`, `0.2984`, `1441`); a sentence's full stop is not part of a number.
    static func numberTokens(_ s: String) -> (words: [String], numbers: [String]) {
        let chars = Array(s)
        var words: [String] = []
        var numbers: [String] = []
        var text = ""
        var i = 0
        func digit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
        while i < chars.count {
            let startsNumber = digit(i) || (chars[i] == "-" && digit(i + 1) && (i == 0 || !chars[i - 1].isLetter))
            guard startsNumber else {
                text.append(chars[i])
                i += 1
                continue
            }
            var j = i + 1
            while digit(j) { j += 1 }
            if j < chars.count && chars[j] == "." && digit(j + 1) {
                j += 1
                while digit(j) { j += 1 }
            }
            if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
                var k = j + 1
                if k < chars.count && (chars[k] == "-" || chars[k] == "+") { k += 1 }
                if digit(k) {
                    j = k
                    while digit(j) { j += 1 }
                }
            }
            words.append(text + "#")
            text = ""
            numbers.append(String(chars[i..<j]))
            i = j
        }
        words.append(text)
        return (words, numbers)
    }
}
