import Foundation
import Notebook
import Testing

@testable import NNLang

/// One case of a differential fixture: a program and what CPython 3.11 printed for it.
struct PythonCase: CustomTestStringConvertible, Sendable {
    var file: String
    var index: Int
    var source: String
    var expected: String

    var testDescription: String { "\(file).py #\(index + 1)" }

    static let separator = "# ---"

    /// The cases of `Fixtures/python/NAME.py` with CPython's output from `NAME.out`
    /// (made by Scripts/python_reference.py).
    static func load(_ name: String) -> [PythonCase] {
        func read(_ ext: String) -> [String] {
            let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/python")!
            let text = try! String(contentsOf: url, encoding: .utf8)
            return text.components(separatedBy: "\n" + separator + "\n")
        }
        let sources = read("py")
        let outputs = read("out")
        precondition(sources.count == outputs.count, "\(name).out is stale: run Scripts/python_reference.py")
        return zip(sources, outputs).enumerated().map { PythonCase(file: name, index: $0, source: $1.0, expected: $1.1) }
    }
}

/// What a program prints in Lectern, with a last `Type: message` line if it fails, as the
/// reference script records CPython's.
func printedText(_ source: String) -> String {
    withLargeStack {
        let (lines, error) = runProgramHere(source, timeout: 20)
        var text = lines.map { $0 + "\n" }.joined()
        if let error { text += error.message + "\n" }
        return text
    }
}

@Suite struct PythonDifferentialTests {
    @Test(arguments: ["integers", "floats", "formatting", "modules", "methods", "collections", "fuzz"].flatMap(PythonCase.load))
    func printsWhatCPythonPrints(_ c: PythonCase) {
        #expect(printedText(c.source) == c.expected)
    }
}
