import BigInt
import Dispatch
import Engine
import Notebook

/// Runs statements of one document in one environment, like one notebook kernel.
public final class Interpreter {
    public let context: Context
    public let format: NumberFormat
    let globals: Scope
    /// Names that `grad(·, name)` differentiates with respect to anywhere in the document:
    /// a value assigned to one of them becomes a new leaf of the autodiff graph.
    var gradTargets: Set<Int> = []
    /// What builtins emitted while running (prints, summaries, training logs), in order.
    var emitted: [Output] = []
    private var printed = ""
    let files: FileAccess
    /// Modules imported so far, by dotted name.
    var modules: [String: Value] = [:]
    /// pyplot's open figures and current figure.
    let pyplot = PyplotState()
    /// Where long `fit` calls report their epochs while they run (a terminal), if anywhere.
    /// Never part of the rendered output.
    public var trainingProgress: (@Sendable (String) -> Void)?
    private var deadline: DispatchTime = .distantFuture
    private var ticks = 0
    /// How many user-function calls are running (on the current thread: generators swap it).
    var depth = 0
    /// Python's builtin exception classes by name.
    var exceptionClasses: [String: PyClass] = [:]
    /// The builtin types (`int`, `list`, …) by type name, made on first use.
    var builtinTypes: [String: PyClass] = [:]
    /// The exceptions whose `except` blocks are running, innermost last (for a bare `raise`).
    var handling: [Instance] = []
    /// The generator whose body is running, if any (where `yield` hands its value).
    var activeGenerator: GeneratorChannel?
    /// Generators started and not yet finished (each holds a thread).
    var liveGenerators = 0
    /// The innermost running user function and its locals, for `super()`.
    var currentCall: (function: Function, scope: Scope)?
    /// A failure inside a `__str__`/`__repr__` met while showing a value, raised afterwards.
    var displayFailure: Failure?

    /// Tensors larger than this many elements are refused (8 bytes each), as in the engine.
    public static let maxElements = Tensor.maxElements

    public init(seed: UInt32, format: NumberFormat, files: FileAccess) {
        context = Context(seed: seed)
        self.format = format
        self.files = files
        let prelude = Scope(parent: nil, module: true)
        globals = Scope(parent: prelude, module: true)
        exceptionClasses = makeExceptionClasses()
        for (name, value) in Library.prelude(self) { prelude.set(Name(name), value) }
    }

    /// Releases the document's values; the interpreter cannot run anything afterwards.
    public func finish() {
        modules = [:]
        handling = []
        globals.removeAll()
        globals.parent?.removeAll()
    }

    /// Reads every block of the document once before running, to learn the names that
    /// `grad` differentiates with respect to.
    public func prepare(_ blocks: [[Stmt]]) {
        gradTargets = Set(GradTargets.names(in: blocks).map { Name($0).id })
    }

    // MARK: Running blocks

    enum Flow {
        case normal, breakLoop, continueLoop
        case returned(Value)
    }

    /// Runs a block's statements; displays top-level expression values.
    public func run(_ statements: [Stmt], timeout: Double) -> (outputs: [Output], error: LangError?) {
        deadline = timeout > 0 ? .now() + timeout : .distantFuture
        emitted = []
        printed = ""
        var failure: LangError?
        do throws(LangError) {
            for s in statements {
                if case .expression(let e) = s.kind {
                    let calls = pyplot.calls
                    let v = try eval(e, globals)
                    if !v.isNone && !pyplot.isQuiet(e, since: calls) {
                        let shown = display(v)
                        try checkDisplay(at: e.position)
                        flushPrinted()
                        emitted.append(shown)
                    }
                } else {
                    _ = try exec(s, globals)
                }
            }
        } catch {
            failure = error
        }
        // Figures not shown yet appear at the end of the block, as in Jupyter's inline backend.
        pyplot.show(self)
        flushPrinted()
        let out = emitted
        emitted = []
        return (out, failure)
    }

    /// Evaluates an inline `{nn} EXPR` value.
    public func evaluateInline(_ expression: Expr) -> Result<Value, LangError> {
        deadline = .now() + 10
        do throws(LangError) { return .success(try eval(expression, globals)) } catch { return .failure(error) }
    }

    /// Adds printed text, unless a `__repr__`/`__str__` failed while making it (the failure
    /// is raised instead, and nothing is printed, as in Python).
    func write(_ text: String) {
        guard displayFailure == nil else { return }
        printed += text
    }

    func emit(_ output: Output) {
        flushPrinted()
        emitted.append(output)
    }

