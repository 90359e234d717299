import Foundation
import Testing

@testable import LecternCLI
@testable import Site

/// The course as a site: `lectern.yml`, the pages around the lectures, copied files, and
/// missing link targets (a warning in `render`, a failure in `check`).
@Suite(.serialized) struct SiteTests {
    /// A scratch copy of the browser test's fixture course.
    func scratchSite() throws -> URL { try scratchFixture("site") }

    @Test func courseConfigReadsEveryKeyAndRejectsUnknownOnes() throws {
        let config = try CourseConfig.parse(
            "title: T\ndescription: D\nauthor: A\nbase_url: https://x.org/\nlectures:\n  - b.md\n  - a\n", file: "lectern.yml")
        #expect(config.title == "T" && config.description == "D" && config.author == "A" && config.baseURL == "https://x.org/")
        #expect(config.lecturePaths == ["b.md", "a.md"])
        #expect(throws: BuildError.self) { try CourseConfig.parse("title: T\ncolour: red\n", file: "lectern.yml") }
        do {
            _ = try CourseConfig.parse("title: T\ncolour: red\n", file: "lectern.yml")
        } catch {
            #expect(error.description.hasPrefix("lectern.yml:2: unknown key 'colour'"))
        }
        #expect(throws: BuildError.self) { try CourseConfig.parse("lectures: 3\n", file: "lectern.yml") }
    }

    @Test func renderWritesTheCourseSite() throws {
        let dir = try scratchSite()
        let out = dir.appendingPathComponent("out")
        let run = lectern(["render", dir.appendingPathComponent("site").path, "--out", out.path])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.isEmpty, "no warnings: \(run.err)")
        for f in [
            "index.html", "search.html", "404.html", ".nojekyll", "sitemap.xml", "tags/perceptron.html", "tags/basics.html",
            "assets/search-index.js", "assets/lunr/lunr.min.js", "assets/highlight/highlight.min.js", "media/diagram.svg",
            "data/points.csv", "week2/perceptron.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "missing \(f)")
        }
        let index = try read(out.appendingPathComponent("index.html"))
        #expect(index.contains("<h1>Fixture course</h1>"))
        #expect(
            index.contains(
                "<meta name=\"description\" content=\"A small course that exercises every site feature, for the browser test.\">"))
        // lectern.yml's order: intro, perceptron, notes, then the unlisted glossary.
        let order = ["intro.html", "week2/perceptron.html", "notes.html", "glossary.html"].map {
            index.range(of: "href=\"\($0)\"")!.lowerBound
        }
        #expect(order == order.sorted())
        let sitemap = try read(out.appendingPathComponent("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/course/week2/perceptron.html</loc>"))
        let search = try read(out.appendingPathComponent("assets/search-index.js"))
        #expect(
            search.hasPrefix(
                "var LECTERN_SEARCH = [\n{\"title\":\"Introduction\",\"href\":\"intro.html\",\"tags\":[\"basics\",\"overview\"]"))
    }

    @Test func aSingleLectureRenderedIntoTheSiteKeepsItsNeighbours() throws {
        let dir = try scratchSite()
        let out = dir.appendingPathComponent("out")
        #expect(lectern(["render", dir.appendingPathComponent("site").path, "--out", out.path]).code == 0)
        let single = lectern(["render", dir.appendingPathComponent("site/notes.md").path, "--out", out.path])
        #expect(single.code == 0, "\(single.err)")
        let html = try read(out.appendingPathComponent("notes.html"))
        #expect(html.contains("<a class=\"prev\" rel=\"prev\" href=\"week2/perceptron.html\">"))
        #expect(html.contains("<a class=\"next\" rel=\"next\" href=\"glossary.html\">"))
    }

    @Test func checkFailsWhenACopiedFileIsMissingOrChanged() throws {
        let dir = try scratchSite()
        let site = dir.appendingPathComponent("site")
        let out = dir.appendingPathComponent("out")
        #expect(lectern(["render", site.path, "--out", out.path]).code == 0)
        #expect(lectern(["check", site.path, "--out", out.path]).code == 0)
        try "x,y\n9,9\n".write(to: site.appendingPathComponent("data/points.csv"), atomically: true, encoding: .utf8)
        let check = lectern(["check", site.path, "--out", out.path])
        #expect(check.code == 1)
        #expect(check.out.contains("data/points.csv: missing or out of date"))
    }

    @Test func aMissingLinkTargetWarnsInRenderAndFailsCheck() throws {
        let dir = try scratchSite()
        let site = dir.appendingPathComponent("site")
        let out = dir.appendingPathComponent("out")
        try "# Broken\n\nA [missing](gone.md) link.\n".write(
            to: site.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let render = lectern(["render", site.path, "--out", out.path])
        #expect(render.code == 0)
        #expect(render.err.contains("warning: broken.md:3:1: link target 'gone.md' not found"))
        let check = lectern(["check", site.path, "--out", out.path])
        #expect(check.code == 1)
        #expect(check.out.contains("FAIL broken.md"))
    }
}
