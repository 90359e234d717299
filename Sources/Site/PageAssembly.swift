import Foundation
import NNLang
import Notebook

/// The second half of a lecture's render: its page, framed by the course around it (title,
/// navigation, prev/next, wikilink targets, embedded notes).
///
/// A worker runs it right after the lecture's run; the parent runs it alone when the run came
/// from the cache but the course changed (a new lecture, a new course title), so no lecture runs
/// again for that. The parent's page comes from the same cells the worker already rendered a
/// page from, with the same code.
enum PageAssembly {
    /// The page of `document` with the run's `cells`; reads of other lectures (`![[Note]]`
    /// embeds) go to `record`, since they are inputs of the page.
    static func page(
        _ document: Document, cells: RenderedCells, job: WorkerJob, record: @escaping @Sendable (String) -> Void
    ) -> RenderedPage {
        let file = job.file
        let depth = file.relativePath.split(separator: "/").count - 1
        var renderer = HTMLRenderer(
            highlight: Highlighter.html, assetsPrefix: String(repeating: "../", count: depth) + "assets/", navigation: job.navigation)
        if var site = job.site {
            let root = file.root
            site.text = { path in
                let url = root.appendingPathComponent(path)
                record(url.path)
                return try? String(contentsOf: url, encoding: .utf8)
            }
            renderer.site = site
        }
        return renderer.renderPage(document, cells: cells)
    }

    /// A cached run's result with its page assembled for `job`'s course; the second value is
    /// the lectures the page embeds.
    static func assemble(_ run: DocumentResult, job: WorkerJob) -> (DocumentResult, embedded: [String]) {
        let embedded = EmbedLog()
        let page = page(
            DocumentReader.read(job.text, path: job.file.relativePath), cells: run.cells, job: job, record: embedded.record)
        var result = run
        result.source = job.file
        result.title = job.title
        result.html = page.html
        result.tags = page.tags
        result.page = PageFacts(page)
        return (result, embedded.paths)
    }

    /// The lectures one page embeds, each once, sorted.
    final class EmbedLog: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Set<String> = []
        func record(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            seen.insert(path)
        }
        var paths: [String] {
            lock.lock()
            defer { lock.unlock() }
            return seen.sorted()
        }
    }
}
