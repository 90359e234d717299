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
        "as", "assert", "del", "global", "class", "with", "try", "except", "yield",
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
                return [Stmt(.while(cond, try block("'while' statement", start)), start.position)]
            case "def": return [try defStatement()]
            case "class", "try", "with", "yield", "except":
                throw error(
                    "SyntaxError: '\(kw)' is not supported in nn blocks",
                    hint: "nn blocks support assignments, if/for/while, def, lambda, assert, import and print")
            default: break
            }
        }
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
        return Stmt(.for(target, iterable, try block("'for' statement", start)), start.position)
    }

    private mutating func defStatement() throws(LangError) -> Stmt {
        let start = advance()
        let name = try identifier("after 'def'")
        _ = try consumeOp("(", "after the function name")
        let params = try parameters(closing: ")")
        _ = try consumeOp(")", "after the parameters")
        if matchOp("->") { _ = try expression() }
        return Stmt(.def(name, params, try block("function definition", start)), start.position)
    }

    private mutating func parameters(closing: String) throws(LangError) -> [Parameter] {
        var params: [Parameter] = []
        while !checkOp(closing) {
            let variadic = matchOp("*")
            let name = try identifier("in the parameter list")
            var def: Expr?
            if closing == ")" && matchOp(":") { _ = try expression() }
            if matchOp("=") { def = try expression() }
            params.append(Parameter(name: name, defaultValue: def, isVariadic: variadic))
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
            case "break":
                current += 1
                return Stmt(.break, start.position)
            case "continue":
                current += 1
                return Stmt(.continue, start.position)
            case "return":
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
                return Stmt(.global(names), start.position)
            default: break
            }
        }
        let first = try expressionList(allowStar: true)
        if checkOp("=") {
            var targets = [first]
            var value = first
            while matchOp("=") {
                value = try expressionList(allowStar: true)
                targets.append(value)
            }
            targets.removeLast()
            for t in targets { try validateTarget(t) }
            return Stmt(.assign(targets, value), start.position)
        }
        for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "@="] where checkOp(op) {
            let opToken = advance()
            try validateTarget(first)
            return Stmt(.augmented(first, String(op.dropLast()), try expression()), opToken.position)
        }
        return Stmt(.expression(first), first.position)
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
        let first = allowStar && checkOp("*") ? try starred() : try expression()
        guard checkOp(",") else { return first }
        var items = [first]
        while matchOp(",") {
            if check(.newline) || checkOp("=") || checkOp(")") || peek.isEOF || checkOp(";") { break }
            items.append(allowStar && checkOp("*") ? try starred() : try expression())
        }
        return Expr(.tuple(items), first.position)
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
            if matchOp("*") {
                args.append(Argument(keyword: nil, value: try expression(), isStarred: true))
            } else if case .name(let n) = peek.kind, tokens[current + 1].kind == .op("=") {
                current += 2
                args.append(Argument(keyword: n, value: try expression()))
            } else {
                let value = try expression()
                if checkName("for") {
                    args.append(Argument(keyword: nil, value: try comprehension(value, isList: false)))
                } else {
                    if args.contains(where: { $0.keyword != nil }) {
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

    private mutating func comprehension(_ element: Expr, isList: Bool) throws(LangError) -> Expr {
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
        return Expr(.comprehension(element, clauses, isList: isList), element.position)
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
            let first = checkOp("*") ? try starred() : try expression()
            if checkName("for") {
                let c = try comprehension(first, isList: false)
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
                let c = try comprehension(first, isList: true)
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
            var pairs: [(Expr, Expr)] = []
            while !checkOp("}") {
                let k = try expression()
                _ = try consumeOp(":", "in the dict literal")
                pairs.append((k, try expression()))
                if !matchOp(",") { break }
            }
            _ = try consumeOp("}", "to close the dict")
            return Expr(.dict(pairs), t.position)
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