    private func flushPrinted() {
        guard !printed.isEmpty else { return }
        var text = printed
        if text.hasSuffix("\n") { text.removeLast() }
        emitted.append(.text(text))
        printed = ""
    }

    /// When the running block must stop; long engine work (training) checks it between steps.
    var deadlineValue: DispatchTime { deadline }

    static let timeoutMessage = "TimeoutError: the block ran past its time limit"
    static let timeoutHint = "raise it with --timeout SECONDS, or make the loop shorter"

    private func tick(_ position: Position) throws(LangError) {
        ticks &+= 1
        if ticks & 1023 == 0 && DispatchTime.now() > deadline {
            throw LangError(Interpreter.timeoutMessage, at: position, hint: Interpreter.timeoutHint)
        }
    }

    // MARK: Statements

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
            let rhs = try eval(valueExpr, scope)
            let result: Value
            if case .list(let box) = current, op == "+" {
                box.items += try at(stmt.position) { () throws(Failure) in try iterate(rhs) }
                result = current
            } else if case .instance = current, let r = try at(stmt.position, { () throws(Failure) in try inPlaceMethod(op, current, rhs) })
            {
                result = r
            } else {
                result = try at(stmt.position) { () throws(Failure) in try binary(op, current, rhs) }
            }
            try assign(target, result, scope)
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
            let defaults = try def.parameters.map { p throws(LangError) in
                try p.defaultValue.map { e throws(LangError) in try eval(e, scope) }
            }
            let f = Function(
                name: def.name, parameters: def.parameters, defaults: defaults, body: .statements(def.body), closure: scope.functionClosure)
            f.isGenerator = def.isGenerator
            set(Name(def.name), try decorate(.function(f), def.decorators, scope), scope)
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
            guard case .type(let c) = try eval(b, scope) else { throw LangError("TypeError: a base class must be a class", at: b.position) }
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
            let items = try at(target.position) { () throws(Failure) in try iterate(value) }
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

    // MARK: Expressions

