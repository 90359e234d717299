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

    /// Where Debian's libjs-katex, libjs-lunr and libjs-highlight.js install their scripts.
    public static let katexFolder = "/usr/share/javascript/katex"
    public static let lunrFolder = "/usr/share/javascript/lunr"
    public static let highlightFolder = "/usr/share/javascript/highlight.js"

    /// The stylesheet, the script and copies of KaTeX (fonts included), lunr (search) and
    /// highlight.js, served by the site itself.
    public static func assets(into out: URL) throws(BuildError) {
        let assets = out.appendingPathComponent("assets")
        try atomically(PageAssets.stylesheet, to: assets.appendingPathComponent("lectern.css"))
        try atomically(PageAssets.script, to: assets.appendingPathComponent("lectern.js"))
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: katexFolder + "/fonts")) ?? []
        try library(
            katexFolder, ["katex.min.js", "katex.min.css"] + fonts.sorted().map { "fonts/" + $0 }, "libjs-katex", into: assets, as: "katex")
        try library(lunrFolder, ["lunr.min.js"], "libjs-lunr", into: assets, as: "lunr")
        try library(highlightFolder, ["highlight.min.js"], "libjs-highlight.js", into: assets, as: "highlight")
    }

    /// Copies a Debian-packaged script library's files into `assets/<name>/`.
    static func library(_ folder: String, _ files: [String], _ package: String, into assets: URL, as name: String) throws(BuildError) {
        guard FileManager.default.fileExists(atPath: folder + "/" + files[0]) else {
            throw .io("\(files[0]) not found in \(folder): install it with 'apt-get install \(package)'")
        }
        for f in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + f) else { continue }
            try self.data(data, to: assets.appendingPathComponent(name + "/" + f))
        }
    }

    /// Writes bytes unless the file already holds them, creating folders on the way.
    static func data(_ data: Data, to target: URL) throws(BuildError) {
        if FileManager.default.contents(atPath: target.path) == data { return }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target, options: .atomic)
        } catch {
            throw .io("cannot write \(target.path): \(error.localizedDescription)")
        }
    }
}
