// MARK: - Resolving a function's names to slots, and compiling its body once

/// A `def` prepared once at its definition site: every function it makes shares these.
struct CompiledFunction {
    /// Name ids of the locals in slot order: the parameters first, then the other bound names.
    let slots: [Int]
    /// The same names as a set, for the scope's "local everywhere in the function" rule.
    let locals: Set<Int>
    let body: CompiledStmt
}

extension Interpreter {
    /// The slot order of a function's locals (Python's rule: a name bound anywhere in the body
    /// is local everywhere in it, unless declared `global`/`nonlocal`).
    static func slotNames(_ def: FunctionDef) -> [String] {
        let parameters = def.parameters.map(\.name)
        return parameters + def.locals.subtracting(parameters).sorted()
    }

    func compileFunction(_ def: FunctionDef) -> CompiledFunction {
        let slots = Interpreter.slotNames(def).map { Name($0).id }
        return CompiledFunction(slots: slots, locals: Set(slots), body: compileBody(def.body, slots: slots))
    }

    /// Compiles a function body with its locals resolved to slots: a local name reads and
    /// writes its slot, any other name is looked up from the closure outwards.
    func compileBody(_ body: [Stmt], slots: [Int]) -> CompiledStmt {
        compileBody(slots: slots) { compileBlock(body) }
    }

    /// Compiles with `slots` (name ids) resolved to the slots of the scope the code runs in
    /// (a comprehension's loop variables); other names resolve outwards.
    func compileBody<T>(slots: [Int], _ body: () -> T) -> T {
        let saved = resolvedSlots
        resolvedSlots = Dictionary(slots.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        defer { resolvedSlots = saved }
        return body()
    }

    /// Compiles code that runs in a scope of its own (a comprehension's): names resolve at
    /// run time there.
    func compileUnresolved<T>(_ body: () -> T) -> T {
        let saved = resolvedSlots
        resolvedSlots = nil
        defer { resolvedSlots = saved }
        return body()
    }

    /// A name read: a local slot, a name outside the function, or (outside any function, or in
    /// a comprehension) the scope chain at run time. A miss takes `eval`'s error path.
    func compileName(_ n: Name, _ expr: Expr) -> CompiledExpr {
        guard let slots = resolvedSlots else {
            return { scope throws(LangError) in
                if let v = scope.lookup(n) { return v }
                return try self.eval(expr, scope)
            }
        }
        if let i = slots[n.id] {
            return { scope throws(LangError) in
                if let v = scope.slot(i) { return v }
                return try self.eval(expr, scope)
            }
        }
        // Not local: the function's own scope cannot hold it, so the search starts outside.
        return { scope throws(LangError) in
            if let v = (scope.parent ?? scope).lookup(n) { return v }
            return try self.eval(expr, scope)
        }
    }

    /// A name written: its slot when it is a local that no `grad` call differentiates by.
    func compileStore(_ n: Name) -> (Value, Scope) throws(LangError) -> Void {
        guard let i = resolvedSlots?[n.id] else {
            return { value, scope throws(LangError) in self.set(n, value, scope) }
        }
        return { value, scope throws(LangError) in
            if self.gradTargets.isEmpty { scope.setSlot(i, value) } else { self.set(n, value, scope) }
        }
    }
}
