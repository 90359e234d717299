import BigInt
import Engine

/// A runtime value of the nn language. Payloads larger than two words are boxed, so a value
/// is 17 bytes (`ValueLayoutTests`) and copying one on the interpreter's hot path is cheap.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    /// An int outside the machine word's range (never one that fits: see `Value.integer`).
    case bigint(BigIntBox)
    case float(Double)
    case str(String)
    case list(ListBox)
    case tuple([Value])
    case dict(DictBox)
    /// Boxed (`indirect`), as `output` is: the largest inline payload sets every value's size.
    indirect case range(Int, Int, Int)
    /// A float64 tensor; rank 0 behaves like a number.
    case tensor(Variable)
    case function(Function)
    case builtin(Builtin)
    case module(Module)
    case object(any EngineObject)
    /// The result of an output builder (`table`, `plot`, …), shown when displayed.
    case output(Shown)
    /// An instance of a class defined in the language (exceptions included).
    case instance(Instance)
    /// A class: defined with `class`, a builtin type (`int`, `list`) or an exception type.
    case type(PyClass)
    /// A function looked up on an instance, with the instance as its first argument.
    case method(BoundMethod)
    /// A set: the keys of a dict whose values are unused.
    case set(DictBox)

    public var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int, .bigint: "int"
        case .float: "float"
        case .str: "str"
        case .list(let l): l.kind.typeName
        case .tuple: "tuple"
        case .dict(let d): d.kind.typeName
        case .range: "range"
        case .tensor: "ndarray"
        case .function: "function"
        case .builtin: "builtin_function"
        case .module: "module"
        case .object(let o): o.typeName
        case .output: "output"
        case .instance(let i): i.cls.name
        case .type: "type"
        case .method: "method"
        case .set(let d): d.kind.isFrozen ? "frozenset" : "set"
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
    /// A plain list, or a `collections.deque` (same storage, its own methods and repr).
    var kind = ListKind.list
    public init(_ items: [Value]) { self.items = items }

    /// Releases nested lists one level at a time: `x = [x]` repeated a million times would
    /// otherwise free each level inside the one above and overflow the stack. A list only this
    /// one holds gives its items to the work list first, so freeing it frees nothing nested.
    deinit {
        guard items.contains(where: { if case .list = $0 { true } else { false } }) else { return }
        var work = items
        items = []
        while let value = work.popLast() {
            guard case .list(let box) = consume value else { continue }
            var child = consume box
            if isKnownUniquelyReferenced(&child) {
                work.append(contentsOf: child.items)
                child.items = []
            }
        }
    }
}

/// An insertion-ordered dict with hashable keys (str, int, float, bool, tuples of those).
///
/// A removed entry leaves a hole, as CPython's dict does, so `del d[k]` costs O(1); the holes
/// are squeezed out when the entries are next read in order (`keys`, `values`).
public final class DictBox {
    /// A plain dict, or one of the dict subclasses of `collections` (Counter, defaultdict, OrderedDict).
    var kind = DictKind.dict
    private var slotKeys: [Value] = []
    private var slotValues: [Value] = []
    /// Which slots were removed (empty while there is no hole).
    private var removed: [Bool] = []
    private var holes = 0
    private var index: [HashKey: Int] = [:]

    public init() {}

    /// The keys in insertion order.
    public var keys: [Value] {
        squeeze()
        return slotKeys
    }

    /// The values, in the keys' order.
    public var values: [Value] {
        squeeze()
        return slotValues
    }

    /// How many entries there are (without squeezing out holes).
    public var count: Int { slotKeys.count - holes }

    /// Makes room for `count` entries in all, so that building a big set or dict does not
    /// rehash it again and again.
    func reserve(_ count: Int) {
        index.reserveCapacity(count)
        slotKeys.reserveCapacity(count)
        slotValues.reserveCapacity(count)
    }

    public func get(_ key: Value) -> Value? { HashKey(key).flatMap { index[$0] }.map { slotValues[$0] } }

