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
        case set([Expr])
        /// A nil key is `**mapping` unpacked into the display.
        case dict([(Expr?, Expr)])
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
        case comprehension(Expr, [ComprehensionClause], kind: ComprehensionKind)
        case dictComprehension(Expr, Expr, [ComprehensionClause])
        case starred(Expr)
        case yield(Expr?)
        case yieldFrom(Expr)
    }

    public var kind: Kind
    public var position: Position

    public init(_ kind: Kind, _ position: Position) {
        self.kind = kind
        self.position = position
    }
}

extension Expr.Kind {
    /// A generator expression as the list comprehension with the same items.
    var eager: Expr.Kind {
        guard case .comprehension(let e, let clauses, .generator) = self else { return self }
        return .comprehension(e, clauses, kind: .list)
    }
}

public enum ComprehensionKind: Sendable {
    case list, set, generator
}

public enum FPart: Sendable {
    case literal(String)
    /// `spec` is the format spec's own parts: literal text, or fields in `{x:{width}.2f}`.
    case expression(Expr, conversion: Character?, spec: [FPart])
}

public struct Argument: Sendable {
    public var keyword: String?
    public var value: Expr
    public var isStarred = false
    /// `**mapping` in a call.
    public var isDoubleStarred = false
}

public enum SliceItem: Sendable {
    case index(Expr)
    case slice(Expr?, Expr?, Expr?)
}

public struct Parameter: Sendable {
    public var name: String { symbol.text }
    public var symbol: Name
    public var defaultValue: Expr?
    public var kind: Kind

    public enum Kind: Sendable {
        case positional
        /// Before a `/`: given only by position.
        case positionalOnly
        /// `*args`
        case variadic
        /// `**kwargs`
        case keywords
        /// After `*` or `*args`: given only by keyword.
        case keywordOnly
    }

    public var isVariadic: Bool { kind == .variadic }

    public init(name: String, defaultValue: Expr?, kind: Kind = .positional) {
        self.symbol = Name(name)
        self.defaultValue = defaultValue
        self.kind = kind
    }
}

/// A `def`: its decorators apply bottom-up after the function is made.
public struct FunctionDef: Sendable {
    public var name: String
    public var parameters: [Parameter]
    public var body: [Stmt]
    public var decorators: [Expr]
    /// The body contains `yield`: calling the function makes a generator.
    public var isGenerator: Bool
    /// The names the function binds (parameters, assignment and loop targets, nested
    /// definitions, imports): local everywhere in its body, as Python's scoping rule says.
    public var locals: Set<String>
}

public struct ClassDef: Sendable {
    public var name: String
    public var base: Expr?
    public var body: [Stmt]
    public var decorators: [Expr]
}

public struct ExceptHandler: Sendable {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var position: Position
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
        case `for`(Expr, Expr, [Stmt], orElse: [Stmt])
        case `while`(Expr, [Stmt], orElse: [Stmt])
        case `break`, `continue`, pass
        case def(FunctionDef)
        case classDef(ClassDef)
        case `try`([Stmt], [ExceptHandler], orElse: [Stmt], finally: [Stmt]?)
        case raise(Expr?, cause: Expr?)
        case with([(Expr, Expr?)], [Stmt])
        case nonlocal([String])
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
