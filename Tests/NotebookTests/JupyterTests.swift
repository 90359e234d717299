import Display
import Foundation
import Testing

@testable import Notebook

@Suite struct JupyterTests {
    static let lecture = """
        ---
        title: Export
        decimals: 3
        ---
        # Export

        Math $a^2$ and a value `{nn} x`.

        ```nn
        x = 0.5
        print(x)
        ```

        ```nn echo=false
        plot()
        ```

        ```nn error=true
        1 / 0
        ```

        Closing words.

        """

    static func executed() -> ExecutedDocument {
        let doc = DocumentReader.read(lecture, path: "export.md")
        var axes = Axes()
        axes.artists = [.line(Line(xs: [0, 1], ys: [0, 1], color: "C0"))]
        let plot = Figure(axes: [axes])
        let error = Diagnostic(
            file: "export.md", location: SourceLocation(line: 21, column: 1), message: "ZeroDivisionError: division by zero")
        return ExecutedDocument(
            document: doc, blockOutputs: [[.text("0.5")], [.plot(plot)], [.error(error)]], inlineValues: ["0.5"])
    }

    @Test func exportHasCellsOutputsAndFrontMatter() throws {
        let nb = JupyterExport.notebook(Self.executed())
        #expect(nb.cells.map(\.cellType) == ["markdown", "code", "code", "code", "markdown"])
        #expect(nb.cells[0].source.text == "# Export\n\nMath $a^2$ and a value 0.5.")
        #expect(nb.cells[0].metadata.lectern?.source == "# Export\n\nMath $a^2$ and a value `{nn} x`.")
        #expect(nb.cells[1].outputs?.first?.outputType == "stream")
        #expect(nb.cells[1].outputs?.first?.text?.text == "0.5\n")
        #expect(nb.cells[2].metadata.jupyter?.sourceHidden == true)
        #expect(nb.cells[2].outputs?.first?.data?["image/svg+xml"]?.text.hasPrefix("<svg") == true)
        #expect(nb.cells[3].outputs?.first?.ename == "ZeroDivisionError")
        #expect(nb.cells[3].outputs?.first?.evalue == "division by zero")
        #expect(nb.cells[3].metadata.lectern?.info == "nn error=true")
        #expect(nb.cells.compactMap(\.executionCount) == [1, 2, 3])
        #expect(nb.metadata.lectern?.frontMatter == "title: Export\ndecimals: 3")
    }

    @Test func exportIsByteStable() throws {
        let a = try JupyterExport.notebook(Self.executed()).encoded()
        let b = try JupyterExport.notebook(Self.executed()).encoded()
        #expect(a == b)
    }

    @Test func importOfExportGivesBackProseAndCode() throws {
        let data = try JupyterExport.notebook(Self.executed()).encoded()
        let back = JupyterImport.lecture(try JupyterNotebook.decode(data), attachmentFolder: "export-attachments")
        #expect(back.files.isEmpty)
        #expect(normalized(back.markdown) == normalized(Self.lecture))
        let reread = DocumentReader.read(back.markdown, path: "export.md")
        #expect(reread.blocks.map(\.code) == DocumentReader.read(Self.lecture, path: "export.md").blocks.map(\.code))
        #expect(reread.blocks.map(\.options) == DocumentReader.read(Self.lecture, path: "export.md").blocks.map(\.options))
    }

    /// A notebook written by Python's nbformat (Scripts/make_notebook_fixture.py).
    @Test func importsARealNotebook() throws {
        let data = Data(fixture("jupyter.ipynb").utf8)
        let lecture = JupyterImport.lecture(try JupyterNotebook.decode(data), attachmentFolder: "lr-attachments")
        #expect(
            lecture.markdown == """
                # Logistic regression

                The model is $\\hat y = \\sigma(w^\\top x + b)$ and

                $$L = -\\frac1n \\sum_i y_i \\log \\hat y_i$$

                ```nn
                %matplotlib inline
                import numpy as np
                w = np.array([0.5, -0.25])
                print(w)
                ```

                A pasted drawing:

                ![neuron.png](lr-attachments/2-neuron.png)

                ```nn
                w.sum()
                ```

                ```nn
                1 / 0
                ```

                """)
        #expect(lecture.files.map(\.path) == ["lr-attachments/2-neuron.png"])
        #expect(lecture.files.first?.data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func fencesLongerThanTheCode() {
        #expect(JupyterImport.fenced("s = '```'", info: "nn") == "````nn\ns = '```'\n````")
    }

    @Test func rejectsWhatIsNotANotebook() {
        #expect(throws: (any Error).self) { try JupyterNotebook.decode(Data("{\"cells\": 3}".utf8)) }
    }

    /// Blank lines between cells are the one thing a round trip normalises.
    func normalized(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }
}
