import BigInt

/// Turns block source into tokens, with INDENT/DEDENT for indentation and no NEWLINE inside
/// brackets (line continuation), as Python's tokenizer does.
public struct Lexer {
    private let chars: [Character]
    private var i = 0
    private var line = 1
    private var column = 1
    private var indents = [0]
    private var brackets: [(Character, Position)] = []
    private var tokens: [Token] = []
    public private(set) var errors: [LangError] = []

    /// What a stretch of source is, for highlighting.
    public enum SpanKind: Sendable { case keyword, name, number, string, comment }

    /// Character ranges of names, numbers, strings and comments, in source order.
    public private(set) var spans: [(range: Range<Int>, kind: SpanKind)] = []

    public init(_ source: String) { chars = Array(source) }

    private static let threeCharOps: Set<String> = ["**=", "//=", "...", ">>=", "<<="]
    private static let twoCharOps: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "@=", "->", "<<", ">>", "|=", "&=", "^=",
    ]
    private static let oneCharOps: Set<Character> = [
        "+", "-", "*", "/", "%", "@", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "~", "&", "|", "^",
    ]

    public static func tokenize(_ source: String) -> (tokens: [Token], errors: [LangError]) {
        var lexer = Lexer(source)
        lexer.run()
        return (lexer.tokens, lexer.errors)
    }

    /// The highlighting spans of `source` (errors are ignored: half-written code still colours).
    public static func spans(_ source: String) -> [(range: Range<Int>, kind: SpanKind)] {
        var lexer = Lexer(source)
        lexer.run()
        return lexer.spans
    }

    private var position: Position { Position(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

    private mutating func advance() -> Character {
        let c = chars[i]
        i += 1
        if c == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return c
    }

    private mutating func emit(_ kind: Token.Kind, _ pos: Position) { tokens.append(Token(kind: kind, position: pos)) }

    private mutating func run() {
        var atLineStart = true
        while i < chars.count {
            if atLineStart && brackets.isEmpty {
                if handleIndentation() { continue }
                atLineStart = false
            }
            let c = chars[i]
            let pos = position
            if c == "\n" {
                _ = advance()
                if brackets.isEmpty {
                    if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
                        emit(.newline, pos)
                    }
                    atLineStart = true
                }
            } else if c == " " || c == "\t" || c == "\r" {
                _ = advance()
            } else if c == "#" {
                let start = i
                while let d = peek(), d != "\n" { _ = advance() }
                spans.append((start..<i, .comment))
            } else if c == "\\" && peek(1) == "\n" {
                _ = advance()
                _ = advance()
            } else if c.isLetter || c == "_" {
                lexNameOrString(pos)
            } else if c.isNumber || (c == "." && (peek(1)?.isNumber ?? false)) {
                lexNumber(pos)
            } else if c == "\"" || c == "'" {
                lexString(pos, prefix: "", start: i)
            } else {
                lexOperator(pos)
            }
        }
        let end = position
        if let (open, openPos) = brackets.last {
            errors.append(LangError("SyntaxError: '\(open)' was never closed", at: openPos))
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent { emit(.newline, end) }
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, end)
        }
        emit(.eof, end)
    }

    /// Measures the indentation of a new logical line; returns true if the line was blank.
    private mutating func handleIndentation() -> Bool {
        var width = 0
        while let c = peek(), c == " " || c == "\t" {
            width += c == "\t" ? 8 - width % 8 : 1
            _ = advance()
        }
        guard let c = peek(), c != "\n", c != "#", c != "%", c != "!" else {
            // A blank or comment-only line does not change indentation; IPython's line magics
            // (`%matplotlib inline`) and shell escapes (`!pip install …`) are skipped like comments.
            let start = i
            while let d = peek(), d != "\n" { _ = advance() }
            if i > start { spans.append((start..<i, .comment)) }
            if peek() == "\n" { _ = advance() }
            return true
        }
        let pos = position
        if width > indents.last! {
            if !expectsIndent() {
                errors.append(LangError("IndentationError: unexpected indent", at: pos))
            }
            indents.append(width)
            emit(.indent, pos)
        } else {
            while width < indents.last! {
                indents.removeLast()
                emit(.dedent, pos)
            }
            if width != indents.last! {
                errors.append(LangError("IndentationError: unindent does not match any outer indentation level", at: pos))
                indents.append(width)
            }
        }
        return false
    }

    /// An indent is expected only after a line that ended with ':'.
    private func expectsIndent() -> Bool {
        guard tokens.count >= 2 else { return false }
        return tokens[tokens.count - 2].kind == .op(":")
    }

    private mutating func lexNameOrString(_ pos: Position) {
        let start = i
        var name = ""
        while let c = peek(), c.isLetter || c.isNumber || c == "_" { name.append(advance()) }
        if let q = peek(), q == "\"" || q == "'", ["f", "r", "b", "rb", "br", "fr", "rf", "F", "R", "B", "u", "U"].contains(name) {
            lexString(pos, prefix: name.lowercased(), start: start)
            return
        }
        spans.append((start..<i, Parser.keywords.contains(name) ? .keyword : .name))
        emit(.name(name), pos)
    }

    private mutating func lexNumber(_ pos: Position) {
        let start = i
        defer { spans.append((start..<i, .number)) }
        var text = ""
        var isFloat = false
        if peek() == "0", let x = peek(1), x == "x" || x == "X" || x == "b" || x == "B" || x == "o" || x == "O" {
            _ = advance()
            _ = advance()
            while let c = peek(), c.isHexDigit || c == "_" {
                if c != "_" { text.append(c) }
                _ = advance()
            }
            let radix = (x == "x" || x == "X") ? 16 : (x == "b" || x == "B") ? 2 : 8
            if let v = Int(text, radix: radix) {
                emit(.int(v), pos)
            } else if let big = BigInt(text, radix: radix) {
                emit(.bigInt(String(big)), pos)
            } else {
                errors.append(LangError("SyntaxError: invalid number literal", at: pos))
            }
            return
        }
        while let c = peek(), c.isNumber || c == "_" {
            if c != "_" { text.append(c) }
            _ = advance()
        }
        if peek() == ".", !(peek(1)?.isLetter ?? false) || peek(1) == "e" || peek(1) == "E" {
            isFloat = true
            text.append(advance())
            while let c = peek(), c.isNumber || c == "_" {
                if c != "_" { text.append(c) }
                _ = advance()
            }
        }
        if let e = peek(), e == "e" || e == "E", let n = peek(1), n.isNumber || ((n == "-" || n == "+") && (peek(2)?.isNumber ?? false)) {
            isFloat = true
            text.append(advance())
            if peek() == "-" || peek() == "+" { text.append(advance()) }
            while let c = peek(), c.isNumber { text.append(advance()) }
        }
        if isFloat {
            emit(.float(Double(text.hasPrefix(".") ? "0" + text : text) ?? .nan), pos)
        } else if let v = Int(text) {
            emit(.int(v), pos)
        } else {
            emit(.bigInt(text), pos)
        }
    }

    private mutating func lexString(_ pos: Position, prefix: String, start: Int) {
        defer { spans.append((start..<i, .string)) }
        let quote = advance()
        let triple = peek() == quote && peek(1) == quote
        if triple {
            _ = advance()
            _ = advance()
        }
        let raw = prefix.contains("r")
        var body = ""
        var closed = false
        while let c = peek() {
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                _ = advance()
                if triple {
                    _ = advance()
                    _ = advance()
                }
                closed = true
                break
            }
            if c == "\n" && !triple { break }
            if c == "\\" && !raw, let n = peek(1) {
                _ = advance()
                _ = advance()
                if prefix.contains("f") && (n == "{" || n == "}") {
                    body += "\\" + String(n)
                    continue
                }
                switch n {
                case "n": body.append("\n")
                case "t": body.append("\t")
                case "\\": body.append("\\")
                case "'": body.append("'")
                case "\"": body.append("\"")
                case "\n": break
                case "0": body.append("\0")
                case "r": body.append("\r")
                case "a": body.append("\u{07}")
                case "b": body.append("\u{08}")
                case "f": body.append("\u{0C}")
                case "v": body.append("\u{0B}")
                case "x", "u", "U":
                    // \xhh, \uhhhh and \Uhhhhhhhh name a code point in hex.
                    let digits = n == "x" ? 2 : (n == "u" ? 4 : 8)
                    var hex = ""
                    while hex.count < digits, let h = peek(), h.isHexDigit { hex.append(advance()) }
                    guard hex.count == digits, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        errors.append(LangError("SyntaxError: (unicode error) truncated \\\(n) escape", at: pos))
                        continue
                    }
                    body.unicodeScalars.append(scalar)
                default:
                    body.append("\\")
                    body.append(n)
                }
                continue
            }
            body.append(advance())
        }
        if !closed {
            errors.append(LangError("SyntaxError: unterminated string literal", at: pos))
        }
        emit(prefix.contains("f") ? .fstring(body) : .string(body), pos)
    }

    private mutating func lexOperator(_ pos: Position) {
        let three = String(chars[i..<min(i + 3, chars.count)])
        let two = String(chars[i..<min(i + 2, chars.count)])
        let op: String
        if Lexer.threeCharOps.contains(three) {
            op = three
        } else if Lexer.twoCharOps.contains(two) {
            op = two
        } else if Lexer.oneCharOps.contains(chars[i]) {
            op = String(chars[i])
        } else {
            errors.append(LangError("SyntaxError: invalid character '\(chars[i])'", at: pos))
            _ = advance()
            return
        }
        for _ in 0..<op.count { _ = advance() }
        switch op {
        case "(", "[", "{": brackets.append((op.first!, pos))
        case ")", "]", "}":
            let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
            if let (open, _) = brackets.last, open == pairs[op.first!] {
                brackets.removeLast()
            } else if let (open, _) = brackets.last {
                errors.append(LangError("SyntaxError: closing parenthesis '\(op)' does not match opening parenthesis '\(open)'", at: pos))
                brackets.removeLast()
            } else {
                errors.append(LangError("SyntaxError: unmatched '\(op)'", at: pos))
            }
        default: break
        }
        emit(.op(op), pos)
    }
}
