/// HTML syntax highlighting for `nn` code, from the language's own lexer.
public enum Highlighter {
    public static func html(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        out.reserveCapacity(code.utf8.count * 2)
        var cursor = 0
        for (range, kind) in Lexer.spans(code) where range.lowerBound >= cursor && range.upperBound <= chars.count {
            appendEscaped(chars[cursor..<range.lowerBound], to: &out)
            var tag: String?
            switch kind {
            case .keyword: tag = "tok-kw"
            case .number: tag = "tok-num"
            case .string: tag = "tok-str"
            case .comment: tag = "tok-com"
            case .name:
                // A name followed by an opening parenthesis is a call.
                var next = range.upperBound
                while next < chars.count && chars[next] == " " { next += 1 }
                if next < chars.count && chars[next] == "(" { tag = "tok-fn" }
            }
            if let tag { out += "<span class=\"\(tag)\">" }
            appendEscaped(chars[range], to: &out)
            if tag != nil { out += "</span>" }
            cursor = range.upperBound
        }
        appendEscaped(chars[cursor...], to: &out)
        return out
    }

    /// Appends the characters with `&`, `<` and `>` escaped, in one pass and without building
    /// intermediate strings (this runs over every character of every block of a page).
    static func appendEscaped(_ chars: ArraySlice<Character>, to out: inout String) {
        for c in chars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
    }
}
