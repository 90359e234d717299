// MARK: - Compiling expressions into closures

/// An expression compiled once: its children are compiled and its operator chosen, so running
/// it neither switches over the syntax tree nor compares operator strings.
typealias CompiledExpr = (Scope) throws(LangError) -> Value

extension Interpreter {
    /// Left-nested operator chains longer than this stay with the tree walker, which runs
    /// them in a loop (a 100,000-term `1+1+…` would otherwise nest 100,000 closures deep).
    static let maxCompiledChain = 64

    /// Compiles `expr`; kinds without a compiled form run through `eval`, with the same
    /// meaning, errors and positions.
    func compile(_ expr: Expr) -> CompiledExpr {
        let position = expr.position
        switch expr.kind {
        case .int(let v): return constant(.int(v))
        case .float(let v): return constant(.float(v))
        case .string(let s): return constant(.str(s))
        case .bool(let b): return constant(.bool(b))
        case .none: return constant(.none)
        case .name(let n):
            return compileName(n, expr)
        case .binary(let op, let l, let r) where Interpreter.chainLength(expr) <= Interpreter.maxCompiledChain:
            return compileBinary(op, compile(l), compile(r), at: position)
        case .compare(let first, let rest) where rest.count == 1 && !["in", "not in", "is", "is not"].contains(rest[0].0):
            return compileComparison(rest[0].0, compile(first), compile(rest[0].1), at: position)
        case .unary("-", let operand):
            let v = compile(operand)
            return { scope throws(LangError) in
                let x = try v(scope)
                if case .float(let d) = x { return .float(-d) }
                if case .int(let i) = x, i != .min { return .int(-i) }
                return try self.at(position) { () throws(Failure) in try self.unary("-", x) }
            }
        case .and(let l, let r):
            let a = compile(l)
            let b = compile(r)
            return { scope throws(LangError) in
                let x = try a(scope)
                return try self.truthy(x, l.position) ? try b(scope) : x
            }
        case .or(let l, let r):
            let a = compile(l)
            let b = compile(r)
            return { scope throws(LangError) in
                let x = try a(scope)
                return try self.truthy(x, l.position) ? x : try b(scope)
            }
        case .not(let e):
            let v = compile(e)
            return { scope throws(LangError) in .bool(!(try self.truthy(try v(scope), e.position))) }
        case .conditional(let cond, let a, let b):
            let c = compile(cond)
            let x = compile(a)
            let y = compile(b)
            return { scope throws(LangError) in try self.truthy(try c(scope), cond.position) ? try x(scope) : try y(scope) }
        case .call(let callee, let args) where args.count == 1 && args[0].keyword == nil && Interpreter.isPlainArgument(args[0]):
            // `xs.append(x)`, the hottest method call of list-building loops: on a plain list
            // it appends without making a bound method object; anything else takes the general path.
            guard case .attribute(let object, "append") = callee.kind else { return compileCall(compile(callee), args, at: position) }
            let o = compile(object)
            let item = compile(args[0].value)
            return { scope throws(LangError) in
                let receiver = try o(scope)
                if case .list(let l) = receiver, case .list = l.kind {
                    // The item first: its code must not run inside the list's mutation.
                    let value = try item(scope)
                    l.items.append(value)
                    return .none
                }
                let method = try self.at(position) { () throws(Failure) in try self.attribute(receiver, "append") }
                return try self.call(method, [try item(scope)], [], at: position)
            }
        case .call(let callee, let args) where args.allSatisfy(Interpreter.isPlainArgument):
            return compileCall(compile(callee), args, at: position)
        case .attribute(let object, let name):
            let o = compile(object)
            return { scope throws(LangError) in
                let v = try o(scope)
                return try self.at(position) { () throws(Failure) in try self.attribute(v, name) }
            }
        case .subscript(let base, let items) where items.count == 1:
            guard case .index(let index) = items[0] else { break }
            let b = compile(base)
            let k = compile(index)
            return { scope throws(LangError) in
                let container = try b(scope)
                let key = try k(scope)
                if case .list(let l) = container, case .list = l.kind, case .int(let i) = key {
                    let j = i < 0 ? i + l.items.count : i
                    if j >= 0 && j < l.items.count { return l.items[j] }
                }
                return try self.at(position) { () throws(Failure) in try self.getItem(container, [.value(key)]) }
            }
        case .list(let items) where !items.contains(where: Interpreter.isStarred):
            let parts = items.map(compile)
            return { scope throws(LangError) in .list(ListBox(try Interpreter.values(parts, scope))) }
        case .tuple(let items) where !items.contains(where: Interpreter.isStarred):
            let parts = items.map(compile)
            return { scope throws(LangError) in .tuple(try Interpreter.values(parts, scope)) }
        case .fstring(let parts):
            let text = compileFString(parts)
            return { scope throws(LangError) in .str(try text(scope)) }
        case .comprehension(let element, let clauses, let kind) where kind != .generator:
            return compileUnresolved { compileComprehension(element, clauses, kind, at: position) }
        default: break
        }
        return { scope throws(LangError) in try self.eval(expr, scope) }
    }

