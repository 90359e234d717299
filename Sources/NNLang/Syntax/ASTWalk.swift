/// Visits every expression of a syntax tree, so that passes over the tree (such as finding
/// `grad` targets) see each expression kind without listing them again.
enum ASTWalk {
    static func expressions(in statements: [Stmt], _ visit: (Expr) -> Void) {
        for s in statements { expressions(in: s, visit) }
    }

    static func expressions(in stmt: Stmt, _ visit: (Expr) -> Void) {
        func e(_ x: Expr?) { if let x { expressions(in: x, visit) } }
        func body(_ b: [Stmt]) { expressions(in: b, visit) }
        switch stmt.kind {
        case .expression(let x), .return(let x?): e(x)
        case .assign(let targets, let v):
            targets.forEach(e)
            e(v)
        case .augmented(let t, _, let v):
            e(t)
            e(v)
        case .if(let branches, let otherwise):
            for (c, b) in branches {
                e(c)
                body(b)
            }
            body(otherwise ?? [])
        case .for(let t, let it, let b, let orElse):
            e(t)
            e(it)
            body(b)
            body(orElse)
        case .while(let c, let b, let orElse):
            e(c)
            body(b)
            body(orElse)
        case .def(let d):
            d.decorators.forEach(e)
            for p in d.parameters { e(p.defaultValue) }
            body(d.body)
        case .classDef(let d):
            d.decorators.forEach(e)
            e(d.base)
            body(d.body)
        case .try(let b, let handlers, let orElse, let final):
            body(b)
            for h in handlers {
                e(h.type)
                body(h.body)
            }
            body(orElse)
            body(final ?? [])
        case .raise(let x, let cause):
            e(x)
            e(cause)
        case .with(let items, let b):
            for (m, t) in items {
                e(m)
                e(t)
            }
            body(b)
        case .assert(let t, let m):
            e(t)
            e(m)
        case .del(let targets): targets.forEach(e)
        case .return(nil), .break, .continue, .pass, .import, .fromImport, .global, .nonlocal: break
        }
    }

    static func expressions(in expr: Expr, _ visit: (Expr) -> Void) {
        func e(_ x: Expr?) { if let x { expressions(in: x, visit) } }
        // A long `a + b + c + …` nests to the left: walk that spine in a loop, not by recursion.
        var expr = expr
        while case .binary(_, let left, let right) = expr.kind {
            visit(expr)
            e(right)
            expr = left
        }
        visit(expr)
        func clauses(_ cs: [ComprehensionClause]) {
            for c in cs {
                e(c.target)
                e(c.iterable)
                c.conditions.forEach(e)
            }
        }
        switch expr.kind {
        case .int, .bigInt, .float, .string, .bool, .none, .name: break
        case .fstring(let parts):
            func fields(_ parts: [FPart]) {
                for case .expression(let x, _, let spec) in parts {
                    e(x)
                    fields(spec)
                }
            }
            fields(parts)
        case .list(let items), .tuple(let items), .set(let items): items.forEach(e)
        case .dict(let pairs):
            for (k, v) in pairs {
                e(k)
                e(v)
            }
        case .unary(_, let a), .not(let a), .starred(let a), .attribute(let a, _), .yieldFrom(let a): e(a)
        case .yield(let a): e(a)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            e(a)
            e(b)
        case .compare(let a, let rest):
            e(a)
            for (_, x) in rest { e(x) }
        case .call(let callee, let args):
            e(callee)
            for a in args { e(a.value) }
        case .subscript(let base, let items):
            e(base)
            for i in items {
                switch i {
                case .index(let x): e(x)
                case .slice(let a, let b, let c):
                    e(a)
                    e(b)
                    e(c)
                }
            }
        case .lambda(let params, let body):
            for p in params { e(p.defaultValue) }
            e(body)
        case .conditional(let a, let b, let c):
            e(a)
            e(b)
            e(c)
        case .comprehension(let x, let cs, _):
            e(x)
            clauses(cs)
        case .dictComprehension(let k, let v, let cs):
            e(k)
            e(v)
            clauses(cs)
        }
    }
}
