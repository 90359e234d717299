/// The builtins of Python's object model: types as classes, the exceptions, and the
/// functions that inspect objects (`isinstance`, `getattr`, `super`, `iter`, …).
extension Library {
    /// Adds them to `names`; the builtin conversion functions (`int`, `list`, …) become
    /// the constructors of the builtin types of the same names.
    static func objectNames(_ interp: Interpreter, wrapping names: [String: Value]) -> [String: Value] {
        var b = names
        for name in ["int", "float", "str", "list", "tuple", "dict", "bool"] {
            guard let constructor = names[name] else { continue }
            let base: PyClass? = name == "bool" ? interp.builtinType("int") : interp.builtinType("object")
            let c = PyClass(name: name, base: base, constructor: constructor)
            interp.builtinTypes[name] = c
            b[name] = .type(c)
        }
        let setType = PyClass(
            name: "set", base: interp.builtinType("object"),
            constructor: fn(def: "set(iterable=(), /)") { args throws(Failure) in
                try interp.makeSet(try args.optional(0, "iterable").map { v throws(Failure) in try interp.iterate(v) } ?? [])
            })
        interp.builtinTypes["set"] = setType
        b["set"] = .type(setType)
        let frozensetType = PyClass(
            name: "frozenset", base: interp.builtinType("object"),
            constructor: fn(def: "frozenset(iterable=(), /)") { args throws(Failure) in
                let given = args.optional(0, "iterable")
                if case .set(let d)? = given, d.kind.isFrozen { return .set(d) }
                return try interp.makeFrozenSet(try given.map { v throws(Failure) in try interp.iterate(v) } ?? [])
            })
        interp.builtinTypes["frozenset"] = frozensetType
        b["frozenset"] = .type(frozensetType)
        b["object"] = .type(interp.builtinType("object"))
        for (name, c) in interp.exceptionClasses { b[name] = .type(c) }
        b["NotImplemented"] = .object(NotImplementedMarker())

        b["type"] = fn("type") { args throws(Failure) in
            // CPython's wording for each wrong call; the three-argument form makes a class there.
            if args.positional.count == 1, !args.keywords.isEmpty { throw Failure("TypeError: type() takes no keyword arguments") }
            guard args.positional.count == 3 || args.positional.count == 1 else {
                throw Failure("TypeError: type() takes 1 or 3 arguments")
            }
            guard args.positional.count == 1 else {
                throw Failure("NotImplementedError: Lectern does not support type() with three arguments", hint: "use a class statement")
            }
            return .type(interp.classOf(args.positional[0]))
        }
        b["isinstance"] = fn(def: "isinstance(obj, class_or_tuple, /)") { args throws(Failure) in
            .bool(try interp.isInstance(try args.required(0, "obj"), try args.required(1, "class_or_tuple")))
        }
        b["issubclass"] = fn(def: "issubclass(cls, class_or_tuple, /)") { args throws(Failure) in
            guard case .type(let c) = try args.required(0, "cls") else { throw Failure("TypeError: issubclass() arg 1 must be a class") }
            let classinfo = try args.required(1, "class_or_tuple")
            let options: [Value]
            if case .tuple(let t) = classinfo { options = t } else { options = [classinfo] }
            for case .type(let o) in options where c.isSubclass(of: o) || (o.name == "object" && !o.isUserDefined) { return .bool(true) }
            return .bool(false)
        }
        b["getattr"] = fn(def: "getattr(object, name, default=<no value>, /)") { args throws(Failure) in
            let obj = try args.required(0, "object")
            let name = try attributeName(args)
            do throws(Failure) { return try interp.attribute(obj, name) } catch {
                guard let fallback = args.optional(2, "default"), error.message.hasPrefix("AttributeError") else { throw error }
                return fallback
            }
        }
        b["setattr"] = fn(def: "setattr(obj, name, value, /)") { args throws(Failure) in
            try interp.setAttribute(try args.required(0, "obj"), try attributeName(args), try args.required(2, "value"))
            return .none
        }
        b["hasattr"] = fn(def: "hasattr(obj, name, /)") { args throws(Failure) in
            do throws(Failure) {
                _ = try interp.attribute(try args.required(0, "obj"), try attributeName(args))
                return .bool(true)
            } catch {
                guard error.message.hasPrefix("AttributeError") else { throw error }
                return .bool(false)
            }
        }
        b["delattr"] = fn(def: "delattr(obj, name, /)") { args throws(Failure) in
            let name = try attributeName(args)
            guard case .instance(let i) = try args.required(0, "obj"), i.attributes.removeValue(forKey: name) != nil else {
                throw Failure("AttributeError: cannot delete attribute '\(name)'")
            }
            return .none
        }
        b["id"] = fn(def: "id(obj, /)") { args throws(Failure) in .int(interp.identity(try args.required(0, "obj"))) }
        b["hash"] = fn(def: "hash(obj, /)") { args throws(Failure) in
            let v = try args.required(0, "obj")
            // Instances hash by their __hash__ (or identity); values as CPython does.
            if case .instance = v {
                guard let key = HashKey(v) else { throw Failure("TypeError: unhashable type: '\(v.typeName)'") }
                if case .custom(let h) = key { return .int(h) }
            }
            return .int(try pythonHash(v))
        }
        b["callable"] = fn(def: "callable(obj, /)") { args throws(Failure) in .bool(interp.isCallable(try args.required(0, "obj"))) }
        b["slice"] = fn(def: "slice(*args)") { args throws(Failure) in
            let bounds = try args.positional.map { v throws(Failure) in v.isNone ? nil : try v.asInt("slice index") }
            switch bounds.count {
            case 1: return .object(SliceObject(start: nil, stop: bounds[0], step: nil))
            case 2, 3: return .object(SliceObject(start: bounds[0], stop: bounds[1], step: bounds.count == 3 ? bounds[2] : nil))
            default: throw Failure("TypeError: slice expected 1 to 3 arguments, got \(bounds.count)")
            }
        }
        b["vars"] = fn(def: "vars(object=<no value>, /)") { args throws(Failure) in
            try interp.attribute(try args.required(0, "object"), "__dict__")
        }
        b["globals"] = fn(def: "globals()") { _ throws(Failure) in .object(GlobalsView(interp.globals, interp)) }
        b["__name__"] = .str("__main__")
        b["iter"] = fn(def: "iter(object, sentinel=<no value>, /)", unsupported: ["sentinel"]) { args throws(Failure) in
            try interp.iterObject(try args.required(0, "object"))
        }
        b["next"] = fn(def: "next(iterator, default=<no value>, /)") { args throws(Failure) in
            try interp.nextItem(try args.required(0, "iterator"), default: args.optional(1, "default"))
        }
        b["super"] = fn(def: "super(*args)") { args throws(Failure) in
            guard args.positional.isEmpty else {
                guard case .type(let c) = args.positional[0], args.positional.count == 2 else {
                    throw Failure("TypeError: super() takes a class and an object")
                }
                return .object(SuperProxy(start: c.base, receiver: args.positional[1]))
            }
            return try interp.superObject()
        }
        b["property"] = fn(def: "property(fget=None, fset=None, fdel=None, doc=None)", unsupported: ["fdel", "doc"]) {
            args throws(Failure) in
            .object(
                Descriptor(
                    .property(getter: try args.required(0, "fget"), setter: args.optional(1, "fset").flatMap { $0.isNone ? nil : $0 })))
        }
        b["staticmethod"] = fn(def: "staticmethod(function, /)") { args throws(Failure) in
            .object(Descriptor(.staticMethod(try args.required(0, "function"))))
        }
        b["classmethod"] = fn(def: "classmethod(function, /)") { args throws(Failure) in
            .object(Descriptor(.classMethod(try args.required(0, "function"))))
        }
        return b
    }

    private static func attributeName(_ args: Arguments) throws(Failure) -> String {
        guard case .str(let name) = try args.required(1, "name") else { throw Failure("TypeError: attribute name must be string") }
        return name
    }
}
