import Foundation
import Testing

@testable import NNLang

/// SplitMix64: a tiny deterministic generator, so every fuzz run tries the same inputs.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// Random token soup and random mutations of the fixture programs: the parser and the
/// interpreter must report errors, never crash or hang.
@Suite struct FuzzTests {
    static let vocabulary = [
        "x", "y", "np", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+=", "+", "-", "*", "**", "/", "//",
        "@", "<", "==", "not", "and", "or", "if", "else", "elif", "for", "in", "while", "def", "return",
        "lambda", "import", "from", "1", "2.5", "0", "'s'", "f'{x}'", "\"", "'", "#", "\n", "\n    ", "\n  ",
        "\t", "\\", "grad", "sigmoid", "print", "range", "len", "None", "True", "assert", "break", "pass",
        "np.array", "np.zeros((2,2))", "Dense", "Sequential", "[1, 2]", "$", "`", "{nn}", "é", "∂",
        "class", "try", "except", "finally", "with", "as", "yield", "raise", "nonlocal", "global", "del",
        "@property", "%matplotlib", "super()", "self", "__init__", "**kw", "*args", "{1, 2}", "{k: v for k in x}",
    ]

    @Test func tokenSoupNeverCrashesTheParser() {
        var rng = SplitMix(state: 1)
        for _ in 0..<1500 {
            let n = rng.below(40)
            let source = (0..<n).map { _ in Self.vocabulary[rng.below(Self.vocabulary.count)] }.joined(
                separator: rng.below(3) == 0 ? "" : " ")
            _ = Parser.parse(source)
            _ = Parser.parseExpression(source)
        }
    }

    @Test func mutatedFixturesNeverCrashTheInterpreter() throws {
        let sources =
            (FixtureCase.load("statements") + FixtureCase.load("values") + FixtureCase.load("errors") + FixtureCase.load("python"))
            .map(\.source)
        var rng = SplitMix(state: 7)
        for i in 0..<600 {
            var chars = Array(sources[i % sources.count])
            for _ in 0..<(1 + rng.below(4)) where !chars.isEmpty {
                let at = rng.below(chars.count)
                switch rng.below(4) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(chars[rng.below(chars.count)], at: at)
                case 2: chars.swapAt(at, rng.below(chars.count))
                default: chars.insert(contentsOf: Array(Self.vocabulary[rng.below(Self.vocabulary.count)]), at: at)
                }
            }
            let source = String(chars)
            let (statements, errors) = Parser.parse(source)
            if errors.isEmpty {
                _ = withLargeStack {
                    let interpreter = Interpreter(
                        seed: 0, format: .init(decimals: 4),
                        files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
                    return interpreter.run(statements, timeout: 0.1).error?.message
                }
            }
        }
    }
}

@Suite struct RecoveryTests {
    /// The parser recovers at statement boundaries: one run reports every syntax error.
    @Test func everySyntaxErrorOfABlockIsReported() {
        let source = "a = (1 +\nb = 2\nc = ] 3\nd = 4\nif x\n    e = 5\n"
        let (_, errors) = Parser.parse(source)
        #expect(errors.count >= 3, "\(errors.map { "\($0.position.line): \($0.message)" })")
        #expect(errors.map(\.position.line).contains(3))
        #expect(errors.map(\.position.line).contains(5))
    }

    /// One error per line: a line of 300 stray characters is one error (300 of them, each
    /// quoting the long line, took seconds to render; the fuzzer found it).
    @Test func aLineReportsItsFirstErrorOnly() {
        let (_, errors) = Parser.parse("x = 1 " + String(repeating: "€", count: 300) + "\ny = 2 $\n")
        #expect(errors.map(\.position.line) == [1, 2], "\(errors.map(\.message))")
        #expect(errors.first?.position.column == 7)
    }
}

