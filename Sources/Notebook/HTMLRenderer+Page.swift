/// The frame around a lecture: `<head>`, the course header with search, the navigation of all
/// lectures, the table of contents and the pager.
extension HTMLRenderer {
    struct Heading {
        var level: Int
        var id: String
        /// The heading as plain text (math as TeX), for `<title>`.
        var text: String
        /// The heading's HTML without links, for the table of contents (math stays typeset).
        var html: String
    }

    /// A heading's anchor: lower case letters and digits, other runs as one `-`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                slug.append(c)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        let trimmed = slug.trimming("-")
        return trimmed.isEmpty ? "section" : trimmed
    }

    /// Gives every heading a stable id and collects the table of contents.
    static func anchorHeadings(_ html: String) -> (String, [Heading]) {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
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
            let inner = String(after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound])
            let plain = stripTags(inner)
            let slug = slug(plain)
            var unique = slug
            var n = 1
            while used.contains(unique) {
                unique = "\(slug)-\(n)"
                n += 1
            }
            used.insert(unique)
            toc.append(Heading(level: level, id: unique, text: plain, html: withoutLinks(inner)))
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

    /// Our own heading HTML minus `<a …>` and `</a>`, since a TOC entry is itself a link.
    static func withoutLinks(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tag = rest[open...]
            guard tag.hasPrefix("<a ") || tag.hasPrefix("<a>") || tag.hasPrefix("</a>"), let close = tag.firstIndex(of: ">") else {
                out.append("<")
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The start of every page of the site, up to and including `<body>`.
    public static func head(
        title: String, assetsPrefix p: String, math: Bool = true, description: String? = nil, siteName: String? = nil,
        scripts: [String] = []
    ) -> String {
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Lectern">
            <title>\(escapeHTML(title))</title>

            """
        if let description, !description.isEmpty { s += "<meta name=\"description\" content=\"\(escapeHTML(description))\">\n" }
        if let siteName { s += "<meta property=\"og:site_name\" content=\"\(escapeHTML(siteName))\">\n" }
        if math { s += "<link rel=\"stylesheet\" href=\"\(p)katex/katex.min.css\">\n" }
        s += "<link rel=\"stylesheet\" href=\"\(p)lectern.css\">\n"
        if math { s += "<script defer src=\"\(p)katex/katex.min.js\"></script>\n" }
        for script in scripts { s += "<script defer src=\"\(p)\(script)\"></script>\n" }
        s += "<script defer src=\"\(p)lectern.js\"></script>\n"
        return s + "</head>\n<body>\n\n"
    }

    /// The course header: a menu button for phones, the course's name and a search box.
    public static func header(courseTitle: String, rootPrefix: String, search: Bool) -> String {
        var s = "<input type=\"checkbox\" id=\"nav-toggle\" class=\"nav-toggle\" aria-hidden=\"true\">\n<header class=\"site\">"
        s += "<label for=\"nav-toggle\" class=\"menu-button\" title=\"Lectures\">☰</label>"
        s += "<a class=\"course\" href=\"\(rootPrefix)index.html\">\(escapeHTML(courseTitle))</a>"
        if search {
            s += "<form class=\"search\" action=\"\(rootPrefix)search.html\" role=\"search\">"
            s += "<input type=\"search\" name=\"q\" placeholder=\"Search\" aria-label=\"Search the course\"></form>"
        }
        return s + "</header>\n"
    }

    /// Every lecture of the course, the current one marked.
    public static func lectureList(_ site: SiteContext, rootPrefix: String, current: String?) -> String {
        var s = "<nav class=\"site-nav\" aria-label=\"Lectures\"><ol>\n"
        for lecture in site.lectures {
            let mark = lecture.path == current ? " aria-current=\"page\"" : ""
            s += "<li><a href=\"\(escapeHTML(rootPrefix + lecture.page))\"\(mark)>\(escapeHTML(lecture.title))</a></li>\n"
        }
        return s + "</ol></nav>\n"
    }

    func page(title: String, document doc: Document, body: String, toc: [Heading], highlighter: Bool) -> String {
        let root = String(repeating: "../", count: doc.path.split(separator: "/").count - 1)
        let current = site.lectures.firstIndex { $0.path == doc.path }
        let pageTitle = site.lectures.isEmpty ? title : "\(title) · \(site.title)"
        var s = HTMLRenderer.head(
            title: pageTitle, assetsPrefix: assetsPrefix, description: site.description, siteName: site.lectures.isEmpty ? nil : site.title,
            scripts: highlighter ? ["highlight/highlight.min.js"] : [])
        if !site.lectures.isEmpty {
            s += HTMLRenderer.header(courseTitle: site.title, rootPrefix: root, search: site.hasIndex)
        } else if let index = navigation.index {
            s += "<header class=\"site\"><a href=\"\(escapeHTML(index))\">← All lectures</a></header>\n"
        }
        s += "<div class=\"layout\">\n"
        if !site.lectures.isEmpty { s += HTMLRenderer.lectureList(site, rootPrefix: root, current: doc.path) }
        s += "<main>\n<article>\n"
        let tags = doc.tags
        if !tags.isEmpty {
            s += "<p class=\"tags\">" + tags.map { tagHTML($0, root: root) }.joined(separator: " ") + "</p>\n"
        }
        s += body
        s += "</article>\n"
        var previous = navigation.previous
        var next = navigation.next
        if let current {
            previous = current > 0 ? (site.lectures[current - 1].title, root + site.lectures[current - 1].page) : nil
            next = current + 1 < site.lectures.count ? (site.lectures[current + 1].title, root + site.lectures[current + 1].page) : nil
        }
        if previous != nil || next != nil {
            s += "<nav class=\"pager\">"
            if let prev = previous {
                s += "<a class=\"prev\" rel=\"prev\" href=\"\(escapeHTML(prev.href))\">← \(escapeHTML(prev.title))</a>"
            }
            if let next { s += "<a class=\"next\" rel=\"next\" href=\"\(escapeHTML(next.href))\">\(escapeHTML(next.title)) →</a>" }
            s += "</nav>\n"
        }
        s += HTMLRenderer.downloads(stem: String(String(doc.path.split(separator: "/").last ?? "").dropLast(3)))
        s += "</main>\n"
        let entries = toc.filter { $0.level == 2 || $0.level == 3 }
        if !entries.isEmpty {
            s += "<nav class=\"toc\" aria-label=\"Contents\"><p>Contents</p><ul>\n"
            for h in entries { s += "<li class=\"l\(h.level)\"><a href=\"#\(h.id)\">\(h.html)</a></li>\n" }
            s += "</ul></nav>\n"
        }
        s += "</div>\n</body>\n</html>\n"
        return s
    }

    /// Links to the lecture's source and its notebook, which `render` writes beside the page
    /// (relative, so they work from `file://` and on any host).
    static func downloads(stem: String) -> String {
        let stem = escapeHTML(stem)
        return "<p class=\"source\">Download: <a class=\"download\" href=\"\(stem).md\" download>Markdown source</a>"
            + " <a class=\"download\" href=\"\(stem).ipynb\" download title=\"Open in Jupyter or Colab\">Jupyter notebook (.ipynb)</a></p>\n"
    }

    func tagHTML(_ tag: String, root: String) -> String {
        guard site.hasIndex else { return "<span class=\"tag\">\(escapeHTML(tag))</span>" }
        return "<a class=\"tag\" href=\"\(root)tags/\(tagSlug(tag)).html\">\(escapeHTML(tag))</a>"
    }
}
