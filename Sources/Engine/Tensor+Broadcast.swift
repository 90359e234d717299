// MARK: - Broadcasting

extension Tensor {
    /// The shape two operands broadcast to under numpy's rules, or nil.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = Array(repeating: 0, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 { result[i] = da } else if da == 1 { result[i] = db } else { return nil }
        }
        return result
    }

    /// Applies `op` elementwise after broadcasting; `name` goes into the error message.
    @inlinable
    public static func zip(
        _ a: Tensor, _ b: Tensor, _ name: String, _ op: (Double, Double) -> Double
    ) throws(EngineError) -> Tensor {
        if a.shape == b.shape {
            var out = a.scalars
            out.withUnsafeMutableBufferPointer { o in
                b.scalars.withUnsafeBufferPointer { bb in
                    for i in 0..<o.count { o[i] = op(o[i], bb[i]) }
                }
            }
            return Tensor(shape: a.shape, scalars: out)
        }
        guard let shape = broadcastShape(a.shape, b.shape) else {
            throw .shape(
                "operands could not be broadcast together with shapes \(formatShape(a.shape)) \(formatShape(b.shape)) in '\(name)'")
        }
        try checkSize(shape.reduce(1, *), shape)
        if b.count == 1 && shape == a.shape {
            let s = b.scalars[0]
            return Tensor(shape: shape, scalars: a.scalars.map { op($0, s) })
        }
        if a.count == 1 && shape == b.shape {
            let s = a.scalars[0]
            return Tensor(shape: shape, scalars: b.scalars.map { op(s, $0) })
        }
        // A trailing block repeated over leading axes (a bias row added to a batch).
        if shape == a.shape && b.count > 0 && a.shape.suffix(b.rank).elementsEqual(b.shape) {
            let width = b.count
            var out = a.scalars
            out.withUnsafeMutableBufferPointer { o in
                b.scalars.withUnsafeBufferPointer { bb in
                    for row in stride(from: 0, to: o.count, by: width) {
                        for j in 0..<width { o[row + j] = op(o[row + j], bb[j]) }
                    }
                }
            }
            return Tensor(shape: shape, scalars: out)
        }
        if shape == b.shape && a.count > 0 && b.shape.suffix(a.rank).elementsEqual(a.shape) {
            let width = a.count
            var out = b.scalars
            out.withUnsafeMutableBufferPointer { o in
                a.scalars.withUnsafeBufferPointer { aa in
                    for row in stride(from: 0, to: o.count, by: width) {
                        for j in 0..<width { o[row + j] = op(aa[j], o[row + j]) }
                    }
                }
            }
            return Tensor(shape: shape, scalars: out)
        }
        let total = shape.reduce(1, *)
        guard total > 0 else { return Tensor(shape: shape, scalars: []) }
        // Both operands walked with their broadcast strides (0 along a stretched axis): rows of
        // the last axis in a tight loop, an odometer over the others.
        let rank = shape.count
        let sa = a.broadcastStrides(to: shape)
        let sb = b.broadcastStrides(to: shape)
        let inner = shape[rank - 1]
        let (ia, ib) = (sa[rank - 1], sb[rank - 1])
        var out = [Double](repeating: 0, count: total)
        var counter = [Int](repeating: 0, count: rank)
        var (pa, pb) = (0, 0)
        a.scalars.withUnsafeBufferPointer { aa in
            b.scalars.withUnsafeBufferPointer { bb in
                out.withUnsafeMutableBufferPointer { o in
                    for base in stride(from: 0, to: total, by: inner) {
                        for j in 0..<inner { o[base + j] = op(aa[pa + j * ia], bb[pb + j * ib]) }
                        var axis = rank - 2
                        while axis >= 0 {
                            counter[axis] += 1
                            pa += sa[axis]
                            pb += sb[axis]
                            if counter[axis] < shape[axis] { break }
                            pa -= sa[axis] * shape[axis]
                            pb -= sb[axis] * shape[axis]
                            counter[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// This tensor's strides seen from a broadcast `shape`: 0 along axes it is stretched over.
    @usableFromInline
    func broadcastStrides(to shape: [Int]) -> [Int] {
        var result = Array(repeating: 0, count: shape.count)
        let offset = shape.count - self.shape.count
        let own = strides
        for i in 0..<self.shape.count where self.shape[i] != 1 { result[i + offset] = own[i] }
        return result
    }

    /// For each element of `shape`, the index of the element of `self` that broadcasts onto it.
    @usableFromInline
    func broadcastIndices(to shape: [Int]) -> [Int] {
        let total = shape.reduce(1, *)
        let offset = shape.count - self.shape.count
        var srcStrides = Array(repeating: 0, count: shape.count)
        let own = strides
        for i in 0..<self.shape.count where self.shape[i] != 1 { srcStrides[i + offset] = own[i] }
        var result = [Int](repeating: 0, count: total)
        var counter = Array(repeating: 0, count: shape.count)
        var src = 0
        for i in 0..<total {
            result[i] = src
            var axis = shape.count - 1
            while axis >= 0 {
                counter[axis] += 1
                src += srcStrides[axis]
                if counter[axis] < shape[axis] { break }
                src -= srcStrides[axis] * counter[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return result
    }

    public func broadcast(to shape: [Int]) throws(EngineError) -> Tensor {
        if self.shape == shape { return self }
        guard Tensor.broadcastShape(self.shape, shape) == shape else {
            throw .shape("cannot broadcast shape \(formatShape(self.shape)) to \(formatShape(shape))")
        }
        let total = shape.reduce(1, *)
        if count == 1 { return Tensor(shape: shape, scalars: Array(repeating: scalars[0], count: total)).withDType(dtype) }
        let frame = Tensor(shape: shape, scalars: Array(repeating: 0, count: total))
        return try Tensor.zip(self, frame, "broadcast") { x, _ in x }.withDType(dtype)
    }

    /// Sums a broadcast gradient back down to `shape` (the backward of every broadcasting op).
    public func unbroadcast(to shape: [Int]) -> Tensor {
        if self.shape == shape { return self }
        // Summing leading blocks onto a trailing shape: the same ascending order as below.
        let width = shape.reduce(1, *)
        if width > 0, shape.count <= self.shape.count, Array(self.shape.suffix(shape.count)) == shape {
            return Tensor(shape: shape, scalars: scalars.withUnsafeBufferPointer { RowKernels.columnSums($0, width: width) })
        }
        var result = Tensor.zeros(shape)
        let target = Tensor(shape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *)))
        let idx = target.broadcastIndices(to: self.shape)
        for i in 0..<count { result.scalars[idx[i]] += scalars[i] }
        return result
    }
}
