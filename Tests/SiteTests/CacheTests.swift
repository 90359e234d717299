import Foundation
import Testing

@testable import LecternCLI
@testable import Site

/// The render cache: unchanged lectures are not run again, a changed lecture or data file is,
/// and a cached render is byte-identical to a clean one.
@Suite(.serialized) struct CacheTests {
    /// A project with `notebooks/` (so the cache lives in its `.lectern/`), `count` lectures, one
    /// of which reads `data.csv`.
    func project(_ count: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-cache-\(UUID().uuidString)")
        let notebooks = dir.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        for i in 0..<count {
            try "# Lecture \(i)\n\n```nn\nprint(\(i) * 2)\n```\n".write(
                to: notebooks.appendingPathComponent(String(format: "%03d.md", i)), atomically: true, encoding: .utf8)
        }
        try "x,y\n1,2\n3,4\n".write(to: notebooks.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try "# Data\n\n```nn\nX, y = read_csv('data.csv', target='y')\nprint(X.sum())\n```\n".write(
            to: notebooks.appendingPathComponent("reader.md"), atomically: true, encoding: .utf8)
        return dir
    }

    func render(_ dir: URL, _ extra: [String] = []) -> (code: Int32, out: String, err: String) {
        lectern(
            ["render", "--cache-test", dir.appendingPathComponent("notebooks").path, "--out", dir.appendingPathComponent("output").path]
                + extra)
    }

    /// The run entries of the cache (`kind: "pages"` for the page entries): a re-run rewrites
    /// nothing, so a changed set of entries shows which lectures ran.
    func entries(_ dir: URL, kind: String = "runs") throws -> Set<String> {
        let cache = dir.appendingPathComponent(".lectern/cache/\(kind)")
        return Set(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") })
    }

    @Test func onlyWhatChangedRunsAgain() throws {
        let dir = try project(300)
        #expect(render(dir).code == 0)
        let first = try entries(dir)
        #expect(first.count == 301)

        #expect(render(dir).code == 0)
        #expect(try entries(dir) == first, "nothing changed: no new entries")

        let lecture = dir.appendingPathComponent("notebooks/007.md")
        try "# Lecture 7\n\n```nn\nprint(7 * 3)\n```\n".write(to: lecture, atomically: true, encoding: .utf8)
        #expect(render(dir).code == 0)
        #expect(try entries(dir).subtracting(first).count == 1, "only the edited lecture ran")
        #expect(try read(dir.appendingPathComponent("output/007.md")).contains("21"))

        let before = try entries(dir)
        try "x,y\n10,2\n3,4\n".write(to: dir.appendingPathComponent("notebooks/data.csv"), atomically: true, encoding: .utf8)
        #expect(render(dir).code == 0)
        let after = try entries(dir)
        #expect(after.subtracting(before).count == 0, "the reader's key is its source: its entry is replaced in place")
        #expect(try read(dir.appendingPathComponent("output/reader.md")).contains("13.0"), "the data file's change re-ran its reader")
    }

    @Test func aNewCourseTitleOrANewLectureReassemblesPagesWithoutRunningAnyLecture() throws {
        let dir = try project(4)
        #expect(render(dir).code == 0)
        let runs = try entries(dir)
        let pages = try entries(dir, kind: "pages")
        #expect(runs.count == 5 && pages.count == 5)

        try "title: Renamed course\n".write(to: dir.appendingPathComponent("lectern.yml"), atomically: true, encoding: .utf8)
        try "# Lecture 9\n\nNew.\n".write(to: dir.appendingPathComponent("notebooks/009.md"), atomically: true, encoding: .utf8)
        #expect(render(dir).code == 0)
        #expect(try entries(dir).subtracting(runs).count == 1, "only the new lecture ran")
        #expect(try entries(dir, kind: "pages").subtracting(pages).count == 6, "every page was re-assembled")
        let page = try read(dir.appendingPathComponent("output/001.html"))
        #expect(page.contains("Renamed course") && page.contains("href=\"009.html\""))

        // The re-assembled pages equal a clean render's.
        let clean = dir.appendingPathComponent("clean")
        #expect(lectern(["render", dir.appendingPathComponent("notebooks").path, "--out", clean.path]).code == 0)
        for name in ["000.html", "001.html", "009.html", "reader.html", "index.html"] {
            #expect(try read(clean.appendingPathComponent(name)) == read(dir.appendingPathComponent("output/\(name)")), "\(name)")
        }
    }

    @Test func aCachedRenderIsByteIdenticalToACleanOne() throws {
        let dir = try project(5)
        #expect(render(dir).code == 0)
        #expect(render(dir).code == 0)
        let cached = dir.appendingPathComponent("output")
        let clean = dir.appendingPathComponent("clean")
        #expect(
            lectern(["render", dir.appendingPathComponent("notebooks").path, "--out", clean.path]).code == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: clean.path) where !name.hasPrefix("assets") {
            #expect(
                FileManager.default.contents(atPath: clean.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: cached.appendingPathComponent(name).path), "\(name) differs")
        }
    }

    @Test func failuresAreNotCached() throws {
        let dir = try project(1)
        try "# Broken\n\n```nn\n1 / 0\n```\n".write(
            to: dir.appendingPathComponent("notebooks/broken.md"), atomically: true, encoding: .utf8)
        #expect(render(dir).code == 1)
        #expect(try entries(dir).count == 2, "the two good lectures only")
    }

