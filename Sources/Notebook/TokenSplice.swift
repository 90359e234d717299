/// Placeholder tokens (`LECTERN<KIND><n>Z`) that stand for cells, values, math and note marks
/// while cmark processes the prose, and the one-pass splice that puts the real HTML back.
///
/// One pass over the page, whatever the number of tokens: replacing each token with a search
/// over the whole page made page assembly quadratic (4,000 blocks took 38 s).
enum TokenSplice {
    enum Kind: String, CaseIterable {
        case block = "BLOCK"
        case inline = "INLINE"
        case math = "MATH"
        case wiki = "WIKI"
        case tag = "TAG"
        case callout = "CALLOUT"
    }

    /// A token is letters and digits only, so Markdown leaves it alone.
    static func token(_ kind: Kind, _ i: Int) -> String { "LECTERN\(kind.rawValue)\(i)Z" }

    /// What a token becomes; a block replacement also swallows the `<p>`…`</p>` cmark put
    /// around a token that stood alone in its paragraph.
    struct Replacement {
        var text: String
        var isBlock = false
    }

    private static let prefix = Array("LECTERN".utf8)
    private static let kinds: [(bytes: [UInt8], kind: Kind)] = Kind.allCases.map { (Array($0.rawValue.utf8), $0) }
    private static let openP = Array("<p>".utf8)
    private static let closeP = Array("</p>".utf8)

    /// The position of the token's index digits and kind, if a token starts at `i`.
    private static func parse(_ b: [UInt8], at i: Int) -> (kind: Kind, index: Int, end: Int)? {
        guard i + prefix.count < b.count, b[i..<(i + prefix.count)].elementsEqual(prefix) else { return nil }
        let k = i + prefix.count
        for (name, kind) in kinds where k + name.count < b.count && b[k..<(k + name.count)].elementsEqual(name) {
            var j = k + name.count
            var n = 0
            let digitsStart = j
            while j < b.count, b[j] >= 0x30, b[j] <= 0x39, j - digitsStart < 9 {
                n = n * 10 + Int(b[j] - 0x30)
                j += 1
            }
            guard j > digitsStart, j < b.count, b[j] == UInt8(ascii: "Z") else { return nil }
            return (kind, n, j + 1)
        }
        return nil
    }

    static func apply(_ text: String, _ replacement: (Kind, Int) -> Replacement?) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 2)
        var i = 0
        var copied = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "L"), let t = parse(b, at: i), let r = replacement(t.kind, t.index) else {
                i += 1
                continue
            }
            var start = i
            var end = t.end
            if r.isBlock, start >= openP.count, b[(start - openP.count)..<start].elementsEqual(openP),
                end + closeP.count <= b.count, b[end..<(end + closeP.count)].elementsEqual(closeP)
            {
                start -= openP.count
                end += closeP.count
            }
            out += b[copied..<max(copied, start)]
            out += r.text.utf8
            copied = end
            i = end
        }
        out += b[min(copied, b.count)...]
        return String(decoding: out, as: UTF8.self)
    }
}
