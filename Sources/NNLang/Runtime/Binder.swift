/// The one binder of builtin calls: matches a call's arguments to a declared `Signature` with
/// CPython's rules and CPython's `TypeError` messages, so every builtin checks its arity and
/// keywords the same way and none silently ignores an argument.
struct BoundArguments {
    let signature: Signature
    /// Aligned with `signature.parameters`: the argument given for each, nil where the call left it out.
    var values: [Value?]
    /// What `*args` and `**kwargs` collected.
    var extraPositional: [Value] = []
    var extraKeywords: [(String, Value)] = []
}

extension Arguments {
    /// The common call `f(a, b)`: positional arguments only, to a signature of positional
    /// parameters, in the number it takes. Binds without the general matching; false (and
    /// nothing bound) for any other call.
    mutating func bindPositionally(_ signature: Signature) -> Bool {
        guard keywords.isEmpty, let counts = signature.positionalCounts, counts.contains(positional.count) else { return false }
        var values = [Value?](repeating: nil, count: signature.parameters.count)
        for (i, v) in positional.enumerated() { values[i] = v }
        bound = BoundArguments(signature: signature, values: values)
        return true
    }

    /// Binds the call to `signature`; an argument for a parameter in `unsupported` that is not
    /// the parameter's default is `NotImplementedError` naming it.
    mutating func bind(_ signature: Signature, unsupported: [String] = []) throws(Failure) {
        let params = signature.parameters
        var bound = BoundArguments(signature: signature, values: Array(repeating: nil, count: params.count))
        let name = signature.name
        var next = 0
        for (i, p) in params.enumerated() where next < positional.count {
            switch p.kind {
            case .positionalOnly, .positionalOrKeyword:
                bound.values[i] = positional[next]
                next += 1
            case .varPositional:
                bound.extraPositional = Array(positional[next...])
                next = positional.count
            default: break
            }
        }
        var positionalOnlyAsKeywords: [String] = []
        let acceptsAnyKeyword = params.contains { $0.kind == .varKeyword }
        for (k, v) in keywords {
            if let i = params.firstIndex(where: { $0.name == k && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly) }) {
                if bound.values[i] != nil { throw Failure("TypeError: \(name)() got multiple values for argument '\(k)'") }
                bound.values[i] = v
            } else if acceptsAnyKeyword {
                bound.extraKeywords.append((k, v))
            } else if params.contains(where: { $0.name == k && $0.kind == .positionalOnly }) {
                positionalOnlyAsKeywords.append(k)
            } else {
                let valid = params.filter { $0.kind == .positionalOrKeyword || $0.kind == .keywordOnly }.map(\.name)
                throw Failure(
                    "TypeError: \(name)() got an unexpected keyword argument '\(k)'",
                    hint: valid.isEmpty ? "\(name)() takes no keyword arguments" : "valid keywords: " + valid.joined(separator: ", "))
            }
        }
        if !positionalOnlyAsKeywords.isEmpty {
            throw Failure(
                "TypeError: \(name)() got some positional-only arguments passed as keyword arguments: '\(positionalOnlyAsKeywords.joined(separator: ", "))'"
            )
        }
        if next < positional.count { throw tooManyPositional(bound) }
        try checkMissing(bound)
        for parameter in unsupported {
            // `**kwargs` in the list: any keyword it would collect is refused by its own name.
            if parameter.hasPrefix("**"), let (k, _) = bound.extraKeywords.first {
                throw Failure("NotImplementedError: Lectern does not support the '\(k)' argument of \(name)()")
            }
            if parameter.hasPrefix("*"), !parameter.hasPrefix("**"), !bound.extraPositional.isEmpty {
                throw Failure("NotImplementedError: Lectern does not support more positional arguments to \(name)()")
            }
            guard let i = signature.index(of: parameter), let v = bound.values[i] else { continue }
            if params[i].defaultValue?.matches(v) ?? false { continue }
            throw Failure("NotImplementedError: Lectern does not support the '\(parameter)' argument of \(name)()")
        }
        self.bound = bound
    }

    /// CPython's `too_many_positional`: "takes from 1 to 2 positional arguments but 3 were given".
    private func tooManyPositional(_ bound: BoundArguments) -> Failure {
        let params = bound.signature.parameters
        let positionalParams = params.filter { $0.kind == .positionalOnly || $0.kind == .positionalOrKeyword }
        let withDefaults = positionalParams.filter { $0.defaultValue != nil }.count
        let count = positionalParams.count
        let takes = withDefaults > 0 ? "from \(count - withDefaults) to \(count)" : "\(count)"
        let plural = withDefaults > 0 || count != 1 ? "s" : ""
        let keywordOnlyGiven = params.indices.filter { params[$0].kind == .keywordOnly && bound.values[$0] != nil }.count
        let given = positional.count
        var givenText = "\(given)"
        if keywordOnlyGiven > 0 {
            givenText +=
                " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
        }
        let verb = given == 1 && keywordOnlyGiven == 0 ? "was" : "were"
        return Failure("TypeError: \(bound.signature.name)() takes \(takes) positional argument\(plural) but \(givenText) \(verb) given")
    }

    /// CPython's `missing_arguments`: the positional ones first, then the keyword-only ones.
    private func checkMissing(_ bound: BoundArguments) throws(Failure) {
        let params = bound.signature.parameters
        for (kind, label) in [([Signature.Kind.positionalOnly, .positionalOrKeyword], "positional"), ([.keywordOnly], "keyword-only")] {
            let missing = params.indices.filter { i in
                kind.contains(params[i].kind) && params[i].defaultValue == nil && bound.values[i] == nil
            }.map { "'\(params[$0].name)'" }
            guard let last = missing.last else { continue }
            let list: String
            switch missing.count {
            case 1: list = last
            case 2: list = missing[0] + " and " + last
            default: list = missing.dropLast().joined(separator: ", ") + ", and " + last
            }
            throw Failure(
                "TypeError: \(bound.signature.name)() missing \(missing.count) required \(label) argument\(missing.count == 1 ? "" : "s"): \(list)"
            )
        }
    }
}
