/// Per-document engine state: the seeded generator and Keras's layer-name counters.
///
/// One per document, never shared, so documents can run in parallel and still be reproducible.
public final class Context {
    public var rng: Generator
    private var nameCounts: [String: Int] = [:]

    public init(seed: UInt32) { rng = Generator(seed: seed) }

    /// Keras's automatic names: `dense`, `dense_1`, `dense_2`, …
    public func uniqueName(_ prefix: String) -> String {
        let n = nameCounts[prefix, default: 0]
        nameCounts[prefix] = n + 1
        return n == 0 ? prefix : "\(prefix)_\(n)"
    }
}
