import Engine
import Notebook

/// A runtime value of the nn language.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list(ListBox)
    case tuple([Value])
    case dict(DictBox)
    case range(Int, Int, Int)
    /// A float64 tensor; rank 0 behaves like a number.
    case tensor(Variable)
    case function(Function)
    case builtin(Builtin)
    case module(Module)
    case object(any EngineObject)
    /// The result of an output builder (`table`, `plot`, …), shown when displayed.
    case output(Output)

    public var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .str: "str"
        case .list: "list"
        case .tuple: "tuple"
        case .dict: "dict"
        case .range: "range"
        case .tensor: "ndarray"
        case .function: "function"
        case .builtin: "builtin_function"
        case .module: "module"
        case .object(let o): o.typeName
        case .output: "output"
        }
    }

    public var isNone: Bool { if case .none = self { true } else { false } }

    /// A tensor or a list/tuple of numbers: data to plot or tabulate.
    var isData: Bool {
        switch self {
        case .tensor: return true
        case .list(let l): return l.items.first.map { $0.isNumber || $0.isData } ?? false
        case .tuple(let t): return t.first.map { $0.isNumber || $0.isData } ?? false
        default: return false
        }
    }
}

/// A list has reference semantics, as in Python.
public final class ListBox {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
}

/// An insertion-ordered dict with hashable keys (str, int, float, bool, tuples of those).
public final class DictBox {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    public init() {}

    public func get(_ key: Value) -> Value? { HashKey(key).flatMap { index[$0] }.map { values[$0] } }

    public func set(_ key: Value, _ value: Value) throws(Failure) {
        guard let h = HashKey(key) else { throw Failure("TypeError: unhashable type: '\(key.typeName)'") }
        if let i = index[h] {
            values[i] = value
        } else {
            index[h] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    public func remove(_ key: Value) {
        guard let h = HashKey(key), let i = index[h] else { return }
        keys.remove(at: i)
        values.remove(at: i)
        index = [:]
        for (j, k) in keys.enumerated() { if let hk = HashKey(k) { index[hk] = j } }
    }
}

/// The hashable form of a dict key.
enum HashKey: Hashable {
    case number(Double)
    case str(String)
    case tuple([HashKey])
    case none

    init?(_ v: Value) {
        switch v {
        case .int(let i): self = .number(Double(i))
        case .float(let d): self = .number(d)
        case .bool(let b): self = .number(b ? 1 : 0)
        case .str(let s): self = .str(s)
        case .none: self = .none
        case .tensor(let t) where t.value.isScalar: self = .number(t.value.scalars[0])  // numpy scalars hash as numbers
        case .tuple(let items):
            var keys: [HashKey] = []
            for i in items {
                guard let k = HashKey(i) else { return nil }
                keys.append(k)
            }
            self = .tuple(keys)
        default: return nil
        }
    }
}

/// A user function (`def` or `lambda`) with the scope it closes over.
public final class Function {
    public let name: String
    let parameters: [Parameter]
    let defaults: [Value?]
    let body: Body
    let closure: Scope

    enum Body {
        case statements([Stmt])
        case expression(Expr)
    }

    init(name: String, parameters: [Parameter], defaults: [Value?], body: Body, closure: Scope) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.closure = closure
    }
}

/// A function implemented in Swift.
public final class Builtin {
    public let name: String
    let call: (inout Arguments) throws(Failure) -> Value

    init(_ name: String, _ call: @escaping (inout Arguments) throws(Failure) -> Value) {
        self.name = name
        self.call = call
    }
}

/// A module: a namespace of values (`np`, `keras.layers`, …).
public final class Module {
    public let name: String
    var members: [String: Value]
    init(_ name: String, _ members: [String: Value]) {
        self.name = name
        self.members = members
    }
}

/// An engine object (model, layer, optimizer, history, …) as the language sees it.
public protocol EngineObject: AnyObject {
    var typeName: String { get }
    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value?
    /// The text shown when the object is displayed.
    var displayText: String { get }
}

/// An error raised inside a builtin; the interpreter adds the call's position.
public struct Failure: Error {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    init(_ e: EngineError) {
        switch e {
        case .shape(let m):
            self.init("ValueError: " + m, hint: "check the shapes of the operands: a product (m×k)(k×n) needs equal inner dimensions")
        case .value(let m):
            let named = ["MemoryError", "TimeoutError", "OverflowError", "NotImplementedError"].contains { m.hasPrefix($0 + ":") }
            self.init(named ? m : "ValueError: " + m)
        case .index(let m): self.init("IndexError: " + m)
        }
    }
}

/// Lifts an engine call into the language's error type.
@inline(__always)
func engine<T>(_ body: () throws(EngineError) -> T) throws(Failure) -> T {
    do { return try body() } catch { throw Failure(error) }
}
