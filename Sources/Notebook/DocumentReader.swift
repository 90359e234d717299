/// Reads a lecture's source into a `Document`.
public enum DocumentReader {
    public static func read(_ text: String, path: String) -> Document {
        // cmark ends a line at a lone CR too; every line count here must agree with it.
        let source = text.utf8.contains(0x0D) ? normalizingLoneCarriageReturns(text) : text
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
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
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

extension DocumentReader {
    /// A lecture's bytes as text: invalid UTF-8 is an error at the line and column of the first
    /// bad byte, and a lone carriage return (old Mac or mixed line endings) becomes a line feed,
    /// since cmark, Python and the error positions all count it as a line break.
    public static func decode(_ data: [UInt8], path: String) -> Result<String, Diagnostic> {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        replaceLoneCarriageReturns(&bytes)
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        // Decode scalar by scalar to find where the first bad byte is.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var lineText = ""
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" {
                    line += 1
                    column = 1
                    lineText = ""
                } else {
                    column += 1
                    lineText.unicodeScalars.append(s)
                }
            case .emptyInput, .error: break loop
            }
        }
        return .failure(
            Diagnostic(
                file: path, location: SourceLocation(line: line, column: column),
                message: "UnicodeDecodeError: the file is not valid UTF-8 (a bad byte here)",
                hint: "save the lecture as UTF-8; the previous outputs are kept", sourceLine: lineText))
    }
}

extension DocumentReader {
    static func replaceLoneCarriageReturns(_ bytes: inout [UInt8]) {
        for i in bytes.indices where bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A) { bytes[i] = 0x0A }
    }

    static func normalizingLoneCarriageReturns(_ text: String) -> String {
        var bytes = Array(text.utf8)
        replaceLoneCarriageReturns(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
