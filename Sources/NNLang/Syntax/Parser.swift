/// A recursive-descent parser with one method per precedence level. It recovers at statement
/// boundaries, so one run reports every syntax error of a block.
public struct Parser {
    private var tokens: [Token]
    private var current = 0
    /// How deeply expressions nest right now; past `maxNesting` the parser stops, as
    /// CPython's does, instead of exhausting the stack.
    private var nesting = 0
    static let maxNesting = 500
    public private(set) var errors: [LangError] = []
    /// The functions and classes being parsed, innermost last: what `return`, `yield` and
    /// `nonlocal` may refer to.
    private var scopes: [ScopeContext] = []
    /// How many loops enclose the statement being parsed inside the innermost function.
    private var loopDepth = 0

    private struct ScopeContext {
        var isClass: Bool
        var bound: Set<String> = []
        var hasYield = false
        /// `nonlocal` names not yet found in an enclosing function.
        var nonlocals: [(String, Position)] = []
    }

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole block; returns the statements that parsed and every error found.
    public static func parse(_ source: String) -> (statements: [Stmt], errors: [LangError]) {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        let statements = parser.parseProgram()
        var errors = lexErrors
        for e in parser.errors where !errors.contains(where: { $0.position.line == e.position.line }) { errors.append(e) }
        errors.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return (statements, errors)
    }

    /// Parses a single expression (inline `{nn} EXPR` values and f-string fields).
    public static func parseExpression(_ source: String) -> Result<Expr, LangError> {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        if let e = lexErrors.first { return .failure(e) }
        var parser = Parser(tokens: tokens)
        do throws(LangError) {
            let e = try parser.expression()
            while parser.check(.newline) { parser.current += 1 }
            guard parser.peek.isEOF else { throw parser.error("SyntaxError: invalid syntax") }
            return .success(e)
        } catch { return .failure(error) }
    }

    // MARK: Helpers

    private var peek: Token { tokens[current] }
    private var previous: Token { tokens[max(current - 1, 0)] }

    private func check(_ kind: Token.Kind) -> Bool { peek.kind == kind }
    private func checkOp(_ op: String) -> Bool { peek.kind == .op(op) }
    private func checkName(_ name: String) -> Bool { peek.kind == .name(name) }

    private mutating func advance() -> Token {
        let t = tokens[current]
        if !t.isEOF { current += 1 }
        return t
    }

    private mutating func matchOp(_ ops: String...) -> Bool {
        for op in ops where checkOp(op) {
            current += 1
            return true
        }
        return false
    }

    private mutating func matchName(_ name: String) -> Bool {
        if checkName(name) {
            current += 1
            return true
        }
        return false
    }

    private func error(_ message: String, at token: Token? = nil, hint: String? = nil) -> LangError {
        LangError(message, at: (token ?? peek).position, hint: hint)
    }

    private mutating func consumeOp(_ op: String, _ context: String) throws(LangError) -> Token {
        if checkOp(op) { return advance() }
        throw error("SyntaxError: expected '\(op)' \(context)")
    }

    private mutating func identifier(_ context: String) throws(LangError) -> String {
        if case .name(let n) = peek.kind, !Parser.keywords.contains(n) {
            current += 1
            return n
        }
        throw error("SyntaxError: expected a name \(context)")
    }

    static let keywords: Set<String> = [
        "and", "or", "not", "if", "elif", "else", "for", "while", "in", "is", "def", "return",
        "lambda", "True", "False", "None", "break", "continue", "pass", "import", "from",
        "as", "assert", "del", "global", "class", "with", "try", "except", "yield", "nonlocal",
        "raise", "finally",
    ]

    /// Skips to the start of the next statement after an error.
    private mutating func synchronize() {
        var depth = 0
        while !peek.isEOF {
            let t = advance()
            switch t.kind {
            case .newline where depth == 0: return
            case .indent: depth += 1
            case .dedent:
                depth -= 1
                if depth < 0 {
                    current -= 1
                    return
                }
            default: break
            }
        }
    }

