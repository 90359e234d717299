import Foundation
import Yams

/// The course as `lectern.yml` at the project root describes it: its name, description,
/// author, public address and the order of its lectures. Every key is optional.
public struct CourseConfig: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var author: String?
    /// Where the site is published (`https://example.org/course/`); enables `sitemap.xml`.
    public var baseURL: String?
    /// Lecture paths relative to the lectures' folder, in reading order; lectures not listed
    /// follow in path order.
    public var lectures: [String] = []

    public init() {}

    public static let fileName = "lectern.yml"
    static let keys = ["title", "description", "author", "base_url", "lectures"]

    /// The first `lectern.yml` in `folders`, or an empty configuration when there is none.
    public static func load(searching folders: [URL]) throws(BuildError) -> CourseConfig {
        for folder in folders {
            let url = folder.appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            return try parse(String(decoding: data, as: UTF8.self), file: fileName)
        }
        return CourseConfig()
    }

    /// Reads the YAML text; a wrong type or an unknown key is an error naming the line.
    public static func parse(_ yaml: String, file: String) throws(BuildError) -> CourseConfig {
        var config = CourseConfig()
        let node: Any?
        do { node = try Yams.load(yaml: yaml) } catch {
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            throw .usage("\(file): not valid YAML: \(first)")
        }
        guard let node else { return config }
        guard let map = node as? [String: Any] else { throw .usage("\(file): must be a mapping of keys to values") }
        let lines = yaml.sourceLines
        func fail(_ key: String, _ message: String) -> BuildError {
            let line = (lines.firstIndex { $0.hasPrefix(key + ":") }).map { $0 + 1 } ?? 1
            return .usage("\(file):\(line): \(message)")
        }
        for key in map.keys.sorted() {
            let value = map[key]!
            func text() throws(BuildError) -> String {
                guard let s = value as? String else { throw fail(key, "'\(key)' must be text") }
                return s
            }
            switch key {
            case "title": config.title = try text()
            case "description": config.description = try text()
            case "author": config.author = try text()
            case "base_url": config.baseURL = try text()
            case "lectures":
                guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
                    throw fail(key, "'lectures' must be a list of lecture paths, e.g. - 01-intro.md")
                }
                config.lectures = list.map { $0 as! String }
            default:
                throw fail(key, "unknown key '\(key)' (the keys are \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// The configured lecture paths, each ending in `.md`.
    var lecturePaths: [String] { lectures.map { $0.hasSuffix(".md") ? $0 : $0 + ".md" } }

    /// The files in the configured order: listed lectures first, then the rest by path.
    public func ordered(_ files: [SourceFile]) -> [SourceFile] {
        guard !lectures.isEmpty else { return files }
        var rank: [String: Int] = [:]
        for (i, path) in lecturePaths.enumerated() where rank[path] == nil { rank[path] = i }
        return files.enumerated().sorted { a, b in
            let ra = rank[a.element.relativePath] ?? lectures.count + a.offset
            let rb = rank[b.element.relativePath] ?? lectures.count + b.offset
            return ra < rb
        }.map(\.element)
    }
}
