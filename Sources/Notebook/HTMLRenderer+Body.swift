/// The body of a page: the author's prose through cmark, with cells, values, math and note
/// marks swapped for tokens first (so Markdown cannot mangle them) and spliced back in one pass.
extension HTMLRenderer {
    struct Body {
        var html: String
        var warnings: [Diagnostic]
        var assets: [String]
        var paragraphs: [String]
        var text: String
        /// The page has fenced code in a language other than Python, for highlight.js.
        var needsHighlighter: Bool
    }

    /// The whole page and what the site needs to know of it.
    public func renderPage(_ executed: ExecutedDocument) -> RenderedPage {
        renderPage(executed.document, cells: cells(executed))
    }

    /// The page of a run whose blocks were rendered already (perhaps by another process, or
    /// read back from the cache), framed by this renderer's course and navigation.
    public func renderPage(_ doc: Document, cells: RenderedCells) -> RenderedPage {
        let body = self.body(doc, cells, embeds: true)
        let (html, toc) = HTMLRenderer.anchorHeadings(body.html)
        let title = doc.frontMatter.title ?? toc.first?.text ?? doc.path
        let plain = { (text: String) in self.plainText(text, doc, cells.inlineValues, tags: true) }
        let summary = body.paragraphs.lazy.map { self.plainText($0, doc, cells.inlineValues, tags: false) }.first { !$0.isEmpty } ?? ""
        var search = plain(body.text)
        for block in doc.blocks where block.options.echo { search += " " + block.code }
        return RenderedPage(
            html: page(title: title, document: doc, body: html, toc: toc, highlighter: body.needsHighlighter),
            warnings: body.warnings, assets: body.assets, tags: doc.tags,
            summary: summary.count > 320 ? String(summary.prefix(317)) + "…" : summary,
            searchText: collapseSpaces(search))
    }

    func body(_ doc: Document, _ cells: RenderedCells, embeds: Bool) -> Body {
        var edits = SourceEdits(doc.source)
        if doc.frontMatter.lineCount > 0 {
            edits.replace(0..<edits.lineEnd(doc.frontMatter.lineCount), with: String(repeating: "\n", count: doc.frontMatter.lineCount - 1))
        }
        for (i, span) in doc.inlines.enumerated() { edits.replace(span.range, with: TokenSplice.token(.inline, i)) }
        let blockMath = doc.math.map { isBlock($0, edits.bytes) }
        for (i, m) in doc.math.enumerated() {
            let token = TokenSplice.token(.math, i)
            // A display formula on lines of its own is a paragraph of its own, so a `---`
            // after it is a rule and not a setext heading underline.
            edits.replace(m.range, with: blockMath[i] ? "\n\n" + indent(before: m.range.lowerBound, edits.bytes) + token + "\n\n" : token)
        }
        for (i, block) in doc.blocks.enumerated() {
            edits.replace(edits.lineStart(block.fenceLine)..<edits.lineEnd(block.endLine), with: "\n" + TokenSplice.token(.block, i) + "\n")
        }
        for (i, link) in doc.notes.links.enumerated() { edits.replace(link.range, with: TokenSplice.token(.wiki, i)) }
        for (i, tag) in doc.notes.tags.enumerated() { edits.replace(tag.range, with: TokenSplice.token(.tag, i)) }
        for (i, callout) in doc.notes.callouts.enumerated() { edits.replace(callout.range, with: TokenSplice.token(.callout, i) + " ") }
        let (markdown, lineMap) = edits.appliedWithLineMap()

        let links = PageLinks(site: site, document: doc)
        var needsHighlighter = false
        var hooks = CmarkConverter.HTMLHooks()
        hooks.link = { url, isImage, line in links.url(url, isImage: isImage, line: line <= lineMap.count ? lineMap[line - 1] : line) }
        hooks.callout = { i in i < doc.notes.callouts.count ? doc.notes.callouts[i] : nil }
        hooks.code = { info, literal in
            let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if ["python", "py", "python3", "nn"].contains(language) {
                return "<pre class=\"code\"><code class=\"language-python\">" + self.highlight(literal) + "</code></pre>\n"
            }
            if !language.isEmpty && !["text", "plain", "output", "txt"].contains(language) { needsHighlighter = true }
            return nil
        }
        let converted = CmarkConverter.html(markdown, hooks: hooks)

        let html = TokenSplice.apply(converted.html) { kind, i in
            switch kind {
            case .block where i < doc.blocks.count && i < cells.blocks.count:
                return .init(text: cells.blocks[i], isBlock: true)
            case .inline where i < doc.inlines.count:
                let value = i < cells.inlineValues.count ? cells.inlineValues[i] : "{nn} " + doc.inlines[i].expression
                return .init(text: "<span class=\"nn-value\">\(escapeHTML(value))</span>")
            case .math where i < doc.math.count:
                let m = doc.math[i]
                if blockMath[i] {
                    return .init(
                        text: "<div class=\"math-block\"><span class=\"math display\">\(escapeHTML(m.tex))</span></div>", isBlock: true)
                }
                return .init(text: "<span class=\"math \(m.display ? "display" : "inline")\">\(escapeHTML(m.tex))</span>")
            case .wiki where i < doc.notes.links.count:
                return links.wiki(doc.notes.links[i]) { lecture in embeds ? self.embeddedHTML(lecture) : nil }
            case .tag where i < doc.notes.tags.count:
                let name = doc.notes.tags[i].name
                guard site.hasIndex else { return .init(text: "<span class=\"tag\">#\(escapeHTML(name))</span>") }
                return .init(text: "<a class=\"tag\" href=\"\(links.rootPrefix)tags/\(tagSlug(name)).html\">#\(escapeHTML(name))</a>")
            case .callout: return .init(text: "")
            default: return nil
            }
        }
        return Body(
            html: html, warnings: links.warnings, assets: links.assets.sorted(), paragraphs: converted.paragraphs, text: converted.text,
            needsHighlighter: needsHighlighter)
    }

