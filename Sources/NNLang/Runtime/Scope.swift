/// A chain of variable tables: a function's locals, then its closure, up to the globals and
/// the prelude.
///
/// Module-level scopes (the globals and the prelude) index a dense array by name id; a
/// function's locals are a few pairs searched in order. Neither hashes anything. A function
/// call's scope starts with one slot per local name in the order the resolver numbered them
/// (`Function.slotIDs`), so compiled code reads and writes its locals by index.
public final class Scope {
    let parent: Scope?
    private let isModule: Bool
    private var slots: [Value?] = []
    private var localIDs: [Int] = []
    /// nil: a local slot not bound yet (or deleted).
    private var localValues: [Value?] = []
    /// Names a function declared `global`.
    var globals: Set<Int> = []
    /// Names a function declared `nonlocal`: assignments go to the enclosing function's binding.
    var nonlocals: Set<Int> = []
    /// A class body's namespace: functions defined in it close over the enclosing scope
    /// instead, so methods do not see class attributes as bare names (as in Python).
    var isClassBody = false

    /// A function call's scope: the names its body binds, which are never looked up outside.
    var declaredLocals: Set<Int>?

    /// The scope a function or lambda defined here closes over.
    var functionClosure: Scope { isClassBody ? parent ?? self : self }

    /// This (function or class body) scope's own bindings, by name.
    var localBindings: [String: Value] {
        var out: [String: Value] = [:]
        for (id, v) in zip(localIDs, localValues) { if let v { out[Name.text(of: id)] = v } }
        return out
    }

    init(parent: Scope?, module: Bool = false) {
        self.parent = parent
        self.isModule = module
    }

    /// A function call's scope with an unbound slot for each of `slots` (name ids).
    init(parent: Scope, slots: [Int], declaredLocals: Set<Int>?) {
        self.parent = parent
        self.isModule = false
        self.localIDs = slots
        self.localValues = Array(repeating: nil, count: slots.count)
        self.declaredLocals = declaredLocals
    }

    /// The value in local slot `i` (a slot the resolver gave this call's scope).
    @inline(__always)
    func slot(_ i: Int) -> Value? { localValues[i] }

    @inline(__always)
    func setSlot(_ i: Int, _ value: Value) { localValues[i] = value }

    /// This scope's own binding of `name`.
    func own(_ name: Name) -> Value? {
        if isModule { return name.id < slots.count ? slots[name.id] : nil }
        for i in localIDs.indices where localIDs[i] == name.id { return localValues[i] }
        return nil
    }

    /// The value `name` has here; a function scope that declares it local ends the search.
    func lookup(_ name: Name) -> Value? {
        var scope: Scope? = self
        while let s = scope {
            if let v = s.own(name) { return v }
            if let locals = s.declaredLocals, locals.contains(name.id) { return nil }
            scope = s.parent
        }
        return nil
    }

    /// The function scope that declares `name` local but has no value for it yet, if the
    /// lookup stops there (Python's UnboundLocalError), and whether that is this scope.
    func unboundLocal(_ name: Name) -> (scope: Scope, isOwn: Bool)? {
        var scope: Scope? = self
        while let s = scope {
            if s.own(name) != nil { return nil }
            if let locals = s.declaredLocals, locals.contains(name.id) { return (s, s === self) }
            scope = s.parent
        }
        return nil
    }

    func set(_ name: Name, _ value: Value) {
        if isModule {
            if name.id >= slots.count { slots += Array(repeating: nil, count: name.id - slots.count + 1) }
            slots[name.id] = value
            return
        }
        for i in localIDs.indices where localIDs[i] == name.id {
            localValues[i] = value
            return
        }
        localIDs.append(name.id)
        localValues.append(value)
    }

    func remove(_ name: Name) {
        if isModule {
            if name.id < slots.count { slots[name.id] = nil }
        } else if let i = localIDs.firstIndex(of: name.id) {
            // The slot stays (compiled code knows it by index), unbound.
            localValues[i] = nil
        }
    }

    /// Unbinds every local of a finished call so the frame can serve the next call of the same
    /// function; false (and the frame is left alone) if it gained bindings beyond its slots or
    /// took `global`/`nonlocal` declarations, which a fresh frame would not have.
    func clearForReuse(slotCount: Int) -> Bool {
        guard localIDs.count == slotCount, globals.isEmpty, nonlocals.isEmpty else { return false }
        for i in localValues.indices { localValues[i] = nil }
        return true
    }

    /// Drops every binding (the end of a document: builtins capture their interpreter, so
    /// the bindings would otherwise keep it, and every tensor it made, alive).
    func removeAll() {
        slots = []
        localIDs = []
        localValues = []
    }

    /// A module scope's bindings in name-id order (the order the names first appear in the code).
    var moduleBindings: [(id: Int, value: Value)] { slots.enumerated().compactMap { id, v in v.map { (id, $0) } } }

    /// Every value bound in this scope itself.
    var boundValues: [Value] { slots.compactMap { $0 } + localValues.compactMap { $0 } }

    /// Every name visible from here, for "did you mean" hints.
    var visibleNames: [String] {
        var names: Set<String> = []
        var scope: Scope? = self
        while let s = scope {
            for (id, v) in s.slots.enumerated() where v != nil { names.insert(Name.text(of: id)) }
            for (id, v) in zip(s.localIDs, s.localValues) where v != nil { names.insert(Name.text(of: id)) }
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
