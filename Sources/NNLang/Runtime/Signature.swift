import Foundation

/// A builtin's parameters, declared once in Python's own notation
/// (`"cumsum(a, axis=None, dtype=None, out=None)"`, with `/`, `*`, `*args` and `**kwargs`), as
/// `inspect.signature` shows the real function. Parsed once per process; `Arguments.bind`
/// checks every call against it.
public struct Signature: Sendable, Equatable {
    /// `inspect.Parameter.kind`.
    public enum Kind: String, Sendable {
        case positionalOnly = "POSITIONAL_ONLY"
        case positionalOrKeyword = "POSITIONAL_OR_KEYWORD"
        case varPositional = "VAR_POSITIONAL"
        case keywordOnly = "KEYWORD_ONLY"
        case varKeyword = "VAR_KEYWORD"
    }

    /// A default as written (`None`, `True`, `0`, `1e-05`, `'linear'`, numpy's `<no value>`).
    public enum Default: Sendable, Equatable {
        case none
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
        /// numpy's `np._NoValue`: the argument counts as not given.
        case noValue
        /// Anything else (`<class 'float'>`, a tuple): kept as text for the comparison with numpy.
        case other(String)
    }

    public struct Parameter: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        /// nil for a required parameter (and for `*args`/`**kwargs`).
        public let defaultValue: Default?
    }

    public let name: String
    public let parameters: [Parameter]
    /// How many positional arguments a call may pass when every parameter is positional
    /// (no `*args`, keyword-only or `**kwargs`): such calls bind by position alone.
    let positionalCounts: ClosedRange<Int>?

    public init(name: String, parameters: [Parameter]) {
        self.name = name
        self.parameters = parameters
        let positional = parameters.allSatisfy { $0.kind == .positionalOnly || $0.kind == .positionalOrKeyword }
        let required = (parameters.lastIndex { $0.defaultValue == nil } ?? -1) + 1
        positionalCounts = positional ? required...parameters.count : nil
    }

    /// The parameter's index, or nil when it is not declared.
    func index(of name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    /// `(a, /, b=1, *, c=None, **kwargs)`: the text `str(inspect.signature(f))` gives.
    public var parameterText: String {
        var parts: [String] = []
        var addedStar = false
        for (i, p) in parameters.enumerated() {
            if p.kind == .keywordOnly && !addedStar && !parameters.contains(where: { $0.kind == .varPositional }) {
                parts.append("*")
                addedStar = true
            }
            switch p.kind {
            case .varPositional: parts.append("*" + p.name)
            case .varKeyword: parts.append("**" + p.name)
            default: parts.append(p.name + (p.defaultValue.map { "=" + $0.text } ?? ""))
            }
            if p.kind == .positionalOnly && (i + 1 == parameters.count || parameters[i + 1].kind != .positionalOnly) { parts.append("/") }
        }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    /// The signature a declaration spells, parsed on first use and then shared by every document.
    static func declared(_ text: String) -> Signature { SignatureCache.shared.signature(text) }
}

extension Signature.Default {
    /// As Python's `repr` writes the default.
    var text: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return Interpreter.floatRepr(d)
        case .string(let s): return "'" + s + "'"
        case .noValue: return "<no value>"
        case .other(let t): return t
        }
    }

    /// The value a parameter has when the call leaves it out (`<no value>` is None to the body).
    var value: Value {
        switch self {
        case .none, .noValue: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .str(s.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t"))
        case .other: return .none
        }
    }

    /// Whether a given argument is this default (so an unsupported parameter may still be passed it).
    func matches(_ v: Value) -> Bool {
        switch (self, v) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .str(let b)): return a == b
        default: return false
        }
    }
}

/// Reads `name(params)` as written in a declaration or printed by `inspect.signature`.
struct SignatureParser {
    struct Malformed: Error, CustomStringConvertible { let description: String }

    private let text: String

    init(_ text: String) { self.text = text }

    func parse() throws(Malformed) -> Signature {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { throw Malformed(description: "expected name(...)") }
        let name = String(text[..<open]).trimmingSpaces
        let body = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var parameters: [Signature.Parameter] = []
        var kind = Signature.Kind.positionalOrKeyword
        for item in Self.split(body) {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            if part == "/" {
                parameters = parameters.map { Signature.Parameter(name: $0.name, kind: .positionalOnly, defaultValue: $0.defaultValue) }
            } else if part == "*" {
                kind = .keywordOnly
            } else if part.hasPrefix("**") {
                parameters.append(.init(name: String(part.dropFirst(2)), kind: .varKeyword, defaultValue: nil))
            } else if part.hasPrefix("*") {
                parameters.append(.init(name: String(part.dropFirst()), kind: .varPositional, defaultValue: nil))
                kind = .keywordOnly
            } else if let eq = part.firstIndex(of: "=") {
                let defaultText = String(part[part.index(after: eq)...]).trimmingSpaces
                parameters.append(.init(name: String(part[..<eq]).trimmingSpaces, kind: kind, defaultValue: Self.literal(defaultText)))
            } else {
                parameters.append(.init(name: part, kind: kind, defaultValue: nil))
            }
        }
        return Signature(name: name, parameters: parameters)
    }

    /// Splits at top-level commas (not inside brackets, `<…>` or quotes).
    static func split(_ body: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in body {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([{<".contains(c) {
                depth += 1
            } else if ")]}>".contains(c) {
                depth -= 1
            } else if c == "," && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    static func literal(_ t: String) -> Signature.Default {
        switch t {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "<no value>": return .noValue
        default: break
        }
        if let i = Int(t) { return .int(i) }
        if let d = Double(t), t.contains(where: { ".eE".contains($0) }) || t == "inf" || t == "-inf" { return .float(d) }
        if t.count >= 2, let q = t.first, q == "'" || q == "\"", t.last == q { return .string(String(t.dropFirst().dropLast())) }
        return .other(t)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// Declarations parsed so far, shared by the documents rendering in this process.
private final class SignatureCache: @unchecked Sendable {
    static let shared = SignatureCache()
    private let lock = NSLock()
    private var parsed: [String: Signature] = [:]

    func signature(_ text: String) -> Signature {
        lock.lock()
        defer { lock.unlock() }
        if let s = parsed[text] { return s }
        do {
            let s = try SignatureParser(text).parse()
            parsed[text] = s
            return s
        } catch {
            // A declaration is source code, not input: a malformed one is a programming error.
            preconditionFailure("malformed builtin signature \(text): \(error)")
        }
    }
}
