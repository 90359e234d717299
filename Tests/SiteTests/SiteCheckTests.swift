import Foundation
import Testing

@Suite struct SiteCheckTests {
    /// A freshly rendered course checks clean; each kind of damage to the site's own files is drift.
    @Test(arguments: ["stale page", "missing index", "missing asset", "outdated asset"])
    func checkSeesTheWholeSite(damage: String) throws {
        let dir = try scratchLectures(["a.md": "# A\n\n```nn\nprint(1)\n```\n", "sub/b.md": "# B\n"])
        let course = dir.appendingPathComponent("course").path
        let out = dir.appendingPathComponent("out")
        #expect(lectern(["render", course, "--out", out.path]).code == 0)
        #expect(lectern(["check", course, "--out", out.path]).code == 0)
        let expected: String
        switch damage {
        case "stale page":
            try FileManager.default.moveItem(at: dir.appendingPathComponent("course/sub/b.md"), to: dir.appendingPathComponent("b.md"))
            expected = "sub/b.md: a page with no lecture behind it"
        case "missing index":
            try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
            expected = "index.html: missing"
        case "missing asset":
            try FileManager.default.removeItem(at: out.appendingPathComponent("assets/katex/katex.min.js"))
            expected = "assets/katex/katex.min.js: missing"
        default:
            try Data("body{}".utf8).write(to: out.appendingPathComponent("assets/lectern.css"))
            expected = "assets/lectern.css: differs from this version of Lectern"
        }
        let r = lectern(["check", course, "--out", out.path])
        #expect(r.code == 1, "\(damage)")
        #expect(r.out.contains(expected), "\(r.out)")
        #expect(lectern(["render", course, "--out", out.path]).code == 0)
        if damage != "stale page" { #expect(lectern(["check", course, "--out", out.path]).code == 0, "render repairs \(damage)") }
    }

    @Test func checkingOneLectureIgnoresTheRestOfTheSite() throws {
        let dir = try scratchLectures(["a.md": "# A\n", "b.md": "# B\n"])
        let out = dir.appendingPathComponent("out").path
        for name in ["a.md", "b.md"] {
            #expect(lectern(["render", dir.appendingPathComponent("course/" + name).path, "--out", out]).code == 0)
        }
        #expect(lectern(["check", dir.appendingPathComponent("course/a.md").path, "--out", out]).code == 0)
    }
}
