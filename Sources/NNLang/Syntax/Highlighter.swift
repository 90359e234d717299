/// HTML syntax highlighting for `nn` code, using the language's own keyword set.
public enum Highlighter {
    public static func html(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var i = 0
        func span(_ cls: String, _ text: String) { out += "<span class=\"tok-\(cls)\">\(escape(text))</span>" }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                span("com", String(chars[i..<j]))
                i = j
            } else if c == "\"" || c == "'" || ((c == "f" || c == "r" || c == "b") && i + 1 < chars.count && (chars[i + 1] == "\"" || chars[i + 1] == "'")) {
                var j = c == "\"" || c == "'" ? i : i + 1
                let quote = chars[j]
                let triple = j + 2 < chars.count && chars[j + 1] == quote && chars[j + 2] == quote
                j += triple ? 3 : 1
                while j < chars.count {
                    if chars[j] == "\\" { j += 2; continue }
                    if chars[j] == quote && (!triple || (j + 2 < chars.count && chars[j + 1] == quote && chars[j + 2] == quote)) {
                        j += triple ? 3 : 1
                        break
                    }
                    if chars[j] == "\n" && !triple { break }
                    j += 1
                }
                span("str", String(chars[i..<min(j, chars.count)]))
                i = min(j, chars.count)
            } else if c.isNumber {
                var j = i
                while j < chars.count && (chars[j].isNumber || chars[j] == "." || chars[j] == "_" || chars[j] == "e" || chars[j] == "E"
                                          || ((chars[j] == "-" || chars[j] == "+") && (chars[j - 1] == "e" || chars[j - 1] == "E"))) { j += 1 }
                span("num", String(chars[i..<j]))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                var k = j
                while k < chars.count && chars[k] == " " { k += 1 }
                if Parser.keywords.contains(word) { span("kw", word) }
                else if k < chars.count && chars[k] == "(" { span("fn", word) }
                else { out += escape(word) }
                i = j
            } else {
                out += escape(String(c))
                i += 1
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