    public func set(_ key: Value, _ value: Value) throws(Failure) {
        guard let h = HashKey(key) else { throw Failure("TypeError: unhashable type: '\(key.typeName)'") }
        if let i = index[h] {
            slotValues[i] = value
        } else {
            index[h] = slotKeys.count
            slotKeys.append(key)
            slotValues.append(value)
            if holes > 0 { removed.append(false) }
        }
    }

    public func removeAll() {
        slotKeys = []
        slotValues = []
        removed = []
        holes = 0
        index = [:]
    }

    /// Removes `key`; false if it was not there.
    @discardableResult
    public func remove(_ key: Value) -> Bool {
        guard let h = HashKey(key), let i = index.removeValue(forKey: h) else { return false }
        if i == slotKeys.count - 1 {
            slotKeys.removeLast()
            slotValues.removeLast()
            if holes > 0 { removed.removeLast() }
            return true
        }
        if holes == 0 { removed = [Bool](repeating: false, count: slotKeys.count) }
        removed[i] = true
        holes += 1
        // The slot's objects are released now, not at the next squeeze.
        slotKeys[i] = .none
        slotValues[i] = .none
        return true
    }

    /// Drops the holes and renumbers the index (O(n), once per run of removals).
    private func squeeze() {
        guard holes > 0 else { return }
        var keys: [Value] = []
        var values: [Value] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        for i in slotKeys.indices where !removed[i] {
            if let h = HashKey(slotKeys[i]) { index[h] = keys.count }
            keys.append(slotKeys[i])
            values.append(slotValues[i])
        }
        slotKeys = keys
        slotValues = values
        removed = []
        holes = 0
    }
}

/// The hashable form of a dict key. Equal numbers are one key whatever their type
/// (`1`, `1.0`, `True`; `2**64` and `2.0**64`), as in Python.
enum HashKey: Hashable {
    case int(Int)
    case bigint(BigInt)
    case float(Double)
    case str(String)
    case tuple([HashKey])
    case none
    /// Objects without their own `__eq__` are equal only to themselves, as in Python.
    case identity(ObjectIdentifier)
    /// An instance whose class defines `__hash__`, by that hash.
    case custom(Int)
    /// A frozenset: equal to any frozenset with the same items, whatever their order.
    case frozen(Set<HashKey>)

    init?(_ v: Value) { self.init(v, depth: 0) }

