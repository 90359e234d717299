import Engine
import Foundation

// MARK: - Python's builtins for containers and iteration

extension Library {
    // MARK: Python builtins

    static func pythonBuiltins(_ interp: Interpreter) -> [String: Value] {
        var b = numberBuiltins(interp)
        b["print"] = fn(def: "print(*args, sep=' ', end='\\n', file=None, flush=False)", unsupported: ["file", "flush"]) {
            args throws(Failure) in
            let sep = try args.string(-1, "sep") ?? " "
            let end = try args.string(-1, "end") ?? "\n"
            interp.write(try args.positional.map { v throws(Failure) in try interp.checkedStr(v) }.joined(separator: sep) + end)
            return .none
        }
        b["len"] = fn(def: "len(obj, /)") { args throws(Failure) in
            let v = try args.required(0, "obj")
            switch v {
            case .str(let s): return .int(s.count)
            case .tensor(let t):
                guard let n = t.shape.first else { throw Failure("TypeError: len() of unsized object") }
                return .int(n)
            case .object(let o):
                if let l = try o.attribute("__len__", interp) { return l }
                throw Failure("TypeError: object of type '\(o.typeName)' has no len()")
            case .list(let l): return .int(l.items.count)
            case .tuple(let t): return .int(t.count)
            case .dict(let d), .set(let d): return .int(d.count)
            case .range(let start, let stop, let step): return .int(try Interpreter.rangeLength(start, stop, step))
            case .instance(let i):
                guard let m = try interp.instanceAttribute(i, "__len__") else {
                    throw Failure("TypeError: object of type '\(i.cls.name)' has no len()")
                }
                return try m.isNone ? .int(0) : interp.callValue(m, [])
            default: throw Failure("TypeError: object of type '\(v.typeName)' has no len()")
            }
        }
        b["range"] = fn(def: "range(*args)") { args throws(Failure) in
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
        b["bool"] = fn(def: "bool(x=False, /)") { args throws(Failure) in
            .bool(try args.optional(0, "x").map { v throws(Failure) in try interp.truthy(v) } ?? false)
        }
        b["str"] = fn(def: "str(object='', /)") { args throws(Failure) in
            .str(try args.optional(0, "object").map { v throws(Failure) in try interp.checkedStr(v) } ?? "")
        }
        b["repr"] = fn(def: "repr(obj, /)") { args throws(Failure) in .str(interp.pythonRepr(try args.required(0, "obj"))) }
        b["list"] = fn(def: "list(iterable=(), /)") { args throws(Failure) in
            .list(ListBox(try args.optional(0, "iterable").map { v throws(Failure) in try interp.iterate(v) } ?? []))
        }
        b["tuple"] = fn(def: "tuple(iterable=(), /)") { args throws(Failure) in
            .tuple(try args.optional(0, "iterable").map { v throws(Failure) in try interp.iterate(v) } ?? [])
        }
        b["dict"] = fn(def: "dict(iterable=(), /, **kwargs)") { args throws(Failure) in
            let d = DictBox()
            if let src = args.positional.first { try merge(d, src, interp) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        }
        b["enumerate"] = fn(def: "enumerate(iterable, start=0)") { args throws(Failure) in
            let start = try args.int(1, "start", 0)
            let iterable = try args.required(0, "iterable")
            if interp.isLazy(iterable) { return try interp.lazyEnumerate(iterable, start: start) }
            return .list(
                ListBox(
                    try interp.iterate(try args.required(0, "iterable")).enumerated().map { .tuple([.int($0.offset + start), $0.element]) })
            )
        }
        b["zip"] = fn(def: "zip(*iterables, strict=False)") { args throws(Failure) in
            if args.optional(-1, "strict") == nil, args.positional.contains(where: interp.isLazy) {
                return try interp.lazyZip(args.positional)
            }
            let lists = try args.positional.map { v throws(Failure) in try interp.iterate(v) }
            let n = lists.map(\.count).min() ?? 0
            if try args.bool(-1, "strict", false), let k = lists.firstIndex(where: { $0.count != lists[0].count }) {
                let relation = lists[k].count < lists[0].count ? "shorter" : "longer"
                let first = k == 1 ? "argument 1" : "arguments 1-\(k)"
                throw Failure("ValueError: zip() argument \(k + 1) is \(relation) than \(first)")
            }
            return .list(ListBox((0..<n).map { i in .tuple(lists.map { $0[i] }) }))
        }
        b["sum"] = fn(def: "sum(iterable, /, start=0)") { args throws(Failure) in
            var total = args.optional(1, "start") ?? .int(0)
            for v in try interp.iterate(try args.required(0, "iterable")) { total = try interp.binary("+", total, v) }
            return total
        }
        for (name, sign) in [("min", -1), ("max", 1)] {
            b[name] = fn(def: "\(name)(*args, key=None, default=<no value>)") { args throws(Failure) in
                guard !args.positional.isEmpty else { throw Failure("TypeError: \(name) expected at least 1 argument, got 0") }
                let fallback = args.optional(-1, "default")
                if fallback != nil && args.positional.count > 1 {
                    throw Failure("TypeError: Cannot specify a default for \(name)() with multiple positional arguments")
                }
                let items = args.positional.count == 1 ? try interp.iterate(args.positional[0]) : args.positional
                guard var best = items.first else {
                    if let fallback { return fallback }
                    throw Failure("ValueError: \(name)() arg is an empty sequence")
                }
                let key = args.optional(-1, "key").flatMap { $0.isNone ? nil : $0 }
                func k(_ v: Value) throws(Failure) -> Value { try key.map { f throws(Failure) in try interp.callValue(f, [v]) } ?? v }
                var bestKey = try k(best)
                for v in items.dropFirst() {
                    let kv = try k(v)
                    // CPython asks `item < best` (min) or `item > best` (max).
                    if try interp.truthy(try interp.compare(sign > 0 ? ">" : "<", kv, bestKey)) {
                        best = v
                        bestKey = kv
                    }
                }
                return best
            }
        }
        b["sorted"] = fn(def: "sorted(iterable, /, *, key=None, reverse=False)") { args throws(Failure) in
            guard args.positional.count == 1 else { throw Failure("TypeError: sorted expected 1 argument, got \(args.positional.count)") }
            let items = try interp.iterate(try args.required(0, "iterable"))
            return .list(
                ListBox(try sortValues(items, key: args.optional(-1, "key"), reverse: try args.bool(-1, "reverse", false), interp)))
        }
        b["reversed"] = fn(def: "reversed(sequence, /)") { args throws(Failure) in
            .list(ListBox(try interp.iterate(try args.required(0, "sequence")).reversed()))
        }
        b["any"] = fn(def: "any(iterable, /)") { args throws(Failure) in
            for v in try interp.iterate(try args.required(0, "iterable")) where try interp.truthy(v) { return .bool(true) }
            return .bool(false)
        }
        b["all"] = fn(def: "all(iterable, /)") { args throws(Failure) in
            for v in try interp.iterate(try args.required(0, "iterable")) where !(try interp.truthy(v)) { return .bool(false) }
            return .bool(true)
        }
        b["map"] = fn(def: "map(function, iterable, /, *iterables)") { args throws(Failure) in
            let f = try args.required(0, "function")
            guard args.positional.count >= 2 else { throw Failure("TypeError: map() must have at least two arguments.") }
            if args.positional.dropFirst().contains(where: interp.isLazy) {
                return try interp.lazyMap(f, Array(args.positional.dropFirst()))
            }
            let lists = try args.positional.dropFirst().map { v throws(Failure) in try interp.iterate(v) }
            let n = lists.map(\.count).min() ?? 0
            return .list(ListBox(try (0..<n).map { i throws(Failure) in try interp.callValue(f, lists.map { $0[i] }) }))
        }
        b["filter"] = fn(def: "filter(function, iterable, /)") { args throws(Failure) in
            let f = try args.required(0, "function")
            let iterable = try args.required(1, "iterable")
            if interp.isLazy(iterable) { return try interp.lazyFilter(f, iterable) }
            var kept: [Value] = []
            for v in try interp.iterate(try args.required(1, "iterable"))
            where try interp.truthy(f.isNone ? v : try interp.callValue(f, [v])) {
                kept.append(v)
            }
            return .list(ListBox(kept))
        }
        b["isinstance"] = fn(def: "isinstance(obj, class_or_tuple, /)") { args throws(Failure) in
            let v = try args.required(0, "obj")
            let types = try args.required(1, "class_or_tuple")
            let names: [String]
            if case .tuple(let t) = types {
                names = t.compactMap { if case .builtin(let b) = $0 { b.name } else { nil } }
            } else if case .builtin(let b) = types {
                names = [b.name]
            } else {
                names = []
            }
            // bool is a subclass of int, as in Python.
            return .bool(names.contains { $0 == v.typeName || ($0 == "int" && v.typeName == "bool") })
        }
        b["type"] = fn(def: "type(object, /)") { args throws(Failure) in .str(try args.required(0, "object").typeName) }
        b["Ellipsis"] = .module(Module("Ellipsis", [:]))
        return b
    }
}
