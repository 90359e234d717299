// MARK: - Calls, subscripts, comprehensions and atoms

extension Parser {
    mutating func arguments() throws(LangError) -> [Argument] {
        var args: [Argument] = []
        while !checkOp(")") {
            if peek.isEOF { throw error("SyntaxError: '(' was never closed") }
            if matchOp("**") {
                args.append(Argument(keyword: nil, value: try expression(), isDoubleStarred: true))
            } else if matchOp("*") {
                args.append(Argument(keyword: nil, value: try expression(), isStarred: true))
            } else if case .name(let n) = peek.kind, tokens[current + 1].kind == .op("=") {
                current += 2
                args.append(Argument(keyword: n, value: try expression()))
            } else {
                let value = try expression()
                if checkName("for") {
                    args.append(Argument(keyword: nil, value: try comprehension(value, kind: .generator)))
                } else {
                    if args.contains(where: { $0.keyword != nil || $0.isDoubleStarred }) {
                        throw LangError("SyntaxError: positional argument follows keyword argument", at: value.position)
                    }
                    args.append(Argument(keyword: nil, value: value))
                }
            }
            if !matchOp(",") { break }
        }
        _ = try consumeOp(")", "to close the call")
        return args
    }

    mutating func subscripts() throws(LangError) -> [SliceItem] {
        var items: [SliceItem] = []
        while !checkOp("]") {
            var start: Expr?
            if !checkOp(":") { start = try expression() }
            if matchOp(":") {
                let stop = checkOp(":") || checkOp(",") || checkOp("]") ? nil : try expression()
                var step: Expr?
                if matchOp(":") { step = checkOp(",") || checkOp("]") ? nil : try expression() }
                items.append(.slice(start, stop, step))
            } else if let start {
                items.append(.index(start))
            }
            if !matchOp(",") { break }
        }
        _ = try consumeOp("]", "to close the subscript")
        return items
    }

    mutating func comprehension(_ element: Expr, kind: ComprehensionKind) throws(LangError) -> Expr {
        Expr(.comprehension(element, try comprehensionClauses(), kind: kind), element.position)
    }

    mutating func comprehensionClauses() throws(LangError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while matchName("for") {
            let target = try targetList()
            guard matchName("in") else { throw error("SyntaxError: expected 'in' in comprehension") }
            let iterable = try orTest()
            var conditions: [Expr] = []
            while checkName("if") {
                current += 1
                conditions.append(try orTestNoConditional())
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    mutating func orTestNoConditional() throws(LangError) -> Expr { try orTest() }

    mutating func atom() throws(LangError) -> Expr {
        let t = peek
        switch t.kind {
        case .int(let v):
            current += 1
            return Expr(.int(v), t.position)
        case .bigInt(let digits):
            current += 1
            return Expr(.bigInt(digits), t.position)
        case .float(let v):
            current += 1
            return Expr(.float(v), t.position)
        case .string, .fstring: return try strings()
        case .name(let n):
            switch n {
            case "True":
                current += 1
                return Expr(.bool(true), t.position)
            case "False":
                current += 1
                return Expr(.bool(false), t.position)
            case "None":
                current += 1
                return Expr(.none, t.position)
            default:
                if Parser.keywords.contains(n) { throw error("SyntaxError: invalid syntax", hint: "'\(n)' is a keyword") }
                current += 1
                return Expr(.name(Name(n)), t.position)
            }
        case .op("("):
            current += 1
            if matchOp(")") { return Expr(.tuple([]), t.position) }
            if checkName("yield") {
                let y = try yieldExpression()
                _ = try consumeOp(")", "to close the parenthesis")
                return y
            }
            let first = checkOp("*") ? try starred() : try expression()
            if checkName("for") {
                let c = try comprehension(first, kind: .generator)
                _ = try consumeOp(")", "to close the generator")
                return c
            }
            if matchOp(")") { return first }
            var items = [first]
            while matchOp(",") {
                if checkOp(")") { break }
                items.append(checkOp("*") ? try starred() : try expression())
            }
            _ = try consumeOp(")", "to close the parenthesis")
            return Expr(.tuple(items), t.position)
        case .op("["):
            current += 1
            var items: [Expr] = []
            if matchOp("]") { return Expr(.list([]), t.position) }
            let first = checkOp("*") ? try starred() : try expression()
            if checkName("for") {
                let c = try comprehension(first, kind: .list)
                _ = try consumeOp("]", "to close the list comprehension")
                return c
            }
            items.append(first)
            while matchOp(",") {
                if checkOp("]") { break }
                items.append(checkOp("*") ? try starred() : try expression())
            }
            _ = try consumeOp("]", "to close the list")
            return Expr(.list(items), t.position)
        case .op("{"):
            current += 1
            return try braces(t)
        case .op("..."):
            current += 1
            return Expr(.name(Name("Ellipsis")), t.position)
        case .newline, .eof:
            throw error("SyntaxError: invalid syntax: the expression is incomplete")
        case .indent:
            throw error("IndentationError: unexpected indent")
        default:
            throw error("SyntaxError: invalid syntax")
        }
    }

    /// After `{`: a dict or set display, or a dict or set comprehension.
    mutating func braces(_ open: Token) throws(LangError) -> Expr {
        if matchOp("}") { return Expr(.dict([]), open.position) }
        var pairs: [(Expr?, Expr)] = []
        var items: [Expr] = []
        let isDict = !checkOp("*")
        repeat {
            if checkOp("}") { break }
            if matchOp("**") {
                guard items.isEmpty else { throw error("SyntaxError: invalid syntax") }
                pairs.append((nil, try bitOr()))
                continue
            }
            if checkOp("*") {
                guard pairs.isEmpty else { throw error("SyntaxError: invalid syntax") }
                items.append(try starred())
                continue
            }
            let first = try expression()
            if isDict && items.isEmpty && matchOp(":") {
                let value = try expression()
                if pairs.isEmpty && checkName("for") {
                    let c = Expr(.dictComprehension(first, value, try comprehensionClauses()), first.position)
                    _ = try consumeOp("}", "to close the dict comprehension")
                    return c
                }
                pairs.append((first, value))
            } else {
                guard pairs.isEmpty else { throw error("SyntaxError: expected ':' in the dict literal") }
                if items.isEmpty && checkName("for") {
                    let c = try comprehension(first, kind: .set)
                    _ = try consumeOp("}", "to close the set comprehension")
                    return c
                }
                items.append(first)
            }
        } while matchOp(",")
        _ = try consumeOp("}", pairs.isEmpty ? "to close the set" : "to close the dict")
        return pairs.isEmpty ? Expr(.set(items), open.position) : Expr(.dict(pairs), open.position)
    }
}
