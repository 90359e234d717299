import Foundation
import NNLang
import Notebook

/// One lecture's outcome: its rendered files and what failed.
public struct DocumentResult: Sendable, Codable {
    public var source: SourceFile
    public var title: String
    public var tags: [String] = []
    /// The lecture's own `check` tolerances, from its front matter.
    public var rtol: Double?
    public var atol: Double?
    public var markdown: String
    public var html: String
    /// The lecture as a Jupyter notebook with Lectern's outputs (nbformat 4 JSON).
    public var notebook = ""
    public var failures: [Diagnostic]
    public var expectedErrors: Int
    public var blocks: Int
    /// No pages were made (the file could not be read or rendered): the previous outputs stay.
    public var unrendered = false
    /// The files the lecture read while it ran (absolute paths): part of its cache key.
    public var inputs: [String] = []
    /// Files the lecture wrote (`savefig`), relative to the page.
    public var files: [SavedFile] = []
    /// Site facts of the page: missing link targets, files to copy, summary, search text.
    public var page = PageFacts()
    /// The run's blocks and inline values as HTML, from which the page is assembled.
    public var cells = RenderedCells(blocks: [], inlineValues: [])
    /// The run came from the cache: no worker ran the lecture this time.
    public var fromCache = false
}

/// What the site's index, tag pages and search need of one rendered lecture.
public struct PageFacts: Sendable, Codable {
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

    /// How lectures run: which binary serves as the worker, and its limits.
    public struct Isolation: Sendable {
        /// The `lectern` executable to spawn as `lectern __worker` (normally this very binary).
        public var worker: String
        public var limits: WorkerLimits
        public init(worker: String, limits: WorkerLimits = WorkerLimits()) {
            self.worker = worker
            self.limits = limits
        }

        /// This process's own executable; `LECTERN_WORKER` overrides it (the tests run inside the
        /// test runner, which is not lectern, and point it at the built binary).
        public static func current(limits: WorkerLimits = WorkerLimits()) -> Isolation {
            let override = ProcessInfo.processInfo.environment["LECTERN_WORKER"].flatMap { $0.isEmpty ? nil : $0 }
            return Isolation(worker: override ?? Bundle.main.executablePath ?? CommandLine.arguments[0], limits: limits)
        }
    }

    /// Runs every lecture in its own worker process, as many at once as there are cores.
    /// `progress` hears `[i/n] path` as lectures finish; `training` hears live `fit` lines.
    /// `linkIndex` adds the link back to the site's index (folder builds have one).
    public static func run(
        _ files: [SourceFile], timeout: Double, isolation: Isolation, cache: RenderCache? = nil, linkIndex: Bool = true,
        course: Course? = nil, progress: (@Sendable (Int, Int, String) -> Void)? = nil,
        training: (@Sendable (String, String) -> Void)? = nil
    ) throws(BuildError) -> [DocumentResult] {
        guard FileManager.default.isExecutableFile(atPath: isolation.worker) else {
            throw .io("cannot run lectures: the worker executable \(isolation.worker) is missing (set LECTERN_WORKER to lectern's path)")
        }
        // Past 30 years a limit is no limit; beyond it the deadline arithmetic would overflow.
        let timeout = min(timeout, 1e9)
        // A worker that dies while we feed it its job must not take the parent with it.
        signal(SIGPIPE, SIG_IGN)
        let collector = Collector(files.count)
        // Each file is read once: its title is needed up front for the neighbours' links.
        let texts = files.map { file in
            FileManager.default.contents(atPath: file.url.path).map { DocumentReader.decode(Array($0), path: file.relativePath) }
                ?? .failure(
                    Diagnostic(
                        file: file.relativePath, location: SourceLocation(line: 1, column: 1),
                        message: "OSError: cannot read the file"))
        }
        let titles = zip(files, texts).map { file, text in
            (try? text.get()).map { Course.title($0, path: file.relativePath) } ?? file.relativePath
        }
        // The course part of the page keys, hashed once per input root rather than once per page.
        let digests = Dictionary(
            cache == nil ? [] : Course.uniqueRoots(files).map { root in (root.path, RenderCache.digest(course?.sites[root.path])) },
            uniquingKeysWith: { a, _ in a })
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let result: DocumentResult
            switch texts[i] {
            case .success(let text):
                let nav = navigation(files, i, titles: titles, linkIndex: linkIndex)
                let job = WorkerJob(
                    file: file, text: text, title: titles[i], timeout: timeout, index: nav.index,
                    previous: nav.previous.map { .init(title: $0.title, href: $0.href) },
                    next: nav.next.map { .init(title: $0.title, href: $0.href) }, site: course?.site(for: file), limits: isolation.limits,
                    training: training != nil)
                let runLecture = {
                    isolated(job, worker: isolation.worker, training: training.map { sink in { line in sink(file.relativePath, line) } })
                }
                result = cache.map { cached(job, in: $0, siteDigest: digests[file.root.path] ?? "", run: runLecture) } ?? runLecture()
            case .failure(let d):
                // Nothing to render: the previous outputs stay as they are.
                result = DocumentResult(
                    source: file, title: file.relativePath, markdown: "", html: "", failures: [d], expectedErrors: 0, blocks: 0,
                    unrendered: true)
            }
            let n = collector.store(result, at: i)
            progress?(n, files.count, file.relativePath)
        }
        return collector.results.map { $0! }
    }

    /// A lecture through the cache: both levels hit — no work; only the run hits — the page is
    /// assembled here, without a worker; else `run` runs it in a worker and both levels are stored.
    static func cached(_ job: WorkerJob, in cache: RenderCache, siteDigest: String, run: () -> DocumentResult) -> DocumentResult {
        let keys = cache.keys(job, siteDigest: siteDigest)
        if var hit = cache.lookupRun(keys.run) {
            hit.source = job.file
            hit.title = job.title
            hit.fromCache = true
            if let page = cache.lookupPage(keys.page, run: hit) { return page }
            let (assembled, embedded) = PageAssembly.assemble(hit, job: job)
            cache.storePage(assembled, key: keys.page, embedded: embedded)
            return assembled
        }
        let result = run()
        cache.storeRun(result, key: keys.run)
        cache.storePage(result, key: keys.page, embedded: result.inputs.filter { $0.hasSuffix(".md") })
        return result
    }

    /// Runs one lecture in a worker. If the worker dies, a second worker runs the lecture up to
    /// the block that was running and shows the crash there; if that dies too, a third renders
    /// it without running anything.
    static func isolated(_ job: WorkerJob, worker: String, training: ((String) -> Void)?) -> DocumentResult {
        let first = WorkerProcess.run(job, executable: worker, training: training)
        if let result = first.result { return result }
        var crash = WorkerJob.Crash(
            line: first.lastLine, reason: first.reason, rendering: first.rendering,
            runUntil: first.rendering ? 0 : first.lastLine ?? 0)
        var retry = job
        retry.training = false
        while true {
            retry.crash = crash
            if let result = WorkerProcess.run(retry, executable: worker, training: nil).result { return result }
            guard crash.runUntil > 0 else { break }
            crash.runUntil = 0
        }
        // Not even an unexecuted render survived: report it, and keep the previous outputs.
        let d = Diagnostic(
            file: job.file.relativePath, location: SourceLocation(line: crash.line ?? 1, column: 0),
            message: "crashed while running this block: \(crash.reason); the page could not be rendered")
        return DocumentResult(
            source: job.file, title: job.title, markdown: "", html: "", failures: [d], expectedErrors: 0, blocks: 0, unrendered: true)
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
