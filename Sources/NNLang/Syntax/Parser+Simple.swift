// MARK: - Simple statements and assignment targets

extension Parser {
    mutating func simpleStatement() throws(LangError) -> Stmt {
        let start = peek
        if case .name(let kw) = start.kind {
            switch kw {
            case "pass":
                current += 1
                return Stmt(.pass, start.position)
            case "break", "continue":
                guard loopDepth > 0 else { throw error("SyntaxError: '\(kw)' outside loop") }
                current += 1
                return Stmt(kw == "break" ? .break : .continue, start.position)
            case "raise":
                current += 1
                guard !(check(.newline) || checkOp(";") || peek.isEOF || check(.dedent)) else {
                    return Stmt(.raise(nil, cause: nil), start.position)
                }
                let e = try expression()
                return Stmt(.raise(e, cause: matchName("from") ? try expression() : nil), start.position)
            case "return":
                guard scopes.last.map({ !$0.isClass }) ?? false else { throw error("SyntaxError: 'return' outside function") }
                current += 1
                let value = check(.newline) || checkOp(";") || peek.isEOF || check(.dedent) ? nil : try expressionList()
                return Stmt(.return(value), start.position)
            case "assert":
                current += 1
                let test = try expression()
                let msg = matchOp(",") ? try expression() : nil
                return Stmt(.assert(test, msg), start.position)
            case "import":
                current += 1
                var modules: [(module: String, alias: String?)] = []
                repeat {
                    let m = try dottedName()
                    modules.append((m, matchName("as") ? try identifier("after 'as'") : nil))
                    bind(modules.last!.alias ?? String(m.split(separator: ".")[0]))
                } while matchOp(",")
                return Stmt(.import(modules), start.position)
            case "from":
                current += 1
                let m = try dottedName()
                guard matchName("import") else { throw error("SyntaxError: expected 'import' after 'from \(m)'") }
                let paren = matchOp("(")
                var names: [(name: String, alias: String?)] = []
                if matchOp("*") {
                    names.append(("*", nil))
                } else {
                    repeat {
                        if paren && checkOp(")") { break }
                        let n = try identifier("in the import list")
                        names.append((n, matchName("as") ? try identifier("after 'as'") : nil))
                        bind(names.last!.alias ?? n)
                    } while matchOp(",")
                }
                if paren { _ = try consumeOp(")", "to close the import list") }
                return Stmt(.fromImport(m, names), start.position)
            case "del":
                current += 1
                var targets = [try expression()]
                while matchOp(",") { targets.append(try expression()) }
                return Stmt(.del(targets), start.position)
            case "global", "nonlocal":
                current += 1
                var names = [try identifier("after '\(kw)'")]
                while matchOp(",") { names.append(try identifier("after ','")) }
                if !scopes.isEmpty { scopes[scopes.count - 1].declared.formUnion(names) }
                guard kw == "nonlocal" else { return Stmt(.global(names), start.position) }
                guard let i = scopes.indices.last, !scopes[i].isClass else {
                    throw LangError("SyntaxError: nonlocal declaration not allowed at module level", at: start.position)
                }
                scopes[i].nonlocals += names.map { ($0, start.position) }
                return Stmt(.nonlocal(names), start.position)
            default: break
            }
        }
        let first = try expressionList(allowStar: true)
        if checkOp(":") { return try annotated(first, start) }
        if checkOp("=") {
            var targets = [first]
            var value = first
            while matchOp("=") {
                value = try expressionList(allowStar: true)
                targets.append(value)
            }
            targets.removeLast()
            for t in targets {
                try validateTarget(t)
                bindTargets(t)
            }
            return Stmt(.assign(targets, value), start.position)
        }
        for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "|=", "&=", "^=", "<<=", ">>="] where checkOp(op) {
            let opToken = advance()
            try validateTarget(first)
            bindTargets(first)
            return Stmt(.augmented(first, String(op.dropLast()), try expression()), opToken.position)
        }
        return Stmt(.expression(first), first.position)
    }

    /// `name: type` or `name: type = value`: the annotation is read and ignored, as Python
    /// does at run time (it is only stored in `__annotations__`).
    mutating func annotated(_ target: Expr, _ start: Token) throws(LangError) -> Stmt {
        switch target.kind {
        case .name, .attribute, .subscript: break
        default: throw error("SyntaxError: only single target (not tuple) can be annotated", at: start)
        }
        current += 1
        _ = try expression()
        guard matchOp("=") else { return Stmt(.pass, start.position) }
        bindTargets(target)
        return Stmt(.assign([target], try expressionList(allowStar: true)), start.position)
    }

    func validateTarget(_ e: Expr) throws(LangError) {
        switch e.kind {
        case .name, .attribute, .subscript: return
        case .tuple(let items), .list(let items): for i in items { try validateTarget(i) }
        case .starred(let inner): try validateTarget(inner)
        case .call: throw LangError("SyntaxError: cannot assign to function call", at: e.position, hint: "did you mean '==' ?")
        default: throw LangError("SyntaxError: cannot assign to expression", at: e.position, hint: "did you mean '==' ?")
        }
    }

    mutating func dottedName() throws(LangError) -> String {
        var name = try identifier("in the module name")
        while matchOp(".") { name += "." + (try identifier("in the module name")) }
        return name
    }

    /// `a, b` or `first, *rest` in a for target: stops before `in`.
    mutating func targetList() throws(LangError) -> Expr {
        func item() throws(LangError) -> Expr { checkOp("*") ? try starred() : try bitOr() }
        let first = try item()
        guard checkOp(",") else {
            if case .starred = first.kind {
                throw LangError("SyntaxError: starred assignment target must be in a list or tuple", at: first.position)
            }
            return first
        }
        var items = [first]
        while matchOp(",") {
            if checkName("in") { break }
            items.append(try item())
        }
        if items.filter({ if case .starred = $0.kind { true } else { false } }).count > 1 {
            throw LangError("SyntaxError: multiple starred expressions in assignment", at: first.position)
        }
        return Expr(.tuple(items), first.position)
    }
}
