import Foundation
import NNLang
import Notebook

/// One lecture's outcome: its rendered files and what failed.
public struct DocumentResult: Sendable {
    public var source: SourceFile
    public var title: String
    public var tags: [String] = []
    /// The lecture's own `check` tolerances, from its front matter.
    public var rtol: Double?
    public var atol: Double?
    public var markdown: String
    public var html: String
    public var failures: [Diagnostic]
    public var expectedErrors: Int
    public var blocks: Int
    /// Site facts of the page: missing link targets, files to copy, summary, search text.
    public var page = PageFacts()
}

/// What the site's index, tag pages and search need of one rendered lecture.
public struct PageFacts: Sendable {
    public var warnings: [Diagnostic] = []
    public var assets: [String] = []
    public var summary = ""
    public var searchText = ""
    public init() {}
}

/// Step 2: read, run and render each lecture; lectures run in parallel, each in its own interpreter.
public enum Execute {
    /// Results filled in by the worker threads, under a lock.
    private final class Collector: @unchecked Sendable {
        let lock = NSLock()
        var results: [DocumentResult?]
        var done = 0
        init(_ n: Int) { results = Array(repeating: nil, count: n) }

        func store(_ r: DocumentResult, at i: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            results[i] = r
            done += 1
            return done
        }
    }

    /// `progress` hears `[i/n] path` as lectures finish; `training` hears live `fit` lines.
    /// `linkIndex` adds the link back to the site's index (folder builds have one).
    public static func run(
        _ files: [SourceFile], timeout: Double, linkIndex: Bool = true, course: Course? = nil,
        progress: (@Sendable (Int, Int, String) -> Void)? = nil,
        training: (@Sendable (String, String) -> Void)? = nil
    ) -> [DocumentResult] {
        let collector = Collector(files.count)
        // Each file is read once: its title is needed up front for the neighbours' links.
        let texts = files.map { try? String(contentsOf: $0.url, encoding: .utf8) }
        let titles = zip(files, texts).map { file, text in text.map { Course.title($0, path: file.relativePath) } ?? file.relativePath }
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = files[i].relativePath
            let result = runOne(
                files[i], text: texts[i], title: titles[i], timeout: timeout,
                navigation: navigation(files, i, titles: titles, linkIndex: linkIndex), site: course?.site(for: files[i]),
                training: training.map { sink in { @Sendable line in sink(path, line) } })
            let n = collector.store(result, at: i)
            progress?(n, files.count, files[i].relativePath)
        }
        return collector.results.map { $0! }
    }

    static func runOne(
        _ file: SourceFile, text: String?, title: String, timeout: Double, navigation: HTMLRenderer.Navigation,
        site: SiteContext? = nil, training: (@Sendable (String) -> Void)? = nil
    ) -> DocumentResult {
        guard let text else {
            let d = Diagnostic(
                file: file.relativePath, location: SourceLocation(line: 1, column: 1), message: "cannot read the file as UTF-8 text")
            return DocumentResult(
                source: file, title: file.relativePath, markdown: "", html: "", failures: [d], expectedErrors: 0, blocks: 0)
        }
        let document = DocumentReader.read(text, path: file.relativePath)
        let run = DocumentRunner.run(
            document, files: FileAccess(documentDirectory: file.url.deletingLastPathComponent(), projectRoot: file.root),
            timeout: timeout, progress: training)
        let depth = file.relativePath.split(separator: "/").count - 1
        var renderer = HTMLRenderer(
            highlight: Highlighter.html, assetsPrefix: String(repeating: "../", count: depth) + "assets/",
            navigation: navigation)
        if let site { renderer.site = site }
        let page = renderer.renderPage(run.executed)
        var result = DocumentResult(
            source: file, title: title, tags: page.tags,
            rtol: document.frontMatter.rtol, atol: document.frontMatter.atol, markdown: MarkdownRenderer.render(run.executed),
            html: page.html,
            failures: run.failures, expectedErrors: run.expectedErrors, blocks: run.blocksRun)
        result.page = PageFacts(page)
        return result
    }

    /// Links to the index and to the neighbouring lectures of the same input root.
    static func navigation(_ files: [SourceFile], _ i: Int, titles: [String], linkIndex: Bool) -> HTMLRenderer.Navigation {
        let file = files[i]
        let up = String(repeating: "../", count: file.relativePath.split(separator: "/").count - 1)
        func link(_ j: Int) -> (String, String)? {
            guard j >= 0, j < files.count, files[j].root == file.root else { return nil }
            return (titles[j], up + String(files[j].relativePath.dropLast(3)) + ".html")
        }
        return HTMLRenderer.Navigation(index: linkIndex ? up + "index.html" : nil, previous: link(i - 1), next: link(i + 1))
    }

    /// A lecture's title without running it: the front matter's, else its first heading.
    static func title(_ text: String, path: String) -> String {
        FrontMatter.parse(text, file: path).0.title
            ?? text.sourceLines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? path
    }
}
