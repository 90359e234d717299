import BigInt

// MARK: - Expressions

extension Interpreter {
    func eval(_ expr: Expr, _ scope: Scope) throws(LangError) -> Value {
        switch expr.kind {
        case .int(let v): return .int(v)
        case .bigInt(let digits): return .integer(BigInt(digits) ?? 0)
        case .float(let v): return .float(v)
        case .string(let s): return .str(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .fstring(let parts): return .str(try fstring(parts, scope))

        case .name(let n):
            if let v = scope.lookup(n) { return v }
            if let (_, isOwn) = scope.unboundLocal(n) {
                throw LangError(
                    isOwn
                        ? "UnboundLocalError: cannot access local variable '\(n.text)' where it is not associated with a value"
                        : "NameError: cannot access free variable '\(n.text)' where it is not associated with a value in enclosing scope",
                    at: expr.position,
                    hint: isOwn
                        ? "the function assigns '\(n.text)' later, which makes it local everywhere in the function; declare it global to use the outer one"
                        : nil)
            }
            let hint = closestName(to: n.text, in: scope.visibleNames.filter { !$0.hasPrefix("_") }).map { "did you mean '\($0)'?" }
            throw LangError("NameError: name '\(n.text)' is not defined", at: expr.position, hint: hint)
        case .list(let items):
            return .list(ListBox(try evalItems(items, scope)))
        case .tuple(let items):
            return .tuple(try evalItems(items, scope))
        case .dict(let pairs):
            let d = DictBox()
            for (k, v) in pairs {
                guard let k else {
                    let m = try eval(v, scope)
                    try at(v.position) { () throws(Failure) in
                        guard case .dict(let other) = m else { throw Failure("TypeError: '\(m.typeName)' object is not a mapping") }
                        for (key, value) in zip(other.keys, other.values) { try d.set(key, value) }
                    }
                    continue
                }
                let key = try eval(k, scope)
                let value = try eval(v, scope)
                try at(k.position) { () throws(Failure) in try d.set(key, value) }
            }
            return .dict(d)
        case .set(let items):
            let values = try evalItems(items, scope)
            return try at(expr.position) { () throws(Failure) in try makeSet(values) }
        case .yield(let e):
            return try yieldValue(try e.map { e throws(LangError) in try eval(e, scope) } ?? .none, at: expr.position)
        case .yieldFrom(let e):
            return try yieldFrom(try eval(e, scope), at: expr.position)
        case .unary(let op, let operand):
            let v = try eval(operand, scope)
            return try at(expr.position) { () throws(Failure) in try unary(op, v) }
        case .binary(let op, let l, let r):
            if case .binary = l.kind { return try evalChain(expr, scope) }
            let a = try eval(l, scope)
            let b = try eval(r, scope)
            return try at(expr.position) { () throws(Failure) in try binary(op, a, b) }
        case .compare(let first, let rest):
            var left = try eval(first, scope)
            var result: Value = .bool(true)
            for (op, e) in rest {
                let right = try eval(e, scope)
                result = try at(expr.position) { () throws(Failure) in try compare(op, left, right) }
                if rest.count > 1, !(try truthy(result, expr.position)) { return .bool(false) }
                left = right
            }
            return result
        case .and(let l, let r):
            let a = try eval(l, scope)
            return try truthy(a, l.position) ? try eval(r, scope) : a
        case .or(let l, let r):
            let a = try eval(l, scope)
            return try truthy(a, l.position) ? a : try eval(r, scope)
        case .not(let e):
            return .bool(!(try truthy(try eval(e, scope), e.position)))
        case .conditional(let cond, let a, let b):
            return try truthy(try eval(cond, scope), cond.position) ? try eval(a, scope) : try eval(b, scope)
        case .call(let calleeExpr, let args):
            let callee = try eval(calleeExpr, scope)
            var positional: [Value] = []
            var keywords: [(String, Value)] = []
            for a in args {
                let v =
                    try drainsAtOnce(callee, args) ? try eval(Expr(a.value.kind.eager, a.value.position), scope) : try eval(a.value, scope)
                if a.isDoubleStarred {
                    guard case .dict(let d) = v else {
                        throw LangError("TypeError: argument after ** must be a mapping, not \(v.typeName)", at: a.value.position)
                    }
                    for (k, value) in zip(d.keys, d.values) {
                        guard case .str(let key) = k else { throw LangError("TypeError: keywords must be strings", at: a.value.position) }
                        keywords.append((key, value))
                    }
                } else if a.isStarred {
                    positional += try at(a.value.position) { () throws(Failure) in try iterate(v) }
                } else if let k = a.keyword {
                    keywords.append((k, v))
                } else {
                    positional.append(v)
                }
            }
            return try call(callee, positional, keywords, at: expr.position)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            return try at(expr.position) { () throws(Failure) in try attribute(obj, name) }
        case .subscript(let baseExpr, let items):
            let base = try eval(baseExpr, scope)
            let keys = try evalSlices(items, scope)
            return try at(expr.position) { () throws(Failure) in try getItem(base, keys) }
        case .lambda(let params, let body):
            let defaults = try params.map { p throws(LangError) in try p.defaultValue.map { e throws(LangError) in try eval(e, scope) } }
            let f = Function(
                name: "<lambda>", parameters: params, defaults: defaults, body: .expression(body), closure: scope.functionClosure)
            f.block = blockNumber
            return .function(f)
        case .comprehension(let element, let clauses, .generator):
            // The first iterable is evaluated at once, the rest as the items are asked for.
            let first = try eval(clauses[0].iterable, scope)
            let inner = Scope(parent: scope.functionClosure)
            return .object(GeneratorExpression(self, element: element, clauses: clauses, scope: inner, first: first))
        case .comprehension(let element, let clauses, let kind):
            let inner = Scope(parent: scope.functionClosure)
            var results: [Value] = []
            try comprehend(clauses[...], inner) { () throws(LangError) in results.append(try eval(element, inner)) }
            if kind == .set { return try at(expr.position) { () throws(Failure) in try makeSet(results) } }
            return .list(ListBox(results))
        case .dictComprehension(let key, let value, let clauses):
            let inner = Scope(parent: scope.functionClosure)
            let d = DictBox()
            try comprehend(clauses[...], inner) { () throws(LangError) in
                let k = try eval(key, inner)
                let v = try eval(value, inner)
                try at(key.position) { () throws(Failure) in try d.set(k, v) }
            }
            return .dict(d)
        case .starred:
            throw LangError("SyntaxError: can't use starred expression here", at: expr.position)
        }
    }

    /// An f-string's text; a format spec may itself hold fields (`{x:{width}.2f}`).
    private func fstring(_ parts: [FPart], _ scope: Scope) throws(LangError) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .expression(let e, let conversion, let specParts):
                let v = try eval(e, scope)
                let spec = try fstring(specParts, scope)
                out += try at(e.position) { () throws(Failure) in try formatValue(try convert(v, conversion), spec: spec) }
                try checkDisplay(at: e.position)
            }
        }
        return out
    }

    /// `list(x for x in xs)` and the like: a builtin that takes the whole generator before
    /// running any other code gets the items as a list, sparing the generator's thread.
    private func drainsAtOnce(_ callee: Value, _ args: [Argument]) -> Bool {
        guard args.count == 1, case .comprehension(_, _, .generator) = args[0].value.kind else { return false }
        switch callee {
        case .type(let c): return c.constructor != nil && ["list", "tuple", "set", "dict"].contains(c.name)
        case .builtin(let b): return b.name == "sorted"
        default: return false
        }
    }

    /// `a + b - c + …`, which nests to the left, evaluated in a loop so that a 100,000-term
    /// expression does not recurse 100,000 levels deep.
    private func evalChain(_ expr: Expr, _ scope: Scope) throws(LangError) -> Value {
        var spine: [Expr] = []
        var node = expr
        while case .binary(_, let left, _) = node.kind {
            spine.append(node)
            node = left
        }
        var value = try eval(node, scope)
        for n in spine.reversed() {
            guard case .binary(let op, _, let right) = n.kind else { continue }
            let b = try eval(right, scope)
            let a = value
            value = try at(n.position) { () throws(Failure) in try binary(op, a, b) }
        }
        return value
    }

    /// Runs `produce` once per combination of the clauses' items that passes their conditions.
    private func comprehend(_ clauses: ArraySlice<ComprehensionClause>, _ scope: Scope, _ produce: () throws(LangError) -> Void)
        throws(LangError)
    {
        guard let clause = clauses.first else { return try produce() }
        let iterable = try eval(clause.iterable, scope)
        try forEach(iterable, at: clause.iterable.position) { item throws(LangError) in
            try tick(clause.iterable.position)
            try assign(clause.target, item, scope)
            for c in clause.conditions where !(try truthy(try eval(c, scope), c.position)) { return true }
            try comprehend(clauses.dropFirst(), scope, produce)
            return true
        }
    }

    private func evalItems(_ items: [Expr], _ scope: Scope) throws(LangError) -> [Value] {
        var out: [Value] = []
        for e in items {
            if case .starred(let inner) = e.kind {
                let v = try eval(inner, scope)
                out += try at(e.position) { () throws(Failure) in try iterate(v) }
            } else {
                out.append(try eval(e, scope))
            }
        }
        return out
    }

    /// Evaluated subscript entries: a value, or a slice with optional bounds.
    enum Key {
        case value(Value)
        case slice(Int?, Int?, Int?)
    }

    func evalSlices(_ items: [SliceItem], _ scope: Scope) throws(LangError) -> [Key] {
        var keys: [Key] = []
        for item in items {
            switch item {
            case .index(let e): keys.append(.value(try eval(e, scope)))
            case .slice(let a, let b, let c):
                func bound(_ e: Expr?) throws(LangError) -> Int? {
                    guard let e else { return nil }
                    let v = try eval(e, scope)
                    if v.isNone { return nil }
                    return try at(e.position) { () throws(Failure) in try v.asInt("slice index") }
                }
                keys.append(.slice(try bound(a), try bound(b), try bound(c)))
            }
        }
        return keys
    }
}
