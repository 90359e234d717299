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
}
