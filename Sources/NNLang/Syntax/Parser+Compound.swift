// MARK: - Compound statements: if, loops, def, class, try, with

extension Parser {
    mutating func ifStatement() throws(LangError) -> Stmt {
        let start = advance()
        var branches: [(Expr, [Stmt])] = []
        let cond = try expression()
        branches.append((cond, try block("'if' statement", start)))
        var elseBody: [Stmt]?
        while true {
            if checkName("elif") {
                let t = advance()
                let c = try expression()
                branches.append((c, try block("'elif' statement", t)))
            } else if checkName("else") {
                let t = advance()
                elseBody = try block("'else' statement", t)
                break
            } else {
                break
            }
        }
        return Stmt(.if(branches, elseBody), start.position)
    }

    mutating func forStatement() throws(LangError) -> Stmt {
        let start = advance()
        let target = try targetList()
        guard matchName("in") else { throw error("SyntaxError: expected 'in' in 'for' statement") }
        let iterable = try expressionList()
        bindTargets(target)
        let body = try loopBody("'for' statement", start)
        return Stmt(.for(target, iterable, body, orElse: try elseClause()), start.position)
    }

    /// A loop's body, where `break` and `continue` are allowed.
    mutating func loopBody(_ what: String, _ header: Token) throws(LangError) -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try block(what, header)
    }

    /// The `else:` of a loop, run when the loop ends without `break`.
    mutating func elseClause() throws(LangError) -> [Stmt] {
        guard checkName("else") else { return [] }
        let t = advance()
        return try block("'else' statement", t)
    }

    /// `@decorator` lines, then the `def` or `class` they apply to.
    mutating func decorated() throws(LangError) -> Stmt {
        var decorators: [Expr] = []
        while matchOp("@") {
            decorators.append(try expression())
            guard check(.newline) else { throw error("SyntaxError: expected a newline after the decorator") }
            current += 1
        }
        if checkName("def") { return try defStatement(decorators) }
        if checkName("class") { return try classStatement(decorators) }
        throw error("SyntaxError: a decorator must be followed by 'def' or 'class'")
    }

    mutating func defStatement(_ decorators: [Expr]) throws(LangError) -> Stmt {
        let start = advance()
        let name = try identifier("after 'def'")
        bind(name)
        _ = try consumeOp("(", "after the function name")
        let params = try parameters(closing: ")")
        _ = try consumeOp(")", "after the parameters")
        if matchOp("->") { _ = try expression() }
        let (body, context) = try scopeBody(ScopeContext(isClass: false, bound: Set(params.map(\.name))), "function definition", start)
        let def = FunctionDef(
            name: name, parameters: params, body: body, decorators: decorators, isGenerator: context.hasYield,
            locals: context.bound.subtracting(context.declared))
        return Stmt(.def(def), start.position)
    }

    mutating func classStatement(_ decorators: [Expr]) throws(LangError) -> Stmt {
        let start = advance()
        let name = try identifier("after 'class'")
        bind(name)
        var base: Expr?
        if matchOp("(") {
            if !checkOp(")") { base = try expression() }
            if matchOp(",") && !checkOp(")") {
                throw error("NotImplementedError: Lectern does not support multiple inheritance", hint: "derive from one base class")
            }
            _ = try consumeOp(")", "after the base class")
        }
        let (body, _) = try scopeBody(ScopeContext(isClass: true), "class definition", start)
        return Stmt(.classDef(ClassDef(name: name, base: base, body: body, decorators: decorators)), start.position)
    }

    /// Parses the body of a function or class in its own context; a `nonlocal` name it does
    /// not find in an enclosing function is a SyntaxError once the outermost function ends.
    mutating func scopeBody(_ context: ScopeContext, _ what: String, _ header: Token) throws(LangError) -> ([Stmt], ScopeContext) {
        scopes.append(context)
        let savedLoops = loopDepth
        loopDepth = 0
        var body: [Stmt] = []
        var failure: LangError?
        do { body = try block(what, header) } catch { failure = error }
        loopDepth = savedLoops
        let finished = scopes.removeLast()
        if let failure { throw failure }
        // Look for each unresolved `nonlocal` in the enclosing functions (classes do not count).
        let pending = finished.nonlocals
        if let outer = scopes.lastIndex(where: { !$0.isClass }) {
            for (n, position) in pending where !scopes[outer].bound.contains(n) {
                scopes[outer].nonlocals.append((n, position))
            }
        } else if let (n, position) = pending.first {
            throw LangError("SyntaxError: no binding for nonlocal '\(n)' found", at: position)
        }
        return (body, finished)
    }

    /// Records that the innermost function binds `name` (for checking `nonlocal`).
    mutating func bind(_ name: String) {
        if !scopes.isEmpty { scopes[scopes.count - 1].bound.insert(name) }
    }

    mutating func bindTargets(_ target: Expr) {
        switch target.kind {
        case .name(let n): bind(n.text)
        case .tuple(let items), .list(let items): for i in items { bindTargets(i) }
        case .starred(let inner): bindTargets(inner)
        default: break
        }
    }

    mutating func tryStatement() throws(LangError) -> Stmt {
        let start = advance()
        let body = try block("'try' statement", start)
        var handlers: [ExceptHandler] = []
        while checkName("except") {
            let t = advance()
            var type: Expr?
            var name: String?
            if !checkOp(":") {
                type = try expression()
                if matchName("as") {
                    name = try identifier("after 'as'")
                    bind(name!)
                }
            } else if let last = handlers.last, last.type == nil {
                throw error("SyntaxError: default 'except:' must be last", at: t)
            }
            handlers.append(ExceptHandler(type: type, name: name, body: try block("'except' statement", t), position: t.position))
        }
        let orElse = handlers.isEmpty ? [] : try elseClause()
        var final: [Stmt]?
        if checkName("finally") {
            let t = advance()
            final = try block("'finally' statement", t)
        }
        if handlers.isEmpty && final == nil { throw error("SyntaxError: expected 'except' or 'finally' block") }
        return Stmt(.try(body, handlers, orElse: orElse, finally: final), start.position)
    }

    mutating func withStatement() throws(LangError) -> Stmt {
        let start = advance()
        var items: [(Expr, Expr?)] = []
        repeat {
            let manager = try expression()
            var target: Expr?
            if matchName("as") {
                target = try bitOr()
                try validateTarget(target!)
                bindTargets(target!)
            }
            items.append((manager, target))
        } while matchOp(",")
        return Stmt(.with(items, try block("'with' statement", start)), start.position)
    }

    mutating func parameters(closing: String) throws(LangError) -> [Parameter] {
        var params: [Parameter] = []
        var keywordOnly = false
        while !checkOp(closing) {
            var kind: Parameter.Kind = keywordOnly ? .keywordOnly : .positional
            if matchOp("/") {
                // The parameters before `/` can be given only by position.
                for i in params.indices where params[i].kind == .positional { params[i].kind = .positionalOnly }
                if !matchOp(",") { break }
                continue
            }
            if matchOp("**") {
                kind = .keywords
            } else if matchOp("*") {
                keywordOnly = true
                // A bare `*` only marks the parameters after it as keyword-only.
                if checkOp(",") {
                    current += 1
                    continue
                }
                kind = .variadic
            }
            let name = try identifier("in the parameter list")
            var def: Expr?
            if closing == ")" && matchOp(":") { _ = try expression() }
            if matchOp("=") { def = try expression() }
            if kind == .positional, def == nil, params.contains(where: { $0.kind == .positional && $0.defaultValue != nil }) {
                throw error("SyntaxError: parameter without a default follows parameter with a default", at: previous)
            }
            params.append(Parameter(name: name, defaultValue: def, kind: kind))
            if !matchOp(",") { break }
        }
        return params
    }
}
