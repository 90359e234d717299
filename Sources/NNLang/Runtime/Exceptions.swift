// MARK: - Python's exceptions: the class hierarchy, raising and catching

extension Interpreter {
    /// Python's builtin exception classes, each under its base.
    static let exceptionHierarchy: [(String, String?)] = [
        ("BaseException", nil), ("Exception", "BaseException"), ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"), ("SystemExit", "BaseException"),
        ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
        ("FloatingPointError", "ArithmeticError"), ("LookupError", "Exception"), ("IndexError", "LookupError"),
        ("KeyError", "LookupError"), ("ValueError", "Exception"), ("UnicodeError", "ValueError"), ("TypeError", "Exception"),
        ("NameError", "Exception"), ("UnboundLocalError", "NameError"), ("AttributeError", "Exception"),
        ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("StopIteration", "Exception"), ("AssertionError", "Exception"), ("ImportError", "Exception"),
        ("ModuleNotFoundError", "ImportError"), ("MemoryError", "Exception"), ("OSError", "Exception"),
        ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"), ("TimeoutError", "OSError"),
        ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("Warning", "Exception"),
        ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"), ("RuntimeWarning", "Warning"),
    ]

    /// Makes the exception classes; each gets an `__init__` that stores its arguments.
    func makeExceptionClasses() -> [String: PyClass] {
        let initializer = Value.builtin(
            Builtin("__init__") { args throws(Failure) in
                guard case .instance(let i)? = args.positional.first else { throw Failure("TypeError: __init__() needs an exception") }
                i.attributes["args"] = .tuple(Array(args.positional.dropFirst()))
                return .none
            })
        var classes: [String: PyClass] = [:]
        for (name, base) in Interpreter.exceptionHierarchy {
            let c = PyClass(name: name, base: base.map { classes[$0]! } ?? builtinType("object"), attributes: ["__init__": initializer])
            c.interpreter = self
            classes[name] = c
        }
        return classes
    }

    /// The exception object of an error; nil for errors a program cannot catch (the block's
    /// time limit).
    func exceptionObject(_ error: LangError) -> Instance? {
        if let box = error.exception { return box.value as? Instance }
        if error.message == Interpreter.timeoutMessage { return nil }
        // A builtin's error: "TypeError: unsupported operand …" becomes a TypeError.
        let text = error.message
        let colon = text.firstIndex(of: ":")
        let name = String(colon.map { text[..<$0] } ?? text[...])
        let cls = exceptionClasses[name] ?? exceptionClasses["RuntimeError"]!
        var message = text
        if exceptionClasses[name] != nil, let colon {
            let rest = text[text.index(after: colon)...]
            message = String(rest.first == " " ? rest.dropFirst() : rest)
        } else if exceptionClasses[name] != nil {
            message = ""
        }
        let instance = Instance(cls)
        instance.attributes["args"] = .tuple(message.isEmpty ? [] : [.str(message)])
        instance.message = message
        return instance
    }

    /// A builtin exception with its arguments, for errors whose arguments are values (a
    /// KeyError's key) rather than the message text.
    func builtinException(_ name: String, _ args: [Value]) -> ExceptionBox {
        let i = Instance(exceptionClasses[name]!)
        i.attributes["args"] = .tuple(args)
        return ExceptionBox(i)
    }

    /// The StopIteration that ends an iterator; a generator's return value is its `value`.
    func stopIteration(_ value: Value) -> Failure {
        Failure(
            value.isNone ? "StopIteration" : "StopIteration: \(str(value))",
            exception: builtinException("StopIteration", value.isNone ? [] : [value]))
    }

    /// `str(e)` of an exception: its message (a single argument as text, several as a tuple).
    func exceptionText(_ i: Instance) -> String {
        if let m = i.message { return m }
        guard case .tuple(let args)? = i.attributes["args"] else { return "" }
        switch args.count {
        case 0: return ""
        case 1: return i.cls.isSubclass(of: exceptionClasses["KeyError"]!) ? pythonRepr(args[0]) : str(args[0])
        default: return pythonRepr(.tuple(args))
        }
    }

    /// The error that reports an exception object: `ValueError: message` at `position`.
    func raising(_ exception: Instance, at position: Position) -> LangError {
        let text = str(.instance(exception))
        return LangError(
            text.isEmpty ? exception.cls.name : "\(exception.cls.name): \(text)", at: position,
            exception: ExceptionBox(exception))
    }

