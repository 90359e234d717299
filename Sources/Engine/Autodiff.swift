import Foundation

/// A node of the reverse-mode graph: what produced a value, from which inputs, and how to
/// send a gradient back to them.
public final class GradNode: @unchecked Sendable {
    /// The op's name, shown by tables and graph dumps.
    public let op: String
    let parents: [GradNode?]
    /// Maps the gradient of this node's value to the gradients of its parents (same order).
    let backward: (Tensor) throws(EngineError) -> [Tensor]

    /// Scratch space of one backward sweep, tagged with the sweep that wrote it, so a sweep
    /// needs no hash tables. A graph belongs to one document, which runs on one thread.
    fileprivate var sweep: UInt64 = 0
    fileprivate var gradient: Tensor?

    init(op: String, parents: [GradNode?], backward: @escaping (Tensor) throws(EngineError) -> [Tensor]) {
        self.op = op
        self.parents = parents
        self.backward = backward
    }
}

/// A tensor value together with the graph node that computed it, if it is being tracked.
public struct Variable: Sendable {
    /// The array's memory; copies of a `Variable` share it (numpy's reference semantics).
    public let storage: ArrayStorage
    public var node: GradNode?
    public var value: Tensor { storage.tensor }

    public init(_ value: Tensor, node: GradNode? = nil) {
        self.storage = ArrayStorage(value)
        self.node = node
    }

    /// An array over existing memory (a view).
    public init(storage: ArrayStorage) {
        self.storage = storage
        self.node = nil
    }

    /// A new independent variable: gradients can be taken with respect to it.
    public static func leaf(_ value: Tensor) -> Variable {
        Variable(value, node: GradNode(op: "leaf", parents: [], backward: { _ throws(EngineError) in [] }))
    }

    public var shape: [Int] { value.shape }
    public var isTracked: Bool { node != nil }
    /// The value without its history.
    public var detached: Variable { Variable(value) }

    /// Records an op when any input is tracked; otherwise returns the bare value.
    static func record(
        _ op: String, _ value: Tensor, _ inputs: [Variable],
        _ backward: @escaping (Tensor) throws(EngineError) -> [Tensor]
    ) -> Variable {
        guard inputs.contains(where: { $0.node != nil }) else { return Variable(value) }
        return Variable(value, node: GradNode(op: op, parents: inputs.map(\.node), backward: backward))
    }
}

/// Numbers every backward sweep, process-wide, so a node's mark from an earlier sweep is
/// never mistaken for the current one. (An object's address would not do: a short-lived
/// object can be placed on the stack and get the same address on every call.)
enum SweepCounter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last: UInt64 = 0

    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        last += 1
        return last
    }
}

extension Tensor {
    /// Stands in for the gradient of an input that is not tracked; the backward pass drops it.
    static let untracked = Tensor(shape: [0], scalars: [])
}

// MARK: - Backward pass

extension Variable {
    /// ∂root/∂target for each target, by one reverse sweep over the graph.
    ///
    /// A non-scalar root is treated as the sum of its elements (the seed is all ones).
    /// A target that the root does not depend on gets a zero gradient.
    public static func gradients(of root: Variable, wrt targets: [Variable]) throws(EngineError) -> [Tensor] {
        guard let rootNode = root.node else { return targets.map { Tensor.zeros($0.shape) } }
        let id = SweepCounter.next()
        // Iterative post-order DFS, so deep graphs do not exhaust the stack. (Two parallel
        // arrays rather than an array of tuples: tuple metadata is looked up at run time.)
        var order: [GradNode] = []
        var stackNodes: [GradNode] = [rootNode]
        var stackNext: [Int] = [0]
        rootNode.sweep = id
        rootNode.gradient = nil
        while let node = stackNodes.last {
            let next = stackNext[stackNext.count - 1]
            if next < node.parents.count {
                stackNext[stackNext.count - 1] = next + 1
                if let p = node.parents[next], p.sweep != id {
                    p.sweep = id
                    p.gradient = nil
                    stackNodes.append(p)
                    stackNext.append(0)
                }
            } else {
                order.append(node)
                stackNodes.removeLast()
                stackNext.removeLast()
            }
        }
        rootNode.gradient = Tensor.ones(root.shape)
        for node in order.reversed() {
            guard let g = node.gradient, !node.parents.isEmpty else { continue }
            let parentGrads = try node.backward(g)
            for (p, pg) in zip(node.parents, parentGrads) {
                guard let p else { continue }
                if let existing = p.gradient {
                    p.gradient = try Tensor.zip(existing, pg, "+", +)
                } else {
                    p.gradient = pg
                }
            }
        }
        let result = targets.map { t in t.node.flatMap { $0.sweep == id ? $0.gradient : nil } ?? Tensor.zeros(t.shape) }
        for node in order { node.gradient = nil }
        return result
    }
}
