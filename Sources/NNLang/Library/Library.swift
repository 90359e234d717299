import Display
import Engine
import Foundation

/// The names a document starts with, and the modules it can import.
enum Library {
    static func fn(_ name: String, _ body: @escaping (inout Arguments) throws(Failure) -> Value) -> Value {
        .builtin(Builtin(name, body))
    }

    /// A builtin declared by its signature in Python's notation (`"cumsum(a, axis=None, out=None)"`):
    /// every call is bound to it before the body runs; a parameter in `unsupported` given a
    /// value other than its default is refused by name.
    static func fn(
        def declaration: String, unsupported: [String] = [], _ body: @escaping (inout Arguments) throws(Failure) -> Value
    ) -> Value {
        fn(Signature.declared(declaration), unsupported: unsupported, body)
    }

    /// A builtin bound to a signature parsed beforehand.
    static func fn(
        _ signature: Signature, unsupported: [String] = [], _ body: @escaping (inout Arguments) throws(Failure) -> Value
    ) -> Value {
        // A call that reaches no unsupported parameter (the usual one) binds by position alone.
        let firstUnsupported = unsupported.contains { $0.hasPrefix("*") } ? 0 : unsupported.compactMap(signature.index).min() ?? .max
        return .builtin(
            Builtin(signature.name, signature: signature) { args throws(Failure) in
                if args.positional.count > firstUnsupported || !args.bindPositionally(signature) {
                    try args.bind(signature, unsupported: unsupported)
                }
                return try body(&args)
            })
    }

    /// Everything bound before the first block runs: Python's builtins, `np`, the activations,
    /// `grad`, the output builders, the data helpers and the Keras names.
    static func prelude(_ interp: Interpreter) -> [String: Value] {
        // The builtin types come first: numpy's float64 class derives from Python's float.
        var names = objectNames(interp, wrapping: pythonBuiltins(interp))
        names["np"] = numpy(interp)
        names["numpy"] = names["np"]
        for (k, v) in activations(interp) { names[k] = v }
        for (k, v) in lectern(interp) { names[k] = v }
        for (k, v) in datasets(interp) { names[k] = v }
        for (k, v) in kerasNames(interp) { names[k] = v }
        names["math"] = mathModule(interp)
        return names
    }

    /// Resolves an importable module, once per document (a second `import` gets the same
    /// module, as in Python); other modules are a clear error.
    static func module(_ name: String, _ interp: Interpreter) throws(Failure) -> Value {
        if let cached = interp.modules[name] { return cached }
        let m = try makeModule(name, interp)
        interp.modules[name] = m
        return m
    }

    private static func makeModule(_ name: String, _ interp: Interpreter) throws(Failure) -> Value {
        let keras = kerasModules(interp)
        switch name {
        case "numpy": return numpy(interp)
        case "math": return mathModule(interp)
        case "random": return randomModule(interp)
        case "time": return timeModule(interp)
        case "statistics": return statisticsModule(interp)
        case "itertools": return itertoolsModule(interp)
        case "functools": return functoolsModule(interp)
        case "copy": return copyModule(interp)
        case "collections": return collectionsModule(interp)
        case "keras", "tensorflow.keras": return keras["keras"]!
        case "tensorflow": return tensorflowModule(interp)
        case "numpy.random": return numpyRandom(interp)
        case "numpy.linalg": return numpyLinalg(interp)
        case "matplotlib.pyplot": return Pyplot.module(interp)
        case "matplotlib": return try Pyplot.package(interp)
        case "matplotlib.cm": return ColormapObject.module()
        case "sklearn.datasets": return .module(Module(name, sklearnDatasets(interp)))
        case "sklearn.model_selection": return .module(Module(name, sklearnModelSelection(interp)))
        case "sklearn.preprocessing": return .module(Module(name, sklearnPreprocessing(interp)))
        case "sklearn.metrics": return .module(Module(name, sklearnMetrics(interp)))
        case "sklearn":
            var members: [String: Value] = [:]
            for sub in ["datasets", "model_selection", "preprocessing", "metrics"] { members[sub] = try module("sklearn." + sub, interp) }
            return .module(Module(name, members))
        case "lectern":
            var members = datasets(interp)
            for (k, v) in lectern(interp) { members[k] = v }
            return .module(Module(name, members))
        default:
            for prefix in ["tensorflow.keras.", "keras."] where name.hasPrefix(prefix) {
                let sub = String(name.dropFirst(prefix.count))
                if let m = keras["keras." + sub] { return m }
            }
            throw Failure(
                "ModuleNotFoundError: No module named '\(name)'",
                hint:
                    "nn blocks can import numpy, math, random, time, statistics, itertools, functools, copy, collections, matplotlib.pyplot, keras (and its submodules), tensorflow, sklearn"
            )
        }
    }
}
