import Foundation
import Notebook
import Testing

@testable import NNLang

/// pyplot programs print what real matplotlib prints: autoscaled limits, histogram counts and
/// edges, labels, subplot grids (ground truth: Scripts/make_pyplot_reference.py).
@Suite struct PyplotTests {
    struct Reference: Decodable {
        var printed: [String]
    }

    static let cases = FixtureCase.load("pyplot")
    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "pyplot.expected", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: cases)
    func printsWhatMatplotlibPrints(_ c: FixtureCase) {
        let run = runProgram(c.source)
        #expect(run.error == nil, "\(run.error.map { "\($0)" } ?? "")")
        let printed = run.outputs.filter { !$0.hasPrefix("plot ") }.joined(separator: "\n")
        #expect(printed + "\n" == PyplotTests.reference.printed[c.index])
    }

    @Test func everyCaseHasAReference() {
        #expect(PyplotTests.cases.count == PyplotTests.reference.printed.count)
    }
}

/// Odd input is a Python error or a drawing, never a trap.
@Suite struct PyplotRobustnessTests {
    static let calls = [
        "plt.plot([])", "plt.scatter([], [])", "plt.hist([])", "plt.bar([], [])", "plt.imshow(np.zeros((0, 0)))",
        "plt.contourf(np.zeros((2, 2)))", "plt.plot([1, 2], [float('nan'), float('inf')])",
        "plt.yscale('log'); plt.plot([0, 1], [0, -1])", "plt.xlim(1, 1)", "plt.xlim(5, 1); plt.plot([1, 2])",
        "plt.ylim(-1, 1); plt.yscale('log'); plt.imshow(np.ones((2, 2)))", "plt.hist([1.0], bins=10**9)",
        "plt.yticks([0, 1], ['x' * 200, 'y'])", "plt.plot([1e300, -1e300])", "plt.plot([1e-300, 2e-300])",
        "plt.imshow(np.ones((2, 2, 3)) * float('nan'))", "plt.scatter([1, 2], [1, 2], c=np.array([[float('nan'), 0, 0], [1, 1, 1]]))",
        "plt.figure(figsize=(0.01, 100)); plt.plot([1])", "plt.title('$x^{')", "plt.xticks(rotation=1e300)",
        "plt.contourf(np.zeros((3, 3)), colors=[])", "plt.subplots(100, 100)",
    ]

    @Test(arguments: calls)
    func oddCallsDoNotTrap(_ call: String) {
        let run = runProgram("import numpy as np\nimport matplotlib.pyplot as plt\n" + call + "\nplt.show()")
        if let e = run.error { #expect(e.message.contains("Error"), "\(e.message)") }
    }
}
