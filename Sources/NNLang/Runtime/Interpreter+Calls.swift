// MARK: - Calls: callables, binding arguments to parameters

extension Interpreter {
    /// Nested user-function calls allowed before RecursionError, as CPython's default limit
    /// (the main thread's 256 MiB stack holds 1,500 levels of a debug build's frames).
    static let maxDepth = 1000

    /// Python's binding rules: positional parameters in order, `*args` takes the rest,
    /// keywords by name, `**kwargs` takes unknown keywords, then defaults.
    func bindArguments(_ f: Function, _ positional: [Value], _ keywords: [(String, Value)], _ scope: Scope, at position: Position)
        throws(LangError)
    {
        let params = f.parameters
        if keywords.isEmpty && positional.count == params.count && f.isPlain {
            // A def's parameters are its first slots (`Interpreter.slotNames`).
            if f.slotIDs.count >= params.count {
                for (i, v) in positional.enumerated() { scope.setSlot(i, v) }
            } else {
                for (p, v) in zip(params, positional) { scope.set(p.symbol, v) }
            }
            return
        }
        var bound = [Bool](repeating: false, count: params.count)
        var next = 0
        var positionalCount = 0
        for (i, p) in params.enumerated() {
            switch p.kind {
            case .positional, .positionalOnly:
                positionalCount += 1
                if next < positional.count {
                    scope.set(p.symbol, positional[next])
                    next += 1
                    bound[i] = true
                }
            case .variadic:
                scope.set(p.symbol, .tuple(Array(positional[min(next, positional.count)...])))
                next = positional.count
                bound[i] = true
            default: break
            }
        }
        if next < positional.count {
            throw LangError(
                "TypeError: \(f.qualifiedName)() takes \(positionalCount) positional argument\(positionalCount == 1 ? "" : "s") but \(positional.count) \(positional.count == 1 ? "was" : "were") given",
                at: position)
        }
        var extra: DictBox?
        if params.contains(where: { $0.kind == .keywords }) { extra = DictBox() }
        for (k, v) in keywords {
            if let i = params.firstIndex(where: { $0.name == k && ($0.kind == .positional || $0.kind == .keywordOnly) }) {
                if bound[i] { throw LangError("TypeError: \(f.qualifiedName)() got multiple values for argument '\(k)'", at: position) }
                scope.set(params[i].symbol, v)
                bound[i] = true
            } else if let extra {
                try at(position) { () throws(Failure) in try extra.set(.str(k), v) }
            } else if params.contains(where: { $0.name == k && $0.kind == .positionalOnly }) {
                throw LangError(
                    "TypeError: \(f.qualifiedName)() got some positional-only arguments passed as keyword arguments: '\(k)'", at: position)
            } else {
                throw LangError(
                    "TypeError: \(f.qualifiedName)() got an unexpected keyword argument '\(k)'", at: position,
                    hint: "valid keywords: "
                        + params.filter { $0.kind == .positional || $0.kind == .keywordOnly }.map(\.name).joined(separator: ", "))
            }
        }
        var missing: [Parameter] = []
        for (i, p) in params.enumerated() where !bound[i] {
            if p.kind == .keywords {
                scope.set(p.symbol, .dict(extra ?? DictBox()))
            } else if let d = f.defaults[i] {
                scope.set(p.symbol, d)
            } else {
                missing.append(p)
            }
        }
        if let first = missing.first {
            // CPython names the positional ones first, then the keyword-only ones.
            let group = missing.filter { $0.kind == first.kind }.map { "'\($0.name)'" }
            let list = group.count == 1 ? group[0] : group.dropLast().joined(separator: ", ") + " and " + group.last!
            let kind = first.kind == .keywordOnly ? "keyword-only" : "positional"
            throw LangError(
                "TypeError: \(f.qualifiedName)() missing \(group.count) required \(kind) argument\(group.count == 1 ? "" : "s"): \(list)",
                at: position)
        }
    }

    /// `f.__name__` and `f.__doc__` (the body's leading string).
    func functionAttribute(_ f: Function, _ name: String) -> Value? {
        switch name {
        case "__name__": return .str(f.name)
        case "__qualname__": return .str(f.qualifiedName)
        case "__doc__":
            if case .statements(let body) = f.body, case .expression(let e)? = body.first?.kind, case .string(let doc) = e.kind {
                return .str(doc)
            }
            return .none
        default: return nil
        }
    }

    /// `super()` in a method: the method's class and its first argument.
    func superObject() throws(Failure) -> Value {
        guard let (f, scope) = currentCall, let owner = f.owner, let first = f.parameters.first, let receiver = scope.own(first.symbol)
        else {
            throw Failure("RuntimeError: super(): no arguments", hint: "call super() inside a method of a class")
        }
        return .object(SuperProxy(start: owner.base, receiver: receiver))
    }

