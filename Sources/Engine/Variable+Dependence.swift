extension Variable {
    /// Whether `root` was computed from `target`: TensorFlow's tape answers `None` for a
    /// source the target does not depend on, where `gradients` would give zeros.
    public static func depends(_ root: Variable, on target: Variable) -> Bool {
        guard let start = root.node, let goal = target.node else { return false }
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(start)]
        var stack = [start]
        while let node = stack.popLast() {
            if node === goal { return true }
            for case let parent? in node.parents where seen.insert(ObjectIdentifier(parent)).inserted { stack.append(parent) }
        }
        return false
    }
}
