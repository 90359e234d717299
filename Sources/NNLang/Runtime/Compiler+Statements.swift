// MARK: - Compiling statements into closures

/// A statement compiled once; it returns how control leaves it, as `exec` does.
typealias CompiledStmt = (Scope) throws(LangError) -> Interpreter.Flow

extension Interpreter {
    /// Compiles a block; running it stops at the first statement that leaves normally not.
    func compileBlock(_ body: [Stmt]) -> CompiledStmt {
        let statements = body.map(compile)
        if statements.count == 1 { return statements[0] }
        return { scope throws(LangError) in
            for s in statements {
                let flow = try s(scope)
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    /// Compiles `stmt`; kinds without a compiled form run through `exec`.
    func compile(_ stmt: Stmt) -> CompiledStmt {
        let position = stmt.position
        switch stmt.kind {
        case .expression(let e):
            let v = compile(e)
            return { scope throws(LangError) in
                try self.tick(position)
                _ = try v(scope)
                return .normal
            }
        case .assign(let targets, let valueExpr):
            let value = compile(valueExpr)
            let stores = targets.map(compileTarget)
            return { scope throws(LangError) in
                try self.tick(position)
                let v = try value(scope)
                for store in stores { try store(v, scope) }
                return .normal
            }
        case .augmented(let target, let op, let valueExpr):
            guard case .name(let n) = target.kind else { break }
            let store = compileStore(n)
            let current = compile(target)
            let update = compileBinary(op, current, compile(valueExpr), at: position)
            let rhs = compile(valueExpr)
            return { scope throws(LangError) in
                try self.tick(position)
                let old = try current(scope)
                switch old {
                case .int, .float:
                    do throws(LangError) { try store(try update(scope), scope) } catch { throw Interpreter.augmentedWording(error, op) }
                // Arrays, lists and instances may change in place: `exec` knows how.
                default: try self.augment(target, op, old, try rhs(scope), scope, at: position)
                }
                return .normal
            }
        case .if(let branches, let elseBody):
            let tests = branches.map { (test: compile($0.0), position: $0.0.position, body: compileBlock($0.1)) }
            let otherwise = elseBody.map(compileBlock)
            return { scope throws(LangError) in
                try self.tick(position)
                for branch in tests where try self.truthy(try branch.test(scope), branch.position) {
                    return try branch.body(scope)
                }
                return try otherwise?(scope) ?? .normal
            }
        case .for(let target, let iterExpr, let body, let orElse):
            return compileFor(
                compileTarget(target), compile(iterExpr), iterExpr.position, compileBlock(body), compileBlock(orElse), at: position)
        case .while(let cond, let body, let orElse):
            let test = compile(cond)
            let run = compileBlock(body)
            let otherwise = compileBlock(orElse)
            return { scope throws(LangError) in
                try self.tick(position)
                while try self.truthy(try test(scope), cond.position) {
                    try self.tick(position)
                    switch try run(scope) {
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    default: continue
                    }
                }
                return try otherwise(scope)
            }
        case .return(let e):
            guard let e else { break }
            let v = compile(e)
            return { scope throws(LangError) in
                try self.tick(position)
                return .returned(try v(scope))
            }
        case .pass:
            return { _ throws(LangError) in .normal }
        case .def(let def):
            // The body is compiled here, once for every function this `def` will make.
            let prepared = compileFunction(def)
            return { scope throws(LangError) in
                try self.tick(position)
                try self.define(def, scope, compiled: prepared)
                return .normal
            }
        default: break
        }
        return { scope throws(LangError) in try self.exec(stmt, scope) }
    }

    private func compileFor(
        _ store: @escaping (Value, Scope) throws(LangError) -> Void, _ iterable: @escaping CompiledExpr, _ iterPosition: Position,
        _ body: @escaping CompiledStmt, _ orElse: @escaping CompiledStmt, at position: Position
    ) -> CompiledStmt {
        { scope throws(LangError) in
            try self.tick(position)
            let items = try iterable(scope)
            if case .range(let start, let stop, let step) = items {
                // Counted loops run without building the list of numbers first.
                for k in 0..<Interpreter.rangeCount(start, stop, step) {
                    try self.tick(position)
                    try store(.int(start &+ k &* step), scope)
                    switch try body(scope) {
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    default: continue
                    }
                }
                return try orElse(scope)
            }
            var exit: Flow?
            try self.forEach(items, at: iterPosition) { item throws(LangError) in
                try self.tick(position)
                try store(item, scope)
                switch try body(scope) {
                case .breakLoop: exit = .normal
                case .returned(let v): exit = .returned(v)
                default: return true
                }
                return false
            }
            if let exit { return exit }
            return try orElse(scope)
        }
    }

    /// Where an assignment stores its value: a name directly, anything else through `assign`.
    func compileTarget(_ target: Expr) -> (Value, Scope) throws(LangError) -> Void {
        switch target.kind {
        case .name(let n):
            return compileStore(n)
        case .attribute(let object, let name):
            let o = compile(object)
            return { value, scope throws(LangError) in
                let obj = try o(scope)
                try self.at(target.position) { () throws(Failure) in try self.setAttribute(obj, name, value) }
            }
        case .tuple(let items), .list(let items):
            // `for i, x in enumerate(xs)`, `a, b = b, a`: a tuple or list of the right length
            // unpacks into compiled targets; anything else (iterators, arrays, the wrong
            // length, starred targets) takes the general path and its errors.
            guard !items.contains(where: Interpreter.isStarred) else { break }
            let parts = items.map(compileTarget)
            return { value, scope throws(LangError) in
                switch value {
                case .tuple(let t) where t.count == parts.count:
                    for (part, v) in zip(parts, t) { try part(v, scope) }
                case .list(let l) where l.items.count == parts.count:
                    let snapshot = l.items
                    for (part, v) in zip(parts, snapshot) { try part(v, scope) }
                default:
                    try self.assign(target, value, scope)
                }
            }
        default: break
        }
        return { value, scope throws(LangError) in try self.assign(target, value, scope) }
    }
}
