import Foundation
import Testing

@testable import Site

@Suite struct OutputGuardTests {
    /// Every way of pointing --out at the sources is refused with exit 2 and nothing is written.
    @Test(arguments: ["course", "course/sub", "course/../course", ".", "link", "link/deeper", "course/good.md"])
    func anOutputOverlappingTheSourcesIsRefused(out: String) throws {
        let dir = try scratchCourse()
        let course = dir.appendingPathComponent("course")
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link"), withDestinationURL: course)
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
        let good = try read(course.appendingPathComponent("good.md"))
        let r = lectern(["render", course.path, "--out", dir.appendingPathComponent(out).path])
        #expect(r.code == 2, "\(out)")
        #expect(r.err.contains("lectern never writes into its sources"), "\(r.err)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted() == before)
        #expect(try read(course.appendingPathComponent("good.md")) == good)
    }

    @Test func aFileInputRefusesItsOwnFolderButNotASiblingFolder() throws {
        let dir = try scratchCourse()
        let good = dir.appendingPathComponent("course/good.md").path
        #expect(lectern(["render", good, "--out", dir.appendingPathComponent("course").path]).code == 2)
        #expect(lectern(["render", good, "--out", dir.appendingPathComponent("course/site").path]).code == 0)
    }

    @Test func renderingAFolderNeverReadsARenderedSiteInside() throws {
        let dir = try scratchCourse()
        let course = dir.appendingPathComponent("course")
        #expect(lectern(["render", course.path, "--out", course.appendingPathComponent("../site").path]).code == 1)
        // A copy of the site inside the sources, as `output/` sits inside `.`.
        try FileManager.default.copyItem(at: dir.appendingPathComponent("site"), to: course.appendingPathComponent("output"))
        let files = try Discover.files([course.path]).map(\.relativePath)
        #expect(files == ["good.md", "part/broken.md"])
    }
}
