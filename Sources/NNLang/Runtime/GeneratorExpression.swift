/// A generator expression, `(f(x) for x in xs if p(x))`: lazy like a generator, but
/// advanced in place — one iterator per `for` clause, resumed where it stopped — so it
/// needs no thread of its own.
final class GeneratorExpression: LazyIterator {
    private let interpreter: Interpreter
    private let element: Expr
    private let clauses: [ComprehensionClause]
    private let scope: Scope
    /// The first clause's iterable, evaluated where the expression was made (as in Python).
    private var first: Value?
    /// The iterators of the clauses entered so far, outermost first.
    private var levels: [ValueIterator] = []
    private var finished = false

    init(_ interpreter: Interpreter, element: Expr, clauses: [ComprehensionClause], scope: Scope, first: Value) {
        self.interpreter = interpreter
        self.element = element
        self.clauses = clauses
        self.scope = scope
        self.first = first
    }

    var typeName: String { "generator" }
    var displayText: String { "<generator object <genexpr>>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "close":
            return .builtin(
                Builtin("close") { _ throws(Failure) in
                    self.finished = true
                    return .none
                })
        default: return iteratorMethod(name, interpreter)
        }
    }

    func nextValue() throws(Failure) -> Value? {
        do throws(LangError) { return try advance() } catch {
            finished = true
            throw Failure(error.message, hint: error.hint, exception: error.exception)
        }
    }

    private func advance() throws(LangError) -> Value? {
        if finished { return nil }
        let interp = interpreter
        if let first {
            self.first = nil
            levels.append(try interp.at(clauses[0].iterable.position) { () throws(Failure) in try interp.makeIterator(first) })
        }
        while let depth = levels.indices.last {
            let clause = clauses[depth]
            try interp.tick(clause.iterable.position)
            guard let item = try interp.at(clause.iterable.position, { () throws(Failure) in try interp.next(&levels[depth]) }) else {
                levels.removeLast()
                continue
            }
            try interp.assign(clause.target, item, scope)
            if try !passes(clause) { continue }
            if depth == clauses.count - 1 { return try interp.eval(element, scope) }
            let inner = clauses[depth + 1].iterable
            let iterable = try interp.eval(inner, scope)
            levels.append(try interp.at(inner.position) { () throws(Failure) in try interp.makeIterator(iterable) })
        }
        finished = true
        return nil
    }

    private func passes(_ clause: ComprehensionClause) throws(LangError) -> Bool {
        for c in clause.conditions where !(try interpreter.truthy(try interpreter.eval(c, scope), c.position)) { return false }
        return true
    }
}
