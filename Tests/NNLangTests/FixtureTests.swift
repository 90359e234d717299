import Display
import Engine
import Foundation
import Notebook
import Site
import Testing

@testable import NNLang

/// One case of a fixture program: its source and what it must show or fail with.
struct FixtureCase: CustomTestStringConvertible, Sendable {
    var file: String
    var index: Int
    var source: String
    var expected: [String]
    var error: String?

    var testDescription: String { "\(file) #\(index + 1)" }

    static func load(_ name: String) -> [FixtureCase] {
        let url = Bundle.module.url(forResource: name, withExtension: "nn", subdirectory: "Fixtures")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        var cases: [FixtureCase] = []
        var lines: [String] = []
        func flush() {
            var source: [String] = []
            var expected: [String] = []
            var error: String?
            for l in lines {
                if l.hasPrefix("# expect: ") {
                    expected.append(String(l.dropFirst(10)))
                } else if l.hasPrefix("# error: ") {
                    error = String(l.dropFirst(9))
                } else {
                    source.append(l)
                }
            }
            // Leading comment lines of the file describe the format; drop them but keep line numbers of the case.
            while let first = source.first, first.hasPrefix("#") && cases.isEmpty { source.removeFirst() }
            if source.contains(where: { !$0.isEmpty }) {
                cases.append(
                    FixtureCase(file: name, index: cases.count, source: source.joined(separator: "\n"), expected: expected, error: error))
            }
            lines = []
        }
        for l in text.components(separatedBy: "\n") {
            if l == "# ---" { flush() } else { lines.append(l) }
        }
        flush()
        return cases
    }
}

/// Runs a program as one block and returns its outputs as text, one per output.
func runProgram(_ source: String, timeout: Double = 20) -> (outputs: [String], error: LangError?) {
    withLargeStack { runProgramHere(source, timeout: timeout) }
}

func runProgramHere(_ source: String, timeout: Double) -> (outputs: [String], error: LangError?) {
    let interpreter = Interpreter(
        seed: 0, format: NumberFormat(decimals: 4),
        files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
    let (statements, syntaxErrors) = Parser.parse(source)
    if let first = syntaxErrors.first { return ([], first) }
    interpreter.prepare([statements])
    let (outputs, error) = interpreter.run(statements, timeout: timeout)
    return (outputs.map { describe(ShownOutput.output($0)) }.flatMap { $0.components(separatedBy: "\n") }, error)
}

/// A one-line text form of an output, for fixture expectations.
func describe(_ output: Output) -> String {
    let format = NumberFormat(decimals: 4)
    switch output {
    case .text(let s): return s
    case .scalar(let d): return format.scalar(d)
    case .integer(let i): return String(i)
    case .tensor(let shape, let values, let kind):
        let text = TensorText(format: format).text(shape: shape, values: values, kind: kind).replacingOccurrences(of: "\n", with: "")
        return text.split(separator: " ", omittingEmptySubsequences: false).joined(separator: " ")
            .replacingOccurrences(of: "] [", with: "] [") + " "
            + (shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")")
    case .table(let t): return "table " + t.columns.joined(separator: ", ")
    case .summary(let s): return s.title
    case .log(let l): return "log \(l.lines.count)"
    case .plot(let p): return "plot \(p.axes.flatMap { $0.legendEntries.map(\.label) })"
    case .error(let d): return d.message
    }
}

@Suite struct FixtureTests {
    @Test(
        arguments: FixtureCase.load("statements") + FixtureCase.load("values") + FixtureCase.load("library")
            + FixtureCase.load("tensorflow"))
    func programShowsExpectedValues(_ c: FixtureCase) {
        let (outputs, error) = runProgram(c.source)
        #expect(error == nil, "unexpected error: \(error.map { "\($0.position.line):\($0.position.column): \($0.message)" } ?? "")")
        #expect(outputs == c.expected)
    }

    @Test(arguments: FixtureCase.load("errors") + FixtureCase.load("pyplot-errors") + FixtureCase.load("tensorflow-errors"))
    func programFailsWithExpectedError(_ c: FixtureCase) throws {
        // Error cases fail at once; the one that must time out does so within 2 s.
        let (_, error) = runProgram(c.source, timeout: 2)
        let e = try #require(error, "expected an error: \(c.error ?? "")")
        let expected = try #require(c.error)
        let got = "\(e.position.line):\(e.position.column): \(e.message)"
        #expect(got.hasPrefix(expected), "got \(got)")
    }
}

/// A program of python.nn with what CPython printed for it (Scripts/python_fixtures.py).
struct CPythonProgram: CustomTestStringConvertible, Sendable {
    var program: FixtureCase
    var stdout: String
    var error: String?

    var testDescription: String { program.testDescription }

    static func load(_ name: String) -> [CPythonProgram] {
        struct Expected: Decodable {
            struct Case: Decodable {
                var stdout: String
                var error: String?
            }
            var cases: [Case]
        }
        let url = Bundle.module.url(forResource: name + ".expected", withExtension: "json", subdirectory: "Fixtures")!
        let expected = try! JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
        let programs = FixtureCase.load(name)
        precondition(programs.count == expected.cases.count, "\(name).expected.json is stale: run Scripts/python_fixtures.py \(name)")
        return zip(programs, expected.cases).map { CPythonProgram(program: $0, stdout: $1.stdout, error: $1.error) }
    }
}

@Suite struct PythonFixtureTests {
    @Test(arguments: CPythonProgram.load("python"))
    func programPrintsWhatCPythonPrints(_ c: CPythonProgram) {
        expectCPythonOutput(c)
    }

    /// Random programs (Scripts/fuzz_programs.py) against CPython's output for them.
    @Test(arguments: CPythonProgram.load("fuzz"))
    func randomProgramPrintsWhatCPythonPrints(_ c: CPythonProgram) {
        expectCPythonOutput(c)
    }

    /// Random programs with classes (Scripts/fuzz_classes.py): inheritance and `super()`,
    /// dunder operators, properties, user exceptions and generators, against CPython's output.
    @Test(arguments: CPythonProgram.load("classes"))
    func randomClassProgramPrintsWhatCPythonPrints(_ c: CPythonProgram) {
        expectCPythonOutput(c)
    }

    /// Random control-flow programs (Scripts/fuzz_statements.py) against CPython's output.
    @Test(arguments: CPythonProgram.load("flow"))
    func randomControlFlowPrintsWhatCPythonPrints(_ c: CPythonProgram) {
        expectCPythonOutput(c)
    }

    private func expectCPythonOutput(_ c: CPythonProgram) {
        let (outputs, error) = runProgram(c.program.source)
        var expected = c.stdout
        if expected.hasSuffix("\n") { expected.removeLast() }
        #expect(outputs.joined(separator: "\n") == expected)
        #expect(error?.message == c.error, "at \(error.map { "\($0.position.line):\($0.position.column)" } ?? "-")")
    }
}