    /// Another lecture's prose for a `![[Note]]` embed: its code shown, not run, and no further embeds.
    func embeddedHTML(_ lecture: SiteContext.Lecture) -> String? {
        guard let text = site.text(lecture.path) else { return nil }
        let document = DocumentReader.read(text, path: lecture.path)
        let executed = ExecutedDocument(document: document, blockOutputs: [], inlineValues: [])
        return body(document, cells(executed), embeds: false).html
    }

    /// A display formula is a block when only spaces share its first and last lines.
    func isBlock(_ m: MathSpan, _ bytes: [UInt8]) -> Bool {
        guard m.display, bytes[m.range.lowerBound] == UInt8(ascii: "$") else { return false }
        var i = m.range.lowerBound
        while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") {
            guard bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 else { return false }
            i -= 1
        }
        var j = m.range.upperBound
        while j < bytes.count && bytes[j] != UInt8(ascii: "\n") {
            guard bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D else { return false }
            j += 1
        }
        return true
    }

    /// The spaces before `offset` on its line, so a list item's formula stays in the item.
    func indent(before offset: Int, _ bytes: [UInt8]) -> String {
        var i = offset
        while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return String(decoding: bytes[i..<offset], as: UTF8.self)
    }

    /// Text with tokens as readers see them: math as TeX, values, link labels, tags as `#tag`.
    func plainText(_ text: String, _ doc: Document, _ inlineValues: [String], tags: Bool) -> String {
        let expanded = TokenSplice.apply(text) { kind, i in
            switch kind {
            case .math where i < doc.math.count: return .init(text: doc.math[i].tex)
            case .inline where i < inlineValues.count: return .init(text: inlineValues[i])
            case .wiki where i < doc.notes.links.count:
                let link = doc.notes.links[i]
                return .init(text: link.embed ? "" : link.text ?? site.lecture(named: link.target)?.title ?? link.target)
            case .tag where i < doc.notes.tags.count: return .init(text: tags ? "#" + doc.notes.tags[i].name : "")
            default: return .init(text: "")
            }
        }
        return collapseSpaces(expanded)
    }

    func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
