import Foundation
import Notebook

extension PageFacts {
    init(_ page: RenderedPage) {
        self.init()
        warnings = page.warnings
        assets = page.assets
        summary = page.summary
        searchText = page.searchText
    }
}

/// The course's own pages, written after the lectures: the home page, one page per tag, the
/// search page and its index, `404.html`, `.nojekyll` and (with a `base_url`) `sitemap.xml`.
public enum SitePages {
    /// Writes every course page for a folder build; lecture files' assets are copied always.
    public static func write(_ results: [DocumentResult], course: Course, folderBuild: Bool, into out: URL) throws(BuildError) {
        try copyAssets(results, into: out)
        guard folderBuild, let first = results.first else { return }
        let site = course.site(for: first.source)
        let ours = results.filter { $0.source.root == first.source.root }
        try Write.atomically(home(ours, site: site, config: course.config), to: out.appendingPathComponent("index.html"))
        for (tag, lectures) in tags(ours) {
            try Write.atomically(
                tagPage(tag, lectures, site: site), to: out.appendingPathComponent("tags/\(tagSlug(tag)).html"))
        }
        try Write.atomically(searchIndex(ours), to: out.appendingPathComponent("assets/search-index.js"))
        try Write.atomically(searchPage(site), to: out.appendingPathComponent("search.html"))
        try Write.atomically(notFoundPage(site), to: out.appendingPathComponent("404.html"))
        try Write.atomically("", to: out.appendingPathComponent(".nojekyll"))
        if let base = course.config.baseURL {
            try Write.atomically(sitemap(ours, base: base), to: out.appendingPathComponent("sitemap.xml"))
        }
    }

    /// Copies every course file a lecture references to the same place in the output tree.
    static func copyAssets(_ results: [DocumentResult], into out: URL) throws(BuildError) {
        for r in results {
            for asset in r.page.assets {
                let source = r.source.root.appendingPathComponent(asset)
                guard let data = FileManager.default.contents(atPath: source.path) else { continue }
                try Write.data(data, to: out.appendingPathComponent(asset))
            }
        }
    }

    /// Tags in first-seen order, each with its lectures.
    static func tags(_ results: [DocumentResult]) -> [(String, [DocumentResult])] {
        var order: [String] = []
        var byTag: [String: [DocumentResult]] = [:]
        for r in results {
            for tag in r.tags {
                let key = tagSlug(tag)
                if byTag[key] == nil { order.append(tag) }
                byTag[key, default: []].append(r)
            }
        }
        return order.map { ($0, byTag[tagSlug($0)]!) }
    }

    static func href(_ r: DocumentResult) -> String { String(r.source.relativePath.dropLast(3)) + ".html" }

    /// A page of the course frame (header, lecture navigation) around `main`.
    static func frame(title: String, site: SiteContext, root: String, main: String, scripts: [String] = []) -> String {
        HTMLRenderer.head(
            title: title, assetsPrefix: root + "assets/", math: false, description: site.description, siteName: site.title,
            scripts: scripts)
            + HTMLRenderer.header(courseTitle: site.title, rootPrefix: root, search: true)
            + "<div class=\"layout\">\n" + HTMLRenderer.lectureList(site, rootPrefix: root, current: nil)
            + "<main>\n" + main + "</main>\n</div>\n</body>\n</html>\n"
    }

    static func lectureItems(_ results: [DocumentResult], root: String) -> String {
        var items = "<ol class=\"lectures\">\n"
        for r in results {
            let status =
                r.failures.isEmpty ? "" : "<span class=\"status\">\(r.failures.count) failure\(r.failures.count == 1 ? "" : "s")</span>"
            items += "<li><a href=\"\(escapeHTML(root + href(r)))\">\(escapeHTML(r.title))</a>\(status)"
            if !r.page.summary.isEmpty { items += "<p class=\"summary\">\(escapeHTML(r.page.summary))</p>" }
            if !r.tags.isEmpty {
                items +=
                    "<p class=\"tags\">"
                    + r.tags.map { "<a class=\"tag\" href=\"\(root)tags/\(tagSlug($0)).html\">\(escapeHTML($0))</a>" }.joined(
                        separator: " ")
                    + "</p>"
            }
            items += "</li>\n"
        }
        return items + "</ol>\n"
    }

    static func home(_ results: [DocumentResult], site: SiteContext, config: CourseConfig) -> String {
        var main = "<h1>\(escapeHTML(site.title))</h1>\n"
        if let d = config.description { main += "<p class=\"description\">\(escapeHTML(d))</p>\n" }
        if let a = config.author { main += "<p class=\"author\">\(escapeHTML(a))</p>\n" }
        main += lectureItems(results, root: "")
        return frame(title: site.title, site: site, root: "", main: main)
    }

    static func tagPage(_ tag: String, _ results: [DocumentResult], site: SiteContext) -> String {
        let main = "<h1>Tag: \(escapeHTML(tag))</h1>\n" + lectureItems(results, root: "../")
        return frame(title: "\(tag) · \(site.title)", site: site, root: "../", main: main)
    }

    static func searchPage(_ site: SiteContext) -> String {
        let main =
            "<h1>Search</h1>\n<p id=\"search-summary\">Type a word into the search box.</p>\n"
            + "<ol id=\"search-results\" class=\"search-results\"></ol>\n"
        return frame(title: "Search · \(site.title)", site: site, root: "", main: main, scripts: ["lunr/lunr.min.js", "search-index.js"])
    }

    static func notFoundPage(_ site: SiteContext) -> String {
        frame(
            title: "Page not found · \(site.title)", site: site, root: "",
            main:
                "<h1>Page not found</h1>\n<p>This page does not exist. The lectures are listed on the <a href=\"index.html\">course page</a>.</p>\n"
        )
    }

    /// The search documents as a script (not JSON), so search works from `file://` too.
    static func searchIndex(_ results: [DocumentResult]) -> String {
        var s = "var LECTERN_SEARCH = [\n"
        for r in results {
            s += "{\"title\":\(json(r.title)),\"href\":\(json(href(r))),\"tags\":[\(r.tags.map(json).joined(separator: ","))],"
            s += "\"text\":\(json(r.page.searchText))},\n"
        }
        return s + "];\n"
    }

    static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func sitemap(_ results: [DocumentResult], base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in ["index.html"] + results.map(href) { s += "<url><loc>\(escapeHTML(prefix + page))</loc></url>\n" }
        return s + "</urlset>\n"
    }
}
