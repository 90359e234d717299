// MARK: - collections.namedtuple: a tuple subclass whose items also have names

extension Library {
    /// `namedtuple(typename, field_names, *, defaults=None)`: a class deriving from `tuple`
    /// whose instances keep their items in `Instance.tuple`; each field is a read-only property.
    static func namedtuple(_ args: Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        try args.accept(["typename", "field_names", "*", "rename", "defaults", "module"])
        guard case .str(let typename) = try args.required(0, "typename") else {
            throw Failure("TypeError: namedtuple() argument 'typename' must be str")
        }
        if try args.bool(-1, "rename", false) {
            throw Failure("NotImplementedError: Lectern does not support namedtuple(rename=True)")
        }
        let fields = try fieldNames(try args.required(1, "field_names"), interp)
        for name in [typename] + fields {
            guard name.first.map({ $0 == "_" || $0.isLetter }) == true, name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
            else { throw Failure("ValueError: Type names and field names must be valid identifiers: \(interp.pythonRepr(.str(name)))") }
            guard !Parser.keywords.contains(name) else {
                throw Failure("ValueError: Type names and field names cannot be a keyword: \(interp.pythonRepr(.str(name)))")
            }
        }
        var seen: Set<String> = []
        for name in fields {
            guard !name.hasPrefix("_") else {
                throw Failure("ValueError: Field names cannot start with an underscore: \(interp.pythonRepr(.str(name)))")
            }
            guard seen.insert(name).inserted else {
                throw Failure("ValueError: Encountered duplicate field name: \(interp.pythonRepr(.str(name)))")
            }
        }
        let defaults =
            try args.optional(-1, "defaults").flatMap { $0.isNone ? nil : $0 }.map { v throws(Failure) in try interp.iterate(v) } ?? []
        guard defaults.count <= fields.count else { throw Failure("TypeError: Got more default values than field names") }
        let defaultPairs = Array(zip(fields.suffix(defaults.count).map(Value.str), defaults))

        let c = PyClass(name: typename, base: interp.builtinType("tuple"), isUserDefined: true)
        c.interpreter = interp
        c.attributes["_fields"] = .tuple(fields.map(Value.str))
        c.attributes["_field_defaults"] = .dict(try DictBox.make(.dict, defaultPairs))
        c.attributes["__init__"] = fn("__init__") { call throws(Failure) in
            guard case .instance(let i) = call.positional.first else { return .none }
            i.tuple = try bindFields(typename, fields, defaults, Array(call.positional.dropFirst()), call.keywords)
            return .none
        }
        for (index, name) in fields.enumerated() {
            let getter = fn(name) { call throws(Failure) in try items(call)[index] }
            c.attributes[name] = .object(Descriptor(.property(getter: getter, setter: nil)))
        }
        for (name, method) in tupleMethods(interp) { c.attributes[name] = method }
        c.attributes["_make"] = .object(
            Descriptor(
                .classMethod(
                    fn("_make") { call throws(Failure) in
                        try interp.callValue(try call.required(0, "cls"), try interp.iterate(try call.required(1, "iterable")))
                    })))
        return .type(c)
    }

