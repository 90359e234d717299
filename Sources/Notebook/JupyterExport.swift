import Display
import Foundation

/// Turns an executed lecture into a Jupyter notebook students can run under real Python:
/// prose becomes markdown cells, each `nn` block a code cell with Lectern's outputs attached.
public enum JupyterExport {
    public static func notebook(_ executed: ExecutedDocument) -> JupyterNotebook {
        let doc = executed.document
        let lines = doc.lines
        var cells: [JupyterNotebook.Cell] = []
        var executionCount = 0
        // Prose chunks come in source order: one pass over the line starts and the inline
        // values serves them all (per chunk, it was quadratic in a long lecture).
        let lineStarts = SourceEdits(doc.source)
        let inlines = Array(zip(doc.inlines, executed.inlineValues))
        var nextInline = 0

        func addProse(_ from: Int, _ through: Int) {
            guard from <= through else { return }
            let source = lines[(from - 1)..<through].joined(separator: "\n")
            let start = lineStarts.lineStart(from)
            while nextInline < inlines.count && inlines[nextInline].0.range.lowerBound < start { nextInline += 1 }
            var last = nextInline
            while last < inlines.count && inlines[last].0.range.upperBound <= start + source.utf8.count { last += 1 }
            let shown = substituted(source, start: start, inlines[nextInline..<last])
            let text = trimmedBlankLines(shown)
            guard !text.isEmpty else { return }
            let original = trimmedBlankLines(source)
            let meta = JupyterNotebook.CellMetadata(
                lectern: original == text ? nil : JupyterNotebook.CellLectern(source: original))
            cells.append(JupyterNotebook.Cell(id: "cell-\(cells.count)", cellType: "markdown", source: text, metadata: meta))
        }

        var cursor = doc.frontMatter.lineCount + 1
        for (block, outputs) in zip(doc.blocks, executed.blockOutputs) {
            addProse(cursor, block.fenceLine - 1)
            cursor = block.endLine + 1
            let info = infoString(block.options)
            let meta = JupyterNotebook.CellMetadata(
                jupyter: block.options.echo ? nil : JupyterNotebook.JupyterFlags(sourceHidden: true),
                lectern: info == "nn" ? nil : JupyterNotebook.CellLectern(info: info))
            var count: Int?
            if block.options.eval && doc.frontMatter.execute {
                executionCount += 1
                count = executionCount
            }
            let shown = block.options.output ? outputs : outputs.filter { if case .error = $0 { true } else { false } }
            cells.append(
                JupyterNotebook.Cell(
                    id: "cell-\(cells.count)", cellType: "code", source: block.code, metadata: meta,
                    outputs: shown.map { cellOutput($0, count, executed.format) }, executionCount: count))
        }
        addProse(cursor, lines.count)

        let frontMatter = doc.frontMatter.lineCount > 2 ? lines[1..<(doc.frontMatter.lineCount - 1)].joined(separator: "\n") : nil
        return JupyterNotebook(
            cells: cells,
            metadata: JupyterNotebook.Metadata(
                kernelspec: JupyterNotebook.KernelSpec(), languageInfo: JupyterNotebook.LanguageInfo(),
                lectern: frontMatter.map { JupyterNotebook.LecternMetadata(frontMatter: $0) }))
    }

    /// The fence's info string for a block's options, as an author would write it.
    static func infoString(_ o: BlockOptions) -> String {
        var words = ["nn"]
        if !o.echo { words.append("echo=false") }
        if !o.output { words.append("output=false") }
        if o.error { words.append("error=true") }
        if !o.eval { words.append("eval=false") }
        if let label = o.label { words.append("label=\(label)") }
        return words.joined(separator: " ")
    }

    /// The prose with its inline `{nn}` values filled in, as the rendered Markdown shows them.
    /// `source` starts at byte `start` of the document; `inlines` are the values inside it.
    static func substituted(_ source: String, start: Int, _ inlines: ArraySlice<(InlineSpan, String)>) -> String {
        var edits = SourceEdits(source)
        for (span, value) in inlines {
            edits.replace((span.range.lowerBound - start)..<(span.range.upperBound - start), with: value)
        }
        return edits.applied()
    }

    static func trimmedBlankLines(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One Lectern output as nbformat shows it: printed text as a stream, values as results,
    /// figures as SVG display data, errors as error outputs.
    static func cellOutput(_ output: Output, _ count: Int?, _ format: NumberFormat) -> JupyterNotebook.CellOutput {
        func result(_ data: [String: String]) -> JupyterNotebook.CellOutput {
            JupyterNotebook.CellOutput(
                outputType: "execute_result", data: data.mapValues(MultilineText.init), metadata: [:], executionCount: count)
        }
        func stream(_ text: String) -> JupyterNotebook.CellOutput {
            JupyterNotebook.CellOutput(outputType: "stream", name: "stdout", text: MultilineText(text + "\n"))
        }
        switch output {
        case .text(let s): return stream(s)
        case .summary(let s): return stream(MarkdownRenderer.summaryText(s))
        case .log(let l): return stream(l.lines.joined(separator: "\n"))
        case .scalar(let d): return result(["text/plain": format.scalar(d)])
        case .integer(let i): return result(["text/plain": String(i)])
        case .tensor(let shape, let values, let kind):
            return result([
                "text/plain": TensorText(format: format).text(shape: shape, values: values, kind: kind),
                "text/html": HTMLRenderer.html(output, format),
            ])
        case .table(let t):
            return result([
                "text/plain": MarkdownRenderer.pipeTable(t, format), "text/markdown": MarkdownRenderer.pipeTable(t, format),
                "text/html": HTMLRenderer.html(output, format),
            ])
        case .plot(let p):
            return JupyterNotebook.CellOutput(
                outputType: "display_data",
                data: ["image/svg+xml": MultilineText(SVGPlot(plot: p).render()), "text/plain": MultilineText("<Figure>")],
                metadata: [:])
        case .error(let d):
            let (name, value) = errorParts(d.message)
            return JupyterNotebook.CellOutput(
                outputType: "error", ename: name, evalue: value, traceback: d.formatted.components(separatedBy: "\n"))
        }
    }

    /// `ValueError: bad shape` → ("ValueError", "bad shape"); a message without a type is an `Error`.
    static func errorParts(_ message: String) -> (String, String) {
        if let colon = message.firstIndex(of: ":") {
            let name = message[..<colon]
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) {
                return (String(name), String(message[message.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
        }
        return ("Error", message)
    }
}
