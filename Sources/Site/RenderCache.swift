import Foundation
import Notebook

/// A content-addressed cache of rendered lectures, in two levels, so an unchanged lecture is
/// not run again and a changed course only re-assembles pages.
///
/// - A **run** entry holds what running a lecture gave: its Markdown, notebook, cells (blocks
///   as HTML) and counts. Its key hashes the lecture's bytes (front matter included), its path,
///   the time and memory limits, and the binary that renders (a rebuilt Lectern invalidates
///   every entry); the entry lists every file the lecture read with its hash, and a changed,
///   added or removed file makes it a miss.
/// - A **page** entry holds the lecture's page. Its key is the run key plus the course around
///   the page (course title and description, every lecture's path and title, every file, the
///   page's prev/next links); it lists the lectures the page embeds (`![[Note]]`).
///
/// A new lecture or a new course title thus misses every page entry but no run entry: pages
/// are re-assembled from the cached cells without a worker. Entries are written atomically —
/// the texts first, the header last — so concurrent runs can share the folder. Runs that
/// failed are never cached (a timeout depends on the machine).
public struct RenderCache: Sendable {
    public let folder: URL
    /// Identifies the binary that renders: its version, path, size and modification time.
    let build: String

    public init(folder: URL, worker: String) {
        self.folder = folder
        build = Self.identity(worker: worker)
    }

    /// The binary that renders: its version, path, size and modification time.
    public static func identity(worker: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: worker)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        let trap = ProcessInfo.processInfo.environment[Worker.testTrapVariable] ?? ""
        return "\(LecternVersion.current)|\(worker)|\(size)|\(modified)|\(trap)"
    }

    /// The keys of one lecture's two entries.
    struct Keys {
        var run: String
        var page: String
    }

    struct RunHeader: Codable {
        /// The result without its Markdown, notebook and page.
        var result: DocumentResult
        var inputs: [Input]
    }

    struct PageHeader: Codable {
        var tags: [String]
        var page: PageFacts
        var inputs: [Input]
    }

    struct Input: Codable, Equatable {
        var path: String
        /// nil when the file did not exist (a lecture that reads it later must run again).
        var hash: String?
    }

    /// `.lectern/cache` at the project root: the nearest folder at or above the first input that
    /// holds `lectern.yml` or `notebooks/`, else the current folder.
    public static func folder(for inputs: [String]) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var candidate = inputs.first.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? cwd
        while candidate.path != "/" {
            for marker in ["lectern.yml", "notebooks"]
            where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
                return candidate.appendingPathComponent(".lectern/cache")
            }
            candidate.deleteLastPathComponent()
        }
        return cwd.appendingPathComponent(".lectern/cache")
    }

    /// The part of the page key shared by every page of one course root (hashed once per run,
    /// not once per page: it lists every lecture).
    static func digest(_ site: SiteContext?) -> String {
        guard let site else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return ContentHash.hex((try? encoder.encode(site)) ?? Data())
    }

    func keys(_ job: WorkerJob, siteDigest: String) -> Keys {
        let file = job.file
        let run = ContentHash.hex([
            "run", build, file.url.path, file.relativePath, file.root.path, job.text, "\(job.timeout)", "\(job.limits.memoryBytes)",
        ])
        let page = ContentHash.hex([
            "page", run, siteDigest, job.title, job.index ?? "", job.previous?.title ?? "", job.previous?.href ?? "",
            job.next?.title ?? "", job.next?.href ?? "",
        ])
        return Keys(run: run, page: page)
    }

    // MARK: - Runs

    /// The cached run of an unchanged lecture (its page not yet assembled), or nil.
    func lookupRun(_ key: String) -> DocumentResult? {
        guard let header = decode(RunHeader.self, "runs", key, "json"), unchanged(header.inputs),
            let markdown = text("runs", key, "md"), let notebook = text("runs", key, "ipynb")
        else { return nil }
        var result = header.result
        result.markdown = markdown
        result.notebook = notebook
        return result
    }

    /// Stores a successful run; anything that goes wrong only means a later miss.
    func storeRun(_ result: DocumentResult, key: String) {
        guard result.failures.isEmpty, !result.unrendered else { return }
        var bare = result
        bare.markdown = ""
        bare.notebook = ""
        bare.html = ""
        bare.page = PageFacts()
        store(
            RunHeader(result: bare, inputs: hashed(result.inputs)), "runs", key,
            texts: [("md", result.markdown), ("ipynb", result.notebook)])
    }

    // MARK: - Pages

    /// `run` with its page from the cache, or nil.
    func lookupPage(_ key: String, run: DocumentResult) -> DocumentResult? {
        guard let header = decode(PageHeader.self, "pages", key, "json"), unchanged(header.inputs),
            let html = text("pages", key, "html")
        else { return nil }
        var result = run
        result.html = html
        result.tags = header.tags
        result.page = header.page
        return result
    }

    /// Stores a page; `embedded` are the lectures it shows with `![[Note]]`.
    func storePage(_ result: DocumentResult, key: String, embedded: [String]) {
        guard result.failures.isEmpty, !result.unrendered else { return }
        store(PageHeader(tags: result.tags, page: result.page, inputs: hashed(embedded)), "pages", key, texts: [("html", result.html)])
    }

    // MARK: - Files

    private func store(_ header: some Encodable, _ kind: String, _ key: String, texts: [(String, String)]) {
        guard let json = try? JSONEncoder().encode(header) else { return }
        for (ext, text) in texts {
            guard (try? Write.atomically(Data(text.utf8), to: url(kind, key, ext))) != nil else { return }
        }
        try? Write.atomically(json, to: url(kind, key, "json"))
    }

    private func decode<T: Decodable>(_ type: T.Type, _ kind: String, _ key: String, _ ext: String) -> T? {
        FileManager.default.contents(atPath: url(kind, key, ext).path).flatMap { try? JSONDecoder().decode(type, from: $0) }
    }

    private func url(_ kind: String, _ key: String, _ ext: String) -> URL {
        folder.appendingPathComponent("\(kind)/\(key).\(ext)")
    }

    private func text(_ kind: String, _ key: String, _ ext: String) -> String? {
        FileManager.default.contents(atPath: url(kind, key, ext).path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func unchanged(_ inputs: [Input]) -> Bool { inputs.allSatisfy { $0.hash == Self.hash(file: $0.path) } }

    private func hashed(_ paths: [String]) -> [Input] { paths.map { Input(path: $0, hash: Self.hash(file: $0)) } }

    static func hash(file path: String) -> String? {
        FileManager.default.contents(atPath: path).map(ContentHash.hex)
    }
}
