import Foundation

/// A lecture found on disk: where it is and where its outputs go.
public struct SourceFile: Sendable, Codable {
    public var url: URL
    /// The path relative to its input root (`intro/01-forward.md`); outputs mirror it.
    public var relativePath: String
    public var root: URL
}

/// Step 1: the Markdown files named on the command line, folders searched recursively.
public enum Discover {
    /// True when any of the paths is a folder: a folder build also gets an index page.
    public static func includesFolder(_ paths: [String]) -> Bool {
        paths.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    public static func files(_ paths: [String]) throws(BuildError) -> [SourceFile] {
        var found: [SourceFile] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .usage("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(
                    at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
                var inFolder: [SourceFile] = []
                while let item = enumerator?.nextObject() as? URL {
                    if isRenderedSite(item) {
                        enumerator?.skipDescendants()
                        continue
                    }
                    guard item.pathExtension == "md" else { continue }
                    let rel = String(item.standardizedFileURL.path.dropFirst(url.path.count + 1))
                    inFolder.append(SourceFile(url: item.standardizedFileURL, relativePath: rel, root: url))
                }
                found += inFolder.sorted { $0.relativePath < $1.relativePath }
            } else {
                guard url.pathExtension == "md" else { throw .usage("\(path): not a Markdown (.md) file") }
                found.append(SourceFile(url: url, relativePath: url.lastPathComponent, root: url.deletingLastPathComponent()))
            }
        }
        return found
    }
}

extension Discover {
    /// A folder lectern rendered into (it holds `assets/lectern.css`): its `.md` files are
    /// outputs, never lectures, so rendering `.` does not read its own `output/`.
    static func isRenderedSite(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("assets/lectern.css").path)
    }
}

public enum BuildError: Error, CustomStringConvertible {
    case usage(String)
    case io(String)
    public var description: String {
        switch self {
        case .usage(let m), .io(let m): return m
        }
    }
}