    /// `'x y'`, `'x, y'` or a sequence of strings.
    private static func fieldNames(_ v: Value, _ interp: Interpreter) throws(Failure) -> [String] {
        if case .str(let s) = v { return s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init) }
        return try interp.iterate(v).map { f throws(Failure) in
            guard case .str(let s) = f else { throw Failure("TypeError: Type names and field names must be strings") }
            return s
        }
    }

    /// The items of a new instance from its call's arguments, with Python's errors.
    private static func bindFields(
        _ typename: String, _ fields: [String], _ defaults: [Value], _ positional: [Value], _ keywords: [(String, Value)]
    ) throws(Failure) -> [Value] {
        let prefix = "TypeError: \(typename).__new__()"
        guard positional.count <= fields.count else {
            throw Failure("\(prefix) takes \(fields.count + 1) positional arguments but \(positional.count + 1) were given")
        }
        var values: [Value?] = positional + Array(repeating: nil, count: fields.count - positional.count)
        for (name, v) in keywords {
            guard let i = fields.firstIndex(of: name) else { throw Failure("\(prefix) got an unexpected keyword argument '\(name)'") }
            guard values[i] == nil else { throw Failure("\(prefix) got multiple values for argument '\(name)'") }
            values[i] = v
        }
        let firstDefault = fields.count - defaults.count
        for i in firstDefault..<fields.count where values[i] == nil { values[i] = defaults[i - firstDefault] }
        let missing = fields.indices.filter { values[$0] == nil }.map { "'\(fields[$0])'" }
        guard missing.isEmpty else {
            let names = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            throw Failure("\(prefix) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(names)")
        }
        return values.map { $0! }
    }

    private static func items(_ call: Arguments) throws(Failure) -> [Value] {
        guard case .instance(let i) = call.positional.first, let items = i.tuple else {
            throw Failure("TypeError: descriptor requires a namedtuple instance")
        }
        return items
    }

    /// A tuple's operations on a namedtuple's items: the instance behaves as the tuple of them.
    private static func tupleMethods(_ interp: Interpreter) -> [String: Value] {
        func asTuple(_ v: Value) -> Value? {
            switch v {
            case .tuple: return v
            case .instance(let i): return i.tuple.map(Value.tuple)
            default: return nil
            }
        }
        var m: [String: Value] = [:]
        for op in ["==", "!=", "<", "<=", ">", ">="] {
            let name = Interpreter.comparisonMethods[op]!.0
            m[name] = fn(name) { call throws(Failure) in
                guard let other = asTuple(try call.required(1, "other")) else { return .object(NotImplementedMarker()) }
                return try interp.compare(op, .tuple(try items(call)), other)
            }
        }
        m["__add__"] = fn("__add__") { call throws(Failure) in
            guard let other = asTuple(try call.required(1, "other")) else { return .object(NotImplementedMarker()) }
            return try interp.binary("+", .tuple(try items(call)), other)
        }
        m["__radd__"] = fn("__radd__") { call throws(Failure) in
            guard let other = asTuple(try call.required(1, "other")) else { return .object(NotImplementedMarker()) }
            return try interp.binary("+", other, .tuple(try items(call)))
        }
        m["__mul__"] = fn("__mul__") { call throws(Failure) in try interp.binary("*", .tuple(try items(call)), try call.required(1, "n")) }
        m["__rmul__"] = m["__mul__"]
        m["__getitem__"] = fn("__getitem__") { call throws(Failure) in
            try interp.getItem(.tuple(try items(call)), [.value(try call.required(1, "key"))])
        }
        m["__len__"] = fn("__len__") { call throws(Failure) in .int(try items(call).count) }
        m["__iter__"] = fn("__iter__") { call throws(Failure) in .list(ListBox(try items(call))) }
        m["__contains__"] = fn("__contains__") { call throws(Failure) in
            try interp.compare("in", try call.required(1, "key"), .tuple(try items(call)))
        }
        m["__hash__"] = fn("__hash__") { call throws(Failure) in .int(try pythonHash(.tuple(try items(call)))) }
        m["__repr__"] = fn("__repr__") { call throws(Failure) in
            guard case .instance(let i) = call.positional.first, let fields = namedFields(i.cls) else { return .str("") }
            let shown = zip(fields, try items(call)).map { "\($0)=\(interp.pythonRepr($1))" }
            return .str("\(i.cls.name)(\(shown.joined(separator: ", ")))")
        }
        for name in ["count", "index"] {
            m[name] = fn(name) { call throws(Failure) in
                guard case .builtin(let method)? = tupleMethod(try items(call), name, interp) else { return .none }
                var rest = call
                rest.positional.removeFirst()
                return try method.call(&rest)
            }
        }
        m["_asdict"] = fn("_asdict") { call throws(Failure) in
            guard case .instance(let i) = call.positional.first, let fields = namedFields(i.cls) else { return .none }
            return .dict(try DictBox.make(.dict, Array(zip(fields.map(Value.str), try items(call)))))
        }
        m["_replace"] = fn("_replace") { call throws(Failure) in
            guard case .instance(let i) = call.positional.first, let fields = namedFields(i.cls) else { return .none }
            var values = try items(call)
            var unknown: [String] = []
            for (name, v) in call.keywords {
                if let k = fields.firstIndex(of: name) { values[k] = v } else { unknown.append(name) }
            }
            guard unknown.isEmpty else {
                throw Failure(
                    "ValueError: Got unexpected field names: [" + unknown.map { interp.pythonRepr(.str($0)) }.joined(separator: ", ") + "]")
            }
            return try interp.callValue(.type(i.cls), values)
        }
        return m
    }

    private static func namedFields(_ c: PyClass) -> [String]? {
        guard case .tuple(let names)? = c.lookup("_fields") else { return nil }
        return names.compactMap { if case .str(let s) = $0 { s } else { nil } }
    }
}
