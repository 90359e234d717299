import Foundation

/// Sources are never written: an output folder that is, contains or lies inside an input is
/// refused before anything runs.
public enum OutputGuard {
    /// Throws a usage error when writing into `out` could touch one of the inputs.
    ///
    /// A folder input must not be, contain or hold the output folder. A single file input only
    /// must not lie inside the output folder (rendering `lecture.md` beside an `output/` folder is fine).
    public static func check(out: String, inputs: [String]) throws(BuildError) {
        let target = canonical(out)
        for input in inputs {
            let source = canonical(input)
            var isDirectory: ObjCBool = false
            let isFolder = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
            let problem: String? =
                if source == target {
                    "is the input"
                } else if source.starts(with: target) {
                    "contains the input"
                } else if isFolder && target.starts(with: source) {
                    "lies inside the input"
                } else {
                    nil
                }
            if let problem {
                throw .usage(
                    "the output folder \(out) \(problem) \(input): lectern never writes into its sources; choose another --out")
            }
        }
    }

    /// The absolute path's components with symlinks and `..` resolved, also for a path that
    /// does not exist yet (its deepest existing folder is resolved, the rest is appended).
    static func canonical(_ path: String) -> [String] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var existing = absolute.count
        while existing > 1 && !FileManager.default.fileExists(atPath: NSString.path(withComponents: Array(absolute[..<existing]))) {
            existing -= 1
        }
        let head = NSString.path(withComponents: Array(absolute[..<existing]))
        var resolved =
            realpath(head, nil).map { p in
                defer { free(p) }
                return URL(fileURLWithPath: String(cString: p)).pathComponents
            } ?? Array(absolute[..<existing])
        for component in absolute[existing...] {
            if component == ".." {
                if resolved.count > 1 { resolved.removeLast() }
            } else if component != "." {
                resolved.append(component)
            }
        }
        return resolved
    }
}
