// MARK: - Instances and classes: attributes, construction, operator methods

extension Interpreter {
    /// What looking `value` up on an instance or class gives: functions become bound methods,
    /// descriptors apply.
    func bind(_ value: Value, to receiver: Value, owner: PyClass) throws(Failure) -> Value {
        switch value {
        case .function, .builtin:
            if case .type = receiver { return value }
            return .method(BoundMethod(receiver: receiver, function: value))
        case .object(let o as Descriptor):
            switch o.kind {
            case .property(let getter, _):
                if case .type = receiver { return value }
                return try callValue(getter, [receiver])
            case .staticMethod(let f): return f
            case .classMethod(let f):
                if case .type = receiver { return .method(BoundMethod(receiver: receiver, function: f)) }
                return .method(BoundMethod(receiver: .type(classOf(receiver)), function: f))
            }
        default: return value
        }
    }

    func instanceAttribute(_ i: Instance, _ name: String) throws(Failure) -> Value? {
        let onClass = i.cls.lookup(name)
        // A property wins over an instance attribute of the same name.
        if let onClass, case .object(let o as Descriptor) = onClass, case .property = o.kind {
            return try bind(onClass, to: .instance(i), owner: i.cls)
        }
        if let v = i.attributes[name] { return v }
        if let onClass { return try bind(onClass, to: .instance(i), owner: i.cls) }
        switch name {
        case "__class__": return .type(i.cls)
        case "__dict__":
            let d = DictBox()
            // An exception's arguments live in `args`, not in its `__dict__`.
            for k in i.attributes.names where !(i.cls.isException && (k == "args" || k == "__cause__")) {
                try d.set(.str(k), i.attributes[k]!)
            }
            return .dict(d)
        case "args" where i.cls.isException: return .tuple([])
        // `Value.none`, Python's None: a bare `.none` here would be Optional.none, "no attribute".
        case "__cause__" where i.cls.isException, "__context__" where i.cls.isException: return Value.none
        case "value" where i.cls.isSubclass(of: exceptionClasses["StopIteration"]!):
            if case .tuple(let args)? = i.attributes["args"], let first = args.first { return first }
            return Value.none
        default: break
        }
        if let hook = i.cls.lookup("__getattr__") {
            return try callValue(try bind(hook, to: .instance(i), owner: i.cls), [.str(name)])
        }
        return nil
    }

    func classAttribute(_ c: PyClass, _ name: String) throws(Failure) -> Value? {
        if let v = c.lookup(name) { return try bind(v, to: .type(c), owner: c) }
        switch name {
        case "__name__", "__qualname__": return .str(c.name)
        case "__base__": return c.base.map { .type($0) } ?? .none
        case "__bases__": return .tuple(c.base.map { [.type($0)] } ?? [])
        case "__doc__": return .none
        case "__module__": return .str(c.isUserDefined ? "__main__" : c.module ?? "builtins")
        default: return nil
        }
    }

    func setInstanceAttribute(_ i: Instance, _ name: String, _ value: Value) throws(Failure) {
        if case .object(let o as Descriptor)? = i.cls.lookup(name), case .property(_, let setter) = o.kind {
            guard let setter else { throw Failure("AttributeError: property '\(name)' of '\(i.cls.name)' object has no setter") }
            _ = try callValue(setter, [.instance(i), value])
            return
        }
        i.attributes[name] = value
    }

    /// Calling a class: a builtin type converts its argument; any other class makes an
    /// instance and runs `__init__`.
    func instantiate(_ c: PyClass, _ positional: [Value], _ keywords: [(String, Value)], at position: Position) throws(LangError)
        -> Value
    {
        if let constructor = c.constructor { return try call(constructor, positional, keywords, at: position) }
        if c.name == "object" && !c.isUserDefined { return .instance(Instance(c)) }
        let instance = Instance(c)
        if let initializer = c.lookup("__init__") {
            let method = try at(position) { () throws(Failure) in try bind(initializer, to: .instance(instance), owner: c) }
            let result = try call(method, positional, keywords, at: position)
            if !result.isNone { throw LangError("TypeError: __init__() should return None, not '\(result.typeName)'", at: position) }
        } else if !positional.isEmpty || !keywords.isEmpty {
            throw LangError("TypeError: \(c.name)() takes no arguments", at: position)
        }
        return .instance(instance)
    }

    /// The class of any value (`type(x)`); builtin values get their builtin type.
    func classOf(_ v: Value) -> PyClass {
        switch v {
        case .instance(let i): return i.cls
        case .type: return builtinType("type")
        case .tensor(let t): return numpyClass(of: t.value)
        default: return builtinType(v.typeName)
        }
    }

    /// The builtin type of this name, made once per document so that `type(a) is type(b)`.
    func builtinType(_ name: String) -> PyClass {
        if let c = builtinTypes[name] { return c }
        let c = PyClass(name: name, base: name == "object" ? nil : builtinType("object"))
        builtinTypes[name] = c
        return c
    }

    /// `isinstance(v, classinfo)` with a class or a tuple of classes.
    func isInstance(_ v: Value, _ classinfo: Value) throws(Failure) -> Bool {
        switch classinfo {
        case .type(let c):
            if c.name == "object" && !c.isUserDefined { return true }
            return classOf(v).isSubclass(of: c)
        case .tuple(let options):
            for o in options where try isInstance(v, o) { return true }
            return false
        case .builtin(let b):
            // Library constructors stand for their classes: `isinstance(layer, Dense)`.
            return b.name == v.typeName
        default:
            throw Failure("TypeError: isinstance() arg 2 must be a type or tuple of types, not \(classinfo.typeName)")
        }
    }

    // MARK: Operator methods

