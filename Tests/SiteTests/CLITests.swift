import Foundation
import Testing

@testable import LecternCLI
@testable import Site

/// Collects what a command prints.
struct Capture: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

func lectern(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    _ = testIsolation
    var out = Capture()
    var err = Capture()
    // Tests run every lecture: the cache has its own tests (CacheTests).
    var arguments = arguments
    if let command = arguments.first, ["render", "check"].contains(command), !arguments.contains("--cache-test") {
        arguments.insert("--no-cache", at: 1)
    }
    arguments.removeAll { $0 == "--cache-test" }
    let code = Lectern.main(arguments: arguments, output: &out, errors: &err)
    return (code, out.text, err.text)
}

/// A scratch copy of the fixture course.
func scratchCourse() throws -> URL { try scratchFixture("course") }

/// A scratch folder holding a copy of the fixture folder `name`.
func scratchFixture(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let fixture = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent(name))
    return dir
}

func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

@Suite(.serialized) struct CLITests {
    @Test func helpExitsZeroAndUsageErrorsExitTwo() {
        #expect(lectern(["--help"]).code == 0)
        #expect(lectern(["render", "--help"]).out.contains("--out"))
        #expect(lectern(["render", "--bogus"]).code == 2)
        #expect(lectern(["frobnicate"]).code == 2)
        #expect(lectern(["render", "/no/such/folder"]).code == 2)
    }

    @Test func renderWritesMirroredTreeAndIsByteStable() throws {
        let dir = try scratchCourse()
        let course = dir.appendingPathComponent("course")
        let out = dir.appendingPathComponent("out")
        let sourceBefore = try read(course.appendingPathComponent("good.md"))
        let first = lectern(["render", course.path, "--out", out.path])
        #expect(first.code == 1, "the broken lecture fails the run")
        for f in [
            "good.md", "good.html", "part/broken.md", "part/broken.html", "index.html", "assets/lectern.css", "assets/katex/katex.min.js",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "missing \(f)")
        }
        let md = try read(out.appendingPathComponent("good.md"))
        let html = try read(out.appendingPathComponent("good.html"))
        _ = lectern(["render", course.path, "--out", out.path])
        #expect(try read(out.appendingPathComponent("good.md")) == md)
        #expect(try read(out.appendingPathComponent("good.html")) == html)
        #expect(try read(course.appendingPathComponent("good.md")) == sourceBefore, "sources are never modified")
        #expect(!md.contains(dir.path) && !html.contains(dir.path), "no absolute paths in output")
        // Assets are linked relative to each page: from the top folder directly, from a
        // subfolder one level up (a page that works wherever the site is published).
        #expect(html.contains("href=\"assets/lectern.css\"") && !html.contains("\"../assets/"))
        let nested = try read(out.appendingPathComponent("part/broken.html"))
        #expect(nested.contains("href=\"../assets/lectern.css\"") && !nested.contains("href=\"assets/"))
    }

    @Test func brokenBlockIsReportedAndTheRestStillRenders() throws {
        let dir = try scratchCourse()
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course/part/broken.md").path, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.err.contains("broken.md:8:9: NameError: name 'W3' is not defined"))
        #expect(r.err.contains("broken.md:17:5: SyntaxError: '(' was never closed"))
        #expect(r.err.contains("broken.md:21:1: AssertionError"))
        let md = try read(out.appendingPathComponent("broken.md"))
        #expect(md.contains("```text\n2\n```"), "the block after the failure still ran")
        #expect(md.contains("After: 2."))
    }

    @Test func checkPassesAfterRenderAndNamesTheDriftedLine() throws {
        let dir = try scratchCourse()
        let good = dir.appendingPathComponent("course/good.md").path
        let out = dir.appendingPathComponent("out")
        #expect(lectern(["render", good, "--out", out.path]).code == 0)
        #expect(lectern(["check", good, "--out", out.path]).code == 0)

        // Change one digit of one number in the committed output.
        let file = out.appendingPathComponent("good.md")
        let text = try read(file)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("The loss is ") })
        var changed = lines
        changed[index] = "The loss is 1.3151."
        try changed.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = lectern(["check", good, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.out.contains("good.md:\(index + 1): 1.3151 → "), "got: \(r.out)")

        // Within a tolerance the drift is reported but does not fail.
        let tolerant = lectern(["check", good, "--out", out.path, "--atol", "0.1"])
        #expect(tolerant.code == 0)
        #expect(tolerant.out.contains("(within tolerance)"))
    }

    @Test func frontMatterToleranceAppliesToCheck() throws {
        let dir = try scratchCourse()
        let source = dir.appendingPathComponent("course/good.md")
        let out = dir.appendingPathComponent("out")
        try (try read(source)).replacingOccurrences(of: "title: Good", with: "title: Good\nrtol: 0.1")
            .write(to: source, atomically: true, encoding: .utf8)
        _ = lectern(["render", source.path, "--out", out.path])
        let file = out.appendingPathComponent("good.md")
        let lines = try read(file).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("The loss is ") })
        var changed = lines
        changed[index] = "The loss is 1.3500."  // within 10% of the true value
        try changed.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = lectern(["check", source.path, "--out", out.path])
        #expect(r.code == 0, "got \(r.out)")
        #expect(r.out.contains("(within tolerance)"))
    }

    @Test func checkFailsOnAStaleHTMLPage() throws {
        let dir = try scratchCourse()
        let good = dir.appendingPathComponent("course/good.md").path
        let out = dir.appendingPathComponent("out")
        _ = lectern(["render", good, "--out", out.path])
        let page = out.appendingPathComponent("good.html")
        try (try read(page)).replacingOccurrences(of: "<article>", with: "<article class=\"old\">").write(
            to: page, atomically: true, encoding: .utf8)
        let r = lectern(["check", good, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.out.contains("good.html: the page or notebook differs from a fresh render"))
    }

    @Test func checkWritesJUnit() throws {
        let dir = try scratchCourse()
        let good = dir.appendingPathComponent("course/good.md").path
        let out = dir.appendingPathComponent("out")
        _ = lectern(["render", good, "--out", out.path])
        let junit = dir.appendingPathComponent("junit.xml")
        #expect(lectern(["check", good, "--out", out.path, "--junit", junit.path]).code == 0)
        let xml = try read(junit)
        #expect(xml.contains("<testcase classname=\"lectern\" name=\"good.md\"/>"))
    }

    @Test func atomicWriteReplacesWholeFilesAndLeavesNoTemporaries() throws {
        let dir = try scratchCourse()
        let target = dir.appendingPathComponent("nested/file.txt")
        try Write.atomically("first", to: target)
        try Write.atomically("second", to: target)
        #expect(try read(target) == "second")
        let names = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(names == ["file.txt"])
        #expect(throws: BuildError.self) { try Write.atomically("x", to: URL(fileURLWithPath: "/proc/forbidden/file")) }
    }

    @Test func driftComparesNumbersAsNumbers() {
        let d = Drift.compare(old: "a\nloss 0.2984 at 3\nb", new: "a\nloss 0.2991 at 3\nb", rtol: 0, atol: 0)
        #expect(d.changes.count == 1 && d.changes[0].line == 2 && d.isFailure)
        #expect(!Drift.compare(old: "x 1.0000", new: "x 1.0001", rtol: 1e-3, atol: 0).isFailure)
        #expect(Drift.compare(old: "x 1.0", new: "y 1.0", rtol: 1, atol: 1).isFailure)
    }

    @Test func lineDiffFindsInsertionsAndRemovals() {
        let d = LineDiff.diff(["a", "b", "c"], ["a", "x", "c", "d"])
        #expect(LineDiff.render(d) == "-b\n+x\n+d")
    }
}