    /// The reference vectors of xxHash's XXH64 (from the `xxhash` Python package, which wraps the C library).
    @Test func theHashIsXXH64() {
        let cases: [(String, UInt64, UInt64)] = [
            ("", 0xef46_db37_51d8_e999, 0xc434_9fc9_3c01_0000), ("a", 0xd24e_c4f1_a98c_6e5b, 0x9a7c_6d2e_a455_68c9),
            ("abc", 0x44bc_2cf5_ad77_0999, 0x2ed0_f59d_6b43_ac8b),
            ("The quick brown fox jumps over the lazy dog", 0x0b24_2d36_1fda_71bc, 0x7cfa_c668_32f6_6b74),
        ]
        for (text, seed0, seed1) in cases {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { XXH64.hash($0, seed: 0) } == seed0, "\(text)")
            #expect(bytes.withUnsafeBytes { XXH64.hash($0, seed: 0x9E37_79B9_7F4A_7C15) } == seed1, "\(text)")
        }
        let long = (0..<200).map { UInt8($0) }
        #expect(long.withUnsafeBytes { XXH64.hash($0, seed: 0) } == 0x50dc_1079_b99e_879c)
    }

    func check(_ dir: URL) -> (code: Int32, out: String, err: String) {
        lectern([
            "check", "--cache-test", dir.appendingPathComponent("notebooks").path, "--out", dir.appendingPathComponent("output").path,
        ])
    }

    /// Moves every file's modification time a minute back, out of the replay's racy window.
    func age(_ dir: URL) throws {
        let past = Date().addingTimeInterval(-60)
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        }
    }

    /// A passing check is replayed while nothing it read has changed; a changed lecture, data
    /// file, committed page or new lecture runs the full check again and finds the drift. A
    /// file changed within two seconds of the check is not trusted by its time: nothing is kept.
    @Test func aNoChangeCheckIsReplayedAndAnyChangeRunsItAgain() throws {
        let dir = try project(3)
        #expect(render(dir).code == 0)
        #expect(check(dir).code == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern/check").path))
        try age(dir)
        let first = check(dir)
        #expect(first.code == 0, "\(first.out)")
        let replays = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(".lectern/check").path)
        #expect(replays.count == 1, "\(replays)")
        let second = check(dir)
        #expect(second.code == 0 && second.out == first.out && second.err == first.err)

        let data = dir.appendingPathComponent("notebooks/data.csv")
        try "x,y\n1,2\n30,4\n".write(to: data, atomically: true, encoding: .utf8)
        let changedData = check(dir)
        #expect(changedData.code == 1 && changedData.out.contains("FAIL reader.md"), "\(changedData.out)")
        try "x,y\n1,2\n3,4\n".write(to: data, atomically: true, encoding: .utf8)
        #expect(check(dir).code == 0)
        try age(dir)
        #expect(check(dir).code == 0)

        let page = dir.appendingPathComponent("output/001.md")
        let committed = try String(contentsOf: page, encoding: .utf8)
        try committed.replacingOccurrences(of: "2", with: "7").write(to: page, atomically: true, encoding: .utf8)
        #expect(check(dir).code == 1)
        try committed.write(to: page, atomically: true, encoding: .utf8)
        #expect(check(dir).code == 0)

        // A hidden data file counts too: lecture discovery skips it, but a lecture may read it.
        let hidden = dir.appendingPathComponent("notebooks/.hidden.csv")
        try "x,y\n1,2\n".write(to: hidden, atomically: true, encoding: .utf8)
        try "# Hidden\n\n```nn\nX, y = read_csv('.hidden.csv', target='y')\nprint(X.sum())\n```\n".write(
            to: dir.appendingPathComponent("notebooks/hidden.md"), atomically: true, encoding: .utf8)
        #expect(render(dir).code == 0)
        try age(dir)
        #expect(check(dir).code == 0)
        try "x,y\n5,2\n".write(to: hidden, atomically: true, encoding: .utf8)
        let changedHidden = check(dir)
        #expect(changedHidden.code == 1 && changedHidden.out.contains("FAIL hidden.md"), "\(changedHidden.out)")
        try FileManager.default.removeItem(at: hidden)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("notebooks/hidden.md"))
        #expect(render(dir).code == 0)

        try "# New\n\n```nn\nprint(5)\n```\n".write(
            to: dir.appendingPathComponent("notebooks/new.md"), atomically: true, encoding: .utf8)
        let added = check(dir)
        #expect(added.code == 1 && added.out.contains("5 lectures checked"), "\(added.out)")

        // A single lecture is never replayed: what it embeds lies outside the fingerprints.
        #expect(CheckReplay(inputs: [dir.appendingPathComponent("notebooks/001.md").path], out: "o", arguments: [], build: "") == nil)
    }

    @Test func checkUsesTheCacheAndNoCacheIgnoresIt() throws {
        let dir = try project(3)
        #expect(render(dir).code == 0)
        let check = lectern([
            "check", "--cache-test", dir.appendingPathComponent("notebooks").path, "--out", dir.appendingPathComponent("output").path,
        ])
        #expect(check.code == 0, "\(check.out)")
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".lectern"))
        #expect(render(dir, ["--no-cache"]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern").path))
    }
}
