import Foundation
import Notebook

/// Steps 3–5: write each lecture's files and the assets; every write is atomic.
public enum Write {
    /// Writes `text` via a temporary file in the same folder and a rename, so an interrupted run
    /// leaves the previous file intact. An unchanged file is left alone.
    public static func atomically(_ text: String, to url: URL) throws(BuildError) {
        try replace([(Data(text.utf8), url)])
    }

    public static func atomically(_ data: Data, to url: URL) throws(BuildError) {
        try replace([(data, url)])
    }

    /// Writes bytes unless the file already holds them, creating folders on the way.
    static func data(_ data: Data, to target: URL) throws(BuildError) {
        try replace([(data, target)])
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
        // `savefig` files land beside the page; their paths were checked to stay below it.
        let folder = out.appendingPathComponent(stem).deletingLastPathComponent()
        try replace(
            [
                (Data(result.markdown.utf8), out.appendingPathComponent(stem + ".md")),
                (Data(result.html.utf8), out.appendingPathComponent(stem + ".html")),
                (Data(result.notebook.utf8), out.appendingPathComponent(stem + ".ipynb")),
            ] + result.files.map { (Data($0.contents.utf8), folder.appendingPathComponent($0.path)) })
    }

    /// Where Debian's libjs-katex, libjs-lunr and libjs-highlight.js install their scripts.
    public static let katexFolder = "/usr/share/javascript/katex"
    public static let lunrFolder = "/usr/share/javascript/lunr"
    public static let highlightFolder = "/usr/share/javascript/highlight.js"

    /// The stylesheet, the script and copies of KaTeX (fonts included), lunr (search) and
    /// highlight.js, served by the site itself.
    public static func assets(into out: URL) throws(BuildError) {
        try replace(try assetFiles().map { ($0.data, out.appendingPathComponent($0.path)) })
    }

    /// Every file of `assets/` with its path in the output folder; `check` compares the same list.
    static func assetFiles() throws(BuildError) -> [(path: String, data: Data)] {
        var files = [("assets/lectern.css", Data(PageAssets.stylesheet.utf8)), ("assets/lectern.js", Data(PageAssets.script.utf8))]
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: katexFolder + "/fonts")) ?? []
        files += try library(
            katexFolder, ["katex.min.js", "katex.min.css"] + fonts.sorted().map { "fonts/" + $0 }, "libjs-katex", as: "katex")
        files += try library(lunrFolder, ["lunr.min.js"], "libjs-lunr", as: "lunr")
        files += try library(highlightFolder, ["highlight.min.js"], "libjs-highlight.js", as: "highlight")
        return files
    }

    /// A Debian-packaged script library's files, as `assets/<name>/…`.
    static func library(_ folder: String, _ names: [String], _ package: String, as name: String) throws(BuildError) -> [(
        path: String, data: Data
    )] {
        guard FileManager.default.fileExists(atPath: folder + "/" + names[0]) else {
            throw .io("\(names[0]) not found in \(folder): install it with 'apt-get install \(package)'")
        }
        return names.compactMap { f in FileManager.default.contents(atPath: folder + "/" + f).map { ("assets/\(name)/" + f, $0) } }
    }
}
