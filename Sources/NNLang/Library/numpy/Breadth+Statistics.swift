import Engine
import Foundation

/// `split`/`array_split` and the order statistics `percentile`, `quantile`, `median`.
extension Library {
    static func split(_ args: Arguments, _ interp: Interpreter, equal: Bool) throws(Failure) -> Value {
        let t = try args.tensor(0, "ary")
        let axisArg = try args.int(2, "axis", 0)
        guard axisArg >= -t.rank && axisArg < t.rank else {
            throw Failure("AxisError: axis \(axisArg) is out of bounds for array of dimension \(t.rank)")
        }
        let axis = axisArg < 0 ? axisArg + t.rank : axisArg
        let n = t.shape[axis]
        let spec = try args.required(1, "indices_or_sections")
        var bounds: [Int]
        switch spec {
        case .int, .bool, .float:
            let sections = try spec.asInt("indices_or_sections")
            guard sections > 0 else { throw Failure("ValueError: number sections must be larger than 0.") }
            if equal && n % sections != 0 { throw Failure("ValueError: array split does not result in an equal division") }
            let (each, extras) = n.quotientAndRemainder(dividingBy: sections)
            bounds = [0]
            for i in 0..<sections { bounds.append(bounds[i] + each + (i < extras ? 1 : 0)) }
        default:
            let indices = try interp.iterate(spec).map { v throws(Failure) in try v.asInt("index") }
            bounds = [0] + indices + [n]
        }
        let prefix = Array(repeating: IndexItem.range(start: nil, stop: nil, step: nil), count: axis)
        var parts: [Value] = []
        for i in 0..<(bounds.count - 1) {
            let piece = try engine { () throws(EngineError) in
                try t.indexed(prefix + [.range(start: bounds[i], stop: bounds[i + 1], step: nil)])
            }
            parts.append(.tensor(Variable(piece)))
        }
        return .list(ListBox(parts))
    }

    /// Applies `f` (one value per requested quantile) to each lane along `axis`, sorted (argument 2
    /// for percentile/quantile, 1 for median); the quantiles' shape comes first, as in numpy.
    static func orderStatistic(
        _ args: Arguments, _ interp: Interpreter, keepdims: Bool, q qShape: [Int], _ f: ([Double]) -> [Double]
    ) throws(Failure) -> Value {
        let rank = try args.tensor(0, "a").rank
        let axisIndex = args.function == "median" ? 1 : 2
        let axisGiven = args.optional(axisIndex, "axis").map { !$0.isNone } ?? false
        let (t, lanes) = try arrayAndAxis(args, default: nil, axisIndex: axisIndex)
        // Each lane sorted once, stopping at the block's deadline (tens of millions of values
        // would otherwise sort on past it).
        let perLane = try (0..<lanes.count).map { k throws(Failure) in
            let lane = lanes.lane(t.scalars, k)
            return f(try engine { () throws(EngineError) in try StableSort.sorted(lane, by: <) })
        }
        let reduced = axisGiven ? lanes.reducedShape(keepdims: keepdims) : (keepdims ? Array(repeating: 1, count: rank) : [])
        let count = qShape.reduce(1, *)
        let values = (0..<count).flatMap { j in perLane.map { $0[j] } }
        let shape = qShape + reduced
        return shape.isEmpty ? numpyScalar(values[0], .float64) : .tensor(Variable(Tensor(shape: shape, scalars: values)))
    }

    /// numpy's 'linear' quantile (Hyndman & Fan 7) of a sorted lane: index (n−1)·q, then
    /// `_lerp` between the neighbours, which for t ≥ 0.5 interpolates from the upper one. NaN
    /// anywhere gives NaN.
    static func linearQuantile(_ sorted: [Double], _ q: Double) -> Double {
        if sorted.isEmpty || sorted.contains(where: \.isNaN) { return .nan }
        let n = sorted.count
        let virtual = Double(n - 1) * q
        var previous = virtual.rounded(.down)
        var next = previous + 1
        // numpy marks an index at or past the end as −1 (the last element) before taking γ.
        if virtual >= Double(n - 1) {
            previous = -1
            next = -1
        }
        let gamma = virtual - previous
        let a = sorted[previous < 0 ? n - 1 : Int(previous)]
        let b = sorted[next < 0 ? n - 1 : Int(next)]
        let diff = b - a
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
    }

    /// The middle value of a sorted lane, or the mean of the middle two (summed from 0 as
    /// numpy's `mean`).
    static func median(_ sorted: [Double]) -> Double {
        if sorted.isEmpty || sorted.contains(where: \.isNaN) { return .nan }
        let half = sorted.count / 2
        return sorted.count % 2 == 1 ? 0.0 + sorted[half] : ((0.0 + sorted[half - 1]) + sorted[half]) / 2
    }
}
