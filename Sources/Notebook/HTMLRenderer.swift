import Display

/// Renders an executed lecture as a complete HTML page.
///
/// Prose goes through cmark-gfm; `nn` blocks, inline values and math are swapped for tokens
/// first (so Markdown cannot mangle backslashes or underscores) and put back afterwards.
public struct HTMLRenderer {
    /// Highlights `nn` source; the caller supplies the language's own lexer.
    public var highlight: (String) -> String
    /// The relative path from the page to the site's `assets/` folder, e.g. `../assets/`.
    public var assetsPrefix: String
    /// Links for the site navigation: the index and the neighbouring lectures.
    public var navigation: Navigation

    public struct Navigation: Sendable {
        public var index: String?
        public var previous: (title: String, href: String)?
        public var next: (title: String, href: String)?
        public init(index: String? = nil, previous: (String, String)? = nil, next: (String, String)? = nil) {
            self.index = index
            self.previous = previous.map { (title: $0.0, href: $0.1) }
            self.next = next.map { (title: $0.0, href: $0.1) }
        }
    }

    public init(highlight: @escaping (String) -> String, assetsPrefix: String, navigation: Navigation = Navigation()) {
        self.highlight = highlight
        self.assetsPrefix = assetsPrefix
        self.navigation = navigation
    }

    /// The course around the page: navigation, wikilinks, link checks, tag pages.
    public var site = SiteContext()

    /// The page as HTML (see `renderPage` for what else the site needs).
    public func render(_ executed: ExecutedDocument) -> String { renderPage(executed).html }

    // MARK: Cells and outputs

    func blockHTML(_ block: CodeBlock, _ outputs: [Output], _ format: NumberFormat) -> String {
        var s = "<section class=\"nn-cell\"" + (block.options.label.map { " id=\"\(escapeHTML($0))\"" } ?? "") + ">\n"
        if block.options.echo {
            s += "<pre class=\"nn-code\"><code>" + highlight(block.code) + "</code></pre>\n"
        }
        let shown = block.options.output ? outputs : outputs.filter { if case .error = $0 { true } else { false } }
        if !shown.isEmpty {
            s += "<div class=\"nn-outputs\">\n" + shown.map { HTMLRenderer.html($0, format) }.joined(separator: "\n") + "\n</div>\n"
        }
        return s + "</section>\n"
    }

    public static func html(_ output: Output, _ format: NumberFormat) -> String {
        switch output {
        case .text(let t): return "<pre class=\"nn-out\">\(escapeHTML(t))</pre>"
        case .scalar(let d): return "<pre class=\"nn-out nn-scalar\">\(escapeHTML(format.scalar(d)))</pre>"
        case .integer(let i): return "<pre class=\"nn-out nn-scalar\">\(i)</pre>"
        case .tensor(let shape, let values, let kind): return tensorHTML(shape, values, kind, format)
        case .table(let t): return tableHTML(t, format)
        case .summary(let s):
            var h = "<table class=\"nn-summary\"><caption>\(escapeHTML(s.title))</caption><thead><tr>"
            h +=
                s.columns.enumerated().map { "<th\($0.offset == 2 ? " class=\"num\"" : "")>\(escapeHTML($0.element))</th>" }.joined()
                + "</tr></thead><tbody>"
            for r in s.rows {
                h +=
                    "<tr>" + r.enumerated().map { "<td\($0.offset == 2 ? " class=\"num\"" : "")>\(escapeHTML($0.element))</td>" }.joined()
                    + "</tr>"
            }
            h +=
                "</tbody><tfoot>" + s.totals.map { "<tr><td colspan=\"\(s.columns.count)\">\(escapeHTML($0))</td></tr>" }.joined()
                + "</tfoot></table>"
            return h
        case .log(let l):
            let what = l.epochs > 0 ? "Training log · \(l.epochs) epoch\(l.epochs == 1 ? "" : "s")" : "Evaluation"
            return
                "<details class=\"nn-log\" open><summary>\(what)</summary><pre>\(escapeHTML(l.lines.joined(separator: "\n")))</pre></details>"
        case .plot(let p): return "<figure class=\"nn-figure\">" + SVGPlot(plot: p).render() + "</figure>"
        case .error(let d): return "<div class=\"nn-error\" role=\"alert\"><pre>\(escapeHTML(d.formatted))</pre></div>"
        }
    }

    /// Small tensors as a KaTeX matrix, large ones as a table; both with their shape.
    static func tensorHTML(_ shape: [Int], _ values: [Double], _ kind: ElementKind, _ format: NumberFormat) -> String {
        let caption = "<div class=\"nn-shape\">shape \(shapeText(shape))</div>"
        let text = TensorText(format: format)
        if shape.count <= 2 {
            let rows = shape.count == 2 ? shape[0] : 1
            let cols = shape.last ?? 1
            let small = rows <= 10 && cols <= 10
            // Only the cells on show are formatted (a million-element array shows 49), and they
            // alone set the column's decimals, as numpy's summarised print does.
            let shownRows = text.shown(rows).compactMap { $0 }
            let shownCols = text.shown(cols).compactMap { $0 }
            let indices = small ? Array(0..<(rows * cols)) : shownRows.flatMap { r in shownCols.map { r * cols + $0 } }
            let picked = indices.map { values[$0] }
            let formatted = kind == .float64 || kind == .float32 ? format.column(picked) : picked.map { ElementFormat.plainText($0, kind) }
            var cells: [Int: String] = [:]
            for (i, cell) in zip(indices, formatted) { cells[i] = cell }
            if small {
                let tex =
                    "\\begin{bmatrix}"
                    + (0..<rows).map { r in (0..<cols).map { cells[r * cols + $0] ?? "" }.joined(separator: " & ") }.joined(
                        separator: " \\\\ ")
                    + "\\end{bmatrix}"
                return "<div class=\"nn-tensor\"><span class=\"math display\">\(escapeHTML(tex))</span>\(caption)</div>"
            }
            var h = "<div class=\"nn-tensor\"><table class=\"nn-matrix\"><tbody>"
            for r in text.shown(rows) {
                h +=
                    "<tr>"
                    + text.shown(cols).map { c in
                        guard let r, let c else { return "<td class=\"num\">…</td>" }
                        return "<td class=\"num\">\(cells[r * cols + c] ?? "")</td>"
                    }.joined() + "</tr>"
            }
            return h + "</tbody></table>\(caption)</div>"
        }
        return
            "<div class=\"nn-tensor\"><pre class=\"nn-out\">\(escapeHTML(text.text(shape: shape, values: values, kind: kind)))</pre>\(caption)</div>"
    }

    static func tableHTML(_ t: Table, _ format: NumberFormat) -> String {
        let columns = t.columns.indices.map { j in MarkdownRenderer.cellText(t.rows.map { $0[j] }, format) }
        let numeric = t.columns.indices.map { j in t.rows.allSatisfy { if case .text = $0[j] { false } else { true } } }
        var h = "<table class=\"nn-table\"><thead><tr>"
        h += t.columns.enumerated().map { "<th\(numeric[$0.offset] ? " class=\"num\"" : "")>\(escapeHTML($0.element))</th>" }.joined()
        h += "</tr></thead><tbody>"
        for r in t.rows.indices {
            h +=
                "<tr>" + t.columns.indices.map { "<td\(numeric[$0] ? " class=\"num\"" : "")>\(escapeHTML(columns[$0][r]))</td>" }.joined()
                + "</tr>"
        }
        return h + "</tbody></table>"
    }
}
