import Engine
import Foundation
import Notebook

/// The names a document starts with, and the modules it can import.
enum Library {
    static func fn(_ name: String, _ body: @escaping (inout Arguments) throws(Failure) -> Value) -> Value {
        .builtin(Builtin(name, body))
    }

    /// Everything bound before the first block runs: Python's builtins, `np`, the activations,
    /// `grad`, the output builders, the data helpers and the Keras names.
    static func prelude(_ interp: Interpreter) -> [String: Value] {
        var names = pythonBuiltins(interp)
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
        case "keras", "tensorflow.keras": return keras["keras"]!
        case "tensorflow":
            var members = ["keras": keras["keras"]!]
            members["random"] = .module(Module("tensorflow.random", ["set_seed": numpySeed(interp)]))
            return .module(Module("tensorflow", members))
        case "numpy.random": return numpyRandom(interp)
        case "sklearn.datasets", "sklearn.model_selection", "sklearn.preprocessing", "lectern":
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
                hint: "nn blocks can import numpy, math, keras (and its submodules) and tensorflow.keras")
        }
    }

    // MARK: Python builtins

    static func pythonBuiltins(_ interp: Interpreter) -> [String: Value] {
        var b: [String: Value] = [:]
        b["print"] = fn("print") { args throws(Failure) in
            try args.accept(["*", "sep", "end"])
            let sep = try args.string(-1, "sep") ?? " "
            let end = try args.string(-1, "end") ?? "\n"
            interp.write(args.positional.map(interp.str).joined(separator: sep) + end)
            return .none
        }
        b["len"] = fn("len") { args throws(Failure) in
            let v = try args.required(0, "obj")
            switch v {
            case .str(let s): return .int(s.count)
            case .tensor(let t):
                guard let n = t.shape.first else { throw Failure("TypeError: len() of unsized object") }
                return .int(n)
            case .object(let o):
                if let l = try o.attribute("__len__", interp) { return l }
                throw Failure("TypeError: object of type '\(o.typeName)' has no len()")
            default: return .int(try interp.iterate(v).count)
            }
        }
        b["range"] = fn("range") { args throws(Failure) in
            let n = try args.positional.map { v throws(Failure) in try v.asInt("range argument") }
            switch n.count {
            case 1: return .range(0, n[0], 1)
            case 2: return .range(n[0], n[1], 1)
            case 3:
                guard n[2] != 0 else { throw Failure("ValueError: range() arg 3 must not be zero") }
                return .range(n[0], n[1], n[2])
            default: throw Failure("TypeError: range expected 1 to 3 arguments, got \(n.count)")
            }
        }
        b["abs"] = fn("abs") { args throws(Failure) in
            let v = try args.required(0, "x")
            switch v {
            case .int(let i): return i == .min ? .float(-Double(i)) : .int(Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            default:
                let t = try interp.tensor(v)
                return .tensor(try interp.tag(Variable.abs(t), t.value.dtype))
            }
        }
        b["round"] = fn("round") { args throws(Failure) in
            let v = try args.required(0, "number")
            let digits = try args.optional(1, "ndigits").map { d throws(Failure) in try d.asInt("ndigits") }
            if case .int(let i) = v { return .int(i) }
            if case .tensor(let t) = v, !t.value.isScalar {
                return .tensor(Variable(t.value.map { pythonRound($0, digits ?? 0) }))
            }
            let d = try v.asDouble()
            guard let digits else { return .int(try exactInt(d.rounded(.toNearestOrEven))) }
            return .float(pythonRound(d, digits))
        }
        b["float"] = fn("float") { args throws(Failure) in
            guard let v = args.optional(0, "x") else { return .float(0) }
            if case .str(let s) = v {
                guard
                    let d = Double(s.trimmingCharacters(in: .whitespaces)) ?? (["inf", "+inf"].contains(s.lowercased()) ? .infinity : nil)
                else {
                    throw Failure("ValueError: could not convert string to float: '\(s)'")
                }
                return .float(d)
            }
            if case .tensor(let t) = v, t.value.count != 1 {
                throw Failure(
                    "TypeError: only length-1 arrays can be converted to Python scalars",
                    hint: "index one element first, e.g. float(a[0, 0])")
            }
            return .float(try v.asDouble("float() argument"))
        }
        b["int"] = fn("int") { args throws(Failure) in
            guard let v = args.optional(0, "x") else { return .int(0) }
            if case .str(let s) = v {
                guard let i = Int(s.trimmingCharacters(in: .whitespaces)) else {
                    throw Failure("ValueError: invalid literal for int() with base 10: '\(s)'")
                }
                return .int(i)
            }
            return .int(try exactInt(try v.asDouble("int() argument").rounded(.towardZero)))
        }
        b["bool"] = fn("bool") { args throws(Failure) in
            .bool(try args.optional(0, "x").map { v throws(Failure) in try interp.truthy(v) } ?? false)
        }
        b["str"] = fn("str") { args throws(Failure) in .str(args.optional(0, "object").map(interp.str) ?? "") }
        b["repr"] = fn("repr") { args throws(Failure) in .str(interp.pythonRepr(try args.required(0, "obj"))) }
        b["list"] = fn("list") { args throws(Failure) in
            .list(ListBox(try args.optional(0, "iterable").map { v throws(Failure) in try interp.iterate(v) } ?? []))
        }
        b["tuple"] = fn("tuple") { args throws(Failure) in
            .tuple(try args.optional(0, "iterable").map { v throws(Failure) in try interp.iterate(v) } ?? [])
        }
        b["dict"] = fn("dict") { args throws(Failure) in
            let d = DictBox()
            if let src = args.positional.first {
                if case .dict(let other) = src {
                    for (k, v) in zip(other.keys, other.values) { try d.set(k, v) }
                } else {
                    for pair in try interp.iterate(src) {
                        let kv = try interp.iterate(pair)
                        guard kv.count == 2 else {
                            throw Failure("ValueError: dictionary update sequence element has length \(kv.count); 2 is required")
                        }
                        try d.set(kv[0], kv[1])
                    }
                }
            }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        }
        b["enumerate"] = fn("enumerate") { args throws(Failure) in
            let start = try args.int(1, "start", 0)
            return .list(
                ListBox(
                    try interp.iterate(try args.required(0, "iterable")).enumerated().map { .tuple([.int($0.offset + start), $0.element]) })
            )
        }
        b["zip"] = fn("zip") { args throws(Failure) in
            let lists = try args.positional.map { v throws(Failure) in try interp.iterate(v) }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListBox((0..<n).map { i in .tuple(lists.map { $0[i] }) }))
        }
        b["sum"] = fn("sum") { args throws(Failure) in
            var total = try args.optional(1, "start") ?? .int(0)
            for v in try interp.iterate(try args.required(0, "iterable")) { total = try interp.binary("+", total, v) }
            return total
        }
        for (name, sign) in [("min", -1), ("max", 1)] {
            b[name] = fn(name) { args throws(Failure) in
                let items = args.positional.count == 1 ? try interp.iterate(args.positional[0]) : args.positional
                guard var best = items.first else { throw Failure("ValueError: \(name)() arg is an empty sequence") }
                let key = args.optional(-1, "key")
                func k(_ v: Value) throws(Failure) -> Value { try key.map { f throws(Failure) in try interp.callValue(f, [v]) } ?? v }
                var bestKey = try k(best)
                for v in items.dropFirst() {
                    let kv = try k(v)
                    if try interp.order(kv, bestKey) * sign > 0 {
                        best = v
                        bestKey = kv
                    }
                }
                return best
            }
        }
        b["sorted"] = fn("sorted") { args throws(Failure) in
            try args.accept(["iterable", "key", "reverse"])
            var items = try interp.iterate(try args.required(0, "iterable"))
            let key = args.optional(1, "key").flatMap { $0.isNone ? nil : $0 }
            let keys = try items.map { v throws(Failure) in try key.map { f throws(Failure) in try interp.callValue(f, [v]) } ?? v }
            var failure: Failure?
            var order = Array(items.indices)
            order.sort { i, j in
                do throws(Failure) { return try interp.order(keys[i], keys[j]) < 0 } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            items = order.map { items[$0] }
            if try args.bool(2, "reverse", false) { items.reverse() }
            return .list(ListBox(items))
        }
        // Sets are lists of distinct items in first-seen order (enough for `sorted(set(...))`).
        b["set"] = fn("set") { args throws(Failure) in
            var items: [Value] = []
            for v in try args.optional(0, "iterable").map({ v throws(Failure) in try interp.iterate(v) }) ?? [] {
                var seen = false
                for u in items where try interp.equal(u, v) {
                    seen = true
                    break
                }
                if !seen { items.append(v) }
            }
            return .list(ListBox(items))
        }
        b["reversed"] = fn("reversed") { args throws(Failure) in .list(ListBox(try interp.iterate(try args.required(0, "seq")).reversed()))
        }
        b["any"] = fn("any") { args throws(Failure) in
            for v in try interp.iterate(try args.required(0, "iterable")) where try interp.truthy(v) { return .bool(true) }
            return .bool(false)
        }
        b["all"] = fn("all") { args throws(Failure) in
            for v in try interp.iterate(try args.required(0, "iterable")) where !(try interp.truthy(v)) { return .bool(false) }
            return .bool(true)
        }
        b["map"] = fn("map") { args throws(Failure) in
            let f = try args.required(0, "function")
            return .list(
                ListBox(try interp.iterate(try args.required(1, "iterable")).map { v throws(Failure) in try interp.callValue(f, [v]) }))
        }
        b["filter"] = fn("filter") { args throws(Failure) in
            let f = try args.required(0, "function")
            var kept: [Value] = []
            for v in try interp.iterate(try args.required(1, "iterable"))
            where try interp.truthy(f.isNone ? v : try interp.callValue(f, [v])) {
                kept.append(v)
            }
            return .list(ListBox(kept))
        }
        b["isinstance"] = fn("isinstance") { args throws(Failure) in
            let v = try args.required(0, "obj")
            let types = try args.required(1, "classinfo")
            let names: [String]
            if case .tuple(let t) = types {
                names = t.compactMap { if case .builtin(let b) = $0 { b.name } else { nil } }
            } else if case .builtin(let b) = types {
                names = [b.name]
            } else {
                names = []
            }
            return .bool(names.contains { $0 == v.typeName || ($0 == "float" && v.typeName == "int" && false) })
        }
        b["type"] = fn("type") { args throws(Failure) in .str(try args.required(0, "obj").typeName) }
        b["pow"] = fn("pow") { args throws(Failure) in try interp.binary("**", try args.required(0, "base"), try args.required(1, "exp")) }
        b["divmod"] = fn("divmod") { args throws(Failure) in
            let a = try args.required(0, "a")
            let c = try args.required(1, "b")
            return .tuple([try interp.binary("//", a, c), try interp.binary("%", a, c)])
        }
        b["Ellipsis"] = .module(Module("Ellipsis", [:]))
        return b
    }

    /// Python's `round(x, n)`: the correctly rounded decimal, ties to even on the exact binary value.
    static func pythonRound(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite else { return x }
        if digits >= 0 {
            // printf rounds the exact binary value correctly, as CPython's round does.
            return Double(String(format: "%.\(min(digits, 300))f", x)) ?? x
        }
        let p = Foundation.pow(10, Double(-digits))
        return (x / p).rounded(.toNearestOrEven) * p
    }

    static func mathModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = ["pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan)]
        let unary: [(String, (Double) -> Double)] = [
            ("exp", Foundation.exp), ("log", Foundation.log), ("sqrt", Foundation.sqrt),
            ("sin", Foundation.sin), ("cos", Foundation.cos), ("tanh", Foundation.tanh),
            ("fabs", Swift.abs), ("log10", Foundation.log10), ("log2", Foundation.log2),
        ]
        for (name, f) in unary {
            m[name] = fn(name) { args throws(Failure) in
                let x = try args.required(0, "x")
                if case .tensor(let t) = x, t.isTracked { return try Library.elementwise(name, x, interp) }
                let d = try x.asDouble()
                if (name == "log" || name == "sqrt") && (d < 0 || (name == "log" && d == 0)) {
                    throw Failure("ValueError: math domain error")
                }
                return .float(f(d))
            }
        }
        m["floor"] = fn("floor") { args throws(Failure) in .int(try exactInt(try args.required(0, "x").asDouble().rounded(.down))) }
        m["ceil"] = fn("ceil") { args throws(Failure) in .int(try exactInt(try args.required(0, "x").asDouble().rounded(.up))) }
        m["isclose"] = fn("isclose") { args throws(Failure) in
            let a = try args.required(0, "a").asDouble()
            let b = try args.required(1, "b").asDouble()
            let rt = try args.double(2, "rel_tol", 1e-9)
            let at = try args.double(3, "abs_tol", 0)
            return .bool(Swift.abs(a - b) <= Swift.max(rt * Swift.max(Swift.abs(a), Swift.abs(b)), at))
        }
        return .module(Module("math", m))
    }
}
