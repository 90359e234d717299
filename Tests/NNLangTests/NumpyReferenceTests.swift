import Testing

@testable import NNLang

/// The differential suite: programs whose expected output real numpy printed
/// (`Scripts/numpy_reference.py` writes `Fixtures/numpy.nn`).
@Suite struct NumpyReferenceTests {
    @Test(arguments: FixtureCase.load("numpy"))
    func matchesNumpy(_ c: FixtureCase) {
        let (outputs, error) = runProgram(c.source)
        #expect(error == nil, "unexpected error: \(error.map { "\($0.position.line):\($0.position.column): \($0.message)" } ?? "")")
        #expect(outputs == c.expected)
    }
}