@Suite struct LimitTests {
    @Test func timeoutsBadFilesAndDivergenceBecomeErrorsAndTheRestRenders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Bundle.module.url(forResource: "limits", withExtension: nil, subdirectory: "Fixtures")!,
            to: dir.appendingPathComponent("limits"))
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("limits").path, "--out", out.path, "--timeout", "0.5"])
        #expect(r.code == 1)
        #expect(r.err.contains("limits.md:4:1: TimeoutError: the block ran past its time limit"), "got \(r.err)")
        #expect(r.err.contains("limits.md:19:18: PermissionError: '../../outside.csv' is outside the project"))
        #expect(r.err.contains("ValueError: the loss became"))
        let md = try read(out.appendingPathComponent("limits.md"))
        #expect(md.contains("```text\n(3, 2)\n```"), "the CSV inside the project was read")
        #expect(md.contains("```text\n((3, 2), [2, 4, 6])\n```"), "loadtxt read the table, skipping the comment")
        #expect(md.contains("Still here: 2."))
    }
}

@Suite struct ExecuteFalseTests {
    @Test func aLectureWithExecuteFalseRendersWithoutRunning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-noexec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = "---\nexecute: false\n---\n# Draft\n\n```nn\nundefined_name + 1\n```\n\nLater: `{nn} undefined_name`.\n"
        try source.write(to: dir.appendingPathComponent("draft.md"), atomically: true, encoding: .utf8)
        let r = lectern(["render", dir.appendingPathComponent("draft.md").path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.code == 0)
        #expect(try read(dir.appendingPathComponent("out/draft.md")) == source)
    }
}

@Suite struct DeterminismTests {
    /// Lectures rendered side by side on several threads give the bytes of one-at-a-time runs.
    @Test func parallelRunsEqualSerialRuns() throws {
        let dir = try scratchCourse()
        let course = dir.appendingPathComponent("course")
        // The same lecture several times over, so runs overlap on the two cores.
        for i in 0..<4 {
            try FileManager.default.copyItem(at: course.appendingPathComponent("good.md"), to: course.appendingPathComponent("copy\(i).md"))
        }
        let files = try Discover.files([course.path])
        let parallel = try Execute.run(files, timeout: 30, isolation: testIsolation)
        for (file, result) in zip(files, parallel) {
            let alone = try Execute.run([file], timeout: 30, isolation: testIsolation)[0]
            #expect(alone.markdown == result.markdown, "\(file.relativePath)")
        }
        let copies = parallel.filter { $0.source.relativePath.hasPrefix("copy") }.map(\.markdown)
        #expect(Set(copies).count == 1)
    }
}

@Suite struct LargeDiffTests {
    @Test func unrelatedLongFilesDiffWithoutTheQuadraticTable() {
        let a = (0..<3000).map { "old \($0)" }
        let b = (0..<3000).map { "new \($0)" }
        let d = LineDiff.diff(a, b)
        #expect(d.count == 6000)
        #expect(d.first == .removed("old 0", line: 1))
    }
}
