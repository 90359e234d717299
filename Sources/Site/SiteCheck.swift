import Foundation

/// What `check` owns beyond each lecture's pages: the assets, the index, and no stale pages.
public enum SiteCheck {
    /// One line per problem, each naming the file in the output folder.
    ///
    /// A stale page is a lecture's `X.md` (with its `X.html`) whose source is gone; an `.html`
    /// without an `.md` beside it is a site page (the index, search), not a lecture's.
    /// The index and stale pages are only judged for folder builds, which own the whole tree.
    public static func problems(_ results: [DocumentResult], out: URL, folderBuild: Bool) throws(BuildError) -> [String] {
        let folder = out.path
        var problems: [String] = []
        if FileManager.default.fileExists(atPath: out.appendingPathComponent("assets").path) {
            for asset in try Write.assetFiles() {
                guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(asset.path).path) else {
                    problems.append("\(folder)/\(asset.path): missing (run 'lectern render')")
                    continue
                }
                if data != asset.data {
                    problems.append("\(folder)/\(asset.path): differs from this version of Lectern (run 'lectern render')")
                }
            }
        } else {
            // One line for the whole folder rather than one per KaTeX font.
            problems.append("\(folder)/assets/: missing (run 'lectern render')")
        }
        guard folderBuild else { return problems }
        if !FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path) {
            problems.append("\(folder)/index.html: missing (run 'lectern render')")
        }
        let lectures = Set(results.map { String($0.source.relativePath.dropLast(3)) })
        for page in lecturePages(in: out) where !lectures.contains(page) {
            problems.append("\(folder)/\(page).md: a page with no lecture behind it (its source is gone; delete it, with its .html)")
        }
        return problems
    }

    /// The stems (`part/x`) of every `.md` in the output folder outside `assets/`, sorted.
    static func lecturePages(in out: URL) -> [String] {
        let root = out.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var pages: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item == "assets" {
                enumerator.skipDescendants()
                continue
            }
            if item.hasSuffix(".md") { pages.append(String(item.dropLast(3))) }
        }
        return pages.sorted()
    }
}
