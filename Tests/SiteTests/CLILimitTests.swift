import Foundation
import Testing

@Suite struct CLILimitTests {
    @Test(arguments: ["nan", "0", "-1", "inf", "-inf", "abc"])
    func aTimeoutThatIsNotAPositiveNumberIsAUsageError(value: String) throws {
        let dir = try scratchCourse()
        let r = lectern([
            "render", dir.appendingPathComponent("course").path, "--out", dir.appendingPathComponent("o").path, "--timeout", value,
        ])
        #expect(r.code == 2, "\(value)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path))
    }

    @Test(arguments: ["nan", "0", "-3", "1e300"])
    func aMemoryLimitThatIsNotAPositiveSizeIsAUsageError(value: String) {
        #expect(lectern(["check", "/nonexistent", "--memory", value]).code == 2)
    }

    @Test func aHugeTimeoutIsNoLimitAndNoCrash() throws {
        let dir = try scratchCourse()
        let good = dir.appendingPathComponent("course/good.md").path
        #expect(lectern(["render", good, "--out", dir.appendingPathComponent("o").path, "--timeout", "1e300"]).code == 0)
    }

    /// An inline value runs under the block limit (it used to have a fixed 10 s).
    @Test func anInlineValueStopsAtTheBlockLimit() throws {
        let text = "# T\n\n```nn\ndef spin():\n    while True:\n        pass\n```\n\nValue: `{nn} spin()`, then `{nn} 1 + 1`.\n"
        let dir = try scratchLectures(["t.md": text])
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course/t.md").path, "--out", out.path, "--timeout", "0.3"])
        #expect(r.code == 1)
        #expect(r.err.contains("t.md:9:14: TimeoutError"), "\(r.err)")
        #expect(try read(out.appendingPathComponent("t.md")).contains(", then 2."))
    }

    /// Builtins that loop for long inside one statement check the block's deadline, so the
    /// error names the statement (the worker is not killed for it). The inputs are made in a
    /// fraction of the work done on them, which is what the deadline must cut.
    @Test(arguments: [
        "np.set_printoptions(threshold=10**9); s = str(np.random.rand(3000, 1000))",
        "x = np.linalg.inv(np.random.rand(1500, 1500))",
        "y = np.sort(np.random.rand(10**6))",
        "y = np.unique(np.random.rand(10**6))",
        "y = np.median(np.random.rand(10**6))",
        "y = np.percentile(np.random.rand(10**6), [10, 90])",
        "x = set(range(10**6))",
        "y = [v for v in np.zeros(10**7)]",
        "x = 3 ** 600000",
        "x = sorted(list(range(10**6))[::-1])",
    ])
    func aLongBuiltinStopsAtTheBlockLimit(code: String) throws {
        let dir = try scratchLectures(["t.md": "# T\n\n```nn\nimport numpy as np; \(code)\n```\n"])
        let r = lectern([
            "render", dir.appendingPathComponent("course/t.md").path, "--out", dir.appendingPathComponent("o").path, "--timeout", "0.3",
        ])
        #expect(r.code == 1)
        #expect(r.err.contains("t.md:4:") && r.err.contains("TimeoutError"), "\(code): \(r.err)")
    }
}

/// The command-line part of the bad-input corpus: each is refused or fails cleanly, never crashes.
@Suite struct BadCommandLineTests {
    static let cases: [(arguments: [String], code: Int32, message: String)] = [
        (["render", "COURSE/../nowhere"], 2, "no such file or folder"),
        (["render", "COURSE/notes.txt"], 2, "not a Markdown (.md) file"),
        (["render", "COURSE", "--out"], 2, "Missing value"),
        (["render", "COURSE", "--out", "COURSE/part"], 2, "never writes into its sources"),
        (["render", "COURSE", "--bogus"], 2, "Unknown option"),
        (["check", "COURSE", "--rtol", "abc"], 2, "rtol"),
        (["render", "COURSE", "--memory", "inf"], 2, "--memory"),
        (["render", "COURSE", "--timeout", ""], 2, "timeout"),
        (["render", "COURSE/\u{1B}[2Jx.md"], 2, "\\x1b[2Jx.md: no such file"),
        (["render", "COURSE", "--out", "/proc/forbidden"], 1, "cannot write"),
        (["check", "COURSE/good.md", "--out", "SCRATCH/o", "--junit", "/proc/forbidden/r.xml"], 1, "cannot write"),
        (["render", "SCRATCH/empty", "--out", "SCRATCH/o"], 0, "0 lectures rendered"),
        (["frobnicate"], 2, "Unexpected argument"),
        (["__worker", "extra"], 2, "Unexpected argument"),
    ]

    @Test(arguments: cases.indices)
    func aBadCommandLineIsRefusedCleanly(index: Int) throws {
        let dir = try scratchCourse()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.appendingPathComponent("course/notes.txt"))
        let c = Self.cases[index]
        let arguments = c.arguments.map {
            $0.replacingOccurrences(of: "COURSE", with: dir.appendingPathComponent("course").path).replacingOccurrences(
                of: "SCRATCH", with: dir.path)
        }
        let r = lectern(arguments)
        #expect(r.code == c.code, "\(c.arguments): \(r.err)")
        #expect(r.err.contains(c.message) || r.out.contains(c.message), "\(c.arguments): \(r.err)")
        #expect(!r.err.contains("\u{1B}"))
    }
}
