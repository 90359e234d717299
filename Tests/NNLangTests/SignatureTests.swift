import Display
import Foundation
import Testing

@testable import NNLang

/// The declared signatures of the builtins against the real functions' (`Scripts/make_signatures.py`),
/// and the binder's errors against CPython's.
@Suite struct SignatureTests {
    /// Parameters the real function has that Lectern does not declare, by function. Each is
    /// either meaningless here or refused by the body under another name; keep this list short.
    static let fewerParameters: [String: [String]] = [:]

    /// Names whose declared signature is another function's, because Lectern binds one builtin
    /// under both names where numpy has two functions.
    static let aliases: [String: String] = [:]

    static func interpreter() -> Interpreter {
        Interpreter(
            seed: 0, format: NumberFormat(decimals: 4),
            files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
    }

    /// `module → name → (parameters)` from a fixture (`signatures` or `library_signatures`).
    static func realSignatures(_ fixture: String = "signatures") -> [String: String] {
        let url = Bundle.module.url(forResource: fixture, withExtension: "tsv", subdirectory: "Fixtures")!
        var rows: [String: String] = [:]
        for line in try! String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0] + "." + fields[1]] = fields[2]
        }
        return rows
    }

    /// Every builtin declared with a signature, by the name user code reaches it under.
    static func declaredBuiltins() throws -> [(String, Signature)] {
        let interp = interpreter()
        var found: [(String, Signature)] = []
        func collect(_ module: String, _ members: [String: Value]) {
            for (name, value) in members {
                if case .builtin(let b) = value, let s = b.signature { found.append((module + "." + name, s)) }
            }
        }
        // The Keras names the prelude also binds are compared with Keras's below; the lecture
        // helpers are Lectern's own.
        let notPython = Set(Self.lectureHelpers(interp).keys).union(Library.kerasNames(interp).keys).union(["np", "numpy"])
        collect("builtins", Library.prelude(interp).filter { !notPython.contains($0.key) })
        for module in ["numpy", "numpy.random", "numpy.linalg", "math", "random", "statistics", "itertools", "functools", "copy", "time"] {
            guard case .module(let m) = try Library.module(module, interp) else { continue }
            collect(module, m.members)
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The lecture helpers (SPEC §2): the activations, `grad`, the output builders, the data sets.
    static func lectureHelpers(_ interp: Interpreter) -> [String: Value] {
        Library.lectern(interp).merging(Library.datasets(interp)) { a, _ in a }.merging(Library.activations(interp)) { a, _ in a }
    }

    /// Lectern's own helpers have no real library to compare with, but they too bind through
    /// the one binder: none checks (or forgets to check) its keywords by hand.
    @Test func everyLectureHelperDeclaresItsSignature() {
        let missing = Self.lectureHelpers(Self.interpreter()).compactMap { name, value -> String? in
            if case .builtin(let b) = value, b.signature == nil { name } else { nil }
        }
        #expect(missing.sorted() == [])
    }

    @Test func declaredSignaturesAreTheRealOnes() throws {
        let real = Self.realSignatures()
        let declared = try Self.declaredBuiltins()
        #expect(declared.count > 100, "only \(declared.count) builtins declare a signature")
        for (qualified, signature) in declared {
            let target = Self.aliases[qualified] ?? qualified
            let text = try #require(real[target], "\(qualified) is not a function of the real library")
            let name = String(target.split(separator: ".").last!)
            let parsed = try SignatureParser(name + text).parse()
            let omitted = Self.fewerParameters[qualified] ?? []
            let expected = parsed.parameters.filter { !omitted.contains($0.name) }
            #expect(
                signature.parameters == expected,
                "\(qualified): declared \(signature.parameterText), numpy/CPython has \(text)")
        }
    }

    /// Functions of the covered modules that still check their own arguments.
    static let undeclared: Set<String> = [
        // type(name, bases, dict) makes a class in CPython; Lectern refuses that form by name,
        // which a one-parameter declaration would turn into a TypeError.
        "builtins.type"
    ]

    @Test func everyFunctionOfTheCoveredModulesDeclaresItsSignature() throws {
        let interp = Self.interpreter()
        var missing: [String] = []
        func check(_ module: String, _ members: [String: Value]) {
            for (name, value) in members {
                if case .builtin(let b) = value, b.signature == nil, !Self.undeclared.contains(module + "." + name) {
                    missing.append(module + "." + name)
                }
            }
        }
        for module in ["numpy", "numpy.random", "numpy.linalg", "math", "random", "statistics", "itertools", "functools", "copy", "time"] {
            guard case .module(let m) = try Library.module(module, interp) else { continue }
            check(module, m.members)
        }
        let real = Self.realSignatures()
        check("builtins", Library.prelude(interp).filter { real["builtins." + $0.key] != nil })
        #expect(missing.sorted() == [])
    }

    @Test func methodSignaturesAreTheRealOnes() throws {
        let real = Self.realSignatures()
        let methods =
            Library.arrayMethodSignatures.map { ("numpy.ndarray." + $0.key, $0.value.declaration) }
            + GeneratorObject.signatures.map { ("numpy.random.Generator." + $0.key, $0.value) }
            + Library.pythonMethodSignatures.map { ($0.key, $0.value) }
        for (qualified, declaration) in methods {
            let text = try #require(real[qualified], "\(qualified) is not a method of the real class")
            let name = String(qualified.split(separator: ".").last!)
            // The real method's first parameter is `self`, which the bound method does not take.
            let expected = Array(try SignatureParser(name + text).parse().parameters.dropFirst())
            let declared = Signature.declared(declaration)
            #expect(declared.parameters == expected, "\(qualified): declared \(declared.parameterText), numpy has \(text)")
        }
    }

    static let libraryModules = [
        "keras.layers", "keras.optimizers", "keras.losses", "keras.metrics", "keras.callbacks", "keras.models", "keras.utils",
        "sklearn.datasets", "sklearn.model_selection", "sklearn.preprocessing", "sklearn.metrics",
    ]

    /// Every Keras and scikit-learn builtin that declares a signature: the modules' names, and
    /// the methods of a model, a layer, a Normalization layer, a loss object and the scalers.
    static func declaredLibraryBuiltins() throws -> [(String, Signature)] {
        let interp = interpreter()
        var found: [(String, Signature)] = []
        for module in Self.libraryModules {
            guard case .module(let m) = try Library.module(module, interp) else {
                Issue.record("\(module) is not a module")
                continue
            }
            for (name, value) in m.members {
                if case .builtin(let b) = value, let s = b.signature { found.append((module + "." + name, s)) }
            }
        }
        let source = """
            import keras
            model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
            norm = keras.layers.Normalization()
            loss = keras.losses.MeanSquaredError()
            from sklearn.preprocessing import StandardScaler, MinMaxScaler
            standard = StandardScaler()
            minmax = MinMaxScaler()
            """
        let (statements, _) = Parser.parse(source)
        interp.prepare([statements])
        #expect(interp.run(statements, timeout: 20).1 == nil)
        for (variable, owner, names) in [
            (
                "model", "keras.Model",
                [
                    "compile", "fit", "evaluate", "predict", "summary", "get_layer", "pop", "add", "get_weights", "set_weights",
                    "count_params",
                ]
            ),
            ("norm", "keras.layers.Layer", ["get_weights", "set_weights", "count_params"]),
            ("norm", "keras.layers.Normalization", ["adapt"]),
            ("loss", "keras.losses.Loss", ["__call__"]),
            ("standard", "sklearn.preprocessing.StandardScaler", ["fit", "fit_transform", "transform", "inverse_transform"]),
            ("minmax", "sklearn.preprocessing.MinMaxScaler", ["fit", "fit_transform", "transform", "inverse_transform"]),
        ] {
            guard case .object(let object) = interp.globals.lookup(Name(variable)) else {
                Issue.record("\(variable) is not an object")
                continue
            }
            for name in names {
                guard case .builtin(let b)? = try object.attribute(name, interp), let s = b.signature else {
                    Issue.record("\(owner).\(name) declares no signature")
                    continue
                }
                found.append((owner + "." + name, s))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    @Test func librarySignaturesAreTheRealOnes() throws {
        let real = Self.realSignatures("library_signatures")
        let declared = try Self.declaredLibraryBuiltins()
        #expect(declared.count > 70, "only \(declared.count) library builtins declare a signature")
        for (qualified, signature) in declared {
            let text = try #require(real[qualified], "\(qualified) is not a function of Keras 3 or scikit-learn")
            let name = String(qualified.split(separator: ".").last!)
            let expected = try SignatureParser(name + text).parse()
            #expect(
                signature.parameters == expected.parameters, "\(qualified): declared \(signature.parameterText), the library has \(text)")
        }
    }

    @Test func everyLibraryNameDeclaresItsSignature() throws {
        let interp = Self.interpreter()
        var missing: [String] = []
        for module in Self.libraryModules {
            guard case .module(let m) = try Library.module(module, interp) else {
                Issue.record("\(module) is not a module")
                continue
            }
            for (name, value) in m.members {
                if case .builtin(let b) = value, b.signature == nil { missing.append(module + "." + name) }
            }
        }
        #expect(missing.sorted() == [])
    }

    /// Every TensorFlow builtin (the modules' names and the methods of a variable, a tensor and a
    /// tape) declares TensorFlow's own signature (`Scripts/make_tensorflow_signatures.py`).
    @Test func tensorflowSignaturesAreTheRealOnes() throws {
        let real = Self.realSignatures("tensorflow_signatures")
        let interp = Self.interpreter()
        let (statements, _) = Parser.parse(
            """
            import tensorflow as tf
            variable = tf.Variable(1.0)
            tensor = tf.constant([1.0])
            tape = tf.GradientTape()
            """)
        interp.prepare([statements])
        #expect(interp.run(statements, timeout: 20).1 == nil)
        guard case .module(let tf) = interp.globals.lookup(Name("tf")) else { throw Failure("tf is not a module") }
        var builtins: [(String, Builtin)] = []
        for (prefix, members) in [("tf", tf.members)]
            + ["math", "nn", "random", "linalg"].map({ name in
                guard case .module(let m) = tf.members[name] else { return ("tf." + name, [String: Value]()) }
                return ("tf." + name, m.members)
            })
        {
            for (name, value) in members { if case .builtin(let b) = value { builtins.append((prefix + "." + name, b)) } }
        }
        for (variable, owner, names) in [
            ("variable", "tf.Variable", ["assign", "assign_add", "assign_sub", "value", "read_value", "numpy"]),
            ("tensor", "tf.Tensor", ["numpy", "__getitem__"]),
            ("tape", "tf.GradientTape", ["__enter__", "__exit__", "watch", "gradient", "reset"]),
        ] {
            guard case .object(let object) = interp.globals.lookup(Name(variable)) else { throw Failure("\(variable) is not an object") }
            for name in names {
                guard case .builtin(let b)? = try object.attribute(name, interp) else { throw Failure("\(owner).\(name) is missing") }
                builtins.append((owner + "." + name, b))
            }
        }
        #expect(builtins.count > 80, "only \(builtins.count) TensorFlow builtins")
        for (qualified, builtin) in builtins.sorted(by: { $0.0 < $1.0 }) {
            guard let signature = builtin.signature else {
                Issue.record("\(qualified) declares no signature")
                continue
            }
            let text = try #require(real[qualified], "\(qualified) is not a function of TensorFlow 2")
            let name = String(qualified.split(separator: ".").last!)
            #expect(
                signature.parameters == (try SignatureParser(name + text).parse()).parameters,
                "\(qualified): declared \(signature.parameterText), TensorFlow has \(text)")
        }
    }

    /// pyplot functions that still check their own arguments: those that forward to an `Axes`
    /// method (their keywords are artist properties, checked against matplotlib's tables) and
    /// the getter-setters taking `*args`.
    static let pyplotUndeclared: Set<String> = Set(
        [
            "annotate", "axhline", "axis", "axvline", "bar", "barh", "contourf", "fill_between", "grid", "hist", "imshow", "legend",
            "loglog", "plot", "scatter", "semilogx", "semilogy", "subplot", "text", "title", "twinx", "xlabel", "xlim", "xscale", "xticks",
            "ylabel", "ylim", "yscale", "yticks",
        ].map { "matplotlib.pyplot." + $0 })

    /// pyplot's own functions declare matplotlib's signatures (`library_signatures.tsv`).
    @Test func pyplotSignaturesAreTheRealOnes() throws {
        let real = Self.realSignatures("library_signatures")
        let interp = Self.interpreter()
        guard case .module(let plt) = try Library.module("matplotlib.pyplot", interp),
            case .module(let mpl) = try Library.module("matplotlib", interp), case .module(let style)? = plt.members["style"]
        else { throw Failure("matplotlib is not a module") }
        var members = plt.members.map { ("matplotlib.pyplot." + $0.key, $0.value) }
        members += [("matplotlib.style.use", style.members["use"]!), ("matplotlib.use", mpl.members["use"]!)]
        var undeclared: Set<String> = []
        var checked = 0
        for (qualified, value) in members.sorted(by: { $0.0 < $1.0 }) {
            guard case .builtin(let builtin) = value else { continue }
            guard let signature = builtin.signature else {
                undeclared.insert(qualified)
                continue
            }
            let text = try #require(real[qualified], "\(qualified) is not a function of matplotlib")
            let name = String(qualified.split(separator: ".").last!)
            #expect(
                signature.parameters == (try SignatureParser(name + text).parse()).parameters,
                "\(qualified): declared \(signature.parameterText), matplotlib has \(text)")
            checked += 1
        }
        #expect(checked >= 14, "only \(checked) pyplot functions declare a signature")
        #expect(undeclared == Self.pyplotUndeclared)
    }

    @Test func parameterTextRoundTrips() throws {
        for text in [
            "f(a, /, b=1, *, c=None, **kwargs)", "g(*args, sep=' ', end='\\n', file=None, flush=False)", "h()",
            "sum(a, axis=None, keepdims=<no value>)", "eye(N, M=None, k=0, dtype=<class 'float'>)", "x(a, *, rel_tol=1e-09)",
        ] {
            let s = try SignatureParser(text).parse()
            #expect(s.name + s.parameterText == text)
        }
    }

    struct BindingCase: CustomTestStringConvertible, Sendable {
        let declaration: String
        let call: String
        let error: String
        var testDescription: String { "\(declaration) ← \(call)" }

        static func load() -> [BindingCase] {
            let url = Bundle.module.url(forResource: "binding", withExtension: "nn", subdirectory: "Fixtures")!
            let text = try! String(contentsOf: url, encoding: .utf8)
            return text.components(separatedBy: "# ---\n").map { chunk in
                let lines = chunk.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("# CPython") }
                return BindingCase(declaration: lines[0], call: lines[1], error: String(lines[2].dropFirst("# error: ".count)))
            }
        }
    }

    @Test(arguments: BindingCase.load())
    func binderRaisesCPythonsTypeError(_ c: BindingCase) throws {
        let signature = Signature.declared(c.declaration)
        let inner = String(c.call.dropFirst(2).dropLast())
        var positional: [Value] = []
        var keywords: [(String, Value)] = []
        for item in SignatureParser.split(inner) where !item.isEmpty {
            let part = item.trimmingCharacters(in: .whitespaces)
            if let eq = part.firstIndex(of: "=") {
                keywords.append((String(part[..<eq]), .int(0)))
            } else {
                positional.append(.int(0))
            }
        }
        var args = Arguments(function: "f", positional: positional, keywords: keywords, interpreter: Self.interpreter())
        do throws(Failure) {
            try args.bind(signature)
            Issue.record("\(c.call) bound without an error")
        } catch {
            #expect(error.message == c.error)
        }
    }

    @Test func unsupportedParameterIsRefusedByName() {
        let signature = Signature.declared("cumsum(a, axis=None, dtype=None, out=None)")
        var given = Arguments(function: "cumsum", positional: [.int(1)], keywords: [("out", .int(0))], interpreter: Self.interpreter())
        #expect(throws: Failure.self) { try given.bind(signature, unsupported: ["out"]) }
        var defaulted = Arguments(function: "cumsum", positional: [.int(1)], keywords: [("out", .none)], interpreter: Self.interpreter())
        #expect(throws: Never.self) { try defaulted.bind(signature, unsupported: ["out"]) }
        do throws(Failure) {
            var again = Arguments(
                function: "cumsum", positional: [.int(1), .none, .none, .int(3)], keywords: [], interpreter: Self.interpreter())
            try again.bind(signature, unsupported: ["out"])
        } catch {
            #expect(error.message == "NotImplementedError: Lectern does not support the 'out' argument of cumsum()")
        }
    }
}
