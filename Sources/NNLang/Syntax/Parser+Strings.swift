// MARK: - String literals and f-strings

extension Parser {
    /// Adjacent string literals concatenate; f-strings are split into parts here.
    mutating func strings() throws(LangError) -> Expr {
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
                    let specParts =
                        spec.contains("{") ? try Parser.fstringParts(spec, at: position) : (spec.isEmpty ? [] : [.literal(spec)])
                    parts.append(.expression(e, conversion: conversion ?? (selfDocumenting && spec.isEmpty ? "r" : nil), spec: specParts))
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
