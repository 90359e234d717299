// MARK: - str.format and nested fields in f-string specs

extension Interpreter {
    /// `template.format(*positional, **keywords)`: auto, numbered and named fields, `.attr` and
    /// `[key]` lookups, `!r/!s/!a` conversions, and `{}` fields nested in a spec.
    func strFormat(_ template: String, _ positional: [Value], _ keywords: [(String, Value)]) throws(Failure) -> String {
        var auto = 0
        var manual = false
        func lookup(_ field: String) throws(Failure) -> Value {
            var chars = Array(field)[...]
            var name = ""
            while let c = chars.first, c != "." && c != "[" { name.append(chars.removeFirst()) }
            var value: Value
            if name.isEmpty {
                guard !manual else {
                    throw Failure("ValueError: cannot switch from manual field specification to automatic field numbering")
                }
                guard auto < positional.count else {
                    throw Failure("IndexError: Replacement index \(auto) out of range for positional args tuple")
                }
                value = positional[auto]
                auto += 1
            } else if let i = Int(name) {
                guard auto == 0 else {
                    throw Failure("ValueError: cannot switch from automatic field numbering to manual field specification")
                }
                manual = true
                guard i < positional.count else {
                    throw Failure("IndexError: Replacement index \(i) out of range for positional args tuple")
                }
                value = positional[i]
            } else {
                guard let kw = keywords.last(where: { $0.0 == name }) else { throw Failure("KeyError: \(PyInt.pythonQuoted(name))") }
                value = kw.1
            }
            while let c = chars.popFirst() {
                var part = ""
                if c == "." {
                    while let d = chars.first, d != "." && d != "[" { part.append(chars.removeFirst()) }
                    guard !part.isEmpty else { throw Failure("ValueError: Empty attribute in format string") }
                    value = try attribute(value, part)
                } else {
                    while let d = chars.popFirst(), d != "]" { part.append(d) }
                    guard !part.isEmpty else { throw Failure("ValueError: Empty attribute in format string") }
                    value = try getItem(value, [.value(Int(part).map(Value.int) ?? .str(part))])
                }
            }
            return value
        }
        return try expandFields(template) { field throws(Failure) in
            let (name, conversion, spec) = try Interpreter.splitField(field)
            let v = try lookup(name)
            let expandedSpec = spec.contains("{") ? try strFormatSpec(spec, lookup) : spec
            return try formatValue(try convert(v, conversion), spec: expandedSpec)
        }
    }

    private func strFormatSpec(_ spec: String, _ lookup: (String) throws(Failure) -> Value) throws(Failure) -> String {
        try expandFields(spec) { field throws(Failure) in
            let (name, conversion, inner) = try Interpreter.splitField(field)
            return try formatValue(try convert(try lookup(name), conversion), spec: inner)
        }
    }

    /// An f-string spec with nested fields (`{x:{w}.{p}f}`): each field is evaluated in the
    /// f-string's scope and formatted into the spec.
    func expandSpec(_ spec: String, _ scope: Scope, at position: Position) throws(LangError) -> String {
        var fields: [String] = []
        _ = try at(position) { () throws(Failure) in
            try expandFields(spec) { field throws(Failure) in
                fields.append(field)
                return ""
            }
        }
        var texts: [String] = []
        for field in fields {
            let (source, conversion, inner) = try at(position) { () throws(Failure) in try Interpreter.splitField(field) }
            guard case .success(let expr) = Parser.parseExpression(source) else {
                throw LangError("SyntaxError: f-string: invalid expression '\(source)' in a format spec", at: position)
            }
            let v = try eval(expr, scope)
            texts.append(try at(position) { () throws(Failure) in try formatValue(try convert(v, conversion), spec: inner) })
        }
        var k = 0
        return try at(position) { () throws(Failure) in
            try expandFields(spec) { _ throws(Failure) in
                k += 1
                return texts[k - 1]
            }
        }
    }

    /// Applies a `!r`, `!s` or `!a` conversion.
    func convert(_ v: Value, _ conversion: Character?) throws(Failure) -> Value {
        switch conversion {
        case nil: return v
        case "r": return .str(pythonRepr(v))
        case "s": return .str(try checkedStr(v))
        case "a": return .str(Interpreter.asciiEscaped(pythonRepr(v)))
        case let c?: throw Failure("ValueError: Unknown conversion specifier \(c)")
        }
    }

    /// Walks a template: `{{`/`}}` are braces, each `{field}` (braces may nest inside it) is
    /// replaced by `replace(field)`.
    func expandFields(_ template: String, _ replace: (String) throws(Failure) -> String) throws(Failure) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                guard i + 1 < chars.count, chars[i + 1] == "}" else { throw Failure("ValueError: Single '}' encountered in format string") }
                out.append("}")
                i += 2
            } else if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var depth = 1
                var j = i + 1
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" { depth -= 1 }
                    if depth == 0 { break }
                    j += 1
                }
                guard j < chars.count else {
                    throw Failure(
                        i + 1 == chars.count
                            ? "ValueError: Single '{' encountered in format string" : "ValueError: expected '}' before end of string")
                }
                out += try replace(String(chars[(i + 1)..<j]))
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// A field's name, conversion and spec: `name!r:>10`.
    static func splitField(_ field: String) throws(Failure) -> (String, Character?, String) {
        var name = ""
        var chars = Array(field)[...]
        var bracket = false
        while let c = chars.first {
            if c == "[" { bracket = true }
            if c == "]" { bracket = false }
            if !bracket && (c == "!" || c == ":") { break }
            name.append(chars.removeFirst())
        }
        var conversion: Character?
        if chars.first == "!" {
            chars.removeFirst()
            guard let c = chars.popFirst() else { throw Failure("ValueError: end of string while looking for conversion specifier") }
            conversion = c
            guard chars.isEmpty || chars.first == ":" else { throw Failure("ValueError: expected ':' after conversion specifier") }
        }
        if chars.first == ":" { chars.removeFirst() }
        return (name, conversion, String(chars))
    }
}