    func call(_ callee: Value, _ positional: [Value], _ keywords: [(String, Value)], at position: Position) throws(LangError) -> Value {
        try tick(position)
        switch callee {
        case .builtin(let b):
            var args = Arguments(function: b.name, positional: positional, keywords: keywords, interpreter: self)
            let result: Value
            do throws(LangError) { result = try at(position) { () throws(Failure) in try b.call(&args) } } catch {
                // A failing `__repr__` met on the way is superseded by the builtin's own error.
                displayFailure = nil
                throw error
            }
            if displayFailure != nil { try checkDisplay(at: position) }
            return result
        case .function(let f):
            return try callFunction(f, positional, keywords, at: position)
        case .method(let m):
            return try call(m.function, [m.receiver] + positional, keywords, at: position)
        case .type(let c):
            return try instantiate(c, positional, keywords, at: position)
        case .instance(let i):
            guard let method = try at(position, { () throws(Failure) in try instanceAttribute(i, "__call__") }) else {
                throw LangError("TypeError: '\(i.cls.name)' object is not callable", at: position)
            }
            return try call(method, positional, keywords, at: position)
        case .object(let o):
            if let c = try at(position, { () throws(Failure) in try o.attribute("__call__", self) }) {
                return try call(c, positional, keywords, at: position)
            }
            throw LangError("TypeError: '\(o.typeName)' object is not callable", at: position)
        default:
            throw LangError("TypeError: '\(callee.typeName)' object is not callable", at: position)
        }
    }

    func callFunction(_ f: Function, _ positional: [Value], _ keywords: [(String, Value)], at position: Position) throws(LangError) -> Value
    {
        depth += 1
        defer { depth -= 1 }
        guard depth < depthLimit else {
            throw LangError("RecursionError: maximum recursion depth exceeded in '\(f.name)'", at: position)
        }
        let scope = Scope(parent: f.closure, slots: f.slotIDs, declaredLocals: f.locals)
        try bindArguments(f, positional, keywords, scope, at: position)
        return try run(f, in: scope, at: position)
    }

    /// The frame of a call the compiler binds itself: a function of plain positional
    /// parameters given exactly that many arguments, which go straight into its first slots
    /// (no argument array, no binder). nil when the callee is anything else.
    static func plainFrame(_ f: Function, arguments count: Int) -> Scope? {
        guard count == f.parameters.count, f.slotIDs.count >= count, f.isPlain else { return nil }
        return f.spareFrames.popLast() ?? Scope(parent: f.closure, slots: f.slotIDs, declaredLocals: f.locals)
    }

    /// Runs a call whose frame `plainFrame` made and the caller filled. A frame nothing kept
    /// (no closure, generator or `super()` proxy captured it) is emptied and kept for the
    /// function's next call: a call then allocates nothing for its locals.
    func callPlain(_ f: Function, frame: consuming Scope, at position: Position) throws(LangError) -> Value {
        try tick(position)
        depth += 1
        defer { depth -= 1 }
        guard depth < depthLimit else {
            throw LangError("RecursionError: maximum recursion depth exceeded in '\(f.name)'", at: position)
        }
        var frame = frame
        let result: Value
        do throws(LangError) { result = try run(f, in: frame, at: position) } catch {
            Interpreter.recycle(&frame, of: f)
            throw error
        }
        Interpreter.recycle(&frame, of: f)
        return result
    }

    private static func recycle(_ frame: inout Scope, of f: Function) {
        guard f.spareFrames.count < 8, isKnownUniquelyReferenced(&frame), frame.clearForReuse(slotCount: f.slotIDs.count) else { return }
        f.spareFrames.append(frame)
    }

    /// A function's body in its bound frame (or the generator it makes).
    private func run(_ f: Function, in scope: Scope, at position: Position) throws(LangError) -> Value {
        if f.isGenerator { return makeGenerator(f, scope) }
        let saved = currentCall
        currentCall = (f, scope)
        defer { currentCall = saved }
        do throws(LangError) {
            switch f.body {
            case .expression(let e):
                // Stored only once: storing the closure back on every call would wrap it in
                // one more conversion thunk each time (calls grew slower with every call).
                if f.compiledExpression == nil { f.compiledExpression = compile(e) }
                return try f.compiledExpression!(scope)
            case .statements(let body):
                if f.compiled == nil { f.compiled = compileBody(body, slots: f.slotIDs) }
                if case .returned(let v) = try f.compiled!(scope) { return v }
                return .none
            }
        } catch {
            guard f.block != blockNumber else { throw error }
            // The function's lines belong to an earlier block: report at this block's call.
            var moved = error
            moved.position = position
            moved.hint = error.hint ?? "raised inside \(f.name)(), defined in an earlier block"
            throw moved
        }
    }

    /// Calls a language value from Swift (used by `plot`, `map`, `sorted(key=)`…).
    func callValue(_ f: Value, _ args: [Value], _ keywords: [(String, Value)] = []) throws(Failure) -> Value {
        do { return try call(f, args, keywords, at: Position(line: 0, column: 0)) } catch {
            throw Failure(error.message, hint: error.hint, exception: error.exception)
        }
    }
}