    /// `raise`, `raise X`, `raise X(…) from Y`.
    func raiseStatement(_ expr: Expr?, cause: Expr?, _ scope: Scope, at position: Position) throws(LangError) -> Never {
        guard let expr else {
            guard let current = handling.last else { throw LangError("RuntimeError: No active exception to reraise", at: position) }
            throw raising(current, at: position)
        }
        let exception = try exceptionInstance(try eval(expr, scope), at: expr.position)
        if let cause {
            let c = try eval(cause, scope)
            exception.attributes["__cause__"] = c.isNone ? .none : .instance(try exceptionInstance(c, at: cause.position))
        }
        throw raising(exception, at: position)
    }

    /// An exception object from a raised value: an instance, or a class called with no arguments.
    private func exceptionInstance(_ v: Value, at position: Position) throws(LangError) -> Instance {
        switch v {
        case .instance(let i) where i.cls.isException: return i
        case .type(let c) where c.isException:
            if case .instance(let i) = try instantiate(c, [], [], at: position) { return i }
        default: break
        }
        throw LangError("TypeError: exceptions must derive from BaseException", at: position)
    }

    /// Runs `try` with its handlers, `else` and `finally`.
    func tryStatement(_ body: [Stmt], _ handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt]?, _ scope: Scope) throws(LangError)
        -> Flow
    {
        var result: Result<Flow, LangError>
        var completed = false
        do throws(LangError) {
            result = .success(try execBlock(body, scope))
            completed = true
        } catch {
            result = .failure(error)
            if let exception = exceptionObject(error) {
                do throws(LangError) {
                    if let handler = try matchingHandler(handlers, exception, scope) {
                        result = .success(try handle(handler, exception, scope))
                    }
                } catch {
                    result = .failure(error)
                }
            }
        }
        // `else` runs when the body finished normally; its errors are not the handlers' to catch.
        if completed, case .success(.normal) = result, !orElse.isEmpty {
            do throws(LangError) { result = .success(try execBlock(orElse, scope)) } catch { result = .failure(error) }
        }
        if let finally {
            let flow = try execBlock(finally, scope)
            // `return`/`break` in `finally` replaces whatever was pending, as in Python.
            if case .normal = flow {} else { return flow }
        }
        return try result.get()
    }

    private func matchingHandler(_ handlers: [ExceptHandler], _ exception: Instance, _ scope: Scope) throws(LangError) -> ExceptHandler? {
        for h in handlers {
            guard let typeExpr = h.type else { return h }
            let type = try eval(typeExpr, scope)
            let matches = try at(typeExpr.position) { () throws(Failure) in
                guard case .type = type else {
                    guard case .tuple = type else {
                        throw Failure("TypeError: catching classes that do not inherit from BaseException is not allowed")
                    }
                    return try isInstance(.instance(exception), type)
                }
                return try isInstance(.instance(exception), type)
            }
            if matches { return h }
        }
        return nil
    }

    private func handle(_ h: ExceptHandler, _ exception: Instance, _ scope: Scope) throws(LangError) -> Flow {
        if let name = h.name { set(Name(name), .instance(exception), scope) }
        handling.append(exception)
        defer {
            handling.removeLast()
            // Python unbinds the name after the handler.
            if let name = h.name { scope.remove(Name(name)) }
        }
        return try execBlock(h.body, scope)
    }

    /// `with a as x, b:` — `__enter__` in order, `__exit__` in reverse, an exception passed
    /// to `__exit__`, which suppresses it by returning a true value.
    func withStatement(_ items: ArraySlice<(Expr, Expr?)>, _ body: [Stmt], _ scope: Scope, at position: Position) throws(LangError) -> Flow
    {
        guard let (managerExpr, target) = items.first else { return try execBlock(body, scope) }
        let manager = try eval(managerExpr, scope)
        let (enter, exit) = try at(managerExpr.position) { () throws(Failure) in
            guard let enter = try? attribute(manager, "__enter__"), let exit = try? attribute(manager, "__exit__") else {
                throw Failure("TypeError: '\(manager.typeName)' object does not support the context manager protocol")
            }
            return (enter, exit)
        }
        let entered = try call(enter, [], [], at: managerExpr.position)
        if let target { try assign(target, entered, scope) }
        let flow: Flow
        do throws(LangError) {
            flow = try withStatement(items.dropFirst(), body, scope, at: position)
        } catch {
            guard let exception = exceptionObject(error) else { throw error }
            let suppress = try call(exit, [.type(exception.cls), .instance(exception), .none], [], at: position)
            if try truthy(suppress, position) { return .normal }
            throw error
        }
        _ = try call(exit, [.none, .none, .none], [], at: position)
        return flow
    }
}
