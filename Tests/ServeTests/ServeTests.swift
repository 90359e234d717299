import Foundation
import Testing

@testable import Serve

@Suite struct ServeTests {
    @Test func pagesGetTheReloadScriptBeforeTheirEnd() {
        let page = LiveServer.withReloadScript(Data("<html><body><p>x</p></body></html>".utf8), version: 7)
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.hasSuffix("</body></html>"))
        #expect(text.contains("EventSource(\"/__lectern/events\")"))
        #expect(text.contains("Number(e.data) !== 7"))
    }

    @Test func filesCannotLeaveTheSiteFolder() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "<body>home</body>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        #expect(LiveServer.file("/../etc/passwd", in: site, version: 0).status == .forbidden)
        #expect(LiveServer.file("/%2E%2E/x", in: site, version: 0).status == .forbidden)
        #expect(LiveServer.file("/nope.html", in: site, version: 0).status == .notFound)
        let home = LiveServer.file("/", in: site, version: 0)
        #expect(home.status == .ok)
        #expect(home.headers[.contentType] == "text/html; charset=utf-8")
    }

    @Test func contentTypesOfTheSiteFiles() {
        #expect(LiveServer.contentType("svg") == "image/svg+xml")
        #expect(LiveServer.contentType("woff2") == "font/woff2")
        #expect(LiveServer.contentType("ipynb") == "application/json")
    }
}
