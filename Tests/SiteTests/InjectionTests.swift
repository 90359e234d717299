import Foundation
import Testing

@testable import Notebook

@Suite struct InjectionTests {
    static let values = [
        "'```\\nprint(1)\\n```'", "'a`b``c'", "'<script>alert(1)</script>'", "'# heading'", "'- item'", "'| a | b |'",
        "'$x$ and *y* and _z_'",
        "'[link](http://x)'", "'&lt;'", "'1. one'", "'line\\n# two\\n```nn\\nx'", "'\\\\'",
    ]

    /// Values that try to break out of their place in the prose stay plain text in the `.md`.
    @Test(arguments: values)
    func anInlineValueCannotBreakTheMarkdown(expression: String) throws {
        let text = "# T\n\n```nn\nv = \(expression)\n```\n\n`{nn} v`\n\nSee `{nn} v` here.\n\n| c |\n|---|\n| `{nn} v` |\n"
        let dir = try scratchLectures(["t.md": text])
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("course/t.md").path, "--out", out.path])
        #expect(r.code == 0, "\(r.err)")
        let md = try read(out.appendingPathComponent("t.md"))
        let blocks = CmarkConverter.codeBlocks(md)
        #expect(blocks.count == 1 && blocks[0].info == "nn", "only the lecture's own block: \(md)")
        #expect(
            md.replacingOccurrences(of: "\\<", with: "").components(separatedBy: "<script>").count <= 2 && !md.contains("`{nn}"),
            "only the code has a tag")
        #expect(md.components(separatedBy: "\n").count == text.components(separatedBy: "\n").count, "no new lines")
        let html = try read(out.appendingPathComponent("t.html"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func proseEscapesOnlyWhatMarkdownWouldRead() {
        #expect(MarkdownRenderer.prose("val_loss class_ [0.25, -1.5e-05]", atLineStart: false) == "val_loss class_ [0.25, -1.5e-05]")
        #expect(MarkdownRenderer.prose("[a](b) [c][d] [e]: f", atLineStart: false) == "[a\\](b) [c\\][d] [e\\]: f")
        #expect(MarkdownRenderer.prose("-1 _x_ a*b", atLineStart: true) == "\\-1 \\_x_ a\\*b")
        #expect(MarkdownRenderer.prose("12. x", atLineStart: true) == "12\\. x")
    }

    @Test func terminalMessagesDoNotCarryControlCharacters() throws {
        let dir = try scratchLectures(["t.md": "# T\n\n```nn\nassert False, '\\x1b[2J\\x07 \\u202e gone'\n```\n"])
        let r = lectern(["render", dir.appendingPathComponent("course/t.md").path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.code == 1)
        #expect(r.err.contains("AssertionError: \\x1b[2J\\x07 \\u202e gone"), "\(r.err)")
        #expect(!r.err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }
}
