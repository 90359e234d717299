import Foundation

/// Resolves one page's links against the course: a link to a lecture's `.md` points at its
/// page, a course file it names is collected to be copied beside the page, and a target that
/// does not exist is a warning at the author's `file:line`.
final class PageLinks {
    let site: SiteContext
    let document: Document
    private(set) var warnings: [Diagnostic] = []
    private(set) var assets: Set<String> = []

    init(site: SiteContext, document: Document) {
        self.site = site
        self.document = document
    }

    /// `../` once for each folder between the page and the site's root.
    var rootPrefix: String { String(repeating: "../", count: document.path.split(separator: "/").count - 1) }

    /// Without a course (a page rendered on its own) links are rewritten but not checked.
    private var knowsCourse: Bool { !site.lectures.isEmpty }

    /// The source's lines, split once (a page can have thousands of warnings).
    private lazy var lines = document.lines

    func warn(_ line: Int, _ message: String, hint: String? = nil) {
        let text = line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
        warnings.append(
            Diagnostic(
                file: document.path, location: SourceLocation(line: line, column: 1), message: message, hint: hint, sourceLine: text))
    }

    /// The course path `relative` names from this page, or nil when it leaves the course.
    func coursePath(_ relative: String) -> String? {
        var parts = document.path.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The URL a Markdown link or image should have in HTML.
    func url(_ url: String, isImage: Bool, line: Int) -> String {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/"), !PageLinks.hasScheme(url) else { return url }
        let pathEnd = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        let rawPath = String(url[..<pathEnd])
        let suffix = String(url[pathEnd...])
        let path = rawPath.removingPercentEncoding ?? rawPath
        let isLecture = path.lowercased().hasSuffix(".md")
        let rewritten = isLecture ? String(rawPath.dropLast(3)) + ".html" + suffix : url
        guard knowsCourse else { return rewritten }
        guard let target = coursePath(path) else {
            warn(line, "link target '\(url)' lies outside the course folder", hint: "keep linked files inside the course")
            return url
        }
        if isLecture {
            if site.lectures.contains(where: { $0.path == target }) { return rewritten }
        } else if site.files.contains(target) {
            assets.insert(target)
            return url
        } else if site.lectures.contains(where: { $0.path.hasPrefix(target + "/") })
            || site.files.contains(where: { $0.hasPrefix(target + "/") })
        {
            return url
        }
        warn(line, "\(isImage ? "image" : "link target") '\(path)' not found")
        return rewritten
    }

    /// `http:`, `mailto:` and the like: a scheme before any `/`.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    // MARK: - Wikilinks

    /// HTML for `[[…]]`, `![[image]]` or `![[Note]]`; `embedNote` renders another lecture's prose.
    func wiki(_ link: WikiLink, embedNote: (SiteContext.Lecture) -> String?) -> TokenSplice.Replacement {
        let label = link.text ?? (link.target.isEmpty ? link.heading ?? "" : link.target + (link.heading.map { " › " + $0 } ?? ""))
        let anchor = link.heading.map { "#" + HTMLRenderer.slug($0) } ?? ""
        if link.target.isEmpty { return .init(text: "<a class=\"wikilink\" href=\"\(escapeHTML(anchor))\">\(escapeHTML(label))</a>") }
        if let lecture = site.lecture(named: link.target) {
            if link.embed, let html = embedNote(lecture) {
                return .init(text: "<div class=\"embed\" data-source=\"\(escapeHTML(lecture.path))\">\n\(html)</div>\n", isBlock: true)
            }
            let href = rootPrefix + lecture.page + anchor
            let text = link.text ?? lecture.title + (link.heading.map { " › " + $0 } ?? "")
            return .init(text: "<a class=\"wikilink\" href=\"\(escapeHTML(href))\">\(escapeHTML(text))</a>")
        }
        if let file = site.file(named: link.target) {
            assets.insert(file)
            let href = escapeHTML(rootPrefix + file)
            if link.embed && PageLinks.isImage(file) {
                return .init(text: "<img class=\"embed\" src=\"\(href)\" alt=\"\(escapeHTML(link.text ?? link.target))\">")
            }
            return .init(text: "<a class=\"wikilink\" href=\"\(href)\">\(escapeHTML(label))</a>")
        }
        warn(link.line, "\(link.embed ? "embedded" : "linked") note or file '\(link.target)' not found in the course")
        return .init(text: "<span class=\"wikilink missing\">\(escapeHTML(label))</span>")
    }

    static func isImage(_ path: String) -> Bool {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp"].contains(ext)
    }
}
