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
    /// numpy's print options (`np.set_printoptions`), for this document.
    var printOptions = PrintOptions()
    /// Modules imported so far, by dotted name.
    var modules: [String: Value] = [:]
    /// Where long `fit` calls report their epochs while they run (a terminal), if anywhere.
    /// Never part of the rendered output.
    public var trainingProgress: (@Sendable (String) -> Void)?
    private var deadline: DispatchTime = .distantFuture
    private var ticks = 0
    private var depth = 0

    /// Tensors larger than this many elements are refused (8 bytes each), as in the engine.
    public static let maxElements = Tensor.maxElements

    public init(seed: UInt32, format: NumberFormat, files: FileAccess) {
        context = Context(seed: seed)
        self.format = format
        self.files = files
        let prelude = Scope(parent: nil, module: true)
        globals = Scope(parent: prelude, module: true)
        for (name, value) in Library.prelude(self) { prelude.set(Name(name), value) }
    }

    /// Releases the document's values; the interpreter cannot run anything afterwards.
    public func finish() {
        modules = [:]
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
                    let v = try eval(e, globals)
                    if !v.isNone {
                        flushPrinted()
                        emitted.append(display(v))
                    }
                } else {
                    let flow = try exec(s, globals)
                    if case .returned = flow { throw LangError("SyntaxError: 'return' outside function", at: s.position) }
                    if case .breakLoop = flow { throw LangError("SyntaxError: 'break' outside loop", at: s.position) }
                }
            }
        } catch {
            failure = error
        }
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

    func write(_ text: String) { printed += text }

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
            if case .tensor(let t) = current, case .name = target.kind {
                // In place: every name bound to the array sees the change.
                try at(stmt.position) { () throws(Failure) in try inPlace(op, t, rhs) }
                return .normal
            } else if case .list(let box) = current, op == "+" {
                box.items += try at(stmt.position) { () throws(Failure) in try iterate(rhs) }
                result = current
            } else {
                result = try at(stmt.position) { () throws(Failure) in try binary(op, current, rhs) }
            }
            try assign(target, result, scope)
        case .if(let branches, let elseBody):
            for (cond, body) in branches where try truthy(try eval(cond, scope), cond.position) {
                return try execBlock(body, scope)
            }
            if let elseBody { return try execBlock(elseBody, scope) }
        case .for(let target, let iterExpr, let body):
            let iterable = try eval(iterExpr, scope)
            if case .range(let start, let stop, let step) = iterable {
                // Counted loops run without building the list of numbers first.
                for i in stride(from: start, to: stop, by: step) {
                    try tick(stmt.position)
                    try assign(target, .int(i), scope)
                    switch try execBlock(body, scope) {
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    default: continue
                    }
                }
                return .normal
            }
            let items = try at(iterExpr.position) { () throws(Failure) in try iterate(iterable) }
            for item in items {
                try tick(stmt.position)
                try assign(target, item, scope)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                default: continue
                }
            }
        case .while(let cond, let body):
            while try truthy(try eval(cond, scope), cond.position) {
                try tick(stmt.position)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                default: continue
                }
            }
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .def(let name, let params, let body):
            let defaults = try params.map { p throws(LangError) in try p.defaultValue.map { e throws(LangError) in try eval(e, scope) } }
            set(
                Name(name),
                .function(Function(name: name, parameters: params, defaults: defaults, body: .statements(body), closure: scope)), scope)
        case .return(let e):
            return .returned(try e.map { e throws(LangError) in try eval(e, scope) } ?? .none)
        case .assert(let test, let message):
            let v = try eval(test, scope)
            if !(try truthy(v, test.position)) {
                var text = "AssertionError"
                if let message { text += ": " + str(try eval(message, scope)) }
                throw LangError(text, at: stmt.position, hint: assertionHint(test, scope))
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
                case .name(let n): scope.remove(n)
                case .subscript(let base, let items):
                    let b = try eval(base, scope)
                    if case .dict(let d) = b, case .index(let k) = items.first {
                        d.remove(try eval(k, scope))
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

    /// Shows the values of the two sides of a failed `assert a == b`.
    private func assertionHint(_ test: Expr, _ scope: Scope) -> String? {
        guard case .compare(let left, let rest) = test.kind, rest.count == 1 else { return nil }
        guard let l = try? eval(left, scope), let r = try? eval(rest[0].1, scope) else { return nil }
        return "left side is \(repr(l)), right side is \(repr(r))"
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
        if !scope.globals.isEmpty && scope.globals.contains(name.id) { globals.set(name, v) } else { scope.set(name, v) }
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
        do { return try body() } catch { throw LangError(error.message, at: position, hint: error.hint) }
    }

    // MARK: Expressions

    func eval(_ expr: Expr, _ scope: Scope) throws(LangError) -> Value {
        switch expr.kind {
        case .int(let v): return .int(v)
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
                    out += try at(e.position) { () throws(Failure) in
                        let converted: Value = conversion == "r" ? .str(pythonRepr(v)) : (conversion == "s" ? .str(str(v)) : v)
                        return try formatValue(converted, spec: spec)
                    }
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
                let key = try eval(k, scope)
                let value = try eval(v, scope)
                try at(k.position) { () throws(Failure) in try d.set(key, value) }
            }
            return .dict(d)
        case .unary(let op, let operand):
            let v = try eval(operand, scope)
            return try at(expr.position) { () throws(Failure) in try unary(op, v) }
        case .binary(let op, let l, let r):
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
                let v = try eval(a.value, scope)
                if a.isStarred {
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
            return .function(Function(name: "<lambda>", parameters: params, defaults: defaults, body: .expression(body), closure: scope))
        case .comprehension(let element, let clauses, let isList):
            let inner = Scope(parent: scope)
            var results: [Value] = []
            try comprehend(element, clauses[...], inner, &results)
            return isList ? .list(ListBox(results)) : .list(ListBox(results))
        case .starred:
            throw LangError("SyntaxError: can't use starred expression here", at: expr.position)
        }
    }

    private func comprehend(_ element: Expr, _ clauses: ArraySlice<ComprehensionClause>, _ scope: Scope, _ out: inout [Value])
        throws(LangError)
    {
        guard let clause = clauses.first else {
            out.append(try eval(element, scope))
            return
        }
        let iterable = try eval(clause.iterable, scope)
        for item in try at(clause.iterable.position, { () throws(Failure) in try iterate(iterable) }) {
            try tick(element.position)
            try assign(clause.target, item, scope)
            var keep = true
            for c in clause.conditions where !(try truthy(try eval(c, scope), c.position)) {
                keep = false
                break
            }
            if keep { try comprehend(element, clauses.dropFirst(), scope, &out) }
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
            return try at(position) { () throws(Failure) in try b.call(&args) }
        case .function(let f):
            return try callFunction(f, positional, keywords, at: position)
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
        guard depth < 400 else {
            throw LangError("RecursionError: maximum recursion depth exceeded in '\(f.name)'", at: position)
        }
        let scope = Scope(parent: f.closure)
        var rest = positional[...]
        for (i, p) in f.parameters.enumerated() {
            if p.isVariadic {
                scope.set(p.symbol, .tuple(Array(rest)))
                rest = []
                continue
            }
            if let kw = keywords.first(where: { $0.0 == p.name }) {
                scope.set(p.symbol, kw.1)
            } else if let v = rest.popFirst() {
                scope.set(p.symbol, v)
            } else if let d = f.defaults[i] {
                scope.set(p.symbol, d)
            } else {
                throw LangError("TypeError: \(f.name)() missing required argument: '\(p.name)'", at: position)
            }
        }
        if !rest.isEmpty {
            throw LangError(
                "TypeError: \(f.name)() takes \(f.parameters.count) positional arguments but \(positional.count) were given", at: position)
        }
        for (k, _) in keywords where !f.parameters.contains(where: { $0.name == k }) {
            throw LangError(
                "TypeError: \(f.name)() got an unexpected keyword argument '\(k)'", at: position,
                hint: "valid keywords: " + f.parameters.map(\.name).joined(separator: ", "))
        }
        switch f.body {
        case .expression(let e): return try eval(e, scope)
        case .statements(let body):
            if case .returned(let v) = try execBlock(body, scope) { return v }
            return .none
        }
    }

    /// Calls a language value from Swift (used by `plot`, `map`, `sorted(key=)`…).
    func callValue(_ f: Value, _ args: [Value]) throws(Failure) -> Value {
        do { return try call(f, args, [], at: Position(line: 0, column: 0)) } catch {
            throw Failure(error.message, hint: error.hint)
        }
    }

    // MARK: Truth

    public func truthy(_ v: Value) throws(Failure) -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return !d.keys.isEmpty
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