    static let binaryMethods: [String: (String, String)] = [
        "+": ("__add__", "__radd__"), "-": ("__sub__", "__rsub__"), "*": ("__mul__", "__rmul__"),
        "/": ("__truediv__", "__rtruediv__"), "//": ("__floordiv__", "__rfloordiv__"), "%": ("__mod__", "__rmod__"),
        "**": ("__pow__", "__rpow__"), "@": ("__matmul__", "__rmatmul__"), "&": ("__and__", "__rand__"),
        "|": ("__or__", "__ror__"), "^": ("__xor__", "__rxor__"), "<<": ("__lshift__", "__rlshift__"),
        ">>": ("__rshift__", "__rrshift__"),
    ]

    /// `a op b` where one side is an instance: `a.__op__(b)`, then `b.__rop__(a)`; a method
    /// returning NotImplemented passes the turn on. As in CPython, two objects of one class
    /// never try the reflected method, and a subclass's own reflected method goes first.
    func instanceBinary(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value? {
        guard let (forward, reflected) = Interpreter.binaryMethods[op] else { return nil }
        if case .instance(let x) = a, case .instance(let y) = b {
            if x.cls === y.cls { return try dispatch(forward, nil, a, b) }
            if y.cls.isSubclass(of: x.cls), let mine = y.cls.lookup(reflected), !sameFunction(mine, x.cls.lookup(reflected)) {
                if let r = try dispatch(reflected, nil, b, a) { return r }
                return try dispatch(forward, nil, a, b)
            }
        }
        return try dispatch(forward, reflected, a, b)
    }

    private func sameFunction(_ a: Value, _ b: Value?) -> Bool {
        guard let b else { return false }
        return identical(a, b)
    }

    /// `a.forward(b)`, else `b.reflected(a)`; nil if neither is defined or both return NotImplemented.
    private func dispatch(_ forward: String, _ reflected: String?, _ a: Value, _ b: Value) throws(Failure) -> Value? {
        if case .instance(let i) = a, let m = try instanceAttribute(i, forward) {
            let r = try callValue(m, [b])
            if !isNotImplemented(r) { return r }
        }
        if let reflected, case .instance(let i) = b, let m = try instanceAttribute(i, reflected) {
            let r = try callValue(m, [a])
            if !isNotImplemented(r) { return r }
        }
        return nil
    }

    /// `a op= b`: `a.__iop__(b)` if defined, else `a = a op b`.
    func inPlaceMethod(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value? {
        guard case .instance(let i) = a, let (forward, _) = Interpreter.binaryMethods[op] else { return nil }
        guard let m = try instanceAttribute(i, "__i" + forward.dropFirst(2)) else { return nil }
        let r = try callValue(m, [b])
        return isNotImplemented(r) ? nil : r
    }

    func instanceUnary(_ op: String, _ i: Instance) throws(Failure) -> Value {
        let name = ["-": "__neg__", "+": "__pos__", "~": "__invert__"][op] ?? op
        guard let m = try instanceAttribute(i, name) else {
            throw Failure("TypeError: bad operand type for unary \(op): '\(i.cls.name)'")
        }
        return try callValue(m, [])
    }

    static let comparisonMethods: [String: (String, String)] = [
        "==": ("__eq__", "__eq__"), "!=": ("__ne__", "__ne__"), "<": ("__lt__", "__gt__"),
        ">": ("__gt__", "__lt__"), "<=": ("__le__", "__ge__"), ">=": ("__ge__", "__le__"),
    ]

    /// A comparison where one side is an instance; nil when neither side defines it.
    func instanceCompare(_ op: String, _ a: Value, _ b: Value) throws(Failure) -> Value? {
        guard let (forward, reflected) = Interpreter.comparisonMethods[op] else { return nil }
        // A right operand of a subclass is asked first, as CPython asks it.
        if case .instance(let x) = a, case .instance(let y) = b, x.cls !== y.cls, y.cls.isSubclass(of: x.cls) {
            if let r = try dispatch(reflected, forward, b, a) { return r }
        } else if let r = try dispatch(forward, reflected, a, b) {
            return r
        }
        switch op {
        case "==": return .bool(identical(a, b))
        case "!=":
            if let eq = try instanceCompare("==", a, b) { return .bool(!(try truthy(eq))) }
            return .bool(!identical(a, b))
        default:
            throw Failure("TypeError: '\(op)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is NotImplementedMarker }
        return false
    }

    /// Whether two values are the same object (`is`).
    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.tensor(let x), .tensor(let y)): return x.storage === y.storage
        case (.dict(let x), .dict(let y)), (.set(let x), .set(let y)): return x === y
        case (.instance(let x), .instance(let y)): return x === y
        case (.type(let x), .type(let y)): return x === y
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.module(let x), .module(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    /// `id(v)`: stable for the object's lifetime and distinct between live objects.
    func identity(_ v: Value) -> Int {
        switch v {
        case .list(let o): return ObjectIdentifier(o).hashValue
        case .dict(let o), .set(let o): return ObjectIdentifier(o).hashValue
        case .instance(let o): return ObjectIdentifier(o).hashValue
        case .type(let o): return ObjectIdentifier(o).hashValue
        case .function(let o): return ObjectIdentifier(o).hashValue
        case .builtin(let o): return ObjectIdentifier(o).hashValue
        case .method(let o): return ObjectIdentifier(o).hashValue
        case .module(let o): return ObjectIdentifier(o).hashValue
        case .object(let o): return ObjectIdentifier(o).hashValue
        default: return HashKey(v).map { $0.hashValue } ?? 0
        }
    }
}

/// Python's `NotImplemented`, which an operator method returns to let the other side try.
final class NotImplementedMarker: EngineObject {
    var typeName: String { "NotImplementedType" }
    var displayText: String { "NotImplemented" }
    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? { nil }
}
