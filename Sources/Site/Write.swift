import Foundation
import Notebook

/// Steps 3–5: write each lecture's files, the assets, and the index; every write is atomic.
public enum Write {
    /// Writes `text` via a temporary file in the same folder and a rename, so an interrupted run
    /// leaves the previous file intact. An unchanged file is left alone.
    public static func atomically(_ text: String, to url: URL) throws(BuildError) {
        try replace([(Data(text.utf8), url)])
    }

    /// Writes every file to its own temporary first and only then renames them all into place,
    /// so a lecture's `.md` and `.html` change together as far as the file system allows.
    static func replace(_ files: [(data: Data, url: URL)]) throws(BuildError) {
        var staged: [(temp: URL, target: URL)] = []
        defer { for s in staged { try? FileManager.default.removeItem(at: s.temp) } }
        for (data, url) in files {
            if let existing = FileManager.default.contents(atPath: url.path), existing == data { continue }
            let temp = temporary(for: url)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: temp)
            } catch {
                throw .io("cannot write \(url.path): \(error.localizedDescription)")
            }
            staged.append((temp, url))
        }
        while let s = staged.first {
            guard rename(s.temp.path, s.target.path) == 0 else {
                throw BuildError.io("cannot replace \(s.target.path): \(String(cString: strerror(errno)))")
            }
            staged.removeFirst()
        }
    }

    /// A temporary name no other render can share: this process's id and a random number.
    static func temporary(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).lectern-tmp")
    }

    public static func outputs(_ result: DocumentResult, into out: URL) throws(BuildError) {
        guard !result.unrendered else { return }
        let stem = String(result.source.relativePath.dropLast(3))
        try replace([
            (Data(result.markdown.utf8), out.appendingPathComponent(stem + ".md")),
            (Data(result.html.utf8), out.appendingPathComponent(stem + ".html")),
        ])
    }

    /// Where Debian's libjs-katex installs KaTeX.
    public static let katexFolder = "/usr/share/javascript/katex"

    /// The stylesheet, the script and a copy of KaTeX (fonts included), served by the site itself.
    public static func assets(into out: URL) throws(BuildError) {
        try replace(try assetFiles().map { ($0.data, out.appendingPathComponent($0.path)) })
    }

    /// Every file of `assets/` with its path in the output folder; `check` compares the same list.
    static func assetFiles() throws(BuildError) -> [(path: String, data: Data)] {
        var files = [("assets/lectern.css", Data(PageAssets.stylesheet.utf8)), ("assets/lectern.js", Data(PageAssets.script.utf8))]
        let katex = URL(fileURLWithPath: katexFolder)
        guard FileManager.default.fileExists(atPath: katex.appendingPathComponent("katex.min.js").path) else {
            throw .io("KaTeX not found in \(katexFolder): install it with 'apt-get install libjs-katex'")
        }
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: katex.appendingPathComponent("fonts").path)) ?? []
        for f in ["katex.min.js", "katex.min.css"] + fonts.sorted().map({ "fonts/" + $0 }) {
            guard let data = FileManager.default.contents(atPath: katex.appendingPathComponent(f).path) else { continue }
            files.append(("assets/katex/" + f, data))
        }
        return files
    }

    /// The course's front page: every lecture with its title and status.
    public static func index(_ results: [DocumentResult], into out: URL) throws(BuildError) {
        var items = ""
        for (i, r) in results.enumerated() {
            let href = escapeHTML(String(r.source.relativePath.dropLast(3)) + ".html")
            let status =
                r.failures.isEmpty ? "" : "<span class=\"status\">\(r.failures.count) failure\(r.failures.count == 1 ? "" : "s")</span>"
            let tags =
                r.tags.isEmpty ? "" : "<p class=\"tags\">" + r.tags.map { "<span>\(escapeHTML($0))</span>" }.joined(separator: " ") + "</p>"
            items +=
                "<li><span class=\"number\">\(i + 1)</span><div><a href=\"\(href)\">\(escapeHTML(r.title))</a>\(status)\(tags)</div></li>\n"
        }
        let page =
            HTMLRenderer.head(title: "Lectures", assetsPrefix: "assets/", math: false)
            + "<div class=\"layout\"><main>\n<h1>Lectures</h1>\n<ul class=\"lectures\">\n\(items)</ul>\n</main></div>\n</body>\n</html>\n"
        try atomically(page, to: out.appendingPathComponent("index.html"))
    }
}
