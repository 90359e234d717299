/// A chain of variable tables: a function's locals, then its closure, up to the globals and
/// the prelude.
public final class Scope {
    var variables: [String: Value] = [:]
    let parent: Scope?
    /// Names a function declared `global`.
    var globals: Set<String> = []

    init(parent: Scope?) { self.parent = parent }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let s = scope {
            if let v = s.variables[name] { return v }
            scope = s.parent
        }
        return nil
    }

    /// Every name visible from here, for "did you mean" hints.
    var visibleNames: [String] {
        var names: Set<String> = []
        var scope: Scope? = self
        while let s = scope {
            names.formUnion(s.variables.keys)
            scope = s.parent
        }
        return names.sorted()
    }
}

/// The closest name by edit distance, if it is close enough to be a likely typo.
func closestName(to name: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
    let target = Array(name)
    let best = candidates.map { ($0, distance(target, Array($0))) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let (candidate, d) = best, d <= max(1, name.count / 3) else { return nil }
    return candidate
}
