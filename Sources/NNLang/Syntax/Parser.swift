/// A recursive-descent parser with one method per precedence level. It recovers at statement
/// boundaries, so one run reports every syntax error of a block.
public struct Parser {
    var tokens: [Token]
    var current = 0
    /// How deeply expressions nest right now; past `maxNesting` the parser stops, as
    /// CPython's does, instead of exhausting the stack.
    var nesting = 0
    static let maxNesting = 500
    public private(set) var errors: [LangError] = []
    /// The functions and classes being parsed, innermost last: what `return`, `yield` and
    /// `nonlocal` may refer to.
    var scopes: [ScopeContext] = []
    /// How many loops enclose the statement being parsed inside the innermost function.
    var loopDepth = 0

    struct ScopeContext {
        var isClass: Bool
        var bound: Set<String> = []
        var hasYield = false
        /// `nonlocal` names not yet found in an enclosing function.
        var nonlocals: [(String, Position)] = []
        /// Names this scope declared `global` or `nonlocal`: not its locals.
        var declared: Set<String> = []
    }

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole block; returns the statements that parsed and every error found.
    public static func parse(_ source: String) -> (statements: [Stmt], errors: [LangError]) {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        let statements = parser.parseProgram()
        // One error per line, the first (a line of 200 stray characters is one error, not 200).
        var errors: [LangError] = []
        var lines: Set<Int> = []
        for e in lexErrors + parser.errors where lines.insert(e.position.line).inserted { errors.append(e) }
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

    var peek: Token { tokens[current] }
    var previous: Token { tokens[max(current - 1, 0)] }

    func check(_ kind: Token.Kind) -> Bool { peek.kind == kind }
    func checkOp(_ op: String) -> Bool { peek.kind == .op(op) }
    func checkName(_ name: String) -> Bool { peek.kind == .name(name) }

    mutating func advance() -> Token {
        let t = tokens[current]
        if !t.isEOF { current += 1 }
        return t
    }

    mutating func matchOp(_ ops: String...) -> Bool {
        for op in ops where checkOp(op) {
            current += 1
            return true
        }
        return false
    }

    mutating func matchName(_ name: String) -> Bool {
        if checkName(name) {
            current += 1
            return true
        }
        return false
    }

    func error(_ message: String, at token: Token? = nil, hint: String? = nil) -> LangError {
        LangError(message, at: (token ?? peek).position, hint: hint)
    }

    mutating func consumeOp(_ op: String, _ context: String) throws(LangError) -> Token {
        if checkOp(op) { return advance() }
        throw error("SyntaxError: expected '\(op)' \(context)")
    }

    mutating func identifier(_ context: String) throws(LangError) -> String {
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
    mutating func synchronize() {
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

    mutating func statement() throws(LangError) -> [Stmt] {
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

    mutating func block(_ what: String, _ header: Token) throws(LangError) -> [Stmt] {
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

}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
