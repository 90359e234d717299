import Foundation
import Notebook

/// Step 6 for `lectern check`: compare each fresh render with the committed Markdown, and
/// the committed HTML when the Markdown is unchanged.
public enum Check {
    public struct Report: Sendable {
        public var result: DocumentResult
        /// nil when there is no committed file to compare with.
        public var drift: Drift?
        public var missing: Bool
        /// The Markdown is byte-identical but the HTML is not: the pages were made by another
        /// version of Lectern (or edited) and need a fresh `lectern render`.
        public var staleHTML = false
        /// Files the lecture references that are missing from the output or differ from the source.
        public var staleAssets: [String] = []
        /// A missing link target fails `check` (it is only a warning in `render`).
        public var failed: Bool {
            !result.failures.isEmpty || !result.page.warnings.isEmpty || missing || staleHTML || !staleAssets.isEmpty
                || (drift?.isFailure ?? false)
        }
    }

    public static func compare(_ results: [DocumentResult], against out: URL, rtol: Double?, atol: Double?) -> [Report] {
        results.map { r in
            // Nothing was rendered to compare: the failures say why.
            if r.unrendered { return Report(result: r, drift: nil, missing: false) }
            let url = out.appendingPathComponent(String(r.source.relativePath.dropLast(3)) + ".md")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return Report(result: r, drift: nil, missing: true)
            }
            let committed = String(decoding: data, as: UTF8.self)
            let drift = Drift.compare(old: committed, new: r.markdown, rtol: rtol ?? r.rtol ?? 0, atol: atol ?? r.atol ?? 0)
            var report = Report(result: r, drift: drift, missing: false)
            report.staleAssets = r.page.assets.filter { asset in
                FileManager.default.contents(atPath: out.appendingPathComponent(asset).path)
                    != FileManager.default.contents(atPath: r.source.root.appendingPathComponent(asset).path)
            }
            // With the same Markdown the HTML holds the same values, so any difference is a stale page.
            if committed == r.markdown {
                // Compared as bytes: decoding a committed page only to compare it costs more than the rest.
                func committed(_ ext: String) -> Data? {
                    FileManager.default.contents(atPath: url.deletingPathExtension().appendingPathExtension(ext).path)
                }
                report.staleHTML = committed("html") != Data(r.html.utf8) || committed("ipynb") != Data(r.notebook.utf8)
            }
            return report
        }
    }

    /// The drift of one document as `file:line: old → new` lines.
    public static func describe(_ report: Report, outputFolder: String) -> [String] {
        let path = outputFolder + "/" + report.result.source.relativePath
        if report.missing { return ["\(path): no committed output to compare with (run 'lectern render' first)"] }
        if !report.staleAssets.isEmpty {
            return report.staleAssets.map { "\(outputFolder)/\($0): missing or out of date (run 'lectern render')" }
        }
        if report.staleHTML {
            return [
                "\(path.dropLast(3)).html: the page or notebook differs from a fresh render with the same numbers (run 'lectern render')"
            ]
        }
        return (report.drift?.changes ?? []).map { c in
            let note = c.withinTolerance ? " (within tolerance)" : ""
            if !c.old.isEmpty && !c.new.isEmpty && Drift.numbersOnlyDiffer(c.old, c.new) {
                let pairs = Drift.changedNumbers(c.old, c.new).map { "\($0) → \($1)" }.joined(separator: ", ")
                return "\(path):\(c.line): \(pairs)\(note)"
            }
            return "\(path):\(c.line):\(note)\n  - \(c.old)\n  + \(c.new)"
        }
    }

    /// A JUnit XML report: one test case per lecture, and one for the site's own files.
    public static func junit(_ reports: [Report], site: [String] = [], outputFolder: String) -> String {
        let failures = reports.filter(\.failed).count + (site.isEmpty ? 0 : 1)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites><testsuite name=\"lectern check\" tests=\"\(reports.count + 1)\" failures=\"\(failures)\">\n"
        xml += "<testcase classname=\"lectern\" name=\"(site: assets, index, stale pages)\""
        xml +=
            site.isEmpty
            ? "/>\n" : "><failure message=\"site drift\">\(escapeHTML(site.joined(separator: "\n")))</failure></testcase>\n"
        for r in reports {
            xml += "<testcase classname=\"lectern\" name=\"\(escapeHTML(r.result.source.relativePath))\""
            if r.failed {
                let text = (r.result.failures.map(\.formatted) + describe(r, outputFolder: outputFolder)).joined(separator: "\n")
                xml +=
                    "><failure message=\"\(escapeHTML(r.result.failures.first?.message ?? "drift"))\">\(escapeHTML(text))</failure></testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        return xml + "</testsuite></testsuites>\n"
    }
}

extension Drift {
    static func numbersOnlyDiffer(_ a: String, _ b: String) -> Bool {
        let (wa, na) = split(a)
        let (wb, nb) = split(b)
        return wa == wb && na.count == nb.count && !na.isEmpty
    }

    /// The numbers that changed, as their texts in the old and new line.
    static func changedNumbers(_ a: String, _ b: String) -> [(String, String)] {
        zip(numberTokens(a).numbers, numberTokens(b).numbers).filter { $0 != $1 }
    }
}
