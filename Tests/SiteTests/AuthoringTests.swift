import Foundation
import Testing

@testable import LecternCLI
@testable import Notebook
@testable import Site

@Suite struct AuthoringTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-authoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func versionPrintsAndExitsZero() {
        let r = lectern(["--version"])
        #expect(r.code == 0)
        #expect(r.out.trimmingCharacters(in: .whitespacesAndNewlines) == LecternVersion.current)
    }

    @Test func initMakesACourseThatRendersAndChecksGreen() throws {
        let dir = try scratch().appendingPathComponent("demo")
        #expect(lectern(["init", dir.path]).code == 0)
        for f in Scaffold.files { #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f.path).path)) }
        let notebooks = dir.appendingPathComponent("notebooks").path
        let output = dir.appendingPathComponent("output").path
        let render = lectern(["render", notebooks, "--out", output])
        #expect(render.code == 0, "\(render.out)\(render.err)")
        let check = lectern(["check", notebooks, "--out", output])
        #expect(check.code == 0, "\(check.out)\(check.err)")
        #expect(FileManager.default.fileExists(atPath: output + "/01-first-lecture.ipynb"))
    }

    @Test func initRefusesAnExistingCourseAndChangesNothing() throws {
        let dir = try scratch()
        let config = dir.appendingPathComponent("lectern.yml")
        try "title: Mine\n".write(to: config, atomically: true, encoding: .utf8)
        let r = lectern(["init", dir.path])
        #expect(r.code == 2)
        #expect(r.err.contains("already holds a course"))
        #expect(try String(contentsOf: config, encoding: .utf8) == "title: Mine\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("notebooks").path))
    }

    @Test func theWorkflowIsYAMLWithTheCheckAndPublishSteps() throws {
        let workflow = try #require(Scaffold.files.first { $0.path.hasSuffix("workflows/lectern.yml") }?.text)
        for step in ["apt-get install", "swift build -c release", "lectern check", "upload-pages-artifact", "deploy-pages"] {
            #expect(workflow.contains(step), "missing \(step)")
        }
        // Yams (through the front-matter parser's dependency) must read it as a mapping.
        let parsed = FrontMatter.parse("---\n" + workflow + "---\n", file: "workflow.yml")
        #expect(parsed.1.isEmpty, "\(parsed.1.map(\.message))")
    }

    @Test func exportThenImportRoundTrips() throws {
        let dir = try scratch()
        let lecture = dir.appendingPathComponent("lesson.md")
        try "# Lesson\n\nSome $x$ prose.\n\n```nn\nx = 2\nprint(x * 3)\n```\n\nThe value is `{nn} x`.\n".write(
            to: lecture, atomically: true, encoding: .utf8)
        let notebook = dir.appendingPathComponent("lesson.ipynb")
        let export = lectern(["export", lecture.path, "--out", notebook.path])
        #expect(export.code == 0, "\(export.err)")
        let nb = try JupyterNotebook.decode(Data(contentsOf: notebook))
        #expect(nb.cells[1].outputs?.first?.text?.text == "6\n")
        #expect(nb.cells[2].source.text == "The value is 2.")

        let back = dir.appendingPathComponent("back.md")
        #expect(lectern(["import", notebook.path, "--out", back.path]).code == 0)
        #expect(try String(contentsOf: back, encoding: .utf8) == String(contentsOf: lecture, encoding: .utf8))
        let again = lectern(["import", notebook.path, "--out", back.path])
        #expect(again.code == 2, "import never replaces a file")
    }

    @Test func importRejectsWhatIsNotANotebook() throws {
        let dir = try scratch()
        let bad = dir.appendingPathComponent("bad.ipynb")
        try "{not json".write(to: bad, atomically: true, encoding: .utf8)
        let r = lectern(["import", bad.path])
        #expect(r.code == 2)
        #expect(r.err.contains("not a valid nbformat 4 notebook"))
        #expect(lectern(["import", dir.appendingPathComponent("x.md").path]).code == 2)
    }
}
