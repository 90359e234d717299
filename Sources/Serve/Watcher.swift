import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders (recursively) with inotify and calls `changed` once per burst of edits.
///
/// Editors save through temp files and renames, so one save is several events: they are
/// gathered for `settle` seconds before one call.
final class Watcher: @unchecked Sendable {
    private let fd: Int32
    private let roots: [URL]
    private let skip: (URL) -> Bool
    private var watched: [Int32: URL] = [:]
    private var stopped = false
    private let lock = NSLock()

    /// `skip` leaves out folders (the output folder, `.git`, build folders).
    init(roots: [URL], skip: @escaping (URL) -> Bool) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw ServeError.watch("inotify_init1 failed: \(String(cString: strerror(errno)))") }
        self.roots = roots
        self.skip = skip
        for root in roots { addTree(root) }
    }

    deinit { close(fd) }

    private func addTree(_ folder: URL) {
        guard !skip(folder) else { return }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        let wd = inotify_add_watch(fd, folder.path, mask)
        guard wd >= 0 else { return }
        watched[wd] = folder
        let children = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        for child in children.sorted(by: { $0.path < $1.path }) {
            if (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { addTree(child) }
        }
    }

    /// Blocks, calling `changed` with the changed paths after each burst, until `stop()`.
    func run(settle: Double = 0.1, changed: ([URL]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var pending: [URL] = []
            // Wait for the first event, then keep reading until the burst settles.
            var timeout: Int32 = 250
            while true {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, timeout)
                if isStopped { return }
                if ready <= 0 {
                    if pending.isEmpty { continue }
                    break
                }
                let n = read(fd, &buffer, buffer.count)
                guard n > 0 else { continue }
                pending += events(buffer, count: n)
                timeout = Int32(settle * 1000)
            }
            changed(pending)
        }
    }

    /// Decodes inotify records; a new folder is watched too.
    private func events(_ buffer: [UInt8], count: Int) -> [URL] {
        var urls: [URL] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let e = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (e.wd, e.mask, Int(e.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let folder = watched[wd] {
                let url = folder.appendingPathComponent(name)
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(url) }
                if !skip(url) { urls.append(url) }
            }
            offset += header + length
        }
        return urls
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}

enum ServeError: Error, CustomStringConvertible {
    case watch(String)
    case bind(String)
    var description: String {
        switch self {
        case .watch(let m), .bind(let m): return m
        }
    }
}
