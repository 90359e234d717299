import Display

/// Writes a lecture back out as Markdown: the author's bytes, verbatim, with each block's
/// outputs spliced in after it (in its place for `echo=false`) and inline values substituted.
///
/// Prose is never re-rendered through cmark, so the author's formatting survives.
public enum MarkdownRenderer {
    public static func render(_ executed: ExecutedDocument) -> String {
        let doc = executed.document
        var edits = SourceEdits(doc.source)
        for (span, value) in zip(doc.inlines, executed.inlineValues) {
            // An unexecuted span keeps its own text, which is a code span already.
            let text = value == "`{nn} \(span.expression)`" ? value : prose(value, atLineStart: edits.startsLine(span.range.lowerBound))
            edits.replace(span.range, with: text)
        }
        for (block, outputs) in zip(doc.blocks, executed.blockOutputs) {
            let shown = block.options.output ? outputs : outputs.filter { if case .error = $0 { true } else { false } }
            let text = shown.map { markdown($0, executed.format) }.joined(separator: "\n\n")
            let end = edits.lineEnd(block.endLine)
            if block.options.echo {
                if !text.isEmpty { edits.replace(end..<end, with: "\n\n" + text) }
            } else {
                edits.replace(edits.lineStart(block.fenceLine)..<end, with: text)
            }
        }
        return edits.applied()
    }

    /// The Markdown form of one output.
    public static func markdown(_ output: Output, _ format: NumberFormat) -> String {
        switch output {
        case .text(let s): return fenced(s)
        case .scalar(let d): return fenced(format.scalar(d))
        case .integer(let i): return fenced(String(i))
        case .tensor(let shape, let values, let kind):
            return fenced(TensorText(format: format).text(shape: shape, values: values, kind: kind) + "\nshape \(shapeText(shape))")
        case .table(let t): return pipeTable(t, format)
        case .summary(let s): return fenced(summaryText(s))
        case .log(let l): return fenced(l.lines.joined(separator: "\n"))
        case .plot(let p): return fenced(AsciiPlot(plot: p).render())
        case .error(let d): return fenced(d.formatted)
        }
    }

    /// A value as literal prose: Markdown's inline punctuation is backslash-escaped and line
    /// breaks become spaces, so no value can open a code span, a fence, a tag, a link, math or
    /// a table cell — the `.md` shows the text the page shows.
    static func prose(_ value: String, atLineStart: Bool) -> String {
        let chars = Array(
            value.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
                of: "\r", with: " "))
        var out = ""
        for (i, c) in chars.enumerated() {
            let wordBefore = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            let escape: Bool
            switch c {
            case "\\", "`", "*", "<", "&", "|", "$", "~": escape = true
            // Only `](`, `][` and `]:` make a link; `[0.1, 0.2]` stays as it is.
            case "]": escape = next == "(" || next == "[" || next == ":"
            // An underscore after a letter (`val_loss`, `class_`) cannot open emphasis.
            case "_": escape = !wordBefore
            case "#", "-", "+", "=", ">": escape = atLineStart && i == 0
            case ".", ")": escape = atLineStart && i > 0 && chars[..<i].allSatisfy(\.isNumber)
            default: escape = false
            }
            if escape { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A `text` fence long enough not to be closed by the content.
    static func fenced(_ content: String) -> String {
        var fence = "```"
        while content.contains(fence) { fence += "`" }
        return fence + "text\n" + content + "\n" + fence
    }

    static func cellText(_ column: [Cell], _ format: NumberFormat) -> [String] {
        let numbers = column.compactMap { c -> Double? in
            if case .number(let d) = c { return d }
            return nil
        }
        var formatted = format.column(numbers, integralDot: false)[...]
        return column.map { c in
            switch c {
            case .number: return formatted.popFirst() ?? ""
            case .integer(let i): return String(i)
            case .text(let s): return s
            }
        }
    }

    static func pipeTable(_ t: Table, _ format: NumberFormat) -> String {
        let columns = t.columns.indices.map { j in cellText(t.rows.map { $0[j] }, format) }
        let numeric = t.columns.indices.map { j in t.rows.allSatisfy { if case .text = $0[j] { false } else { true } } }
        func escape(_ s: String) -> String { prose(s, atLineStart: false) }
        let widths = t.columns.indices.map { j in max(3, ([t.columns[j]] + columns[j]).map { escape($0).count }.max() ?? 3) }
        func row(_ cells: [String]) -> String {
            "| "
                + cells.enumerated().map { j, c in
                    let e = escape(c)
                    let pad = String(repeating: " ", count: widths[j] - e.count)
                    return numeric[j] ? pad + e : e + pad
                }.joined(separator: " | ") + " |"
        }
        var lines = [row(t.columns)]
        lines.append(
            "|"
                + widths.enumerated().map { j, w in
                    numeric[j] ? " " + String(repeating: "-", count: w - 1) + ": " : " " + String(repeating: "-", count: w) + " "
                }.joined(separator: "|") + "|")
        for r in t.rows.indices { lines.append(row(columns.map { $0[r] })) }
        return lines.joined(separator: "\n")
    }

    /// Keras's box-drawn summary.
    static func summaryText(_ s: ModelSummary) -> String {
        let widths = s.columns.indices.map { j in ([s.columns[j]] + s.rows.map { $0[j] }).map(\.count).max()! + 2 }
        func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
            l + widths.map { String(repeating: fill, count: $0) }.joined(separator: m) + r
        }
        func row(_ cells: [String], _ sep: String) -> String {
            sep
                + cells.enumerated().map { j, c in
                    let pad = String(repeating: " ", count: widths[j] - c.count - 1)
                    return j == 2 ? pad + c + " " : " " + c + pad
                }.joined(separator: sep) + sep
        }
        var out = [s.title, line("┏", "┳", "┓", "━"), row(s.columns, "┃"), line("┡", "╇", "┩", "━")]
        for (i, r) in s.rows.enumerated() {
            out.append(row(r, "│"))
            out.append(i == s.rows.count - 1 ? line("└", "┴", "┘", "─") : line("├", "┼", "┤", "─"))
        }
        if s.rows.isEmpty { out.append(line("└", "┴", "┘", "─")) }
        out += s.totals.map { " " + $0 }
        return out.joined(separator: "\n")
    }
}
