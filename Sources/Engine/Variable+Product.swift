extension Variable {
    /// The product along `axis` (all elements when nil), with the exact gradient even where
    /// an element is zero: each element's slope is the product of the others, from prefix
    /// and suffix products.
    public static func product(_ x: Variable, axis: Int? = nil, keepdims: Bool = false) throws(EngineError) -> Variable {
        let rank = x.value.rank
        let ax = try axis.map { a throws(EngineError) in try x.value.axis(a) }
        // Move the axis last, so each product is over one contiguous row.
        let perm = ax.map { a in (0..<rank).filter { $0 != a } + [a] } ?? Array(0..<rank)
        let moved = ax == nil ? x.value : try x.value.transposed(perm)
        let width = ax.map { x.shape[$0] } ?? x.value.count
        // The product of nothing is 1: every row of an empty axis (or of an empty array) gives 1.
        let rows = ax.map { a in x.shape.enumerated().filter { $0.offset != a }.reduce(1) { $0 * $1.element } } ?? 1
        var out = [Double](repeating: 1, count: rows)
        var slopes = [Double](repeating: 0, count: moved.count)
        for r in 0..<rows {
            var prefix = 1.0
            for j in 0..<width {
                slopes[r * width + j] = prefix
                prefix *= moved.scalars[r * width + j]
            }
            out[r] = prefix
            var suffix = 1.0
            for j in stride(from: width - 1, through: 0, by: -1) {
                slopes[r * width + j] *= suffix
                suffix *= moved.scalars[r * width + j]
            }
        }
        var shape = ax.map { a in x.shape.enumerated().filter { $0.offset != a }.map(\.element) } ?? []
        if keepdims { shape = ax.map { a in x.shape.enumerated().map { $0.offset == a ? 1 : $0.element } } ?? x.shape.map { _ in 1 } }
        let movedShape = moved.shape
        var inverse = perm
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return record("prod", Tensor(shape: shape, scalars: out), [x]) { [inverse] g throws(EngineError) in
            var d = slopes
            for r in 0..<rows { for j in 0..<width { d[r * width + j] *= g.scalars[r] } }
            let back = Tensor(shape: movedShape, scalars: d)
            return [ax == nil ? back : try back.transposed(inverse)]
        }
    }
}
