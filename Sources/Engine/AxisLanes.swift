/// The lanes of a row-major array along one axis, and numpy's order of summing them.
///
/// numpy sums a lane that is contiguous in memory (the last axis) pairwise, in blocks of 8
/// accumulators up to 128 elements; along any other axis it adds whole slices one after
/// another, so each lane is summed left to right. Matching that order matches numpy's bits.
public struct AxisLanes {
    public let shape: [Int]
    public let axis: Int
    let outer: Int
    let inner: Int

    public init(shape: [Int], axis: Int) {
        self.shape = shape
        self.axis = axis
        outer = shape[..<axis].reduce(1, *)
        inner = shape[(axis + 1)...].reduce(1, *)
    }

    public var length: Int { shape[axis] }
    public var count: Int { outer * inner }

    /// The shape with the axis removed, or kept as 1.
    public func reducedShape(keepdims: Bool) -> [Int] {
        var s = shape
        if keepdims { s[axis] = 1 } else { s.remove(at: axis) }
        return s
    }

    /// Lane `k` (in the row-major order of the reduced shape) of `values`.
    public func lane(_ values: [Double], _ k: Int) -> [Double] {
        let (o, i) = k.quotientAndRemainder(dividingBy: inner)
        let base = o * length * inner + i
        return (0..<length).map { values[base + $0 * inner] }
    }

    /// Applies `f` to every lane, in the reduced shape's order.
    public func map(_ values: [Double], _ f: ([Double]) -> Double) -> [Double] {
        (0..<count).map { f(lane(values, $0)) }
    }

    /// Writes `lanes[k]` back as lane `k` of an array of `shape`.
    public func assemble(_ lanes: [[Double]]) -> [Double] {
        var out = [Double](repeating: 0, count: shape.reduce(1, *))
        for (k, lane) in lanes.enumerated() {
            let (o, i) = k.quotientAndRemainder(dividingBy: inner)
            let base = o * length * inner + i
            for (j, v) in lane.enumerated() { out[base + j * inner] = v }
        }
        return out
    }

    /// The sum of one lane in numpy's order for this axis.
    public func sum(_ lane: [Double]) -> Double {
        axis == shape.count - 1 ? Self.pairwiseSum(lane[...]) : lane.reduce(0, +)
    }

    /// numpy's `pairwise_sum` of a contiguous run.
    public static func pairwiseSum(_ a: ArraySlice<Double>) -> Double {
        let n = a.count
        let s = a.startIndex
        if n < 8 { return a.reduce(0, +) }
        if n <= 128 {
            var r = Array(a[s..<(s + 8)])
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[s + i + j] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                res += a[s + i]
                i += 1
            }
            return res
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(a[s..<(s + half)]) + pairwiseSum(a[(s + half)...])
    }
}
