/// A line diff (longest common subsequence), used by `lectern check` and the snapshot tests.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String)
        /// A line of the old text (with its 1-based line number there) that is gone.
        case removed(String, line: Int)
        case added(String)
    }

    public static func diff(_ old: [String], _ new: [String]) -> [Line] {
        // Trim the common head and tail first; lectures usually differ in a few lines.
        var head = 0
        while head < old.count && head < new.count && old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head && tail < new.count - head && old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        // The table below is quadratic; past a few million cells (two unrelated long files)
        // report the middle as wholly replaced instead.
        guard a.count * b.count <= 4_000_000 else {
            return old[..<head].map { .same($0) } + a.enumerated().map { .removed($0.element, line: head + $0.offset + 1) }
                + b.map { .added($0) } + old[(old.count - tail)...].map { .same($0) }
        }
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Line] = old[..<head].map { .same($0) }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                out.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.append(.removed(a[i], line: head + i + 1))
                i += 1
            } else {
                out.append(.added(b[j]))
                j += 1
            }
        }
        out += old[(old.count - tail)...].map { .same($0) }
        return out
    }

    /// A unified-style rendering: only changed lines, `-` old and `+` new.
    public static func render(_ lines: [Line]) -> String {
        lines.compactMap { l in
            switch l {
            case .same: return nil
            case .removed(let s, _): return "-" + s
            case .added(let s): return "+" + s
            }
        }.joined(separator: "\n")
    }
}