    func eval(_ expr: Expr, _ scope: Scope) throws(LangError) -> Value {
        switch expr.kind {
        case .int(let v): return .int(v)
        case .bigInt(let digits): return .integer(BigInt(digits) ?? 0)
        case .float(let v): return .float(v)
        case .string(let s): return .str(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .fstring(let parts):
            var out = ""
            for part in parts {
                switch part {
                case .literal(let s): out += s
                case .expression(let e, let conversion, let spec):
                    let v = try eval(e, scope)
                    let fullSpec = spec.contains("{") ? try expandSpec(spec, scope, at: e.position) : spec
                    out += try at(e.position) { () throws(Failure) in try formatValue(try convert(v, conversion), spec: fullSpec) }
                    try checkDisplay(at: e.position)
                }
            }
            return .str(out)
        case .name(let n):
            if let v = scope.lookup(n) { return v }
            let hint = closestName(to: n.text, in: scope.visibleNames.filter { !$0.hasPrefix("_") }).map { "did you mean '\($0)'?" }
            throw LangError("NameError: name '\(n.text)' is not defined", at: expr.position, hint: hint)
        case .list(let items):
            return .list(ListBox(try evalItems(items, scope)))
        case .tuple(let items):
            return .tuple(try evalItems(items, scope))
        case .dict(let pairs):
            let d = DictBox()
            for (k, v) in pairs {
                guard let k else {
                    let m = try eval(v, scope)
                    try at(v.position) { () throws(Failure) in
                        guard case .dict(let other) = m else { throw Failure("TypeError: '\(m.typeName)' object is not a mapping") }
                        for (key, value) in zip(other.keys, other.values) { try d.set(key, value) }
                    }
                    continue
                }
                let key = try eval(k, scope)
                let value = try eval(v, scope)
                try at(k.position) { () throws(Failure) in try d.set(key, value) }
            }
            return .dict(d)
        case .set(let items):
            let values = try evalItems(items, scope)
            return try at(expr.position) { () throws(Failure) in try makeSet(values) }
        case .yield(let e):
            return try yieldValue(try e.map { e throws(LangError) in try eval(e, scope) } ?? .none, at: expr.position)
        case .yieldFrom(let e):
            return try yieldFrom(try eval(e, scope), at: expr.position)
        case .unary(let op, let operand):
            let v = try eval(operand, scope)
            return try at(expr.position) { () throws(Failure) in try unary(op, v) }
        case .binary(let op, let l, let r):
            if case .binary = l.kind { return try evalChain(expr, scope) }
            let a = try eval(l, scope)
            let b = try eval(r, scope)
            return try at(expr.position) { () throws(Failure) in try binary(op, a, b) }
        case .compare(let first, let rest):
            var left = try eval(first, scope)
            var result: Value = .bool(true)
            for (op, e) in rest {
                let right = try eval(e, scope)
                result = try at(expr.position) { () throws(Failure) in try compare(op, left, right) }
                if rest.count > 1, !(try truthy(result, expr.position)) { return .bool(false) }
                left = right
            }
            return result
        case .and(let l, let r):
            let a = try eval(l, scope)
            return try truthy(a, l.position) ? try eval(r, scope) : a
        case .or(let l, let r):
            let a = try eval(l, scope)
            return try truthy(a, l.position) ? a : try eval(r, scope)
        case .not(let e):
            return .bool(!(try truthy(try eval(e, scope), e.position)))
        case .conditional(let cond, let a, let b):
            return try truthy(try eval(cond, scope), cond.position) ? try eval(a, scope) : try eval(b, scope)
        case .call(let calleeExpr, let args):
            let callee = try eval(calleeExpr, scope)
            var positional: [Value] = []
            var keywords: [(String, Value)] = []
            for a in args {
                let v =
                    try drainsAtOnce(callee, args) ? try eval(Expr(a.value.kind.eager, a.value.position), scope) : try eval(a.value, scope)
                if a.isDoubleStarred {
                    guard case .dict(let d) = v else {
                        throw LangError("TypeError: argument after ** must be a mapping, not \(v.typeName)", at: a.value.position)
                    }
                    for (k, value) in zip(d.keys, d.values) {
                        guard case .str(let key) = k else { throw LangError("TypeError: keywords must be strings", at: a.value.position) }
                        keywords.append((key, value))
                    }
                } else if a.isStarred {
                    positional += try at(a.value.position) { () throws(Failure) in try iterate(v) }
                } else if let k = a.keyword {
                    keywords.append((k, v))
                } else {
                    positional.append(v)
                }
            }
            return try call(callee, positional, keywords, at: expr.position)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            return try at(expr.position) { () throws(Failure) in try attribute(obj, name) }
        case .subscript(let baseExpr, let items):
            let base = try eval(baseExpr, scope)
            let keys = try evalSlices(items, scope)
            return try at(expr.position) { () throws(Failure) in try getItem(base, keys) }
        case .lambda(let params, let body):
            let defaults = try params.map { p throws(LangError) in try p.defaultValue.map { e throws(LangError) in try eval(e, scope) } }
            return .function(
                Function(name: "<lambda>", parameters: params, defaults: defaults, body: .expression(body), closure: scope.functionClosure))
        case .comprehension(let element, let clauses, .generator):
            // The first iterable is evaluated at once, the rest as the generator runs.
            let first = try eval(clauses[0].iterable, scope)
            let inner = Scope(parent: scope.functionClosure)
            return .object(
                Generator(name: "<genexpr>", interpreter: self) { interpreter throws(LangError) in
                    try interpreter.comprehend(clauses[...], inner, first: first) { () throws(LangError) in
                        _ = try interpreter.yieldValue(try interpreter.eval(element, inner), at: element.position)
                    }
                    return .none
                })
        case .comprehension(let element, let clauses, let kind):
            let inner = Scope(parent: scope.functionClosure)
            var results: [Value] = []
            try comprehend(clauses[...], inner, first: nil) { () throws(LangError) in results.append(try eval(element, inner)) }
            if kind == .set { return try at(expr.position) { () throws(Failure) in try makeSet(results) } }
            return .list(ListBox(results))
        case .dictComprehension(let key, let value, let clauses):
            let inner = Scope(parent: scope.functionClosure)
            let d = DictBox()
            try comprehend(clauses[...], inner, first: nil) { () throws(LangError) in
                let k = try eval(key, inner)
                let v = try eval(value, inner)
                try at(key.position) { () throws(Failure) in try d.set(k, v) }
            }
            return .dict(d)
        case .starred:
            throw LangError("SyntaxError: can't use starred expression here", at: expr.position)
        }
    }

    /// `list(x for x in xs)` and the like: a builtin that takes the whole generator before
    /// running any other code gets the items as a list, sparing the generator's thread.
    private func drainsAtOnce(_ callee: Value, _ args: [Argument]) -> Bool {
        guard args.count == 1, case .comprehension(_, _, .generator) = args[0].value.kind else { return false }
        switch callee {
        case .type(let c): return c.constructor != nil && ["list", "tuple", "set", "dict"].contains(c.name)
        case .builtin(let b): return b.name == "sorted"
        default: return false
        }
    }

    /// `a + b - c + …`, which nests to the left, evaluated in a loop so that a 100,000-term
    /// expression does not recurse 100,000 levels deep.
    private func evalChain(_ expr: Expr, _ scope: Scope) throws(LangError) -> Value {
        var spine: [Expr] = []
        var node = expr
        while case .binary(_, let left, _) = node.kind {
            spine.append(node)
            node = left
        }
        var value = try eval(node, scope)
        for n in spine.reversed() {
            guard case .binary(let op, _, let right) = n.kind else { continue }
            let b = try eval(right, scope)
            let a = value
            value = try at(n.position) { () throws(Failure) in try binary(op, a, b) }
        }
        return value
    }

    /// Runs `produce` once per combination of the clauses' items that passes their conditions.
    func comprehend(_ clauses: ArraySlice<ComprehensionClause>, _ scope: Scope, first: Value?, _ produce: () throws(LangError) -> Void)
        throws(LangError)
    {
        guard let clause = clauses.first else { return try produce() }
        let iterable: Value
        if let first { iterable = first } else { iterable = try eval(clause.iterable, scope) }
        try forEach(iterable, at: clause.iterable.position) { item throws(LangError) in
            try tick(clause.iterable.position)
            try assign(clause.target, item, scope)
            for c in clause.conditions where !(try truthy(try eval(c, scope), c.position)) { return true }
            try comprehend(clauses.dropFirst(), scope, first: nil, produce)
            return true
        }
    }

    private func evalItems(_ items: [Expr], _ scope: Scope) throws(LangError) -> [Value] {
        var out: [Value] = []
        for e in items {
            if case .starred(let inner) = e.kind {
                let v = try eval(inner, scope)
                out += try at(e.position) { () throws(Failure) in try iterate(v) }
            } else {
                out.append(try eval(e, scope))
            }
        }
        return out
    }

    /// Evaluated subscript entries: a value, or a slice with optional bounds.
    enum Key {
        case value(Value)
        case slice(Int?, Int?, Int?)
    }

    private func evalSlices(_ items: [SliceItem], _ scope: Scope) throws(LangError) -> [Key] {
        var keys: [Key] = []
        for item in items {
            switch item {
            case .index(let e): keys.append(.value(try eval(e, scope)))
            case .slice(let a, let b, let c):
                func bound(_ e: Expr?) throws(LangError) -> Int? {
                    guard let e else { return nil }
                    let v = try eval(e, scope)
                    if v.isNone { return nil }
                    return try at(e.position) { () throws(Failure) in try v.asInt("slice index") }
                }
                keys.append(.slice(try bound(a), try bound(b), try bound(c)))
            }
        }
        return keys
    }

    // MARK: Calls

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
        guard depth < Interpreter.maxDepth else {
            throw LangError("RecursionError: maximum recursion depth exceeded in '\(f.name)'", at: position)
        }
        let scope = Scope(parent: f.closure)
        try bindArguments(f, positional, keywords, scope, at: position)
        if f.isGenerator { return makeGenerator(f, scope) }
        let saved = currentCall
        currentCall = (f, scope)
        defer { currentCall = saved }
        switch f.body {
        case .expression(let e): return try eval(e, scope)
        case .statements(let body):
            if case .returned(let v) = try execBlock(body, scope) { return v }
            return .none
        }
    }

