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
