import Foundation
import Notebook

/// Steps 3–5: write each lecture's files, the assets, and the index; every write is atomic.
public enum Write {
    /// Writes `text` via a temporary file in the same folder and a rename, so an interrupted run
    /// leaves the previous file intact. An unchanged file is left alone.
    public static func atomically(_ text: String, to url: URL) throws(BuildError) {
        try atomically(Data(text.utf8), to: url)
    }

    public static func atomically(_ data: Data, to url: URL) throws(BuildError) {
        if let existing = FileManager.default.contents(atPath: url.path), existing == data { return }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temp = folder.appendingPathComponent(".\(url.lastPathComponent).lectern-tmp")
            try data.write(to: temp)
            guard rename(temp.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: temp)
                throw BuildError.io("cannot replace \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .io("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    public static func outputs(_ result: DocumentResult, into out: URL) throws(BuildError) {
        guard !result.unrendered else { return }
        let stem = String(result.source.relativePath.dropLast(3))
        try atomically(result.markdown, to: out.appendingPathComponent(stem + ".md"))
        try atomically(result.html, to: out.appendingPathComponent(stem + ".html"))
        try atomically(result.notebook, to: out.appendingPathComponent(stem + ".ipynb"))
        // `savefig` files land beside the page; their paths were checked to stay below it.
        let folder = out.appendingPathComponent(stem).deletingLastPathComponent()
        for file in result.files { try atomically(file.contents, to: folder.appendingPathComponent(file.path)) }
    }

    /// Where Debian's libjs-katex installs KaTeX.
    public static let katexFolder = "/usr/share/javascript/katex"

    /// The stylesheet, the script and a copy of KaTeX (fonts included), served by the site itself.
    public static func assets(into out: URL) throws(BuildError) {
        let assets = out.appendingPathComponent("assets")
        try atomically(PageAssets.stylesheet, to: assets.appendingPathComponent("lectern.css"))
        try atomically(PageAssets.script, to: assets.appendingPathComponent("lectern.js"))
        let katex = URL(fileURLWithPath: katexFolder)
        guard FileManager.default.fileExists(atPath: katex.appendingPathComponent("katex.min.js").path) else {
            throw .io("KaTeX not found in \(katexFolder): install it with 'apt-get install libjs-katex'")
        }
        var files = ["katex.min.js", "katex.min.css"]
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: katex.appendingPathComponent("fonts").path)) ?? []
        files += fonts.sorted().map { "fonts/" + $0 }
        for f in files {
            let target = assets.appendingPathComponent("katex/" + f)
            guard let data = FileManager.default.contents(atPath: katex.appendingPathComponent(f).path) else { continue }
            if FileManager.default.contents(atPath: target.path) == data { continue }
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target, options: .atomic)
            } catch {
                throw .io("cannot write \(target.path): \(error.localizedDescription)")
            }
        }
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
