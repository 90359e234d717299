/// A class of the language: one made by a `class` statement, a builtin type (`int`, `list`)
/// or a builtin exception. Single inheritance: the method resolution order is the base chain.
public final class PyClass {
    public let name: String
    let base: PyClass?
    var attributes: [String: Value]
    /// For builtin types: the function that converts a value to this type (`int("3")`).
    let constructor: Value?
    /// Made by a `class` statement (its objects show as `__main__.Name`).
    let isUserDefined: Bool
    /// The interpreter that runs the class's methods, for hashing its instances in dicts.
    weak var interpreter: Interpreter?
    /// The module a library type belongs to (`numpy` for `numpy.ndarray`, `collections` for
    /// `collections.Counter`); nil for Python's builtins.
    var module: String?

    init(
        name: String, base: PyClass?, attributes: [String: Value] = [:], constructor: Value? = nil, isUserDefined: Bool = false,
        module: String? = nil
    ) {
        self.name = name
        self.base = base
        self.attributes = attributes
        self.constructor = constructor
        self.isUserDefined = isUserDefined
        self.module = module
    }

    /// The attribute as found on this class or the nearest base that defines it.
    func lookup(_ attribute: String) -> Value? {
        var c: PyClass? = self
        while let k = c {
            if let v = k.attributes[attribute] { return v }
            c = k.base
        }
        return nil
    }

    func isSubclass(of other: PyClass) -> Bool {
        var c: PyClass? = self
        while let k = c {
            if k === other { return true }
            c = k.base
        }
        return false
    }

    /// Derives from BaseException.
    var isException: Bool {
        var c: PyClass? = self
        while let k = c {
            if k.name == "BaseException" && !k.isUserDefined { return true }
            c = k.base
        }
        return false
    }

    var qualifiedName: String { isUserDefined ? "__main__." + name : module.map { $0 + "." + name } ?? name }
}

/// An object of a class: its own attributes, and its class for everything else.
public final class Instance {
    let cls: PyClass
    var attributes = Attributes()
    /// For an exception made from a builtin's error: the text `str(e)` shows (a KeyError's
    /// message is already the key's repr).
    var message: String?
    /// The items of an instance of a tuple subclass (a `namedtuple`).
    var tuple: [Value]?

    init(_ cls: PyClass) { self.cls = cls }

    /// The key this object has in a dict or set: its `__hash__` if its class defines one,
    /// unhashable if it defines `__eq__` alone, and otherwise its identity.
    func hashKey() -> HashKey? {
        if let h = cls.lookup("__hash__") {
            guard !h.isNone, let interpreter = cls.interpreter,
                case .int(let value)? = try? interpreter.callValue(h, [.instance(self)])
            else { return nil }
            return .custom(value)
        }
        if cls.lookup("__eq__") != nil { return nil }
        return .identity(ObjectIdentifier(self))
    }
}

/// An object's attributes in the order they were first set, as `obj.__dict__` shows them:
/// an insertion-ordered dict with string keys.
struct Attributes {
    private let dict = DictBox()

    subscript(name: String) -> Value? {
        get { dict.get(.str(name)) }
        nonmutating set {
            guard let newValue else {
                dict.remove(.str(name))
                return
            }
            // A string key is always hashable: `set` cannot fail here.
            try? dict.set(.str(name), newValue)
        }
    }

    var names: [String] { dict.keys.compactMap { if case .str(let s) = $0 { s } else { nil } } }

    var values: [Value] { dict.values }

    func removeAll() { dict.removeAll() }

    @discardableResult
    func removeValue(forKey name: String) -> Value? {
        let old = dict.get(.str(name))
        dict.remove(.str(name))
        return old
    }
}

/// A function bound to the object it was looked up on (`obj.method`).
public final class BoundMethod {
    let receiver: Value
    let function: Value

    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
}

/// `@property`, `@staticmethod` and `@classmethod`: class attributes that change what an
/// attribute lookup returns.
final class Descriptor: EngineObject {
    enum Kind {
        case property(getter: Value, setter: Value?)
        case staticMethod(Value)
        case classMethod(Value)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    var typeName: String {
        switch kind {
        case .property: "property"
        case .staticMethod: "staticmethod"
        case .classMethod: "classmethod"
        }
    }

    var displayText: String { "<\(typeName) object>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        guard case .property(let getter, _) = kind else { return nil }
        switch name {
        // `@name.setter` makes a new property with the same getter.
        case "setter":
            return .builtin(
                Builtin("setter") { args throws(Failure) in
                    .object(Descriptor(.property(getter: getter, setter: try args.required(0, "fset"))))
                })
        case "fget": return getter
        default: return nil
        }
    }

    /// The functions inside, so that `super()` in them knows their class.
    var functions: [Value] {
        switch kind {
        case .property(let g, let s): [g] + (s.map { [$0] } ?? [])
        case .staticMethod(let f), .classMethod(let f): [f]
        }
    }
}

/// What `super()` returns: attribute lookups start above the method's class.
final class SuperProxy: EngineObject {
    let start: PyClass?
    let receiver: Value

    init(start: PyClass?, receiver: Value) {
        self.start = start
        self.receiver = receiver
    }

    var typeName: String { "super" }
    var displayText: String { "<super object>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        guard let found = start?.lookup(name) else {
            if name == "__init__" {
                // object.__init__ accepts nothing and does nothing.
                return .builtin(Builtin("__init__") { _ throws(Failure) in .none })
            }
            return nil
        }
        return try interpreter.bind(found, to: receiver, owner: start!)
    }
}
