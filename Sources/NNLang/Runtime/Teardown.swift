/// The end of a document, as CPython's shutdown clears its modules: without a cycle
/// collector, a lecture's own cycles (`self.me = self`, a closure that names itself, a class
/// whose methods live in it) would keep their objects alive, and compiled function bodies
/// capture the interpreter, so a long-lived process (the fuzzer, the tests) would keep every
/// document's interpreter and tensors. Every container reachable from the document's names
/// is emptied; the interpreter runs nothing afterwards.
extension Interpreter {
    func tearDownReachable(from roots: [Value]) {
        var seen: Set<ObjectIdentifier> = []
        var work = roots
        var lists: [ListBox] = []
        var dicts: [DictBox] = []
        var instances: [Instance] = []
        var classes: [PyClass] = []
        var scopes: [Scope] = []
        func visit(_ object: AnyObject) -> Bool { seen.insert(ObjectIdentifier(object)).inserted }
        while let value = work.popLast() {
            switch value {
            case .list(let l) where visit(l):
                lists.append(l)
                work.append(contentsOf: l.items)
            case .tuple(let items): work.append(contentsOf: items)
            case .dict(let d) where visit(d), .set(let d) where visit(d):
                dicts.append(d)
                work.append(contentsOf: d.keys)
                work.append(contentsOf: d.values)
            case .function(let f) where visit(f):
                work.append(contentsOf: f.defaults.compactMap { $0 })
                work.append(contentsOf: f.attributes.values)
                var scope: Scope? = f.closure
                while let s = scope, visit(s) {
                    scopes.append(s)
                    work.append(contentsOf: s.boundValues)
                    scope = s.parent
                }
            case .instance(let i) where visit(i):
                instances.append(i)
                work.append(.type(i.cls))
                work.append(contentsOf: i.attributes.values)
                work.append(contentsOf: i.tuple ?? [])
            case .type(let c) where visit(c):
                classes.append(c)
                work.append(contentsOf: c.attributes.values)
                if let base = c.base { work.append(.type(base)) }
            case .method(let m) where visit(m):
                work.append(m.receiver)
                work.append(m.function)
            case .module(let m) where visit(m):
                // A module's classes (np.poly1d) hold methods that capture the interpreter.
                work.append(contentsOf: m.members.values)
            default: break
            }
        }
        for l in lists { l.items = [] }
        for d in dicts { d.removeAll() }
        for i in instances {
            i.attributes.removeAll()
            i.tuple = nil
        }
        for c in classes { c.attributes = [:] }
        for s in scopes { s.removeAll() }
    }
}
