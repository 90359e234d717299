import Display
import Foundation
import Testing

@testable import NNLang

/// No builtin ignores a keyword: every function of every importable module, of the prelude and
/// of the objects lectures make is called with a keyword no function has, and must refuse it
/// by name (the binder's TypeError, Keras's ValueError, matplotlib's AttributeError, …).
@Suite struct KeywordSweepTests {
    static let bogus = "lectern_no_such_keyword"

    static let modules = [
        "numpy", "numpy.random", "numpy.linalg", "math", "random", "time", "statistics", "itertools", "functools", "copy",
        "collections", "keras", "tensorflow", "matplotlib.pyplot", "sklearn", "lectern",
    ]

    /// Objects whose methods are swept too, made by the program below.
    static let objects = """
        import numpy as np
        import keras
        import tensorflow as tf
        import matplotlib.pyplot as plt
        from sklearn.preprocessing import StandardScaler
        array = np.arange(6.0).reshape(2, 3)
        generator = np.random.default_rng(0)
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
        layer = model.layers[0]
        norm = keras.layers.Normalization()
        loss = keras.losses.MeanSquaredError()
        tensor = tf.constant([1.0, 2.0])
        variable = tf.Variable([1.0, 2.0])
        tape = tf.GradientTape()
        fig, ax = plt.subplots()
        scaler = StandardScaler()
        text = 'abc'
        items = [3, 1, 2]
        mapping = {'a': 1}
        numbers = {1, 2}
        pair = (1, 2)
        namespace = globals()
        counter = keras.optimizers.SGD().iterations
        colorbar = fig.colorbar(ax.contourf(np.ones((2, 2))))
        """

    /// Builtins that take any keyword by design (their keywords are data, not options), and
    /// `np.printoptions`, which checks them when the `with` block starts, as numpy's does.
    static let takesAnyKeyword: Set<String> = [
        "dict", "table", "partial", "namedtuple", "defaultdict", "Counter", "OrderedDict", "format", "update", "__init__",
        "printoptions",
    ]

    /// Calls `builtin` with the bogus keyword; nil if it refused it, else what happened. A
    /// declared builtin with `**kwargs` checks them after binding, so one that is missing its
    /// required arguments (CPython's binder stops there first) is called again with 1 for each.
    static func refusal(_ builtin: Builtin, _ interp: Interpreter) -> String? {
        func attempt(_ positional: [Value]) -> Failure? {
            var args = Arguments(function: builtin.name, positional: positional, keywords: [(bogus, .int(1))], interpreter: interp)
            do throws(Failure) {
                _ = try builtin.call(&args)
                return nil
            } catch { return error }
        }
        var failure = attempt([])
        if let f = failure, builtin.signature?.parameters.last?.kind == .varKeyword,
            let match = f.message.firstMatch(of: /missing (\d+) required positional argument/), let count = Int(match.1)
        {
            failure = attempt(Array(repeating: .int(1), count: count))
        }
        guard let failure else { return "accepted it" }
        let refused = [bogus, "takes no keyword arguments", "takes 1 or 3 arguments"].contains { failure.message.contains($0) }
        return refused ? nil : failure.message
    }

    @Test func noBuiltinIgnoresAKeyword() throws {
        let interp = Interpreter(
            seed: 0, format: NumberFormat(decimals: 4),
            files: FileAccess(documentDirectory: URL(fileURLWithPath: "/tmp"), projectRoot: URL(fileURLWithPath: "/tmp")))
        let (statements, _) = Parser.parse(Self.objects)
        interp.prepare([statements])
        #expect(interp.run(statements, timeout: 20).1 == nil)

        var swept: [(String, Builtin)] = []
        var seenModules: Set<ObjectIdentifier> = []
        func collect(_ path: String, _ value: Value) {
            switch value {
            case .builtin(let b): swept.append((path, b))
            case .module(let m) where seenModules.insert(ObjectIdentifier(m)).inserted:
                for (name, member) in m.members where !name.hasPrefix("_") { collect(path + "." + name, member) }
            default: break
            }
        }
        for module in Self.modules { collect(module, try Library.module(module, interp)) }
        for (name, value) in Library.prelude(interp) { collect(name, value) }
        // Method names to try on each object: every function name the real libraries have, and
        // the matplotlib and TensorFlow methods lectures call.
        var methods = Set(swept.map { String($0.0.split(separator: ".").last!) })
        for fixture in ["signatures", "library_signatures", "tensorflow_signatures"] {
            methods.formUnion(SignatureTests.realSignatures(fixture).keys.map { String($0.split(separator: ".").last!) })
        }
        methods.formUnion([
            "set_xlabel", "set_ylabel", "set_title", "set_xlim", "set_ylim", "set_xscale", "set_yscale", "set_xticks", "set_yticks",
            "set_aspect", "legend", "grid", "scatter", "hist", "bar", "barh", "imshow", "contourf", "contour", "axhline", "axvline",
            "fill_between", "text", "annotate", "errorbar", "savefig", "tight_layout", "suptitle", "add_subplot", "colorbar",
            "set_size_inches", "numpy", "assign", "assign_add", "assign_sub", "gradient", "watch", "reset", "stop_recording", "add",
            "discard", "remove", "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint",
            "get_ticks",
        ])
        for name in [
            "array", "generator", "model", "layer", "norm", "loss", "tensor", "variable", "tape", "fig", "ax", "scaler", "text", "items",
            "mapping", "numbers", "pair", "namespace", "counter", "colorbar",
        ] {
            let object = try #require(interp.globals.lookup(Name(name)))
            for method in methods.sorted() where !method.hasPrefix("_") {
                if let value = try? interp.attribute(object, method) { collect(name + "." + method, value) }
            }
        }
        #expect(swept.count > 600, "only \(swept.count) builtins swept")

        var ignored: [String] = []
        for (path, builtin) in swept where !Self.takesAnyKeyword.contains(builtin.name) {
            if let what = Self.refusal(builtin, interp) { ignored.append("\(path): \(what)") }
        }
        #expect(ignored.sorted() == [])
    }
}