    /// Calls a language value from Swift (used by `plot`, `map`, `sorted(key=)`…).
    func callValue(_ f: Value, _ args: [Value], _ keywords: [(String, Value)] = []) throws(Failure) -> Value {
        do { return try call(f, args, keywords, at: Position(line: 0, column: 0)) } catch {
            throw Failure(error.message, hint: error.hint, exception: error.exception)
        }
    }

    // MARK: Truth

    public func truthy(_ v: Value) throws(Failure) -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigint: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d), .set(let d): return !d.keys.isEmpty
        case .instance(let i):
            if let b = try instanceAttribute(i, "__bool__") { return try truthy(try callValue(b, [])) }
            if let l = try instanceAttribute(i, "__len__") { return try truthy(try callValue(l, [])) }
            return true
        case .range(let a, let b, let s): return s > 0 ? a < b : a > b
        case .tensor(let t):
            guard t.value.count == 1 else {
                throw Failure(
                    "ValueError: the truth value of an array with more than one element is ambiguous",
                    hint: "use a.any() or a.all(), or np.allclose(a, b) to compare arrays")
            }
            return t.value.scalars[0] != 0
        default: return true
        }
    }

    func truthy(_ v: Value, _ position: Position) throws(LangError) -> Bool {
        try at(position) { () throws(Failure) in try truthy(v) }
    }
}
