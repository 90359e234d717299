import Yams

/// The optional YAML header of a lecture.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var tags: [String] = []
    public var seed: UInt32 = 0
    public var decimals = 4
    public var execute = true
    /// Tolerances for `lectern check`, when the lecture sets them.
    public var rtol: Double?
    public var atol: Double?
    /// Number of lines the header occupies, fences included (0 when absent).
    public var lineCount = 0

    public init() {}

    /// Splits a leading `---` … `---` header off the source and reads it.
    public static func parse(_ source: String, file: String) -> (FrontMatter, [Diagnostic]) {
        var fm = FrontMatter()
        // Most lectures have no header: don't split a long one into lines to find that out.
        guard source.hasPrefix("---") else { return (fm, []) }
        let lines = source.sourceLines
        guard lines.first.map({ $0.trimmingTrailingSpace == "---" }) == true,
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" || $0.trimmingTrailingSpace == "..." })
        else {
            return (fm, [])
        }
        fm.lineCount = end + 1
        let yaml = lines[1..<end].joined(separator: "\n")
        func problem(_ message: String, line: Int = 2) -> Diagnostic {
            Diagnostic(
                file: file, location: SourceLocation(line: line, column: 1), message: message,
                sourceLine: line <= lines.count ? String(lines[line - 1]) : nil)
        }
        let node: Any?
        do { node = try Yams.load(yaml: yaml) } catch {
            var line = 2
            if let e = error as? YamlError, case .scanner(_, _, let mark, _) = e { line = mark.line + 1 }
            if let e = error as? YamlError, case .parser(_, _, let mark, _) = e { line = mark.line + 1 }
            return (
                fm,
                [
                    problem(
                        "front matter is not valid YAML: \(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML",
                        line: line)
                ]
            )
        }
        guard let map = node as? [String: Any] else {
            return (fm, node == nil ? [] : [problem("front matter must be a mapping of keys to values")])
        }
        var diagnostics: [Diagnostic] = []
        func lineOf(_ key: String) -> Int {
            (lines[1..<end].firstIndex { $0.hasPrefix(key + ":") }).map { $0 + 1 } ?? 2
        }
        for key in map.keys.sorted() {
            let value = map[key]!
            switch key {
            case "title": fm.title = "\(value)"
            case "tags":
                if let list = value as? [Any] { fm.tags = list.map { "\($0)" } } else { fm.tags = ["\(value)"] }
            case "seed":
                if let n = value as? Int, n >= 0, n <= Int(UInt32.max) {
                    fm.seed = UInt32(n)
                } else {
                    diagnostics.append(problem("seed must be a whole number from 0 to 4294967295", line: lineOf(key)))
                }
            case "decimals":
                if let n = value as? Int, (0...15).contains(n) {
                    fm.decimals = n
                } else {
                    diagnostics.append(problem("decimals must be a whole number from 0 to 15", line: lineOf(key)))
                }
            case "execute":
                if let b = value as? Bool {
                    fm.execute = b
                } else {
                    diagnostics.append(problem("execute must be true or false", line: lineOf(key)))
                }
            case "rtol", "atol":
                if let d = (value as? Double) ?? (value as? Int).map(Double.init) {
                    if key == "rtol" { fm.rtol = d } else { fm.atol = d }
                } else {
                    diagnostics.append(problem("\(key) must be a number", line: lineOf(key)))
                }
            default: break  // Other keys (author, date, …) are the author's own.
            }
        }
        return (fm, diagnostics)
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
