import Testing

@testable import NNLang

/// `np.random` programs against what real numpy printed (`Scripts/make_random_programs.py`).
@Suite struct NumpyRandomProgramTests {
    @Test(arguments: FixtureCase.load("random"))
    func programPrintsNumpysDraws(_ c: FixtureCase) {
        let (outputs, error) = runProgram(c.source)
        #expect(error == nil, "unexpected error: \(error.map { "\($0.position.line):\($0.position.column): \($0.message)" } ?? "")")
        #expect(outputs == c.expected)
    }
}
