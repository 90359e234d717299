import Display
import Foundation
import Testing

@testable import Notebook

/// A figure with one of every artist kind in two panels.
let sampleFigure: Figure = {
    var left = Axes(slot: GridSlot(rows: 1, columns: 2, index: 0))
    left.title = "Activations"
    left.xLabel = "$z$"
    left.yLabel = "g(z)"
    left.grid = true
    left.legend = "best"
    var line = Line(xs: [-2, -1, 0, 1, 2], ys: [0.1, 0.3, 0.5, 0.7, 0.9], color: "#1f77b4")
    line.label = "sigmoid"
    var dashed = Line(xs: [-2, 0, 2], ys: [0, 0, 2], color: "#ff7f0e")
    dashed.style = .dashed
    dashed.marker = .circle
    dashed.label = "ReLU"
    var span = Span(horizontal: true, value: 0.5, color: "#7f7f7f")
    span.style = .dotted
    var fill = Fill(xs: [-2, 0, 2], lower: [0, 0, 0], upper: [0.2, 0.4, 0.2], color: "#2ca02c")
    fill.alpha = 0.3
    fill.label = "band"
    var text = Label(x: -1.5, y: 1.5, text: "$\\sigma$")
    text.arrowTo = [0, 0.5]
    left.artists = [.line(line), .line(dashed), .span(span), .fill(fill), .text(text)]
    var right = Axes(slot: GridSlot(rows: 1, columns: 2, index: 1))
    right.title = "Data"
    right.yScale = .log
    right.legend = "upper left"
    var raster = Raster(
        columns: 2, rows: 2, colors: ["#440154", "#21918c", "#3b528b", "#fde725"], marks: [" ", "-", ".", "@"], x: 0...4, y: 1...100)
    raster.alpha = 0.5
    var bars = Bars(positions: [1, 3], lengths: [10, 50], thicknesses: [0.8, 0.8], bases: [1, 1], color: "#9467bd")
    bars.label = "counts"
    var points = Scatter(xs: [0.5, 2, 3.5], ys: [2, 20, 80], colors: ["#d62728"], sizes: [36])
    points.marker = .cross
    points.label = "points"
    right.artists = [.raster(raster), .bars(bars), .scatter(points)]
    right.colorbar = Colorbar(colors: ["#440154", "#21918c", "#fde725"], low: 0, high: 1)
    return Figure(width: 10, height: 4, suptitle: "Every artist", axes: [left, right])
}()

/// One of every output kind, for the golden files.
let everyOutput: [Output] = [
    .text("printed\nlines"),
    .scalar(0.298371109),
    .scalar(1.2e-7),
    .scalar(-0.0),
    .scalar(.nan),
    .integer(1441),
    .tensor(shape: [2, 3], values: [1, 0.5, -0.25, 3, 2, 1]),
    .tensor(shape: [3], values: [0.1, 0.2, 0.3]),
    .tensor(shape: [12, 12], values: (0..<144).map { Double($0) / 8 }),
    .table(
        Table(
            columns: ["name", "value", "count"],
            rows: [[.text("a|b"), .number(0.5), .integer(3)], [.text("c"), .number(-1.25), .integer(10)]])),
    .summary(
        ModelSummary(
            title: "Model: \"sequential\"", columns: ["Layer (type)", "Output Shape", "Param #"],
            rows: [["dense (Dense)", "(None, 4)", "16"], ["dense_1 (Dense)", "(None, 1)", "5"]],
            totals: ["Total params: 21 (168.00 B)", "Trainable params: 21 (168.00 B)", "Non-trainable params: 0 (0.00 B)"])),
    .log(TrainingLog(lines: ["Epoch 1/2 - 1 steps - loss: 0.6931", "Epoch 2/2 - 1 steps - loss: 0.5000"], epochs: 2)),
    .plot(sampleFigure),
    .error(
        Diagnostic(
            file: "x.md", location: SourceLocation(line: 12, column: 7), message: "ValueError: bad shapes",
            hint: "check the shapes", sourceLine: "W_bad @ x")),
]

@Suite struct RenderTests {
    @Test func everyOutputKindAsMarkdown() {
        let format = NumberFormat(decimals: 4)
        assertSnapshot(everyOutput.map { MarkdownRenderer.markdown($0, format) }.joined(separator: "\n\n") + "\n", named: "outputs.md")
    }

    @Test func everyOutputKindAsHTML() {
        let format = NumberFormat(decimals: 4)
        assertSnapshot(everyOutput.map { HTMLRenderer.html($0, format) }.joined(separator: "\n\n") + "\n", named: "outputs.html")
    }

    /// A large array's HTML table formats only the cells it shows, and they alone set the
    /// decimals (as numpy's summarised print): a million hidden values cost nothing.
    @Test func aLargeTableFormatsOnlyWhatItShows() {
        let values = [0.5, 0.25, 0.5] + Array(repeating: 0.123456, count: 1_000_000) + [0.5, 0.5, 0.75]
        let html = HTMLRenderer.tensorHTML([values.count], values, .float64, NumberFormat(decimals: 4))
        // The shown cells need two places; a hidden 0.123456 would have made it four.
        #expect(html.contains("<td class=\"num\">0.50</td>") && html.contains("<td class=\"num\">0.25</td>"))
        #expect(!html.contains("0.1235") && !html.contains("0.5000"))
    }

