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