    // MARK: Statements

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        while !peek.isEOF {
            if check(.newline) || check(.indent) || check(.dedent) {
                current += 1
                continue
            }
            do { statements += try statement() } catch {
                errors.append(error)
                synchronize()
            }
        }
        return statements
    }

    private mutating func statement() throws(LangError) -> [Stmt] {
        let start = peek
        if case .name(let kw) = start.kind {
            switch kw {
            case "if": return [try ifStatement()]
            case "for": return [try forStatement()]
            case "while":
                current += 1
                let cond = try expression()
                let body = try loopBody("'while' statement", start)
                return [Stmt(.while(cond, body, orElse: try elseClause()), start.position)]
            case "def": return [try defStatement([])]
            case "class": return [try classStatement([])]
            case "try": return [try tryStatement()]
            case "with": return [try withStatement()]
            case "except", "finally":
                throw error("SyntaxError: '\(kw)' without a matching 'try'")
            default: break
            }
        }
        if checkOp("@") { return [try decorated()] }
        var result = [try simpleStatement()]
        while matchOp(";") {
            if check(.newline) || peek.isEOF { break }
            result.append(try simpleStatement())
        }
        if !peek.isEOF && !check(.dedent) {
            guard check(.newline) else { throw error("SyntaxError: invalid syntax") }
            current += 1
        }
        return result
    }

    private mutating func block(_ what: String, _ header: Token) throws(LangError) -> [Stmt] {
        _ = try consumeOp(":", "after \(what)")
        if !check(.newline) {
            // A one-line body: `if x: y = 1`.
            var body = [try simpleStatement()]
            while matchOp(";") {
                if check(.newline) { break }
                body.append(try simpleStatement())
            }
            if check(.newline) { current += 1 }
            return body
        }
        current += 1
        guard check(.indent) else {
            throw error("IndentationError: expected an indented block after \(what) on line \(header.position.line)")
        }
        current += 1
        var body: [Stmt] = []
        while !check(.dedent) && !peek.isEOF {
            if check(.newline) {
                current += 1
                continue
            }
            do { body += try statement() } catch {
                errors.append(error)
                synchronize()
            }
        }
        if check(.dedent) { current += 1 }
        return body
    }

    private mutating func ifStatement() throws(LangError) -> Stmt {
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

    private mutating func forStatement() throws(LangError) -> Stmt {
        let start = advance()
        let target = try targetList()
        guard matchName("in") else { throw error("SyntaxError: expected 'in' in 'for' statement") }
        let iterable = try expressionList()
        bindTargets(target)
        let body = try loopBody("'for' statement", start)
        return Stmt(.for(target, iterable, body, orElse: try elseClause()), start.position)
    }

    /// A loop's body, where `break` and `continue` are allowed.
    private mutating func loopBody(_ what: String, _ header: Token) throws(LangError) -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try block(what, header)
    }

    /// The `else:` of a loop, run when the loop ends without `break`.
    private mutating func elseClause() throws(LangError) -> [Stmt] {
        guard checkName("else") else { return [] }
        let t = advance()
        return try block("'else' statement", t)
    }

    /// `@decorator` lines, then the `def` or `class` they apply to.
    private mutating func decorated() throws(LangError) -> Stmt {
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

    private mutating func defStatement(_ decorators: [Expr]) throws(LangError) -> Stmt {
        let start = advance()
        let name = try identifier("after 'def'")
        bind(name)
        _ = try consumeOp("(", "after the function name")
        let params = try parameters(closing: ")")
        _ = try consumeOp(")", "after the parameters")
        if matchOp("->") { _ = try expression() }
        let (body, context) = try scopeBody(ScopeContext(isClass: false, bound: Set(params.map(\.name))), "function definition", start)
        let def = FunctionDef(name: name, parameters: params, body: body, decorators: decorators, isGenerator: context.hasYield)
        return Stmt(.def(def), start.position)
    }

    private mutating func classStatement(_ decorators: [Expr]) throws(LangError) -> Stmt {
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
    private mutating func scopeBody(_ context: ScopeContext, _ what: String, _ header: Token) throws(LangError) -> ([Stmt], ScopeContext) {
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
    private mutating func bind(_ name: String) {
        if !scopes.isEmpty { scopes[scopes.count - 1].bound.insert(name) }
    }

    private mutating func bindTargets(_ target: Expr) {
        switch target.kind {
        case .name(let n): bind(n.text)
        case .tuple(let items), .list(let items): for i in items { bindTargets(i) }
        case .starred(let inner): bindTargets(inner)
        default: break
        }
    }

    private mutating func tryStatement() throws(LangError) -> Stmt {
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

    private mutating func withStatement() throws(LangError) -> Stmt {
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

    private mutating func parameters(closing: String) throws(LangError) -> [Parameter] {
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

    private mutating func simpleStatement() throws(LangError) -> Stmt {
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
        for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "@="] where checkOp(op) {
            let opToken = advance()
            try validateTarget(first)
            bindTargets(first)
            return Stmt(.augmented(first, String(op.dropLast()), try expression()), opToken.position)
        }
        return Stmt(.expression(first), first.position)
    }

    /// `name: type` or `name: type = value`: the annotation is read and ignored, as Python
    /// does at run time (it is only stored in `__annotations__`).
    private mutating func annotated(_ target: Expr, _ start: Token) throws(LangError) -> Stmt {
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

    private func validateTarget(_ e: Expr) throws(LangError) {
        switch e.kind {
        case .name, .attribute, .subscript: return
        case .tuple(let items), .list(let items): for i in items { try validateTarget(i) }
        case .starred(let inner): try validateTarget(inner)
        case .call: throw LangError("SyntaxError: cannot assign to function call", at: e.position, hint: "did you mean '==' ?")
        default: throw LangError("SyntaxError: cannot assign to expression", at: e.position, hint: "did you mean '==' ?")
        }
    }

    private mutating func dottedName() throws(LangError) -> String {
        var name = try identifier("in the module name")
        while matchOp(".") { name += "." + (try identifier("in the module name")) }
        return name
    }

    /// `a, b` in a for target: stops before `in`.
    private mutating func targetList() throws(LangError) -> Expr {
        let first = try bitOr()
        guard checkOp(",") else { return first }
        var items = [first]
        while matchOp(",") {
            if checkName("in") { break }
            items.append(try bitOr())
        }
        return Expr(.tuple(items), first.position)
    }

    // MARK: Expressions

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
    private mutating func yieldExpression() throws(LangError) -> Expr {
        let t = advance()
        guard let i = scopes.indices.last, !scopes[i].isClass else { throw error("SyntaxError: 'yield' outside function", at: t) }
        scopes[i].hasYield = true
        if matchName("from") { return Expr(.yieldFrom(try expression()), t.position) }
        if check(.newline) || checkOp(")") || checkOp(";") || checkOp("=") || peek.isEOF || check(.dedent) {
            return Expr(.yield(nil), t.position)
        }
        return Expr(.yield(try expressionList()), t.position)
    }

    private mutating func starred() throws(LangError) -> Expr {
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

    private mutating func orTest() throws(LangError) -> Expr {
        var left = try andTest()
        while checkName("or") {
            let t = advance()
            left = Expr(.or(left, try andTest()), t.position)
        }
        return left
    }

    private mutating func andTest() throws(LangError) -> Expr {
        var left = try notTest()
        while checkName("and") {
            let t = advance()
            left = Expr(.and(left, try notTest()), t.position)
        }
        return left
    }

    private mutating func notTest() throws(LangError) -> Expr {
        if checkName("not") {
            let t = advance()
            return Expr(.not(try notTest()), t.position)
        }
        return try comparison()
    }

    private mutating func comparison() throws(LangError) -> Expr {
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

    private mutating func bitOr() throws(LangError) -> Expr {
        var left = try bitAnd()
        while checkOp("|") || checkOp("^") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try bitAnd()), t.position)
        }
        return left
    }

    private mutating func bitAnd() throws(LangError) -> Expr {
        var left = try shift()
        while checkOp("&") {
            let t = advance()
            left = Expr(.binary("&", left, try shift()), t.position)
        }
        return left
    }

    private mutating func shift() throws(LangError) -> Expr {
        var left = try arith()
        while checkOp("<<") || checkOp(">>") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try arith()), t.position)
        }
        return left
    }

    private mutating func arith() throws(LangError) -> Expr {
        var left = try term()
        while checkOp("+") || checkOp("-") {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try term()), t.position)
        }
        return left
    }

    private mutating func term() throws(LangError) -> Expr {
        var left = try factor()
        while ["*", "/", "//", "%", "@"].contains(where: { checkOp($0) }) {
            let t = advance()
            guard case .op(let op) = t.kind else { break }
            left = Expr(.binary(op, left, try factor()), t.position)
        }
        return left
    }

    private mutating func factor() throws(LangError) -> Expr {
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

    private mutating func power() throws(LangError) -> Expr {
        let base = try primary()
        if checkOp("**") {
            let t = advance()
            return Expr(.binary("**", base, try factor()), t.position)
        }
        return base
    }

    private mutating func primary() throws(LangError) -> Expr {
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

    private mutating func arguments() throws(LangError) -> [Argument] {
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

    private mutating func subscripts() throws(LangError) -> [SliceItem] {
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

    private mutating func comprehension(_ element: Expr, kind: ComprehensionKind) throws(LangError) -> Expr {
        Expr(.comprehension(element, try comprehensionClauses(), kind: kind), element.position)
    }

    private mutating func comprehensionClauses() throws(LangError) -> [ComprehensionClause] {
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

    private mutating func orTestNoConditional() throws(LangError) -> Expr { try orTest() }

    private mutating func atom() throws(LangError) -> Expr {
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
    private mutating func braces(_ open: Token) throws(LangError) -> Expr {
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

    /// Adjacent string literals concatenate; f-strings are split into parts here.
    private mutating func strings() throws(LangError) -> Expr {
        let start = peek
        var parts: [FPart] = []
        var isF = false
        while true {
            switch peek.kind {
            case .string(let s):
                parts.append(.literal(s))
                current += 1
            case .fstring(let body):
                isF = true
                parts += try Parser.fstringParts(body, at: peek.position)
                current += 1
            default:
                if !isF {
                    return Expr(.string(parts.map { if case .literal(let s) = $0 { s } else { "" } }.joined()), start.position)
                }
                return Expr(.fstring(parts), start.position)
            }
        }
    }

    static func fstringParts(_ body: String, at position: Position) throws(LangError) -> [FPart] {
        var parts: [FPart] = []
        var literal = ""
        let chars = Array(body)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "{" || chars[i + 1] == "}" {
                literal.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" {
                literal.append("}")
                i += 2
                continue
            }
            if c == "{" {
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
                var depth = 0
                var j = i + 1
                var exprEnd = -1
                var conversion: Character?
                var specStart = -1
                var quote: Character?
                while j < chars.count {
                    let d = chars[j]
                    if let q = quote {
                        if d == q { quote = nil }
                    } else if d == "'" || d == "\"" {
                        quote = d
                    } else if "([{".contains(d) {
                        depth += 1
                    } else if ")]}".contains(d) && depth > 0 {
                        depth -= 1
                    } else if depth == 0 && d == "!" && j + 1 < chars.count && chars[j + 1] != "=" && exprEnd < 0 {
                        exprEnd = j
                        conversion = j + 1 < chars.count ? chars[j + 1] : nil
                        j += 1
                    } else if depth == 0 && d == ":" && specStart < 0 {
                        if exprEnd < 0 { exprEnd = j }
                        specStart = j + 1
                    } else if depth == 0 && d == "}" {
                        break
                    }
                    j += 1
                }
                guard j < chars.count else {
                    throw LangError("SyntaxError: f-string: expecting '}'", at: position)
                }
                if exprEnd < 0 { exprEnd = j }
                let text = String(chars[(i + 1)..<exprEnd])
                var source = text
                var selfDocumenting = false
                // `{x=}` and `{x = }` show their own text (spaces kept) before the value.
                var trimmed = Substring(text)
                while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
                if trimmed.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(where: { trimmed.hasSuffix($0) }) {
                    selfDocumenting = true
                    source = String(trimmed.dropLast())
                }
                // Spaces around an f-string expression are allowed (`{ x }`).
                source = String(source.drop { $0.isWhitespace })
                let spec = specStart >= 0 ? String(chars[specStart..<j]) : ""
                switch Parser.parseExpression(source) {
                case .success(var e):
                    e.position = position
                    if selfDocumenting { parts.append(.literal(text)) }
                    parts.append(.expression(e, conversion: conversion ?? (selfDocumenting && spec.isEmpty ? "r" : nil), spec: spec))
                case .failure(let err):
                    throw LangError(
                        "SyntaxError: f-string: \(err.message.replacingOccurrences(of: "SyntaxError: ", with: ""))", at: position)
                }
                i = j + 1
                continue
            }
            if c == "}" { throw LangError("SyntaxError: f-string: single '}' is not allowed", at: position) }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
