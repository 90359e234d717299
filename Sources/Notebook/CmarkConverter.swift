import CCmarkGFM
import Foundation

/// The only place that touches cmark-gfm's C API: parsing with the GFM extensions attached,
/// reading code blocks with their source lines, and rendering HTML.
///
/// Every C object is freed before returning; callers get immutable Swift values.
enum CmarkConverter {
    /// A fenced or indented code block as cmark sees it.
    struct RawCodeBlock: Equatable {
        var info: String
        var literal: String
        var startLine: Int
        var endLine: Int
        var startColumn: Int
        var isFenced: Bool
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm is not thread-safe with extensions: registering them fills a global registry,
    /// and processing inlines adds the extensions' characters (like `~`) to a global table and
    /// removes them afterwards (standardese/standardese#199 describes it). Lectures render on
    /// several threads, so every use of the library holds this lock; a parse takes
    /// milliseconds. Without it a lecture could now and then lose its strikethrough.
    private static let lock = NSLock()

    /// Parses `markdown` and hands the document node to `body`, freeing everything afterwards.
    private static func withDocument<T>(
        _ markdown: String, options: Int32, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T
    ) -> T {
        lock.lock()
        defer { lock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) { cmark_parser_feed(parser, $0, buf.count) }
        }
        if bytes.isEmpty { bytes = [] }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }

    /// Every code block, in document order, with 1-based line numbers.
    static func codeBlocks(_ markdown: String) -> [RawCodeBlock] {
        withDocument(markdown, options: CMARK_OPT_DEFAULT) { document, _ in
            var blocks: [RawCodeBlock] = []
            let iter = cmark_iter_new(document)
            defer { cmark_iter_free(iter) }
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                    cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
                else { continue }
                var length: Int32 = 0
                var offset: Int32 = 0
                var character: CChar = 0
                let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
                blocks.append(
                    RawCodeBlock(
                        info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                        literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                        startLine: Int(cmark_node_get_start_line(node)),
                        endLine: Int(cmark_node_get_end_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        isFenced: fenced))
            }
            return blocks
        }
    }

    /// GitHub-flavoured HTML for `markdown`. Raw HTML of the author's passes through.
    static func html(_ markdown: String) -> String { html(markdown, hooks: HTMLHooks()).html }

    /// How the page's tree is changed before it becomes HTML.
    struct HTMLHooks {
        /// A link's or image's new URL, given the URL, whether it is an image, and its line.
        var link: (_ url: String, _ isImage: Bool, _ line: Int) -> String = { url, _, _ in url }
        /// HTML for a fenced code block (info string, code), or nil to keep cmark's.
        var code: (_ info: String, _ literal: String) -> String? = { _, _ in nil }
        /// The callout a `LECTERNCALLOUTnZ` token at the start of a blockquote stands for.
        var callout: (_ index: Int) -> CalloutMark? = { _ in nil }
    }

    struct HTMLResult {
        var html: String
        /// The text of the first few top-level paragraphs, and of every heading, paragraph and
        /// code block.
        var paragraphs: [String]
        var text: String
    }

