import Foundation
import Testing

@testable import LecternCLI
@testable import Serve

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The whole loop with a real socket on 127.0.0.1: serve, edit, see the new page, break the
/// lecture, see the error, stop.
@Suite(.serialized) struct ServeLoopTests {
    func get(_ port: Int, _ path: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls until the page contains `text` (the rebuild runs in the background).
    func waitFor(_ text: String, port: Int, path: String) async throws -> String {
        var page = ""
        for _ in 0..<200 {
            page = try await get(port, path)
            if page.contains(text) { return page }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return page
    }

    @Test func servesRebuildsShowsErrorsAndStops() async throws {
        // The server's builds find their workers through LECTERN_WORKER, which this sets (the
        // test failed when it ran before any other test had touched it).
        _ = testIsolation
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-loop-\(UUID().uuidString)")
        let notebooks = dir.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let lecture = notebooks.appendingPathComponent("a.md")
        try "# A\n\n```nn\nprint(40 + 2)\n```\n".write(to: lecture, atomically: true, encoding: .utf8)
        try "# B\n\n```nn\nprint(7)\n```\n".write(to: notebooks.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        let site = dir.appendingPathComponent("site")
        let options = try CommonOptions.parse(["--", notebooks.path])
        _ = try buildSite(options, into: site)

        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let log = Log()
        let config = LiveServer.Configuration(
            site: site, watch: [notebooks], skip: { $0.lastPathComponent.hasPrefix(".") }, host: "127.0.0.1", port: 0,
            rebuild: { changed in rebuild(options, into: site, after: changed) })
        let server = Task { try await LiveServer.run(config, running: { portSink.yield($0) }, log: log.add) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let first = try await get(port, "/a.html")
        #expect(first.contains("42"))
        #expect(first.contains("/__lectern/events"))

        try "# A\n\n```nn\nprint(40 + 3)\n```\n".write(to: lecture, atomically: true, encoding: .utf8)
        #expect(try await waitFor("43", port: port, path: "/a.html").contains("43"))
        for _ in 0..<100 where log.lines.isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(log.lines.contains { $0.contains("ran 1 of 2 lectures") }, "only the edited lecture ran: \(log.lines)")
        #expect(!log.lines.contains { $0.contains("ran 2 of") }, "\(log.lines)")

        try "# A\n\n```nn\nprint(40 +)\n```\n".write(to: lecture, atomically: true, encoding: .utf8)
        let broken = try await waitFor("nn-error", port: port, path: "/a.html")
        #expect(broken.contains("a.md:4:"))
        #expect(try await get(port, "/index.html").contains("a.html"), "still serving after a broken lecture")

        server.cancel()
        _ = await server.result
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ line: String) { lock.withLock { stored.append(line) } }
        var lines: [String] { lock.withLock { stored } }
    }

    @Test func aBusyPortIsAClearError() async throws {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let site = FileManager.default.temporaryDirectory
        let config = LiveServer.Configuration(
            site: site, watch: [], skip: { _ in true }, host: "127.0.0.1", port: 0, rebuild: { _ in "" })
        let first = Task { try await LiveServer.run(config, running: { portSink.yield($0) }) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        var second = config
        second.port = port
        await #expect(throws: ServeError.self) { try await LiveServer.run(second) }
        first.cancel()
        _ = await first.result
    }
}
