import Foundation
import Testing

@testable import Notebook

/// What a corpus case must do, from its `<!-- expect: … -->` line:
/// - `ok`: renders with no failure;
/// - `error L Type`: a clean Python error `case.md:L:C: Type…`; `(now X)` names what Lectern
///   reports today where CPython differs (another engineer's gap) and is accepted too;
/// - `crash F L Type`: an input that trapped the whole process once (F: the block's fence line);
///   every one is fixed, so it must now be `Type` at line L (`ok`: no error at all), never a
///   crash, contained or not;
/// - `unreadable L:C`: invalid UTF-8, reported at the bad byte, and no output written.
struct CorpusExpectation: Sendable {
    enum Kind: String, Sendable { case ok, error, crash, unreadable }
    var kind: Kind
    var line = 0
    var column = 0
    var type = ""
    var now: String?

    init?(_ text: String) {
        guard let start = text.range(of: "<!-- expect: "), let end = text.range(of: " -->", range: start.upperBound..<text.endIndex) else {
            return nil
        }
        let words = text[start.upperBound..<end.lowerBound].split(separator: " ").map(String.init)
        guard let kind = Kind(rawValue: words[0]) else { return nil }
        self.kind = kind
        switch kind {
        case .ok: break
        case .error:
            line = Int(words[1]) ?? 0
            type = words[2]
            if words.count > 4 { now = String(words[4].dropLast()) }
        case .crash:
            line = Int(words[2]) ?? 0
            type = words[3]
        case .unreadable:
            let lc = words[1].split(separator: ":").compactMap { Int($0) }
            (line, column) = (lc[0], lc[1])
        }
    }
}

/// The whole corpus rendered once, in a scratch copy, with a short block time limit.
struct CorpusRun: Sendable {
    var code: Int32
    var diagnostics: [String: [String]]
    var out: URL
    var sourcesBefore: [String: Data]
    var sourcesAfter: [String: Data]

    static let shared: CorpusRun = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-corpus-\(UUID().uuidString)")
        let source = dir.appendingPathComponent("bad-inputs")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(at: corpusFolder, to: source)
        let before = snapshot(source)
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", source.path, "--out", out.path, "--timeout", "2"])
        var diagnostics: [String: [String]] = [:]
        for line in r.err.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].hasSuffix(".md") else { continue }
            diagnostics[String(line[..<colon]), default: []].append(String(line[line.index(after: colon)...]))
        }
        return CorpusRun(code: r.code, diagnostics: diagnostics, out: out, sourcesBefore: before, sourcesAfter: snapshot(source))
    }()

    static var corpusFolder: URL { Bundle.module.url(forResource: "bad-inputs", withExtension: nil, subdirectory: "Fixtures")! }

    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return files
    }
}

@Suite struct BadInputCorpusTests {
    static let cases: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: CorpusRun.corpusFolder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()

    @Test func theCorpusIsLargeAndTheRunReportsFailures() {
        _ = testIsolation
        #expect(Self.cases.count >= 150)
        #expect(CorpusRun.shared.code == 1)
        #expect(CorpusRun.shared.sourcesAfter == CorpusRun.shared.sourcesBefore, "nothing is written into the sources")
    }

    @Test(arguments: cases)
    func eachBadInputIsContained(name: String) throws {
        _ = testIsolation
        let run = CorpusRun.shared
        let raw = try Data(contentsOf: CorpusRun.corpusFolder.appendingPathComponent(name))
        let expect = try #require(CorpusExpectation(String(decoding: raw, as: UTF8.self)), "\(name) has no expect line")
        let found = run.diagnostics[name] ?? []
        func reported(_ type: String, line: Int) -> Bool {
            found.contains { d in
                let parts = d.split(separator: ":", maxSplits: 2)
                return parts.count == 3 && Int(parts[0]) == line && Int(parts[1]) != nil && parts[2].dropFirst().hasPrefix(type)
            }
        }
        let crashed = found.contains { $0.split(separator: ":", maxSplits: 1).last?.hasPrefix(" crashed ") == true }
        switch expect.kind {
        case .ok:
            #expect(found.isEmpty, "\(name): \(found)")
        case .error:
            let ok =
                reported(expect.type, line: expect.line)
                || expect.now.map { $0 == "ok" ? found.isEmpty : reported($0, line: expect.line) } == true
            #expect(ok, "\(name): expected \(expect.type) at line \(expect.line), got \(found)")
            #expect(!crashed, "\(name) crashed: \(found)")
        case .crash:
            let fixed = expect.type == "ok" ? found.isEmpty : reported(expect.type, line: expect.line)
            #expect(fixed && !crashed, "\(name): expected \(expect.type) at line \(expect.line), got \(found)")
        case .unreadable:
            #expect(reported("UnicodeDecodeError", line: expect.line) && found[0].hasPrefix("\(expect.line):\(expect.column):"), "\(found)")
            #expect(!FileManager.default.fileExists(atPath: run.out.appendingPathComponent(name).path), "no output for an unreadable file")
            return
        }
        let md = try String(contentsOf: run.out.appendingPathComponent(name), encoding: .utf8)
        let html = try String(contentsOf: run.out.appendingPathComponent(String(name.dropLast(3)) + ".html"), encoding: .utf8)
        // Markdown: the author's `nn` blocks are all still there, and outputs opened no new ones.
        let source = try DocumentReader.decode(Array(raw), path: name).get()
        let nn = { (text: String) in CmarkConverter.codeBlocks(text).filter { $0.info.hasPrefix("nn") }.count }
        #expect(nn(md) == nn(source), "\(name): the Markdown's blocks changed")
        #expect(Self.balanced(html), "\(name): the page's tags are not balanced")
    }

    /// Every element that must be closed is closed as often as it is opened.
    static func balanced(_ html: String) -> Bool {
        html.hasSuffix("</html>\n")
            && ["div", "main", "pre", "code", "table", "span", "ul", "ol", "li", "p", "script", "section", "figure", "nav"].allSatisfy {
                tag in
                html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
                    == html.components(separatedBy: "</\(tag)>").count - 1
            }
    }
}
