import Testing

@testable import NNLang

/// np.random, np.linalg and numpy-breadth programs against what real numpy printed
/// (`Scripts/make_random_programs.py`, `Scripts/make_numpy_programs.py`).
@Suite struct NumpyProgramTests {
    @Test(arguments: FixtureCase.load("random") + FixtureCase.load("numpy_more"))
    func programPrintsWhatNumpyPrinted(_ c: FixtureCase) {
        let (outputs, error) = runProgram(c.source)
        #expect(error == nil, "unexpected error: \(error.map { "\($0.position.line):\($0.position.column): \($0.message)" } ?? "")")
        #expect(outputs == c.expected)
    }

    @Test(arguments: FixtureCase.load("numpy_errors"))
    func programFailsLoudly(_ c: FixtureCase) throws {
        let (_, error) = runProgram(c.source, timeout: 5)
        let e = try #require(error, "expected an error: \(c.error ?? "")")
        let got = "\(e.position.line):\(e.position.column): \(e.message)"
        #expect(got.hasPrefix(try #require(c.error)), "got \(got)")
    }

    @Test func normKeepsItsGradient() {
        let (outputs, error) = runProgram("import numpy as np\nw = np.array([3.0, 4.0])\nprint(grad(np.linalg.norm(w), w).tolist())")
        #expect(error == nil)
        #expect(outputs == ["[0.6, 0.8]"])
    }
}