    private func constant(_ v: Value) -> CompiledExpr { { _ throws(LangError) in v } }

    static func isStarred(_ e: Expr) -> Bool { if case .starred = e.kind { true } else { false } }

    /// A positional or keyword argument, not `*xs`/`**kw`, and not a generator expression
    /// (which `list(…)`/`sorted(…)` drain at once: `eval` decides that by the callee).
    static func isPlainArgument(_ a: Argument) -> Bool {
        guard !a.isStarred && !a.isDoubleStarred else { return false }
        if case .comprehension(_, _, .generator) = a.value.kind { return false }
        return true
    }

    static func values(_ parts: [CompiledExpr], _ scope: Scope) throws(LangError) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(parts.count)
        for p in parts { out.append(try p(scope)) }
        return out
    }

    /// How many binary operators nest to the left of `expr`.
    static func chainLength(_ expr: Expr) -> Int {
        var n = 0
        var node = expr
        while case .binary(_, let left, _) = node.kind {
            n += 1
            node = left
        }
        return n
    }

    private func compileCall(_ callee: @escaping CompiledExpr, _ args: [Argument], at position: Position) -> CompiledExpr {
        let positional = args.filter { $0.keyword == nil }.map { compile($0.value) }
        let keywords = args.compactMap { a in a.keyword.map { ($0, compile(a.value)) } }
        if keywords.isEmpty {
            let count = positional.count
            return { scope throws(LangError) in
                let f = try callee(scope)
                // A user function or method of plain parameters: the arguments go straight
                // into the new frame's slots (left to right, as Python evaluates them).
                switch f {
                case .function(let fn):
                    if let frame = Interpreter.plainFrame(fn, arguments: count) {
                        for i in 0..<count { frame.setSlot(i, try positional[i](scope)) }
                        return try self.callPlain(fn, frame: consume frame, at: position)
                    }
                case .method(let m):
                    if case .function(let fn) = m.function, let frame = Interpreter.plainFrame(fn, arguments: count + 1) {
                        frame.setSlot(0, m.receiver)
                        for i in 0..<count { frame.setSlot(i + 1, try positional[i](scope)) }
                        return try self.callPlain(fn, frame: consume frame, at: position)
                    }
                default: break
                }
                return try self.call(f, try Interpreter.values(positional, scope), [], at: position)
            }
        }
        // Arguments are evaluated left to right as written, keywords among positionals.
        let order = args.map { $0.keyword != nil }
        return { scope throws(LangError) in
            let f = try callee(scope)
            var values: [Value] = []
            var named: [(String, Value)] = []
            var p = 0
            var k = 0
            for isKeyword in order {
                if isKeyword {
                    named.append((keywords[k].0, try keywords[k].1(scope)))
                    k += 1
                } else {
                    values.append(try positional[p](scope))
                    p += 1
                }
            }
            return try self.call(f, values, named, at: position)
        }
    }

    /// An f-string's text; a format spec may itself hold fields (`{x:{width}.2f}`).
    private func compileFString(_ parts: [FPart]) -> (Scope) throws(LangError) -> String {
        enum Piece {
            case literal(String)
            case field(CompiledExpr, Character?, (Scope) throws(LangError) -> String, Position)
        }
        let pieces: [Piece] = parts.map { part in
            switch part {
            case .literal(let s): .literal(s)
            case .expression(let e, let conversion, let spec): .field(compile(e), conversion, compileFString(spec), e.position)
            }
        }
        return { scope throws(LangError) in
            var out = ""
            for piece in pieces {
                switch piece {
                case .literal(let s): out += s
                case .field(let value, let conversion, let specText, let position):
                    let v = try value(scope)
                    let spec = try specText(scope)
                    out += try self.at(position) { () throws(Failure) in try self.formatValue(try self.convert(v, conversion), spec: spec) }
                    try self.checkDisplay(at: position)
                }
            }
            return out
        }
    }
}
