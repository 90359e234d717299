// MARK: - Expressions, one method per precedence level

extension Parser {
    /// An expression or a bare tuple `a, b`.
    mutating func expressionList(allowStar: Bool = false) throws(LangError) -> Expr {
        if checkName("yield") { return try yieldExpression() }
        let first = allowStar && checkOp("*") ? try starred() : try expression()
        guard checkOp(",") else { return first }
        var items = [first]
        while matchOp(",") {
            if check(.newline) || checkOp("=") || checkOp(")") || peek.isEOF || checkOp(";") { break }
            items.append(allowStar && checkOp("*") ? try starred() : try expression())
        }
        return Expr(.tuple(items), first.position)
    }

    /// `yield`, `yield value` or `yield from iterable`; marks the function as a generator.
    mutating func yieldExpression() throws(LangError) -> Expr {
        let t = advance()
        guard let i = scopes.indices.last, !scopes[i].isClass else { throw error("SyntaxError: 'yield' outside function", at: t) }
        scopes[i].hasYield = true
        if matchName("from") { return Expr(.yieldFrom(try expression()), t.position) }
        if check(.newline) || checkOp(")") || checkOp(";") || checkOp("=") || peek.isEOF || check(.dedent) {
            return Expr(.yield(nil), t.position)
        }
        return Expr(.yield(try expressionList()), t.position)
    }

    mutating func starred() throws(LangError) -> Expr {
        let t = advance()
        return Expr(.starred(try bitOr()), t.position)
    }

    mutating func expression() throws(LangError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Parser.maxNesting else {
            throw error("SyntaxError: too many nested parentheses or operators (at most \(Parser.maxNesting))")
        }
        if checkName("lambda") {
            let t = advance()
            let params = try parameters(closing: ":")
            _ = try consumeOp(":", "in lambda")
            return Expr(.lambda(params, try expression()), t.position)
        }
        let value = try orTest()
        if checkName("if") {
            let save = current
            current += 1
            let cond = try orTest()
            guard matchName("else") else {
                current = save
                return value
            }
            return Expr(.conditional(cond, value, try expression()), value.position)
        }
        return value
    }

    mutating func orTest() throws(LangError) -> Expr {
        var left = try andTest()
        while checkName("or") {
            let t = advance()
            left = Expr(.or(left, try andTest()), t.position)
        }
        return left
    }

    mutating func andTest() throws(LangError) -> Expr {
        var left = try notTest()
        while checkName("and") {
            let t = advance()
            left = Expr(.and(left, try notTest()), t.position)
        }
        return left
    }

    mutating func notTest() throws(LangError) -> Expr {
        if checkName("not") {
            let t = advance()
            return Expr(.not(try notTest()), t.position)
        }
        return try comparison()
    }

    mutating func comparison() throws(LangError) -> Expr {
        let left = try bitOr()
        var rest: [(String, Expr)] = []
        var firstOp: Position?
        while true {
            let t = peek
            var op: String?
            switch t.kind {
            case .op(let o) where ["<", ">", "==", "!=", "<=", ">="].contains(o):
                current += 1
                op = o
            case .name("in"):
                current += 1
                op = "in"
            case .name("is"):
                current += 1
                op = matchName("not") ? "is not" : "is"
            case .name("not") where tokens[current + 1].kind == .name("in"):
                current += 2
                op = "not in"
            default: break
            }
            guard let op else { break }
            firstOp = firstOp ?? t.position
            rest.append((op, try bitOr()))
        }
        return rest.isEmpty ? left : Expr(.compare(left, rest), firstOp!)
    }

    mutating func bitOr() throws(LangError) -> Expr {
        var left = try bitAnd()
        while checkOp("|") || checkOp("^") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try bitAnd()), t.position)
        }
        return left
    }

    mutating func bitAnd() throws(LangError) -> Expr {
        var left = try shift()
        while checkOp("&") {
            let t = advance()
            left = Expr(.binary("&", left, try shift()), t.position)
        }
        return left
    }

    mutating func shift() throws(LangError) -> Expr {
        var left = try arith()
        while checkOp("<<") || checkOp(">>") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try arith()), t.position)
        }
        return left
    }

    mutating func arith() throws(LangError) -> Expr {
        var left = try term()
        while checkOp("+") || checkOp("-") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try term()), t.position)
        }
        return left
    }

    mutating func term() throws(LangError) -> Expr {
        var left = try factor()
        while ["*", "/", "//", "%", "@"].contains(where: { checkOp($0) }) {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try factor()), t.position)
        }
        return left
    }

    mutating func factor() throws(LangError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Parser.maxNesting else {
            throw error("SyntaxError: too many nested parentheses or operators (at most \(Parser.maxNesting))")
        }
        if checkOp("-") || checkOp("+") || checkOp("~") {
            let t = advance()
            guard case .op(let op) = t.kind else { throw error("SyntaxError: invalid syntax") }
            return Expr(.unary(op, try factor()), t.position)
        }
        return try power()
    }

    mutating func power() throws(LangError) -> Expr {
        let base = try primary()
        if checkOp("**") {
            let t = advance()
            return Expr(.binary("**", base, try factor()), t.position)
        }
        return base
    }

    mutating func primary() throws(LangError) -> Expr {
        var e = try atom()
        while true {
            if checkOp("(") {
                let t = advance()
                e = Expr(.call(e, try arguments()), t.position)
            } else if checkOp("[") {
                let t = advance()
                e = Expr(.subscript(e, try subscripts()), t.position)
            } else if checkOp(".") {
                let t = advance()
                guard case .name(let n) = peek.kind else { throw error("SyntaxError: expected an attribute name after '.'") }
                current += 1
                e = Expr(.attribute(e, n), t.position)
            } else {
                return e
            }
        }
    }
}
