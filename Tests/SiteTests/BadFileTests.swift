import Foundation
import Notebook
import Testing

@testable import Site

@Suite struct BadFileTests {
    @Test func invalidUTF8IsAnErrorAtTheBadByteAndKeepsThePreviousOutputs() throws {
        let dir = try scratchLectures(["a.md": "# A\n\n```nn\nx = 2\nprint(x)\n```\n", "b.md": "# B\n"])
        let course = dir.appendingPathComponent("course")
        let out = dir.appendingPathComponent("out")
        #expect(lectern(["render", course.path, "--out", out.path]).code == 0)
        let md = try read(out.appendingPathComponent("a.md"))
        let html = try read(out.appendingPathComponent("a.html"))
        try Data("# A\n\n```nn\nx = \"é\u{FF}".utf8 + [0xFF] + Data("\"\n```\n".utf8)).write(to: course.appendingPathComponent("a.md"))
        let r = lectern(["render", course.path, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.err.contains("a.md:4:8: UnicodeDecodeError: the file is not valid UTF-8"), "\(r.err)")
        #expect(try read(out.appendingPathComponent("a.md")) == md)
        #expect(try read(out.appendingPathComponent("a.html")) == html)
        // check reports it too, and a first render of a bad file writes nothing at all.
        #expect(lectern(["check", course.path, "--out", out.path]).code == 1)
        let fresh = dir.appendingPathComponent("fresh")
        #expect(lectern(["render", course.appendingPathComponent("a.md").path, "--out", fresh.path]).code == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent("a.md").path))
    }

    @Test(arguments: ["\r", "\r\n", "\n", "mixed"])
    func lineEndingsAllWork(ending: String) throws {
        let lines = ["# T", "", "```nn", "x = 3", "print(x)", "```", "", "V `{nn} x * 2`.", "", "```nn", "y = z", "```", ""]
        let text =
            ending == "mixed"
            ? lines.enumerated().map { $0.element + ["\r", "\r\n", "\n"][$0.offset % 3] }.joined()
            : lines.joined(separator: ending)
        let dir = try scratchLectures(["t.md": text])
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course/t.md").path, "--out", out.path])
        #expect(r.code == 1)
        #expect(r.err.contains("t.md:11:5: NameError: name 'z' is not defined"), "\(r.err)")
        let md = try read(out.appendingPathComponent("t.md"))
        #expect(md.contains("```text\n3\n```") && md.contains("V 6."), "\(md)")
    }

    /// Found by lectern-fuzz: text with lone CRs handed straight to the reader (not through
    /// `decode`) made cmark and the splicer count lines differently.
    @Test func theReaderCountsLoneCarriageReturnsAsCmarkDoes() {
        let doc = DocumentReader.read("# T\r\r```nn\rx = 1\r```\r\rText.\r", path: "t.md")
        #expect(doc.blocks.map(\.fenceLine) == [3] && doc.blocks[0].code == "x = 1")
        let executed = ExecutedDocument(document: doc, blockOutputs: [[.text("1")]], inlineValues: [])
        #expect(MarkdownRenderer.render(executed).contains("```\n\n```text\n1\n```"))
    }

    @Test func decodeFindsTheLineAndColumn() {
        let bytes = Array("ab\ncd".utf8) + [0xC3] + Array("x\n".utf8)
        guard case .failure(let d) = DocumentReader.decode(bytes, path: "x.md") else {
            Issue.record("invalid UTF-8 decoded")
            return
        }
        #expect(d.location == SourceLocation(line: 2, column: 3))
        #expect(DocumentReader.decode(Array("a\rb\r\nc".utf8), path: "x.md") == .success("a\nb\r\nc"))
    }
}
