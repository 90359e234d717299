import Foundation
import Testing

@testable import Site

/// A scratch folder holding the given lectures.
func scratchLectures(_ lectures: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-test-\(UUID().uuidString)")
    for (name, text) in lectures {
        let url = dir.appendingPathComponent("course/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return dir
}

@Suite struct IsolationTests {
    static let crashing = """
        # Crashes

        ```nn
        a = 21
        print(a * 2)
        ```

        Before: `{nn} a`.

        ```nn
        # \(trapMarker)
        b = 1
        ```

        ```nn
        print("never")
        ```

        After: `{nn} a + 1`.
        """

    @Test func aTrapInOneLectureFailsOnlyThatLecture() throws {
        _ = testIsolation
        let dir = try scratchLectures([
            "a.md": "# A\n\n```nn\nprint(1 + 1)\n```\n", "crash.md": Self.crashing, "z/b.md": "# B\n\n```nn\nprint(3)\n```\n",
        ])
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course").path, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.err.contains("crash.md:10: crashed while running this block: a Swift runtime trap"), "\(r.err)")
        #expect(r.out.contains("ok   a.md") || r.out.contains("ok   a.md — 1 block"))
        #expect(try read(out.appendingPathComponent("a.md")).contains("```text\n2\n```"))
        #expect(try read(out.appendingPathComponent("z/b.md")).contains("```text\n3\n```"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        let md = try read(out.appendingPathComponent("crash.md"))
        #expect(md.contains("```text\n42\n```"), "the block before the crash keeps its output")
        #expect(md.contains("Before: 21."))
        #expect(md.contains("crash.md:10: crashed while running this block"))
        #expect(md.contains("After: `{nn} a + 1`."), "what follows the crash is shown unexecuted")
        #expect(!md.contains("never\n```"))
        let html = try read(out.appendingPathComponent("crash.html"))
        #expect(html.contains("crashed while running this block"))
    }

    @Test func checkReportsTheCrashAndTheOtherLectures() throws {
        _ = testIsolation
        let dir = try scratchLectures(["a.md": "# A\n\n```nn\nprint(1 + 1)\n```\n", "crash.md": Self.crashing])
        let course = dir.appendingPathComponent("course").path
        let out = dir.appendingPathComponent("out").path
        #expect(lectern(["render", course, "--out", out]).code == 1)
        let r = lectern(["check", course, "--out", out])
        #expect(r.code == 1)
        #expect(r.out.contains("ok   a.md"))
        #expect(r.out.contains("FAIL crash.md"))
        #expect(r.err.contains("crash.md:10: crashed while running this block"))
    }

    /// A block stuck where the interpreter never checks its deadline is killed by the parent.
    @Test func aHungWorkerIsKilledAtTheWallClockLimit() throws {
        _ = testIsolation
        let text = "# H\n\n```nn\nprint(5)\n```\n\n```nn\n# \(trapMarker)_HANG\nx = 1\n```\n\nAfter: `{nn} 2 + 2`.\n"
        let dir = try scratchLectures(["hang.md": text, "fine.md": "# F\n\n```nn\nprint(7)\n```\n"])
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course").path, "--out", out.path, "--timeout", "0.2"])
        #expect(r.code == 1)
        #expect(r.err.contains("hang.md:7: crashed while running this block: stopped after 2.3 s without finishing"), "\(r.err)")
        #expect(try read(out.appendingPathComponent("hang.md")).contains("```text\n5\n```"))
        #expect(try read(out.appendingPathComponent("fine.md")).contains("```text\n7\n```"))
    }

    @Test func deathReasonsNameTheSignal() {
        #expect(WorkerProcess.reason(signal: SIGSEGV, exitCode: 0, killedAfter: nil, stderr: "").contains("stack overflow"))
        #expect(
            WorkerProcess.reason(
                signal: SIGILL, exitCode: 0, killedAfter: nil, stderr: "x\nSwift/Integers.swift:3: Fatal error: Not enough bits\n")
                == "a Swift runtime trap (Fatal error: Not enough bits)")
        #expect(WorkerProcess.reason(signal: SIGKILL, exitCode: 0, killedAfter: 3.5, stderr: "").hasPrefix("stopped after 3.5 s"))
        #expect(WorkerProcess.reason(signal: SIGXCPU, exitCode: 0, killedAfter: nil, stderr: "").contains("CPU time"))
    }

    @Test func aMissingWorkerIsAClearError() {
        let files = [SourceFile(url: URL(fileURLWithPath: "/tmp/x.md"), relativePath: "x.md", root: URL(fileURLWithPath: "/tmp"))]
        #expect(throws: BuildError.self) { try Execute.run(files, timeout: 1, isolation: .init(worker: "/no/such/lectern")) }
    }
}
