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
    /// The exception object raised by user code (`raise ValueError(…)`); errors of builtins
    /// become one only when an `except` clause looks at them.
    public var exception: ExceptionBox?

    public init(_ message: String, at position: Position, hint: String? = nil, exception: ExceptionBox? = nil) {
        self.message = message
        self.position = position
        self.hint = hint
        self.exception = exception
    }
}

/// Carries a raised exception object through Swift errors. The interpreter runs one thread
/// at a time (generators hand control over strictly), so the value is never shared.
public final class ExceptionBox: @unchecked Sendable, Equatable {
    public let value: AnyObject
    public init(_ value: AnyObject) { self.value = value }
    public static func == (a: ExceptionBox, b: ExceptionBox) -> Bool { a === b }
}
