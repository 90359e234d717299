import Foundation
import Testing

/// Compares `actual` with `Snapshots/NAME`; `RECORD_SNAPSHOTS=1` rewrites the file (and still fails).
func assertSnapshot(_ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(name): run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var diff: [String] = []
        for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
            diff.append("line \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
            if diff.count >= 8 { break }
        }
        let details = diff.joined(separator: "\n")
        Issue.record("snapshot \(name) differs:\n\(details)", sourceLocation: sourceLocation)
    }
}

func fixture(_ name: String) -> String {
    try! String(contentsOf: Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!, encoding: .utf8)
}
