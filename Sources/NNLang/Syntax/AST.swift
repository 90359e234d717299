/// An expression with the position of its most telling token (an operator's, a call's paren).
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case int(Int)
        /// An integer literal too large for a machine word, as decimal digits.
        case bigInt(String)
        case float(Double)
        case string(String)
        case fstring([FPart])
        case bool(Bool)
        case none
        case name(Name)
        case list([Expr])
        case tuple([Expr])
        case dict([(Expr, Expr)])
        case unary(String, Expr)
        case binary(String, Expr, Expr)
        case compare(Expr, [(String, Expr)])
        case and(Expr, Expr)
        case or(Expr, Expr)
        case not(Expr)
        case call(Expr, [Argument])
        case attribute(Expr, String)
        case `subscript`(Expr, [SliceItem])
        case lambda([Parameter], Expr)
        case conditional(Expr, Expr, Expr)
        case comprehension(Expr, [ComprehensionClause], isList: Bool)
        case starred(Expr)
    }

    public var kind: Kind
    public var position: Position

    public init(_ kind: Kind, _ position: Position) {
        self.kind = kind
        self.position = position
    }
}

public enum FPart: Sendable {
    case literal(String)
    case expression(Expr, conversion: Character?, spec: String)
}

public struct Argument: Sendable {
    public var keyword: String?
    public var value: Expr
    public var isStarred = false
}

public enum SliceItem: Sendable {
    case index(Expr)
    case slice(Expr?, Expr?, Expr?)
}

public struct Parameter: Sendable {
    public var name: String { symbol.text }
    public var symbol: Name
    public var defaultValue: Expr?
    public var isVariadic = false

    public init(name: String, defaultValue: Expr?, isVariadic: Bool) {
        self.symbol = Name(name)
        self.defaultValue = defaultValue
        self.isVariadic = isVariadic
    }
}

public struct ComprehensionClause: Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
}

public struct Stmt: Sendable {
    public indirect enum Kind: Sendable {
        case expression(Expr)
        case assign([Expr], Expr)
        case augmented(Expr, String, Expr)
        case `if`([(Expr, [Stmt])], [Stmt]?)
        case `for`(Expr, Expr, [Stmt])
        case `while`(Expr, [Stmt])
        case `break`, `continue`, pass
        case def(String, [Parameter], [Stmt])
        case `return`(Expr?)
        case assert(Expr, Expr?)
        case `import`([(module: String, alias: String?)])
        case fromImport(String, [(name: String, alias: String?)])
        case del([Expr])
        case global([String])
    }

    public var kind: Kind
    public var position: Position

    public init(_ kind: Kind, _ position: Position) {
        self.kind = kind
        self.position = position
    }
}