    /// Tuples nested deeper than the recursion limit are not hashed (no stack overflow).
    private init?(_ v: Value, depth: Int) {
        switch v {
        case .int(let i): self = .int(i)
        case .bigint(let b): self = .bigint(b.value)
        case .float(let d):
            if d == d.rounded(), d.isFinite, let b = BigInt(exactly: d) {
                self = Int(exactly: b).map(HashKey.int) ?? .bigint(b)
            } else {
                self = .float(d)
            }
        case .bool(let b): self = .int(b ? 1 : 0)
        case .str(let s): self = .str(s)
        case .none: self = .none
        // numpy scalars hash as the numbers they hold.
        case .tensor(let t) where t.value.isScalar: self.init(.float(t.value.scalars[0]), depth: depth)
        case .tuple(let items):
            guard depth < Interpreter.maxDepth else { return nil }
            var keys: [HashKey] = []
            for i in items {
                guard let k = HashKey(i, depth: depth + 1) else { return nil }
                keys.append(k)
            }
            self = .tuple(keys)
        case .set(let d) where d.kind.isFrozen:
            guard depth < Interpreter.maxDepth else { return nil }
            var keys: Set<HashKey> = []
            for i in d.keys {
                guard let k = HashKey(i, depth: depth + 1) else { return nil }
                keys.insert(k)
            }
            self = .frozen(keys)
        case .instance(let i):
            guard let key = i.hashKey() else { return nil }
            self = key
        case .type(let c): self = .identity(ObjectIdentifier(c))
        case .function(let f): self = .identity(ObjectIdentifier(f))
        case .builtin(let b): self = .identity(ObjectIdentifier(b))
        case .object(let o): self = .identity(ObjectIdentifier(o))
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
    /// Calling it makes a generator instead of running the body.
    var isGenerator = false
    /// The class whose body defined it, for `super()`.
    weak var owner: PyClass?
    /// Attributes set on the function object (`wrapper.cache = {}`).
    var attributes: [String: Value] = [:]
    /// The block that defined it: its positions are lines of that block.
    var block = 0
    /// The ids of the names local to its body (nil for a lambda: only its parameters).
    var locals: Set<Int>?
    /// `Class.method` for a method, as CPython names it in call errors.
    var qualifiedName: String { owner.map { "\($0.name).\(name)" } ?? name }
    /// Only plain positional parameters: a call with as many positional arguments binds
    /// them in order, without the general rules.
    lazy var isPlain = parameters.allSatisfy { $0.kind == .positional }
    /// The name ids of its locals in slot order (`Interpreter.slotNames`); empty for a lambda.
    var slotIDs: [Int] = []
    /// The body compiled into closures: at the `def` that made it, or on the first call.
    var compiled: CompiledStmt?
    /// A lambda's expression, compiled on the first call.
    var compiledExpression: CompiledExpr?
    /// Emptied frames of finished calls that nothing kept, for the next calls (`callPlain`).
    var spareFrames: [Scope] = []

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
    /// The declared parameters the binder checks each call against (nil for builtins that still
    /// check their own keywords with `Arguments.accept`).
    let signature: Signature?

    init(_ name: String, signature: Signature? = nil, _ call: @escaping (inout Arguments) throws(Failure) -> Value) {
        self.name = name
        self.signature = signature
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
    /// The text `str` and `print` show.
    var displayText: String { get }
    /// The text `repr` shows (and a bare expression, as Jupyter shows the repr); `str`'s unless
    /// the library's differ.
    var reprText: String { get }
}

extension EngineObject {
    public var reprText: String { displayText }
}

/// An error raised inside a builtin; the interpreter adds the call's position.
public struct Failure: Error {
    public var message: String
    public var hint: String?
    /// The exception object, when one exists already (raised by user code).
    public var exception: ExceptionBox?
    public init(_ message: String, hint: String? = nil, exception: ExceptionBox? = nil) {
        self.message = message
        self.hint = hint
        self.exception = exception
    }

    init(_ e: EngineError) {
        switch e {
        case .shape(let m):
            self.init("ValueError: " + m, hint: "check the shapes of the operands: a product (m×k)(k×n) needs equal inner dimensions")
        case .value(let m) where m == RunLimits.timeoutMessage:
            self.init(Interpreter.timeoutMessage, hint: Interpreter.timeoutHint)
        case .value(let m) where m.hasPrefix("MemoryError:"):
            self.init(m, hint: Failure.memoryHint)
        case .value(let m): self.init(Failure.hasErrorPrefix(m) ? m : "ValueError: " + m)
        case .index(let m): self.init("IndexError: " + m)
        }
    }
}

extension Failure {
    /// Lectern's hint for a value refused by the running document's budget (`RunLimits`).
    static var memoryHint: String {
        "Lectern refuses one value over \(RunLimits.current.maxElements) array elements (8 bytes each) before allocating it; the whole lecture is limited by --memory"
    }

    /// A `MemoryError` for a value over the running document's budget (`RunLimits`).
    static func memory(_ count: Int, _ unit: RunLimits.Unit, what: @autoclosure () -> String) throws(Failure) {
        do { try RunLimits.check(count, unit, what: what()) } catch { throw Failure(error) }
    }

    /// The message already names its exception (`MemoryError: …`): no second prefix.
    static func hasErrorPrefix(_ message: String) -> Bool {
        guard let colon = message.firstIndex(of: ":") else { return false }
        let name = message[..<colon]
        return name.hasSuffix("Error") && !name.contains(" ")
    }
}

/// Lifts an engine call into the language's error type.
@inline(__always)
func engine<T>(_ body: () throws(EngineError) -> T) throws(Failure) -> T {
    do { return try body() } catch { throw Failure(error) }
}
