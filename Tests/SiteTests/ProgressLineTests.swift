import Foundation
import Testing

@testable import LecternCLI

/// The terminal's progress line: lectures finish concurrently, so reports arrive out of order.
@Suite struct ProgressLineTests {
    final class Screen: @unchecked Sendable {
        var writes: [String] = []
    }

    @Test func theCountNeverGoesBackwards() {
        let screen = Screen()
        let line = ProgressLine(verb: "rendering") { screen.writes.append($0) }
        for (done, path) in [(1, "a.md"), (3, "c.md"), (2, "b.md"), (4, "d.md")] { line.update(done, 4, path) }
        let counts = screen.writes.compactMap { $0.split(separator: "[").last?.split(separator: "/").first }
        #expect(counts == ["1", "3", "3", "4"])
        #expect(screen.writes[2].hasSuffix("rendering b.md"))
        line.clear()
        #expect(screen.writes.last == "\r\u{1B}[K")
    }
}
