import Engine

// MARK: - Statements: running them, assignment, definitions

extension Interpreter {
    func exec(_ stmt: Stmt, _ scope: Scope) throws(LangError) -> Flow {
        try tick(stmt.position)
        switch stmt.kind {
        case .expression(let e):
            _ = try eval(e, scope)
        case .assign(let targets, let valueExpr):
            let value = try eval(valueExpr, scope)
            for t in targets { try assign(t, value, scope) }
        case .augmented(let target, let op, let valueExpr):
            let current = try eval(target, scope)
            try augment(target, op, current, try eval(valueExpr, scope), scope, at: stmt.position)
        case .if(let branches, let elseBody):
            for (cond, body) in branches where try truthy(try eval(cond, scope), cond.position) {
                return try execBlock(body, scope)
            }
            if let elseBody { return try execBlock(elseBody, scope) }
        case .for(let target, let iterExpr, let body, let orElse):
            let iterable = try eval(iterExpr, scope)
            if case .range(let start, let stop, let step) = iterable {
                // Counted loops run without building the list of numbers first.
                for k in 0..<Interpreter.rangeCount(start, stop, step) {
                    try tick(stmt.position)
                    try assign(target, .int(start &+ k &* step), scope)
                    switch try execBlock(body, scope) {
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    default: continue
                    }
                }
                return try execBlock(orElse, scope)
            }
            var exit: Flow?
            try forEach(iterable, at: iterExpr.position) { item throws(LangError) in
                try tick(stmt.position)
                try assign(target, item, scope)
                switch try execBlock(body, scope) {
                case .breakLoop: exit = .normal
                case .returned(let v): exit = .returned(v)
                default: return true
                }
                return false
            }
            if let exit { return exit }
            return try execBlock(orElse, scope)
        case .while(let cond, let body, let orElse):
            while try truthy(try eval(cond, scope), cond.position) {
                try tick(stmt.position)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                default: continue
                }
            }
            return try execBlock(orElse, scope)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .def(let def):
            try define(def, scope, compiled: nil)
        case .classDef(let def):
            set(Name(def.name), try decorate(try defineClass(def, scope, at: stmt.position), def.decorators, scope), scope)
        case .try(let body, let handlers, let orElse, let finally):
            return try tryStatement(body, handlers, orElse: orElse, finally: finally, scope)
        case .raise(let e, let cause):
            try raiseStatement(e, cause: cause, scope, at: stmt.position)
        case .with(let items, let body):
            return try withStatement(items[...], body, scope, at: stmt.position)
        case .nonlocal(let names):
            scope.nonlocals.formUnion(names.map { Name($0).id })
        case .return(let e):
            return .returned(try e.map { e throws(LangError) in try eval(e, scope) } ?? .none)
        case .assert(let test, let message):
            var sides: (Value, Value)?
            let v = try eval(test, scope, sides: &sides)
            if !(try truthy(v, test.position)) {
                var text = "AssertionError"
                if let message {
                    let m = try eval(message, scope)
                    text += ": " + str(m)
                    try checkDisplay(at: message.position)
                }
                let hint = sides.map { "left side is \(repr($0.0)), right side is \(repr($0.1))" }
                throw LangError(text, at: stmt.position, hint: hint)
            }
        case .import(let modules):
            for (module, alias) in modules {
                let m = try at(stmt.position) { () throws(Failure) in try Library.module(module, self) }
                if let alias {
                    set(Name(alias), m, scope)
                } else {
                    // `import keras.layers` binds `keras`, as Python does.
                    let top = String(module.split(separator: ".")[0])
                    set(Name(top), try at(stmt.position) { () throws(Failure) in try Library.module(top, self) }, scope)
                }
            }
        case .fromImport(let module, let names):
            let m = try at(stmt.position) { () throws(Failure) in try Library.module(module, self) }
            guard case .module(let mod) = m else { break }
            for (name, alias) in names {
                if name == "*" {
                    for (k, v) in mod.members { set(Name(k), v, scope) }
                    continue
                }
                var value = mod.members[name]
                if value == nil, let sub = try? Library.module(module + "." + name, self) { value = sub }
                guard let value else {
                    throw LangError(
                        "ImportError: cannot import name '\(name)' from '\(module)'", at: stmt.position,
                        hint: closestName(to: name, in: Array(mod.members.keys)).map { "did you mean '\($0)'?" })
                }
                set(Name(alias ?? name), value, scope)
            }
        case .del(let targets):
            for t in targets {
                switch t.kind {
                case .name(let n):
                    guard scope.own(n) != nil else { throw LangError("NameError: name '\(n.text)' is not defined", at: t.position) }
                    scope.remove(n)
                case .attribute(let objExpr, let name):
                    let obj = try eval(objExpr, scope)
                    guard case .instance(let i) = obj, i.attributes.removeValue(forKey: name) != nil else {
                        throw LangError("AttributeError: '\(obj.typeName)' object has no attribute '\(name)'", at: t.position)
                    }
                case .subscript(let base, let items):
                    let b = try eval(base, scope)
                    if case .dict(let d) = b, case .index(let k) = items.first {
                        let key = try eval(k, scope)
                        guard d.remove(key) else {
                            throw LangError("KeyError: \(repr(key))", at: t.position, exception: builtinException("KeyError", [key]))
                        }
                    } else if case .instance(let i) = b, case .index(let k) = items.first {
                        let key = try eval(k, scope)
                        try at(t.position) { () throws(Failure) in
                            guard let m = try instanceAttribute(i, "__delitem__") else {
                                throw Failure("TypeError: '\(i.cls.name)' object doesn't support item deletion")
                            }
                            _ = try callValue(m, [key])
                        }
                    } else if case .object(let o) = b, case .index(let k) = items.first {
                        let key = try eval(k, scope)
                        try at(t.position) { () throws(Failure) in
                            guard let m = try o.attribute("__delitem__", self) else {
                                throw Failure("TypeError: '\(o.typeName)' object doesn't support item deletion")
                            }
                            _ = try callValue(m, [key])
                        }
                    } else if case .list(let l) = b, case .index(let k) = items.first {
                        let key = try eval(k, scope)
                        let i = try at(t.position) { () throws(Failure) in try key.asInt("index") }
                        let j = i < 0 ? i + l.items.count : i
                        guard j >= 0, j < l.items.count else {
                            throw LangError("IndexError: list assignment index out of range", at: t.position)
                        }
                        l.items.remove(at: j)
                    }
                default: throw LangError("SyntaxError: cannot delete this expression", at: t.position)
                }
            }
        case .global(let names):
            scope.globals.formUnion(names.map { Name($0).id })
        }
        return .normal
    }

    /// `target op= rhs` once both sides are known: arrays, lists and instances may change in
    /// place; everything else gets the operator's result assigned.
    /// CPython names the augmented operator in a type error: "unsupported operand type(s) for +=".
    static func augmentedWording(_ error: LangError, _ op: String) -> LangError {
        var renamed = error
        renamed.message = error.message.replacingOccurrences(
            of: "unsupported operand type(s) for \(op):", with: "unsupported operand type(s) for \(op)=:")
        return renamed
    }

    func augment(_ target: Expr, _ op: String, _ current: Value, _ rhs: Value, _ scope: Scope, at position: Position)
        throws(LangError)
    {
        let result: Value
        if case .tensor(let t) = current, case .name = target.kind {
            // In place: every name bound to the array sees the change.
            try at(position) { () throws(Failure) in try inPlace(op, t, rhs) }
            return
        } else if case .list(let box) = current, op == "+" {
            box.extend(try at(position) { () throws(Failure) in try iterate(rhs) })
            result = current
        } else if case .set(let box) = current, !box.kind.isFrozen, case .set(let other) = rhs, ["|", "&", "-", "^"].contains(op) {
            // In place, as CPython's set: every name bound to the set sees the change.
            guard case .set(let combined) = try at(position, { () throws(Failure) in try setOperation(op, box, other) }) else { return }
            let items = combined.keys
            box.removeAll()
            for item in items { try at(position) { () throws(Failure) in try box.set(item, .none) } }
            result = current
        } else if case .instance = current, let r = try at(position, { () throws(Failure) in try inPlaceMethod(op, current, rhs) }) {
            result = r
        } else {
            do throws(LangError) {
                result = try at(position) { () throws(Failure) in try binary(op, current, rhs) }
            } catch { throw Interpreter.augmentedWording(error, op) }
        }
        try assign(target, result, scope)
    }

    /// Runs a `def`: evaluates the defaults, makes the function and binds its decorated value.
    /// `compiled` is the def prepared at its definition site; without it the body is compiled
    /// on the first call.
    func define(_ def: FunctionDef, _ scope: Scope, compiled: CompiledFunction?) throws(LangError) {
        let defaults = try def.parameters.map { p throws(LangError) in
            try p.defaultValue.map { e throws(LangError) in try eval(e, scope) }
        }
        let f = Function(
            name: def.name, parameters: def.parameters, defaults: defaults, body: .statements(def.body), closure: scope.functionClosure)
        f.isGenerator = def.isGenerator
        f.block = blockNumber
        f.slotIDs = compiled?.slots ?? Interpreter.slotNames(def).map { Name($0).id }
        f.locals = compiled?.locals ?? Set(f.slotIDs)
        f.compiled = compiled?.body
        set(Name(def.name), try decorate(.function(f), def.decorators, scope), scope)
    }

    func execBlock(_ body: [Stmt], _ scope: Scope) throws(LangError) -> Flow {
        for s in body {
            let flow = try exec(s, scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    /// Evaluates an assert's test once, keeping the two sides of a single comparison
    /// (`assert a == b`) for the failure's hint.
    private func eval(_ test: Expr, _ scope: Scope, sides: inout (Value, Value)?) throws(LangError) -> Value {
        guard case .compare(let left, let rest) = test.kind, rest.count == 1 else { return try eval(test, scope) }
        let l = try eval(left, scope)
        let r = try eval(rest[0].1, scope)
        sides = (l, r)
        return try at(test.position) { () throws(Failure) in try compare(rest[0].0, l, r) }
    }

    /// Applies decorators, the one nearest the definition first.
    private func decorate(_ value: Value, _ decorators: [Expr], _ scope: Scope) throws(LangError) -> Value {
        var v = value
        for d in decorators.reversed() { v = try call(try eval(d, scope), [v], [], at: d.position) }
        return v
    }

    /// Runs a class body in its own namespace and makes the class from what it bound.
    private func defineClass(_ def: ClassDef, _ scope: Scope, at position: Position) throws(LangError) -> Value {
        var base = builtinType("object")
        if let b = def.base {
            let baseValue = try eval(b, scope)
            if case .builtin(let library) = baseValue {
                throw LangError(
                    "NotImplementedError: Lectern does not support subclassing the library class '\(library.name)'", at: b.position,
                    hint: "wrap it instead: keep one in an attribute and call it from your own class")
            }
            guard case .type(let c) = baseValue else { throw LangError("TypeError: a base class must be a class", at: b.position) }
            if c.constructor != nil {
                throw LangError(
                    "NotImplementedError: Lectern does not support subclassing the builtin type '\(c.name)'", at: b.position,
                    hint: "derive from object (or an exception class) and keep the value in an attribute")
            }
            base = c
        }
        let body = Scope(parent: scope)
        body.isClassBody = true
        if case .expression(let e) = def.body.first?.kind, case .string(let doc) = e.kind { body.set(Name("__doc__"), .str(doc)) }
        _ = try execBlock(def.body, body)
        let c = PyClass(name: def.name, base: base, attributes: body.localBindings, isUserDefined: true)
        c.interpreter = self
        for v in c.attributes.values {
            if case .function(let f) = v { f.owner = c }
            if case .object(let d as Descriptor) = v {
                for case .function(let f) in d.functions { f.owner = c }
            }
        }
        return .type(c)
    }

    func set(_ name: Name, _ value: Value, _ scope: Scope) {
        var v = value
        if !gradTargets.isEmpty && gradTargets.contains(name.id) {
            // A differentiated-with-respect-to name starts a fresh leaf on every assignment, so
            // `w = w - lr * dw` does not chain every step's graph onto the next.
            switch value {
            case .tensor(let t): v = .tensor(Variable.leaf(t.value))
            case .float(let d): v = .tensor(Variable.leaf(Tensor(d)))
            case .int(let i): v = .tensor(Variable.leaf(Tensor(Double(i))))
            default: break
            }
        }
        if !scope.globals.isEmpty && scope.globals.contains(name.id) {
            globals.set(name, v)
        } else if !scope.nonlocals.isEmpty && scope.nonlocals.contains(name.id) {
            var outer = scope.parent
            while let s = outer, s.own(name) == nil { outer = s.parent }
            (outer ?? scope).set(name, v)
        } else {
            scope.set(name, v)
        }
    }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws(LangError) {
        switch target.kind {
        case .name(let n):
            set(n, value, scope)
        case .tuple(let targets), .list(let targets):
            let items = try at(target.position) { () throws(Failure) in
                do throws(Failure) { return try iterate(value) } catch {
                    guard error.message.hasSuffix("is not iterable") else { throw error }
                    throw Failure("TypeError: cannot unpack non-iterable \(value.typeName) object")
                }
            }
            if let star = targets.firstIndex(where: { if case .starred = $0.kind { true } else { false } }) {
                let after = targets.count - star - 1
                guard items.count >= targets.count - 1 else {
                    throw LangError(
                        "ValueError: not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))",
                        at: target.position)
                }
                for i in 0..<star { try assign(targets[i], items[i], scope) }
                if case .starred(let inner) = targets[star].kind {
                    try assign(inner, .list(ListBox(Array(items[star..<(items.count - after)]))), scope)
                }
                for i in 0..<after { try assign(targets[star + 1 + i], items[items.count - after + i], scope) }
                return
            }
            guard items.count == targets.count else {
                let message =
                    items.count > targets.count
                    ? "ValueError: too many values to unpack (expected \(targets.count))"
                    : "ValueError: not enough values to unpack (expected \(targets.count), got \(items.count))"
                throw LangError(message, at: target.position)
            }
            for (t, v) in zip(targets, items) { try assign(t, v, scope) }
        case .subscript(let baseExpr, let items):
            let base = try eval(baseExpr, scope)
            let keys = try evalSlices(items, scope)
            // Tensors are values: write the updated tensor back to where it came from — a name,
            // or for `a[1][0] = v` the row `a[1]`, which in turn writes back into `a`.
            if let updated = try at(target.position, { () throws(Failure) in try setItem(base, keys, value) }) {
                try assign(baseExpr, updated, scope)
            }
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            try at(target.position) { () throws(Failure) in try setAttribute(obj, name, value) }
        default:
            throw LangError("SyntaxError: cannot assign to expression", at: target.position)
        }
    }

    /// Runs a builtin-level operation and stamps its failure with a source position.
    func at<T>(_ position: Position, _ body: () throws(Failure) -> T) throws(LangError) -> T {
        do { return try body() } catch { throw LangError(error.message, at: position, hint: error.hint, exception: error.exception) }
    }
}
