import Foundation
import Notebook

/// The course a render belongs to: every lecture and file under each input root, read (not
/// run) up front so each page can link to all the others and check its links.
public struct Course: Sendable {
    public var config: CourseConfig
    /// One context per input root, keyed by the root's path.
    var sites: [String: SiteContext]

    /// Reads `lectern.yml` (from the first root or the folder holding it), lists each root's
    /// lectures and files, and orders `files` as the course does.
    public static func load(_ files: [SourceFile], outputFolder: URL, folderBuild: Bool) throws(BuildError) -> (Course, [SourceFile]) {
        let roots = uniqueRoots(files)
        // The project root holds the lectures' folder (`notebooks/`); a folder may also carry its own.
        let config = try CourseConfig.load(searching: roots.flatMap { [$0, $0.deletingLastPathComponent()] })
        let hasIndex = folderBuild || FileManager.default.fileExists(atPath: outputFolder.appendingPathComponent("index.html").path)
        var sites: [String: SiteContext] = [:]
        for root in roots {
            let listing = list(root, excluding: outputFolder)
            // A single lecture may sit in a sub-folder of the course the file describes.
            for path in config.lecturePaths where folderBuild && !listing.lectures.contains(path) {
                throw .usage("\(CourseConfig.fileName): lists '\(path)', which is not a lecture in \(root.path)")
            }
            let lectureFiles = config.ordered(
                listing.lectures.map { SourceFile(url: root.appendingPathComponent($0), relativePath: $0, root: root) })
            // Only the titles are needed up front (for the navigation); each lecture is parsed when it runs.
            let lectures = lectureFiles.map { file -> SiteContext.Lecture in
                let text = (try? String(contentsOf: file.url, encoding: .utf8)) ?? ""
                return SiteContext.Lecture(path: file.relativePath, title: title(text, path: file.relativePath))
            }
            let rootURL = root
            sites[root.path] = SiteContext(
                title: config.title ?? "Lectures", description: config.description, lectures: lectures, files: listing.files,
                hasIndex: hasIndex, text: { path in try? String(contentsOf: rootURL.appendingPathComponent(path), encoding: .utf8) })
        }
        let course = Course(config: config, sites: sites)
        // Lectures keep their root's position on the command line, and the course's order within it.
        var order: [String: Int] = [:]
        for (rootPath, site) in sites {
            for (i, lecture) in site.lectures.enumerated() { order[rootPath + "/" + lecture.path] = i }
        }
        let sorted = files.enumerated().sorted { a, b in
            let ka = order[a.element.root.path + "/" + a.element.relativePath] ?? Int.max
            let kb = order[b.element.root.path + "/" + b.element.relativePath] ?? Int.max
            if a.element.root != b.element.root { return a.offset < b.offset }
            return (ka, a.offset) < (kb, b.offset)
        }.map(\.element)
        return (course, sorted)
    }

    /// `Execute.title` without splitting a long lecture into lines: the front matter's title,
    /// else the first `# ` heading, else the path.
    static func title(_ text: String, path: String) -> String {
        // Yams costs more than the rest of a cached lecture: only a front matter that names a title needs it.
        if text.hasPrefix("---") && frontMatterMentionsTitle(text) { return Execute.title(text, path: path) }
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "\n" || $0 == "\r\n" } ?? rest.endIndex
            if rest[..<end].hasPrefix("# ") { return String(rest[..<end].dropFirst(2)) }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return path
    }

    /// Whether the front matter (up to its closing `---` or `...`, or the whole text when it
    /// has none) contains the word `title` anywhere: a conservative test, so any way YAML can
    /// spell the key still goes through the YAML parser.
    static func frontMatterMentionsTitle(_ text: String) -> Bool {
        // A plain byte scan: the generic `firstRange(of:)` cost a no-change check a sixth of its time.
        let bytes = Array(text.utf8)
        let title = Array("title".utf8)
        var i = 3
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n"), i + 3 < bytes.count,
                bytes[i + 1...i + 3].elementsEqual("---".utf8) || bytes[i + 1...i + 3].elementsEqual("...".utf8)
            {
                return false
            }
            if bytes[i] == title[0], i + title.count <= bytes.count, bytes[i..<i + title.count].elementsEqual(title) { return true }
            i += 1
        }
        return false
    }

    /// The context of the course a file belongs to.
    public func site(for file: SourceFile) -> SiteContext { sites[file.root.path] ?? SiteContext() }

    static func uniqueRoots(_ files: [SourceFile]) -> [URL] {
        var seen: Set<String> = []
        return files.map(\.root).filter { seen.insert($0.path).inserted }
    }

    /// How many files and folders a course folder's listing visits at most.
    static let maxEntries = 20_000

    /// Lectures (`.md`) and other files under `root`, sorted, hidden files and the output
    /// folder left out.
    static func list(_ root: URL, excluding out: URL) -> (lectures: [String], files: [String]) {
        var lectures: [String] = []
        var files: [String] = []
        let rootPath = root.standardizedFileURL.path
        let outPath = out.standardizedFileURL.path
        // Paths, not URLs: a URL's resource values cost more than the walk itself on Linux.
        let enumerator = FileManager.default.enumerator(atPath: rootPath)
        var visited = 0
        while let relative = enumerator?.nextObject() as? String {
            // A lecture rendered from a crowded folder (a home or temporary folder) must not
            // walk all of it: past `maxEntries` entries the listing stops (README).
            visited += 1
            if visited > maxEntries { break }
            let name = relative.split(separator: "/").last ?? ""
            let isDirectory = (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
            if name.hasPrefix(".") || rootPath + "/" + relative == outPath {
                if isDirectory { enumerator?.skipDescendants() }
                continue
            }
            guard !isDirectory else { continue }
            if relative.hasSuffix(".md") { lectures.append(relative) } else { files.append(relative) }
        }
        return (lectures.sorted(), files.sorted())
    }
}
