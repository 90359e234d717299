import Foundation

/// A content-addressed cache of rendered lectures, so an unchanged lecture is not run again.
///
/// The key hashes everything a lecture's pages depend on: its job (source text, title,
/// navigation, time and memory limits), the worker binary (a rebuilt Lectern invalidates every
/// entry) and the test-trap variable. An entry also lists the files the lecture read with their
/// hashes; a changed, added or removed data file makes it a miss. Entries are written
/// atomically — the pages first, the header last — so concurrent runs can share the folder.
/// Lectures that failed are never cached: a timeout depends on the machine.
public struct RenderCache: Sendable {
    public let folder: URL
    /// Identifies the binary that renders: its version, path, size and modification time.
    let build: String

    public init(folder: URL, worker: String) {
        self.folder = folder
        let attributes = try? FileManager.default.attributesOfItem(atPath: worker)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        let trap = ProcessInfo.processInfo.environment[Worker.testTrapVariable] ?? ""
        build = "\(LecternVersion.current)|\(worker)|\(size)|\(modified)|\(trap)"
    }

    /// What an entry's header holds: the result without its pages, and the files it read.
    struct Header: Codable {
        var result: DocumentResult
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

    func key(_ job: WorkerJob) -> String? {
        var stable = job
        stable.training = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(stable) else { return nil }
        return ContentHash.hex(Data(build.utf8) + [0] + data)
    }

    /// The cached result for a job whose inputs are unchanged, or nil.
    func lookup(_ job: WorkerJob) -> DocumentResult? {
        guard let key = key(job),
            let data = FileManager.default.contents(atPath: url(key, "json").path),
            let header = try? JSONDecoder().decode(Header.self, from: data),
            header.inputs.allSatisfy({ $0.hash == Self.hash(file: $0.path) }),
            let markdown = text(key, "md"), let html = text(key, "html"), let notebook = text(key, "ipynb")
        else { return nil }
        var result = header.result
        result.markdown = markdown
        result.html = html
        result.notebook = notebook
        result.source = job.file
        return result
    }

    /// Stores a successful result; anything that goes wrong only means a later miss.
    func store(_ result: DocumentResult, for job: WorkerJob) {
        guard result.failures.isEmpty, !result.unrendered, let key = key(job) else { return }
        var pageless = result
        pageless.markdown = ""
        pageless.html = ""
        pageless.notebook = ""
        let header = Header(result: pageless, inputs: result.inputs.map { Input(path: $0, hash: Self.hash(file: $0)) })
        guard let json = try? JSONEncoder().encode(header) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (ext, text) in [("md", result.markdown), ("html", result.html), ("ipynb", result.notebook)] {
            guard (try? Write.atomically(Data(text.utf8), to: url(key, ext))) != nil else { return }
        }
        try? Write.atomically(json, to: url(key, "json"))
    }

    private func url(_ key: String, _ ext: String) -> URL { folder.appendingPathComponent("\(key).\(ext)") }

    private func text(_ key: String, _ ext: String) -> String? {
        FileManager.default.contents(atPath: url(key, ext).path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func hash(file path: String) -> String? {
        FileManager.default.contents(atPath: path).map(ContentHash.hex)
    }
}

/// A 128-bit content hash: two FNV-1a lanes with different offsets, plus the length.
///
/// It indexes the cache; it is not a defence against crafted collisions (the inputs are the
/// author's own files).
enum ContentHash {
    static func hex(_ data: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        let prime: UInt64 = 0x0000_0100_0000_01b3
        data.withUnsafeBytes { raw in
            for byte in raw {
                a = (a ^ UInt64(byte)) &* prime
                b = (b ^ UInt64(byte ^ 0x5c)) &* prime
            }
        }
        return String(format: "%016llx%016llx%08x", a, b, UInt32(truncatingIfNeeded: data.count))
    }
}
