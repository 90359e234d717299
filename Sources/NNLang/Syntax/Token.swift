/// A position inside a block's source: 1-based line and column of the block text.
public struct Position: Equatable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case name(String)
        case int(Int)
        /// An integer literal too large for a machine word, as decimal digits.
        case bigInt(String)
        case float(Double)
        case string(String)
        /// An f-string's raw body (between the quotes), parsed into parts by the parser.
        case fstring(String)
        case op(String)
        case newline, indent, dedent, eof
    }

    public var kind: Kind
    public var position: Position

    public var isEOF: Bool { kind == .eof }
}

/// A syntax or runtime error of the language, located in the block.
public struct LangError: Error, Equatable, Sendable {
    public var message: String
    public var position: Position
    public var hint: String?

    public init(_ message: String, at position: Position, hint: String? = nil) {
        self.message = message
        self.position = position
        self.hint = hint
    }
}
