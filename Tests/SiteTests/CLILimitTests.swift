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
}
