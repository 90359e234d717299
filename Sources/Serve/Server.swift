import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `lectern serve`: serves the rendered site on loopback, rebuilds it when a source changes,
/// and tells open pages to reload (server-sent events).
///
/// Hummingbird (on SwiftNIO) does the HTTP: routing, streaming bodies for the event stream, and
/// graceful shutdown on SIGINT/SIGTERM through swift-service-lifecycle.
public enum LiveServer {
    public struct Configuration: Sendable {
        /// The folder the pages are served from (the rebuild writes it).
        public var site: URL
        /// Folders whose changes trigger a rebuild.
        public var watch: [URL]
        /// Paths the watcher ignores (the site folder itself, `.git`, build folders).
        public var skip: @Sendable (URL) -> Bool
        public var host: String
        public var port: Int
        /// Rebuilds the site after the given paths changed; returns a line for the terminal.
        public var rebuild: @Sendable ([URL]) -> String

        public init(
            site: URL, watch: [URL], skip: @escaping @Sendable (URL) -> Bool, host: String, port: Int,
            rebuild: @escaping @Sendable ([URL]) -> String
        ) {
            self.site = site
            self.watch = watch
            self.skip = skip
            self.host = host
            self.port = port
            self.rebuild = rebuild
        }
    }

    /// Runs until SIGINT/SIGTERM (or the task is cancelled). `running` hears the bound port
    /// (useful with port 0); `log` hears one line per rebuild.
    public static func run(
        _ config: Configuration, running: @escaping @Sendable (Int) async -> Void = { _ in },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        let versions = Versions()
        let watcher = try Watcher(roots: config.watch, skip: config.skip)
        let thread = Thread {
            watcher.run { changed in
                log(config.rebuild(changed))
                Task { await versions.bump() }
            }
        }
        thread.start()
        defer { watcher.stop() }

        let router = Router()
        router.get("/__lectern/events") { _, _ in
            let stream = await versions.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    for await version in stream.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: "data: \(version)\n\n"))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("/**") { request, _ in
            await file(request.uri.path, in: config.site, version: versions.current)
        }
        var logger = Logger(label: "lectern.serve")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(config.host, port: config.port), serverName: "lectern"),
            onServerRunning: { channel in await running(channel.localAddress?.port ?? config.port) },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServeError.bind("\(config.host):\(config.port) is already in use; choose another --port")
        }
    }

    /// A file of the site; pages get the reload script. Paths cannot leave the site folder.
    static func file(_ path: String, in site: URL, version: Int) -> Response {
        let decoded = path.removingPercentEncoding ?? path
        let parts = decoded.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { return text(.forbidden, "forbidden") }
        var url = site
        for p in parts { url.appendPathComponent(String(p)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        guard var data = FileManager.default.contents(atPath: url.path) else {
            return text(.notFound, "not found: \(decoded)")
        }
        let type = contentType(url.pathExtension)
        if url.pathExtension == "html" { data = withReloadScript(data, version: version) }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json", "ipynb": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "md", "txt", "csv": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// The page with a script that reloads it when the site's version moves past the one it
    /// was served at, keeping the scroll position.
    static func withReloadScript(_ page: Data, version: Int) -> Data {
        let script = """
            <script>(() => {
              const key = "lectern-scroll:" + location.pathname;
              const saved = sessionStorage.getItem(key);
              if (saved !== null) {
                sessionStorage.removeItem(key);
                addEventListener("load", () => scrollTo(0, Number(saved)));
              }
              const events = new EventSource("/__lectern/events");
              events.onmessage = (e) => {
                if (Number(e.data) !== \(version)) {
                  sessionStorage.setItem(key, String(scrollY));
                  events.close();
                  location.reload();
                }
              };
            })();</script>

            """
        var text = String(decoding: page, as: UTF8.self)
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: script, at: end.lowerBound)
        } else {
            text += script
        }
        return Data(text.utf8)
    }
}

/// The site's version: bumped after every rebuild and sent to every open page.
actor Versions {
    private(set) var current = 0
    private var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextID = 0

    func bump() {
        current += 1
        for c in subscribers.values { c.yield(current) }
    }

    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.yield(current)
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }
}