@Suite struct HighlighterTests {
    @Test func highlightsFromTheLexersTokensAndKeepsTheText() {
        let code = "def f(x):  # square it\n    return x ** 2.5 + len('a<b')\n"
        let html = Highlighter.html(code)
        #expect(
            html.contains(
                "<span class=\"tok-kw\">def</span> <span class=\"tok-fn\">f</span>(x):  <span class=\"tok-com\"># square it</span>"))
        #expect(html.contains("<span class=\"tok-num\">2.5</span>"))
        #expect(html.contains("<span class=\"tok-str\">'a&lt;b'</span>"))
        #expect(Self.plainText(html) == code)
    }

    /// The text of highlighted HTML: its tags removed and its entities decoded.
    static func plainText(_ html: String) -> String {
        var plain = html
        while let open = plain.range(of: "<span"), let close = plain[open.lowerBound...].range(of: ">") {
            plain.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return plain.replacingOccurrences(of: "</span>", with: "").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
            of: "&gt;", with: ">"
        ).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func tokenSoupHighlightsWithoutLosingText() {
        var rng = SplitMix(state: 3)
        for _ in 0..<300 {
            let source = (0..<rng.below(30)).map { _ in FuzzTests.vocabulary[rng.below(FuzzTests.vocabulary.count)] }.joined(separator: " ")
            // Every character of the soup comes back, in order, once the markup is removed.
            #expect(HighlighterTests.plainText(Highlighter.html(source)) == source)
        }
    }
}

/// Library calls with hostile arguments (negative, huge, empty, wrong types, odd shapes):
/// each must return or raise a language error, never trap. (Crashes found this way were
/// fixed: float→int overflow, `arange()` with no arguments, 0-d arrays given an axis,
/// unchecked sizes in `eye`, `choice`, `permutation`, data sets and `Dense`.)
@Suite struct LibraryFuzzTests {
    static let functions = [
        "np.array", "np.zeros", "np.ones", "np.eye", "np.full", "np.linspace", "np.arange", "np.reshape",
        "np.transpose", "np.dot", "np.exp", "np.log", "np.maximum", "np.clip", "np.where", "np.sum", "np.mean", "np.argmax",
        "np.round", "np.allclose", "np.concatenate", "np.vstack", "np.hstack", "np.outer", "np.std", "np.random.rand",
        "np.random.uniform", "np.random.choice", "np.random.permutation", "np.random.randint", "sigmoid", "leaky_relu",
        "softmax", "d_relu", "grad", "table", "plot", "shapes", "forward_table", "backprop_table", "gradcheck", "make_moons",
        "make_blobs", "make_spiral", "make_regression", "train_test_split", "standardize", "to_categorical", "read_csv",
        "Dense", "Dropout", "Concatenate", "Input", "Sequential", "Model", "SGD", "Adam", "len", "range", "round", "int",
        "sorted", "set", "x.reshape", "x.sum", "x.astype", "x.item", "m.predict", "m.evaluate", "m.set_weights", "m.fit",
    ]
    static let values = [
        "0", "1", "-1", "3", "-5", "10**9", "1e300", "float('nan')", "float('inf')", "0.5", "None", "True",
        "''", "'relu'", "[]", "[1, 2]", "[[1, 2], [3]]", "(2, 3)", "(0,)", "(-1, 2)", "()", "np.ones((2, 3))", "np.zeros((0,))",
        "np.array(5.0)", "{}", "m", "lambda v: v", "x", "X", "y",
    ]
    static let keywords = [
        "axis", "keepdims", "alpha", "shape", "size", "test_size", "units", "activation", "input_shape",
        "epochs", "batch_size", "learning_rate", "num_classes",
    ]

