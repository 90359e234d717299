/// HTML syntax highlighting for `nn` code, from the language's own lexer.
public enum Highlighter {
    public static func html(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var cursor = 0
        for (range, kind) in Lexer.spans(code) where range.lowerBound >= cursor && range.upperBound <= chars.count {
            out += escape(String(chars[cursor..<range.lowerBound]))
            let text = escape(String(chars[range]))
            switch kind {
            case .keyword: out += "<span class=\"tok-kw\">\(text)</span>"
            case .number: out += "<span class=\"tok-num\">\(text)</span>"
            case .string: out += "<span class=\"tok-str\">\(text)</span>"
            case .comment: out += "<span class=\"tok-com\">\(text)</span>"
            case .name:
                // A name followed by an opening parenthesis is a call.
                var next = range.upperBound
                while next < chars.count && chars[next] == " " { next += 1 }
                out += next < chars.count && chars[next] == "(" ? "<span class=\"tok-fn\">\(text)</span>" : text
            }
            cursor = range.upperBound
        }
        return out + escape(String(chars[cursor...]))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
