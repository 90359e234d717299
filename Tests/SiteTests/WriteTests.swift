import Foundation
import Testing

@testable import Site

@Suite struct WriteTests {
    /// Many writers into one folder at once: each has its own temporary, none fails, and what
    /// remains is one writer's whole file with no temporaries left behind.
    @Test func concurrentWritersNeverShareATemporary() throws {
        let dir = try scratchLectures([:])
        let source = SourceFile(url: dir.appendingPathComponent("x.md"), relativePath: "x.md", root: dir)
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let text = String(repeating: "version \(i)\n", count: 20_000)
            let r = DocumentResult(
                source: source, title: "x", markdown: text, html: "<p>" + text, failures: [], expectedErrors: 0, blocks: 0)
            do { try Write.outputs(r, into: dir) } catch { failures.add() }
        }
        #expect(failures.value == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["x.html", "x.ipynb", "x.md"])
        let md = try read(dir.appendingPathComponent("x.md"))
        #expect(Set(md.split(separator: "\n")).count == 1, "one writer's whole file")
    }

    @Test func anUnrenderedLectureWritesNothing() throws {
        let dir = try scratchLectures([:])
        let source = SourceFile(url: dir.appendingPathComponent("x.md"), relativePath: "x.md", root: dir)
        let r = DocumentResult(
            source: source, title: "x", markdown: "", html: "", failures: [], expectedErrors: 0, blocks: 0, unrendered: true)
        try Write.outputs(r, into: dir)
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