    func executed(_ source: String, _ outputs: [[Output]], _ inline: [String] = []) -> ExecutedDocument {
        ExecutedDocument(document: DocumentReader.read(source, path: "t.md"), blockOutputs: outputs, inlineValues: inline)
    }

    static let source =
        "# T\n\nSome *emphasis*  kept   as written.\n\n```nn\nx = 1\n```\n\nValue: `{nn} x`.\n\n```nn echo=false\ny = 2\n```\nEnd\n"

    @Test func spliceKeepsTheAuthorsBytesAndInsertsOutputs() {
        let md = MarkdownRenderer.render(executed(Self.source, [[.integer(1)], [.scalar(2)]], ["1"]))
        #expect(
            md
                == "# T\n\nSome *emphasis*  kept   as written.\n\n```nn\nx = 1\n```\n\n```text\n1\n```\n\nValue: 1.\n\n```text\n2\n```\nEnd\n"
        )
    }

    @Test func spliceWithoutOutputsIsTheSource() {
        let source = "# T\n\n```nn\nx = 1\n```\n\n  indented *text*\t\n"
        #expect(MarkdownRenderer.render(executed(source, [[]])) == source)
    }

    /// Two processes render the same lecture to the same bytes. Each process seeds Swift's
    /// hashing anew, so output that follows a Dictionary's or Set's order differs between
    /// them (one process rendering twice would see the same order both times).
    @Test func renderingIsIdempotent() throws {
        let lecture = """
            ---
            title: Orders
            tags: [sets, dicts, plots]
            ---
            # Orders

            ```nn
            d = {"w": 1, "b": 2.5, "a": [1, 2], "z": {"k": None}}
            print(d, {3, 1, 2}, sorted({"x": 1, "y": 2}.items()))
            d
            ```

            ```nn
            import matplotlib.pyplot as plt
            fig, ax = plt.subplots(1, 2)
            ax[0].plot([1, 2, 3], [3, 1, 2], label="one", color="C1", linestyle="--")
            ax[0].scatter([1, 2], [2, 1], c=[0.1, 0.9], label="two")
            ax[0].legend()
            ax[1].bar(["a", "b", "c"], [1, 3, 2])
            plt.show()
            ```

            ```nn
            table({"name": ["a", "b"], "value": [1.5, 2.25]})
            ```
            """
        let first = try renderInNewProcess(lecture)
        let second = try renderInNewProcess(lecture)
        #expect(first.keys.sorted() == second.keys.sorted() && first.count >= 3)
        for (name, bytes) in first.sorted(by: { $0.key < $1.key }) {
            #expect(second[name] == bytes, "\(name) differs between two processes")
        }
    }

    @Test func fenceGrowsWhenOutputContainsBackticks() {
        #expect(MarkdownRenderer.markdown(.text("a ``` b"), NumberFormat()) == "````text\na ``` b\n````")
    }

    @Test(arguments: [
        (0.298371109, "0.2984"), (0.5, "0.5"), (1441.0, "1441"), (-0.00001, "-1e-05"), (1.2e-7, "1.2e-07"),
        (-0.0, "0"), (-0.00004, "-4e-05"), (2e20, "2e+20"), (Double.infinity, "inf"),
    ])
    func scalarFormatting(_ c: (Double, String)) {
        #expect(NumberFormat(decimals: 4).scalar(c.0) == c.1)
    }

    @Test func diagnosticFormatHasFileLineColumnCaretAndHint() {
        let d = Diagnostic(
            file: "b.md", location: SourceLocation(line: 57, column: 7), message: "NameError: name 'W3' is not defined",
            hint: "did you mean 'W2'?", sourceLine: "y = W3 @ x")
        #expect(d.formatted == "b.md:57:7: NameError: name 'W3' is not defined\n 57 | y = W3 @ x\n    |       ^\nhint: did you mean 'W2'?")
    }

    @Test func asciiPlotsStayWithin72Columns() {
        guard case .plot(let p) = everyOutput.first(where: { if case .plot = $0 { true } else { false } })! else { return }
        #expect(AsciiPlot(plot: p).render().split(separator: "\n").allSatisfy { $0.count <= 72 })
    }
}

/// Renders `lecture` with the built `lectern` binary (beside the test runner) in a new
/// process; the files it wrote, by their path in the output folder.
func renderInNewProcess(_ lecture: String) throws -> [String: Data] {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("lectern").path), folder.pathComponents.count > 2 {
        folder.deleteLastPathComponent()
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-render-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let source = dir.appendingPathComponent("lecture.md")
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try lecture.write(to: source, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = folder.appendingPathComponent("lectern")
    process.arguments = ["render", source.path, "--out", out.path, "--no-cache"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
        if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
            files[String(url.path.dropFirst(out.path.count + 1))] = data
        }
    }
    return files
}
