/// Finds the names that `grad(L, name)` differentiates with respect to, in every expression.
enum GradTargets {
    static func names(in blocks: [[Stmt]]) -> Set<String> {
        var names: Set<String> = []
        for block in blocks {
            ASTWalk.expressions(in: block) { e in
                guard case .call(let callee, let args) = e.kind, case .name(let f) = callee.kind, f.text == "grad" else { return }
                let wrt =
                    args.first(where: { $0.keyword == "wrt" })?.value
                    ?? (args.count > 1 && args[1].keyword == nil ? args[1].value : nil)
                guard let wrt else { return }
                switch wrt.kind {
                case .name(let n): names.insert(n.text)
                case .list(let items), .tuple(let items):
                    for i in items { if case .name(let n) = i.kind { names.insert(n.text) } }
                default: break
                }
            }
        }
        return names
    }
}
