import Foundation
import Testing

@testable import Notebook

@Suite struct DocumentTests {
    @Test func converterTreeDump() {
        assertSnapshot(CmarkConverter.treeDump(fixture("sample.md")), named: "sample.tree.txt")
    }

    @Test func gfmExtensionsRenderToHTML() {
        let html = CmarkConverter.html("| a |\n|---|\n| ~~x~~ |\n\nsee https://example.org\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>x</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
    }

    @Test func readsBlocksOptionsInlinesAndFrontMatter() {
        let doc = DocumentReader.read(fixture("sample.md"), path: "sample.md")
        #expect(doc.frontMatter.title == "Sample")
        #expect(doc.frontMatter.seed == 3)
        #expect(doc.blocks.count == 1)
        #expect(doc.blocks[0].options.echo == false)
        #expect(doc.blocks[0].options.label == "setup")
        #expect(doc.blocks[0].fenceLine == 13 && doc.blocks[0].endLine == 15)
        #expect(doc.blocks[0].code == "x = 1")
        #expect(doc.inlines.map(\.expression) == ["1 + 1", "x"])
        #expect(doc.inlines[0].location == SourceLocation(line: 7, column: 28))
        #expect(doc.math.map(\.tex) == ["a_1 = \\sigma(z_1)"])
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func unknownBlockOptionIsADiagnosticWithItsLine() {
        let doc = DocumentReader.read("text\n\n```nn ecko=false\nx = 1\n```\n", path: "t.md")
        #expect(doc.diagnostics.map(\.location.line) == [3])
        #expect(doc.diagnostics.first?.message == "unknown block option 'ecko=false'")
    }

    @Test func badFrontMatterIsADiagnostic() {
        let doc = DocumentReader.read("---\nseed: -4\ndecimals: many\n---\n# T\n", path: "t.md")
        #expect(doc.diagnostics.map(\.location.line) == [3, 2])
    }

    @Test(arguments: [
        ("inline $x_1$ math", ["x_1"]),
        ("display $$\\sum_i w_i$$ math", ["\\sum_i w_i"]),
        ("paren \\(a_b\\) and bracket \\[c^2\\]", ["a_b", "c^2"]),
        ("costs $5 and $6 today", []),
        ("an escaped \\$ dollar and $y$", ["y"]),
        ("code `$not math$` then $z$", ["z"]),
        ("`` a `$` b `` and $w$", ["w"]),
        ("$ spaced $ is not math", []),
    ])
    func mathSpansAreFoundOutsideCode(_ c: (String, [String])) {
        #expect(DocumentReader.read(c.0, path: "m.md").math.map(\.tex) == c.1)
    }

    @Test func mathReachesHTMLUntouched() {
        let source = "Let $a_{i} = \\frac{1}{2} x_*$ and\n\n$$\\mathbf{W}^{[\\ell]}_{j,k}$$\n\nbut `$x_1$` is code and \\$5 is money.\n"
        let doc = DocumentReader.read(source, path: "m.md")
        let html = HTMLRenderer(highlight: { $0 }, assetsPrefix: "assets/")
            .render(ExecutedDocument(document: doc, blockOutputs: [], inlineValues: []))
        #expect(html.contains("<span class=\"math inline\">a_{i} = \\frac{1}{2} x_*</span>"))
        #expect(html.contains("<span class=\"math display\">\\mathbf{W}^{[\\ell]}_{j,k}</span>"))
        #expect(html.contains("<code>$x_1$</code>"))
        #expect(html.contains("$5 is money"))
    }
}

/// Random Markdown (unclosed fences, CRLF, tabs, a BOM, non-ASCII, stray backticks and
/// dollars) through the reader and both renderers: nothing traps, and a document without
/// outputs or inline values comes back byte for byte.
@Suite struct MarkdownFuzzTests {
    static let fragments = [
        "# Title\n", "Some *text* with `code` and `{nn} x` and `{nn} `.\n", "$a_1$ and $$b$$ and \\(c\\) and \\$5 $ 6 $\n",
        "```nn\nx = 1\nx\n```\n", "```nn echo=false\ny = 2\n```\n", "```nn eval=false\nnope(\n```\n", "```nn\nunclosed = [1,\n",
        "~~~nn\nz = 2\n~~~\n", "```python\nnot nn\n```\n", "    indented `{nn} 1`\n", "- item\n  ```nn\n  w = 5\n  ```\n",
        "| a | b |\n|---|---|\n| `{nn} x` | $m$ |\n", "---\ntitle: T\n---\n", "---\nbad: [\n---\n", "\t\ttabs\n", "émoji 🎉 ∂L/∂w\n",
        "<div>raw</div>\n", "```nn\n", "```\n", "`{nn}", "$$\n", "\n\n", "```nn {bad}\nx\n```\n",
    ]

    @Test func randomDocumentsNeverTrap() {
        var state: UInt64 = 5
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            var source = (0..<(1 + next(10))).map { _ in Self.fragments[next(Self.fragments.count)] }.joined()
            if next(3) == 0 { source = source.replacingOccurrences(of: "\n", with: "\r\n") }
            if next(10) == 0 { source = "\u{FEFF}" + source }
            let doc = DocumentReader.read(source, path: "fuzz.md")
            let executed = ExecutedDocument(
                document: doc, blockOutputs: doc.blocks.map { _ in [.integer(1)] },
                inlineValues: doc.inlines.map { _ in "v" })
            _ = MarkdownRenderer.render(executed)
            _ = HTMLRenderer(highlight: { $0 }, assetsPrefix: "assets/").render(executed)
            if doc.inlines.isEmpty {
                let bare = ExecutedDocument(document: doc, blockOutputs: doc.blocks.map { _ in [] }, inlineValues: [])
                #expect(doc.blocks.contains { !$0.options.echo } || MarkdownRenderer.render(bare) == source)
            }
        }
    }

    @Test func crlfLinesAreCountedLikeLF() {
        let lf = "---\ntitle: T\n---\n# T\n\n```nn echo=false\nx = 2\n```\n\nValue `{nn} x` and $a_1$.\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = DocumentReader.read(lf, path: "a.md")
        let b = DocumentReader.read(crlf, path: "b.md")
        #expect(a.frontMatter.title == "T" && b.frontMatter.title == "T")
        #expect(a.blocks.map(\.fenceLine) == b.blocks.map(\.fenceLine))
        #expect(a.inlines.map(\.location) == b.inlines.map(\.location))
        #expect(a.math.map(\.tex) == b.math.map(\.tex))
        #expect(b.line(10) == "Value `{nn} x` and $a_1$.")
    }
}
