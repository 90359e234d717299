import Foundation

/// Where a document may read data files: relative to itself, never outside the project.
public struct FileAccess: Sendable {
    public let documentDirectory: URL
    public let projectRoot: URL
    /// Every file the document read, so a cache can tell when a data file changed.
    public let log = ReadLog()

    public init(documentDirectory: URL, projectRoot: URL) {
        self.documentDirectory = documentDirectory.standardizedFileURL
        self.projectRoot = projectRoot.standardizedFileURL
    }

    /// The text of a file named relative to the document.
    func read(_ path: String) throws(Failure) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: documentDirectory).standardizedFileURL.resolvingSymlinksInPath()
        let root = projectRoot.resolvingSymlinksInPath().path
        guard url.path == root || url.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw Failure("PermissionError: '\(path)' is outside the project", hint: "data files must live inside the project folder")
        }
        log.record(url.path)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Failure("FileNotFoundError: No such file: '\(path)'", hint: "paths are relative to the lecture's folder")
        }
        return text
    }
}

/// The paths a document read, in first-read order (each once).
public final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []
    private var order: [String] = []

    public func record(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(path).inserted { order.append(path) }
    }

    public var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return order
    }
}
