import ArgumentParser
import Foundation
import Notebook
import Site

/// `lectern init [DIR]`: a new course that renders and checks green at once.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new course: a sample lecture, lectern.yml, .gitignore and a CI workflow that checks and publishes.")

    @Argument(help: "The course folder (created if missing).")
    var folder: String = "."

    func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        do {
            try Scaffold.create(in: URL(fileURLWithPath: folder))
            for f in Scaffold.files { print("created \(folder)/\(f.path)", to: &output) }
            print("next: cd \(folder) && lectern render && lectern check", to: &output)
            return 0
        } catch {
            return failureStatus(error, &errors)
        }
    }
}

/// `lectern import NOTEBOOK.ipynb`: a Jupyter notebook becomes a lecture.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a Jupyter notebook into a lecture: markdown cells verbatim, code cells as nn blocks, outputs dropped.")

    @Argument(help: "The notebook (.ipynb).")
    var notebook: String

    @Option(name: .long, help: "The lecture to write (default: the notebook's name with .md). An existing file is never replaced.")
    var out: String?

    func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        do throws(BuildError) {
            let input = URL(fileURLWithPath: notebook)
            guard input.pathExtension == "ipynb" else { throw BuildError.usage("\(notebook): not a Jupyter notebook (.ipynb)") }
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw BuildError.usage("\(notebook): cannot read the file")
            }
            let parsed: JupyterNotebook
            do { parsed = try JupyterNotebook.decode(data) } catch {
                throw BuildError.usage("\(notebook): not a valid nbformat 4 notebook (\(error))")
            }
            let target = URL(fileURLWithPath: out ?? input.deletingPathExtension().appendingPathExtension("md").path)
            let stem = target.deletingPathExtension().lastPathComponent
            let lecture = JupyterImport.lecture(parsed, attachmentFolder: stem + "-attachments")
            let folder = target.deletingLastPathComponent()
            for url in [target] + lecture.files.map({ folder.appendingPathComponent($0.path) })
            where FileManager.default.fileExists(atPath: url.path) {
                throw BuildError.usage("\(url.path) already exists; import never replaces a file (choose another --out)")
            }
            for f in lecture.files { try Write.atomically(f.data, to: folder.appendingPathComponent(f.path)) }
            try Write.atomically(lecture.markdown, to: target)
            print("wrote \(target.path)" + (lecture.files.isEmpty ? "" : " and \(plural(lecture.files.count, "image"))"), to: &output)
            return 0
        } catch {
            return failureStatus(error, &errors)
        }
    }
}

/// `lectern export LECTURE.md`: a lecture becomes a Jupyter notebook with Lectern's outputs.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lecture and write it as a Jupyter notebook (nbformat 4) with Lectern's outputs attached.")

    @Argument(help: "The lecture (.md).")
    var lecture: String

    @Option(name: .long, help: "The notebook to write (default: the lecture's name with .ipynb).")
    var out: String?

    @Option(name: .long, help: "Seconds a block may run before it is stopped.")
    var timeout: Double = 60

    func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        do throws(BuildError) {
            let files = try Discover.files([lecture])
            guard files.count == 1, !Discover.includesFolder([lecture]) else {
                throw BuildError.usage("\(lecture): export takes one lecture (.md)")
            }
            let target = URL(fileURLWithPath: out ?? files[0].url.deletingPathExtension().appendingPathExtension("ipynb").path)
            guard target.pathExtension == "ipynb" else { throw BuildError.usage("\(target.path): the notebook's name must end in .ipynb") }
            let options: CommonOptions
            do { options = try CommonOptions.parse(["--timeout", String(timeout), "--", lecture]) } catch {
                throw BuildError.usage(CommonOptions.message(for: error))
            }
            let result = try options.runLectures().1[0]
            try Write.atomically(result.notebook, to: target)
            for d in result.failures { print(d.formatted, to: &errors) }
            print("wrote \(target.path)" + (result.failures.isEmpty ? "" : " (\(plural(result.failures.count, "failure")))"), to: &output)
            return result.failures.isEmpty ? 0 : 1
        } catch {
            return failureStatus(error, &errors)
        }
    }
}
