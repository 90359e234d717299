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
        var removed: [(text: String, line: Int)] = [], added: [String] = []
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
        let (wa, na) = split(a), (wb, nb) = split(b)
        guard wa == wb, na.count == nb.count, !na.isEmpty else { return false }
        return zip(na, nb).allSatisfy { x, y in x == y || abs(x - y) <= atol + rtol * abs(y) }
    }

    static func split(_ s: String) -> ([String], [Double]) {
        var words: [String] = [], numbers: [Double] = []
        var current = "", number = ""
        func endNumber() {
            if let d = Double(number) { numbers.append(d); words.append(current + "#"); current = "" } else { current += number }
            number = ""
        }
        for c in s {
            if c.isNumber || c == "." || ((c == "-" || c == "e" || c == "+") && !number.isEmpty) || (c == "-" && number.isEmpty) {
                number.append(c)
            } else {
                if !number.isEmpty { endNumber() }
                current.append(c)
            }
        }
        if !number.isEmpty { endNumber() }
        words.append(current)
        return (words, numbers)
    }
}