    @Test func hostileLibraryCallsNeverTrap() {
        let setup = """
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense
            x = np.array([[0.5, -1.0], [1.5, 0.2]])
            X = np.random.rand(6, 2)
            y = np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0])
            m = Sequential([Dense(3, activation='relu', input_shape=(2,)), Dense(1, activation='sigmoid')])
            m.compile(optimizer='sgd', loss='binary_crossentropy')
            """
        var rng = SplitMix(state: 11)
        var calls: [String] = []
        for _ in 0..<600 {
            var args = (0..<rng.below(4)).map { _ in Self.values[rng.below(Self.values.count)] }
            if rng.below(3) == 0 {
                args.append("\(Self.keywords[rng.below(Self.keywords.count)])=\(Self.values[rng.below(Self.values.count)])")
            }
            calls.append("\(Self.functions[rng.below(Self.functions.count)])(\(args.joined(separator: ", ")))")
        }
        let program = calls
        let failures = withLargeStack {
            let interp = Interpreter(
                seed: 0, format: .init(decimals: 4),
                files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
            _ = interp.run(Parser.parse(setup).statements, timeout: 10)
            var failures = 0
            for call in program {
                let (statements, errors) = Parser.parse(call)
                if errors.isEmpty, interp.run(statements, timeout: 2).error != nil { failures += 1 }
            }
            return failures
        }
        // Most hostile calls fail, as they should; reaching this line means none trapped.
        #expect(failures > 100)
    }

    @Test func longAndDeepProgramsNeverCrash() {
        // A 100,000-term sum evaluates (its left-nested tree is walked in a loop).
        let sum = runProgram("x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + "\nx")
        #expect(sum.error == nil)
        #expect(sum.outputs == ["100000"])
        // Deep nesting is a SyntaxError, deep recursion a RecursionError, as in CPython.
        let nested = runProgram("y = " + String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000))
        #expect(nested.error?.message.hasPrefix("SyntaxError: too many nested parentheses") == true)
        let hostile = [
            "def f(n):\n    return f(n + 1)\nf(0)",
            "class A:\n    def __getattr__(self, name):\n        return self.missing\nA().x",
            "class R:\n    def __repr__(self):\n        return repr(self)\nprint(R())",
            "def g(n):\n    yield n\n    yield from g(n + 1)\nlist(g(0))",
            "def g():\n    yield sum(g())\nnext(g())",
            "class L:\n    def __len__(self):\n        return len(self)\nbool(L())",
            "class E:\n    def __eq__(self, other):\n        return self == other\nE() in [E()]",
        ]
        for program in hostile {
            let r = runProgram(program)
            #expect(r.error?.message.hasPrefix("RecursionError") == true, "\(program): \(r.error?.message ?? "no error")")
        }
        // Data nested deeper than the recursion limit: comparing, hashing and converting it fail
        // cleanly (200,000 levels used to overflow the stack).
        let deep = "a = []\nb = []\nt = ()\nfor i in range(5000):\n    a = [a]\n    b = [b]\n    t = (t,)\n"
        let failures = [
            ("a == b", "RecursionError: maximum recursion depth exceeded in comparison"),
            ("a < b", "RecursionError: maximum recursion depth exceeded in comparison"),
            ("{t: 1}", "TypeError: unhashable type: 'tuple'"),
            ("import numpy as np\nnp.array(a)", "ValueError: setting an array element with a sequence"),
        ]
        for (line, message) in failures {
            let r = runProgram(deep + line)
            #expect(r.error?.message.hasPrefix(message) == true, "\(line): \(r.error?.message ?? "no error")")
        }
    }

    @Test func tooManySuspendedGeneratorsAreAMemoryError() {
        // Each suspended generator holds a thread; starting 1,100 of them takes a while on a
        // busy machine, hence the generous time limit.
        let program = "def f():\n    yield 1\n    yield 2\ngens = []\nfor i in range(1100):\n    g = f()\n    next(g)\n    gens.append(g)"
        let r = runProgram(program, timeout: 120)
        #expect(r.error?.message == "MemoryError: over 1000 generators are suspended at once")
        #expect(r.error?.position == Position(line: 7, column: 9))
    }
}
