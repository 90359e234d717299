// MARK: - Axes, transposition and joining

extension Tensor {
    /// Normalises a possibly negative axis.
    public func axis(_ axis: Int) throws(EngineError) -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else {
            throw .index("axis \(axis) is out of bounds for array of dimension \(rank)")
        }
        return a
    }

    /// Permutes the axes; with no permutation, reverses them (`.T`).
    public func transposed(_ perm: [Int]? = nil) throws(EngineError) -> Tensor {
        let p = perm ?? Array((0..<rank).reversed())
        guard p.sorted() == Array(0..<rank) else { throw .value("axes don't match array") }
        if rank < 2 { return self }
        if rank == 2 && p == [1, 0] {
            let r = shape[0]
            let c = shape[1]
            var out = [Double](repeating: 0, count: count)
            scalars.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<r { for j in 0..<c { o[j * r + i] = s[i * c + j] } }
                }
            }
            return Tensor(shape: [c, r], scalars: out).withDType(dtype)
        }
        let newShape = p.map { shape[$0] }
        let oldStrides = strides
        var out = [Double](repeating: 0, count: count)
        var counter = Array(repeating: 0, count: rank)
        for i in 0..<count {
            var src = 0
            for d in 0..<rank { src += counter[d] * oldStrides[p[d]] }
            out[i] = scalars[src]
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                if counter[d] < newShape[d] { break }
                counter[d] = 0
                d -= 1
            }
        }
        return Tensor(shape: newShape, scalars: out).withDType(dtype)
    }

    /// Joins tensors along an existing axis.
    public static func concatenate(_ parts: [Tensor], axis: Int) throws(EngineError) -> Tensor {
        guard let first = parts.first else { throw .value("need at least one array to concatenate") }
        guard first.rank > 0 else { throw .value("zero-dimensional arrays cannot be concatenated") }
        let ax = try first.axis(axis)
        for p in parts where p.rank != first.rank || (0..<p.rank).contains(where: { $0 != ax && p.shape[$0] != first.shape[$0] }) {
            throw .shape(
                "concatenate: all the input array dimensions except for the concatenation axis must match exactly, got shapes \(formatShape(first.shape)) and \(formatShape(p.shape))"
            )
        }
        let outer = first.shape[..<ax].reduce(1, *)
        var shape = first.shape
        shape[ax] = parts.map { $0.shape[ax] }.reduce(0, +)
        try checkSize(parts.reduce(0) { $0 + $1.count }, shape)
        var out: [Double] = []
        out.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for p in parts {
                let chunk = p.shape[ax...].reduce(1, *)
                out.append(contentsOf: p.scalars[(o * chunk)..<((o + 1) * chunk)])
            }
        }
        return Tensor(shape: shape, scalars: out).withDType(parts.map(\.dtype).reduce(parts.first?.dtype ?? .float64, DType.promote))
    }

    /// Splits along `axis` into pieces of the given sizes (the backward of `concatenate`).
    public func split(sizes: [Int], axis: Int) throws(EngineError) -> [Tensor] {
        let ax = try self.axis(axis)
        let outer = shape[..<ax].reduce(1, *)
        let inner = shape[(ax + 1)...].reduce(1, *)
        var results: [Tensor] = []
        var start = 0
        for size in sizes {
            var s = shape
            s[ax] = size
            var out: [Double] = []
            out.reserveCapacity(outer * size * inner)
            for o in 0..<outer {
                let base = (o * shape[ax] + start) * inner
                out.append(contentsOf: scalars[base..<(base + size * inner)])
            }
            results.append(Tensor(shape: s, scalars: out))
            start += size
        }
        return results
    }
}
