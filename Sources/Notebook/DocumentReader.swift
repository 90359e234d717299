/// Reads a lecture's source into a `Document`.
public enum DocumentReader {
    public static func read(_ source: String, path: String) -> Document {
        let (frontMatter, fmDiagnostics) = FrontMatter.parse(source, file: path)
        var diagnostics = fmDiagnostics
        lazy var lines = source.sourceLines
        // cmark sees the body with the header blanked out, so its line numbers are the file's
        // (and with "\n" line ends; a plain LF file without a header is passed as it is).
        let body =
            frontMatter.lineCount == 0 && !source.utf8.contains(13)
            ? source
            : String(repeating: "\n", count: frontMatter.lineCount) + lines.dropFirst(frontMatter.lineCount).joined(separator: "\n")
        let raw = CmarkConverter.codeBlocks(body)
        var blocks: [CodeBlock] = []
        for r in raw where r.isFenced {
            let words = r.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, first == "nn" || first == "{nn}" else { continue }
            var options = BlockOptions()
            for word in words.dropFirst() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                let key = parts[0]
                let value = parts.count > 1 ? parts[1] : "true"
                let flag = value.lowercased() == "true" ? true : (value.lowercased() == "false" ? false : nil)
                switch key {
                case "echo" where flag != nil: options.echo = flag!
                case "output" where flag != nil: options.output = flag!
                case "error" where flag != nil: options.error = flag!
                case "eval" where flag != nil: options.eval = flag!
                case "label": options.label = value
                default:
                    diagnostics.append(
                        Diagnostic(
                            file: path, location: SourceLocation(line: r.startLine, column: r.startColumn),
                            message: "unknown block option '\(word)'",
                            hint: "options are echo=, output=, error=, eval= (true or false) and label=NAME",
                            sourceLine: r.startLine <= lines.count ? String(lines[r.startLine - 1]) : nil))
                }
            }
            var literal = r.literal
            if literal.hasSuffix("\n") { literal.removeLast() }
            blocks.append(CodeBlock(options: options, code: literal, fenceLine: r.startLine, endLine: r.endLine, column: r.startColumn))
        }
        var excluded = raw.map { $0.startLine...max($0.startLine, $0.endLine) }
        if frontMatter.lineCount > 0 { excluded.append(1...frontMatter.lineCount) }
        let prose = ProseScanner.scan(source, excludedLines: excluded)
        var document = Document(
            path: path, source: source, frontMatter: frontMatter, blocks: blocks, inlines: prose.inlines, math: prose.math,
            diagnostics: diagnostics)
        document.notes = NoteScanner.scan(source, excluded: prose.excludedBytes + prose.codeSpans + prose.math.map(\.range))
        return document
    }
}
