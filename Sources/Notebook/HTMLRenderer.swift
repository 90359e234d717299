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

    static func token(_ kind: String, _ i: Int) -> String { "LECTERN\(kind)\(i)Z" }

    public func render(_ executed: ExecutedDocument) -> String {
        let doc = executed.document
        var edits = SourceEdits(doc.source)
        if doc.frontMatter.lineCount > 0 {
            edits.replace(0..<edits.lineEnd(doc.frontMatter.lineCount), with: String(repeating: "\n", count: doc.frontMatter.lineCount - 1))
        }
        for (i, span) in doc.inlines.enumerated() { edits.replace(span.range, with: HTMLRenderer.token("INLINE", i)) }
        for (i, m) in doc.math.enumerated() { edits.replace(m.range, with: HTMLRenderer.token("MATH", i)) }
        for (i, block) in doc.blocks.enumerated() {
            edits.replace(
                edits.lineStart(block.fenceLine)..<edits.lineEnd(block.endLine), with: "\n" + HTMLRenderer.token("BLOCK", i) + "\n")
        }
        var html = CmarkConverter.html(edits.applied())

        for (i, block) in doc.blocks.enumerated() {
            let cell = blockHTML(block, executed.blockOutputs[i], executed.format)
            let t = HTMLRenderer.token("BLOCK", i)
            html = html.replacingOccurrences(of: "<p>\(t)</p>", with: cell).replacingOccurrences(of: t, with: cell)
        }
        for (i, value) in executed.inlineValues.enumerated() {
            html = html.replacingOccurrences(
                of: HTMLRenderer.token("INLINE", i), with: "<span class=\"nn-value\">\(escapeHTML(value))</span>")
        }
        for (i, m) in doc.math.enumerated() {
            let t = HTMLRenderer.token("MATH", i)
            let span =
                m.display
                ? "<span class=\"math display\">\(escapeHTML(m.tex))</span>"
                : "<span class=\"math inline\">\(escapeHTML(m.tex))</span>"
            html = html.replacingOccurrences(of: "<p>\(t)</p>", with: "<p>\(span)</p>").replacingOccurrences(of: t, with: span)
        }
        let (body, toc) = HTMLRenderer.anchorHeadings(html)
        return page(title: doc.frontMatter.title ?? toc.first?.title ?? doc.path, tags: doc.frontMatter.tags, body: body, toc: toc)
    }

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
            let cells = kind == .float64 || kind == .float32 ? format.column(values) : values.map { ElementFormat.plainText($0, kind) }
            if rows <= 10 && cols <= 10 {
                let tex =
                    "\\begin{bmatrix}"
                    + (0..<rows).map { r in (0..<cols).map { cells[r * cols + $0] }.joined(separator: " & ") }.joined(separator: " \\\\ ")
                    + "\\end{bmatrix}"
                return "<div class=\"nn-tensor\"><span class=\"math display\">\(escapeHTML(tex))</span>\(caption)</div>"
            }
            var h = "<div class=\"nn-tensor\"><table class=\"nn-matrix\"><tbody>"
            for r in text.shown(rows) {
                h +=
                    "<tr>"
                    + text.shown(cols).map { c in
                        guard let r, let c else { return "<td class=\"num\">…</td>" }
                        return "<td class=\"num\">\(cells[r * cols + c])</td>"
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

    // MARK: Page

    struct Heading {
        var level: Int
        var id: String
        var title: String
    }

    /// Gives every heading a stable id and collects the table of contents.
    static func anchorHeadings(_ html: String) -> (String, [Heading]) {
        var out = ""
        var toc: [Heading] = []
        var used: Set<String> = []
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let level = after.first?.wholeNumberValue, (1...6).contains(level), after.dropFirst().first == ">",
                let close = after.range(of: "</h\(level)>")
            else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            let inner = after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound]
            let plain = stripTags(String(inner))
            var slug = plain.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
            slug = slug.trimming("-")
            if slug.isEmpty { slug = "section" }
            var unique = slug
            var n = 1
            while used.contains(unique) {
                unique = "\(slug)-\(n)"
                n += 1
            }
            used.insert(unique)
            toc.append(Heading(level: level, id: unique, title: plain))
            out += rest[..<open.lowerBound]
            out +=
                "<h\(level) id=\"\(unique)\">\(inner)<a class=\"anchor\" href=\"#\(unique)\" aria-label=\"link to this section\">#</a></h\(level)>"
            rest = after[close.upperBound...]
        }
        out += rest
        return (out, toc)
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
            of: "&gt;", with: ">")
    }

    /// The start of every page of the site, up to and including `<body>`.
    public static func head(title: String, assetsPrefix p: String, math: Bool = true) -> String {
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Lectern">
            <title>\(escapeHTML(title))</title>

            """
        if math { s += "<link rel=\"stylesheet\" href=\"\(p)katex/katex.min.css\">\n" }
        s += "<link rel=\"stylesheet\" href=\"\(p)lectern.css\">\n"
        if math { s += "<script defer src=\"\(p)katex/katex.min.js\"></script>\n<script defer src=\"\(p)lectern.js\"></script>\n" }
        return s + "</head>\n<body>\n\n"
    }

    func page(title: String, tags: [String], body: String, toc: [Heading]) -> String {
        var s = HTMLRenderer.head(title: title, assetsPrefix: assetsPrefix)
        if let index = navigation.index { s += "<header class=\"site\"><a href=\"\(escapeHTML(index))\">← All lectures</a></header>\n" }
        s += "<div class=\"layout\">\n"
        let entries = toc.filter { $0.level == 2 || $0.level == 3 }
        if !entries.isEmpty {
            s += "<nav class=\"toc\" aria-label=\"Contents\"><p>Contents</p><ul>\n"
            for h in entries { s += "<li class=\"l\(h.level)\"><a href=\"#\(h.id)\">\(escapeHTML(h.title))</a></li>\n" }
            s += "</ul></nav>\n"
        }
        s += "<main>\n<article>\n"
        if !tags.isEmpty { s += "<p class=\"tags\">" + tags.map { "<span>\(escapeHTML($0))</span>" }.joined(separator: " ") + "</p>\n" }
        s += body
        s += "</article>\n"
        if navigation.previous != nil || navigation.next != nil {
            s += "<nav class=\"pager\">"
            if let prev = navigation.previous { s += "<a class=\"prev\" href=\"\(escapeHTML(prev.href))\">← \(escapeHTML(prev.title))</a>" }
            if let next = navigation.next { s += "<a class=\"next\" href=\"\(escapeHTML(next.href))\">\(escapeHTML(next.title)) →</a>" }
            s += "</nav>\n"
        }
        s += "</main>\n</div>\n</body>\n</html>\n"
        return s
    }
}