    private static let htmlOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// HTML for `markdown` with links rewritten, code highlighted and callouts made boxes: the
    /// tree is changed node by node (never the HTML text) and then rendered once.
    static func html(_ markdown: String, hooks: HTMLHooks) -> HTMLResult {
        withDocument(markdown, options: htmlOptions) { document, extensions in
            var links: [OpaquePointer] = []
            var codes: [OpaquePointer] = []
            var quotes: [OpaquePointer] = []
            var paragraphs: [String] = []
            var text = ""
            let iter = cmark_iter_new(document)
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_CODE_BLOCK: codes.append(node)
                case CMARK_NODE_BLOCK_QUOTE: quotes.append(node)
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    let plain = plainText(node)
                    text += plain + "\n"
                    if paragraphs.count < 8, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                        cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT
                    {
                        paragraphs.append(plain)
                    }
                case CMARK_NODE_HTML_BLOCK: text += (cmark_node_get_literal(node).map { String(cString: $0) } ?? "") + "\n"
                default: break
                }
            }
            cmark_iter_free(iter)
            for node in codes {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                text += literal
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                if let replaced = hooks.code(info, literal) { replace(node, withHTML: replaced) }
            }
            for node in links {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let rewritten = hooks.link(url, cmark_node_get_type(node) == CMARK_NODE_IMAGE, line(of: node))
                if rewritten != url { cmark_node_set_url(node, rewritten) }
            }
            for node in quotes { makeCallout(node, hooks: hooks, extensions: extensions) }
            guard let cString = cmark_render_html(document, htmlOptions, extensions) else {
                return HTMLResult(html: "", paragraphs: paragraphs, text: text)
            }
            defer { free(cString) }
            return HTMLResult(html: String(cString: cString), paragraphs: paragraphs, text: text)
        }
    }

    /// The node's line, else its nearest ancestor's (cmark gives some inlines no position).
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }

    /// The text of the node's inlines, with code spans and a space for each line break.
    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            case CMARK_NODE_HTML_INLINE: break
            default: out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    private static func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }

    /// A blockquote that opens with a callout token becomes a `<div>` (or, foldable, a
    /// `<details>`) whose title is the rest of the first line.
    private static func makeCallout(_ quote: OpaquePointer, hooks: HTMLHooks, extensions: UnsafeMutablePointer<cmark_llist>?) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first).map({ String(cString: $0) }), literal.hasPrefix("LECTERNCALLOUT")
        else { return }
        let digits = literal.dropFirst("LECTERNCALLOUT".count).prefix { $0.isNumber }
        guard let index = Int(digits), let mark = hooks.callout(index) else { return }
        let rest = literal.dropFirst("LECTERNCALLOUT".count + digits.count + 1).drop { $0 == " " }
        // The title: the first line's inlines, rendered on their own.
        // (cmark's renderer reads a paragraph's parent, so the title gets a document of its own.)
        let titleDocument = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(titleDocument) }
        let title = cmark_node_new(CMARK_NODE_PARAGRAPH)!
        cmark_node_append_child(titleDocument, title)
        cmark_node_set_literal(first, String(rest))
        var node: OpaquePointer? = first
        while let n = node {
            let type = cmark_node_get_type(n)
            node = cmark_node_next(n)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                cmark_node_free(n)
                break
            }
            cmark_node_append_child(title, n)
        }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        var titleHTML = ""
        if let cString = cmark_render_html(titleDocument, htmlOptions, extensions) {
            titleHTML = String(cString: cString)
            free(cString)
        }
        if titleHTML.hasPrefix("<p>") && titleHTML.hasSuffix("</p>\n") { titleHTML = String(titleHTML.dropFirst(3).dropLast(5)) }
        if titleHTML.allSatisfy(\.isWhitespace) { titleHTML = mark.kind.prefix(1).uppercased() + mark.kind.dropFirst() }
        let kind = mark.kind.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        if mark.foldable {
            cmark_node_set_on_enter(
                box,
                "<details class=\"callout callout-\(kind)\"\(mark.open ? " open" : "")><summary class=\"callout-title\">\(titleHTML)</summary>"
            )
            cmark_node_set_on_exit(box, "</details>")
        } else {
            cmark_node_set_on_enter(box, "<div class=\"callout callout-\(kind)\"><p class=\"callout-title\">\(titleHTML)</p>")
            cmark_node_set_on_exit(box, "</div>")
        }
        while let child = cmark_node_first_child(quote) { cmark_node_append_child(box, child) }
        cmark_node_insert_before(quote, box)
        cmark_node_free(quote)
    }

    /// An indented dump of the node tree with source positions, for golden tests.
    static func treeDump(_ markdown: String) -> String {
        withDocument(markdown, options: CMARK_OPT_DEFAULT) { document, _ in
            var out = ""
            var depth = 0
            let iter = cmark_iter_new(document)
            defer { cmark_iter_free(iter) }
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iter) else { continue }
                if event == CMARK_EVENT_EXIT {
                    depth -= 1
                    continue
                }
                let type = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "?"
                var line = String(repeating: "  ", count: depth) + type
                if cmark_node_get_start_line(node) > 0 {
                    line += " [\(cmark_node_get_start_line(node)):\(cmark_node_get_start_column(node))-\(cmark_node_get_end_line(node))]"
                }
                if let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }), !info.isEmpty { line += " info=\(info)" }
                if let literal = cmark_node_get_literal(node).map({ String(cString: $0) }), !literal.isEmpty {
                    line += " " + literal.debugDescription
                }
                out += line + "\n"
                if !isLeaf(node) { depth += 1 }
            }
            return out
        }
    }

    /// Leaf nodes get only an ENTER event from the iterator, containers ENTER and EXIT.
    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        let t = cmark_node_get_type(node)
        return [
            CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_TEXT,
            CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
        ].contains(t)
    }
}
