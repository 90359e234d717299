import Foundation
import Notebook

#if canImport(Glibc)
    import Glibc
#endif

/// What a terminal gets beyond plain lines: progress on one rewritten line, and colour.
/// A pipe or a file gets neither (plain lines only); `NO_COLOR` (no-color.org) turns colour off.
enum Terminal {
    /// Colour on this file descriptor: it is a terminal, `NO_COLOR` is unset or empty and
    /// `TERM` is not `dumb`.
    static func colors(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(fd) != 0 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    static let green = "\u{1B}[32m"
    static let red = "\u{1B}[31m"
    static let yellow = "\u{1B}[33m"
    static let reset = "\u{1B}[0m"

    /// The status words of finished output in colour: `ok` green, `FAIL` red, `warning:` yellow,
    /// `lectern:` (a command error) red. Runs after control characters from lectures were
    /// escaped, so the only escapes in the text are these.
    static func colorize(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(colorize(line:)).joined(separator: "\n")
    }

    static func colorize(line: Substring) -> String {
        for (word, color) in [("ok ", green), ("FAIL", red), ("warning:", yellow), ("lectern:", red)] where line.hasPrefix(word) {
            let head = word.trimmingCharacters(in: .whitespaces)
            return color + head + reset + line.dropFirst(head.count)
        }
        return String(line)
    }
}

/// `[12/40] rendering intro.md` on stderr, rewritten in place as lectures finish; shown only
/// when stderr is a terminal, and cleared before the summary is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let verb: String
    private let write: (String) -> Void
    private var shown = false
    /// Lectures finish concurrently, so their reports can arrive out of order: the count
    /// shown is the highest reported, and never goes back.
    private var highest = 0

    /// nil when stderr is not a terminal: pipes and logs get only the summary's plain lines.
    static func onTerminal(_ verb: String) -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine(verb: verb) : nil
    }

    init(verb: String, write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.verb = verb
        self.write = write
    }

    func update(_ done: Int, _ total: Int, _ path: String) {
        lock.lock()
        defer { lock.unlock() }
        shown = true
        highest = max(highest, done)
        write("\r\u{1B}[K[\(highest)/\(total)] \(verb) \(path.escapingControlCharacters)")
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        shown = false
    }
}
