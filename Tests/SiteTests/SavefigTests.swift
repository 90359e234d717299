import Foundation
import Testing

/// `savefig` writes an SVG beside the page in the output tree, and the figure still shows.
@Suite struct SavefigTests {
    @Test func savefigWritesBesideThePage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-savefig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("week1"), withIntermediateDirectories: true)
        let source = """
            # Saved

            ```nn
            import matplotlib.pyplot as plt
            plt.plot([1, 2, 3], [1, 4, 9], label="squares")
            plt.legend()
            plt.savefig("figures/squares.svg")
            plt.savefig("squares")
            ```
            """
        try source.write(to: dir.appendingPathComponent("week1/page.md"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = lectern(["render", dir.appendingPathComponent("week1").path, "--out", out.path])
        #expect(r.code == 0, "\(r.err)")
        let svg = try read(out.appendingPathComponent("figures/squares.svg"))
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.contains("squares"))
        #expect(try read(out.appendingPathComponent("squares.svg")) == svg)
        #expect(try read(out.appendingPathComponent("page.html")).contains("<svg class=\"nn-plot\""))
    }
}
