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
    static func html(_ markdown: String) -> String {
        withDocument(markdown, options: CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES) { document, extensions in
            guard let cString = cmark_render_html(document, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES, extensions) else { return "" }
            defer { free(cString) }
            return String(cString: cString)
        }
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
