import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The no-change `lectern check`: a check that passed leaves, beside the cache, what it
/// printed and a fingerprint of every file it read — the lecture folders (data files
/// included), the committed output folder, the course's `lectern.yml`, the files lectures read
/// elsewhere — as size and nanosecond modification time, the fingerprint make, ninja and cargo
/// trust. While every fingerprint still matches (no file added, removed or touched) and the
/// command line and the binary are the same, the next check prints the same report without
/// opening a lecture or a page. Anything else runs the full check, cache and all.
public struct CheckReplay: Sendable {
    /// One file as the check saw it; a missing file has size −1, a name that is not UTF-8
    /// (which cannot be looked up again) size −2, and such a snapshot is never kept.
    public struct Fingerprint: Equatable, Sendable {
        var path: String
        var size: Int64
        var modified: Int64
    }

    /// What the passing check printed.
    public struct Report: Codable, Equatable, Sendable {
        public var output: String
        public var errors: String
        public var junit: String?
        public init(output: String, errors: String, junit: String?) {
            self.output = output
            self.errors = errors
            self.junit = junit
        }
    }

    /// The report with its fingerprints (one line each: size, time, path), kept in one file
    /// written atomically, so a concurrent check never reads a report with another's table.
    struct Record: Codable {
        var report: Report
        var table: String
    }

    let folder: URL
    let key: String
    let trees: [String]
    let configFiles: [String]

    /// `inputs` and `out` as the command line gave them; `arguments` everything else that
    /// changes the report (tolerances, limits); `build` identifies the binary. Only folders are
    /// replayed: a single lecture's embedded notes and linked files lie beside it, outside what
    /// the fingerprints cover (and one lecture checks quickly anyway).
    public init?(inputs: [String], out: String, arguments: [String], build: String) {
        var isFolder: ObjCBool = false
        for input in inputs {
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        }
        let cache = RenderCache.folder(for: inputs)
        folder = cache.deletingLastPathComponent().appendingPathComponent("check")
        let root = cache.deletingLastPathComponent().deletingLastPathComponent()
        let absolute = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.path }
        trees = (inputs + [out]).map(absolute)
        configFiles = [root.appendingPathComponent("lectern.yml").path]
        key = ContentHash.hex(["check", build, FileManager.default.currentDirectoryPath] + trees + ["|"] + arguments)
    }

    /// Every file the check depends on, before the lectures ran (`extra`: files lectures read
    /// outside the folders), and when it was taken.
    public func snapshot(extra: [String] = []) -> Snapshot {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Snapshot(files: files(extra: extra), taken: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
    }

    public struct Snapshot: Sendable {
        var files: [Fingerprint]
        var taken: Int64
    }

    /// A file modified this close before a snapshot is not trusted by its time (git's "racy"
    /// rule): an edit of the same size within the file system's timestamp granularity would
    /// keep it. FAT's granularity, 2 s, is the coarsest.
    static let racyWindow: Int64 = 2_000_000_000

    private func files(extra: [String]) -> [Fingerprint] {
        var out: [Fingerprint] = []
        for tree in trees { Self.walk(tree, into: &out) }
        for path in configFiles + extra.sorted() { out.append(Self.fingerprint(path)) }
        return out
    }

    /// The report of the last passing check, if nothing it read has changed since.
    public func lookup(_ snapshot: Snapshot) -> Report? {
        let now = snapshot.files
        guard let data = FileManager.default.contents(atPath: url.path), let record = try? JSONDecoder().decode(Record.self, from: data)
        else { return nil }
        // The recorded fingerprints start with the folders' and end with the outside files'.
        var recorded: [Fingerprint] = []
        for line in record.table.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let size = Int64(parts[0]), let modified = Int64(parts[1]) else { return nil }
            recorded.append(Fingerprint(path: String(parts[2]), size: size, modified: modified))
        }
        guard recorded.count >= now.count, Array(recorded.prefix(now.count)) == now else { return nil }
        let outside = recorded.dropFirst(now.count)
        guard outside.allSatisfy({ Self.fingerprint($0.path) == $0 }) else { return nil }
        return record.report
    }

    /// Keeps a passing check's report with the fingerprints taken before it ran (`before`), if
    /// nothing changed while it ran and no file is too recent to be trusted by its time;
    /// `extra` are the files lectures read.
    public func store(_ report: Report, before: Snapshot, extra: [String]) {
        let outside = Set(extra.filter { path in !trees.contains { path.hasPrefix($0 + "/") } })
        let after = files(extra: Array(outside))
        guard Array(after.prefix(before.files.count)) == before.files,
            after.allSatisfy({ $0.size > -2 && $0.modified < before.taken - Self.racyWindow })
        else { return }
        let table = after.map { "\($0.size)\t\($0.modified)\t\($0.path)\n" }.joined()
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            let data = try? JSONEncoder().encode(Record(report: report, table: table))
        else { return }
        try? Write.atomically(data, to: url)
    }

    private var url: URL { folder.appendingPathComponent("\(key).json") }

    // MARK: - Fingerprints

    static func fingerprint(_ path: String) -> Fingerprint {
        var s = stat()
        guard stat(path, &s) == 0 else { return Fingerprint(path: path, size: -1, modified: -1) }
        return Fingerprint(path: path, size: Int64(s.st_size), modified: Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec))
    }

    /// Every file under `root` in name order, hidden ones included (a lecture may read one),
    /// except the cache's `.lectern` and `.git`, which the check does not read; a file `root` is
    /// itself; a missing `root` is recorded as missing.
    static func walk(_ root: String, into out: inout [Fingerprint]) {
        var s = stat()
        guard lstat(root, &s) == 0 else { return out.append(Fingerprint(path: root, size: -1, modified: -1)) }
        guard s.st_mode & S_IFMT == S_IFDIR else { return out.append(fingerprint(root)) }
        guard let dir = opendir(root) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                out.append(Fingerprint(path: root, size: -2, modified: 0))
                continue
            }
            if ![".", "..", ".lectern", ".git"].contains(name) { names.append(name) }
        }
        closedir(dir)
        for name in names.sorted() { walk(root + "/" + name, into: &out) }
    }
}
