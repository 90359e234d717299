// MARK: - numpy indexing and slicing

/// One entry of a subscript such as `a[0, 1:3, :, None]`.
public enum IndexItem: Sendable, Equatable {
    case at(Int)
    case range(start: Int?, stop: Int?, step: Int?)
    /// A 1-D integer index array (or list).
    case list([Int])
    /// An integer index array of any shape; numpy broadcasts all index arrays together.
    case array(shape: [Int], indices: [Int])
    /// A boolean mask along one axis: its length must be the axis's.
    case mask([Bool])
    case newAxis
    case ellipsis

    var isInteger: Bool { if case .at = self { true } else { false } }

    /// True for the items that select by position (numpy's advanced indices).
    var isAdvanced: Bool {
        switch self {
        case .list, .array, .mask: return true
        default: return false
        }
    }
}

/// Which source elements a subscript selects, and the shape of the result, by numpy's rules:
/// basic items (integers, slices, `None`, `...`) select along their axis; all index arrays
/// (and integers beside them) broadcast together into one block of result axes, placed where
/// the arrays stand when they are adjacent and first otherwise.
public struct IndexPlan: Sendable {
    /// Each result component: a run of positions along one source axis (a basic item), or
    /// the broadcast block of the advanced indices.
    enum Component {
        case basic(positions: [Int], stride: Int, keepsAxis: Bool)
        case block(shape: [Int], offsets: [Int])
    }

    let components: [Component]
    public let resultShape: [Int]
    let sourceShape: [Int]
    /// Set when the subscript only picks whole rows along axis 0 (a training batch).
    let rowSelection: [Int]?

    public init(shape: [Int], items: [IndexItem]) throws(EngineError) {
        var items = items
        let consuming = items.filter { $0 != .newAxis && $0 != .ellipsis }.count
        guard consuming <= shape.count else {
            throw .index("too many indices for array: array is \(shape.count)-dimensional, but \(consuming) were indexed")
        }
        guard items.filter({ $0 == .ellipsis }).count <= 1 else { throw .index("an index can only have a single ellipsis ('...')") }
        if let e = items.firstIndex(of: .ellipsis) {
            items.replaceSubrange(e...e, with: Array(repeating: .range(start: nil, stop: nil, step: nil), count: shape.count - consuming))
        }
        while items.filter({ $0 != .newAxis }).count < shape.count { items.append(.range(start: nil, stop: nil, step: nil)) }
        let strides = Tensor.strides(for: shape)
        let hasArrays = items.contains(where: \.isAdvanced)
        // With index arrays present, integers are advanced too (0-d arrays that broadcast).
        let advancedPositions = items.indices.filter { items[$0].isAdvanced || (hasArrays && items[$0].isInteger) }
        var basic: [(Int, Component)] = []
        var advanced: [(axis: Int, shape: [Int], indices: [Int])] = []
        var axis = 0
        for (position, item) in items.enumerated() {
            if item == .newAxis {
                basic.append((position, .basic(positions: [0], stride: 0, keepsAxis: true)))
                continue
            }
            let n = shape[axis]
            func checked(_ i: Int) throws(EngineError) -> Int {
                let j = i < 0 ? i + n : i
                guard j >= 0, j < n else { throw .index("index \(i) is out of bounds for axis \(axis) with size \(n)") }
                return j
            }
            switch item {
            case .at(let i):
                if hasArrays {
                    advanced.append((axis, [], [try checked(i)]))
                } else {
                    basic.append((position, .basic(positions: [try checked(i)], stride: strides[axis], keepsAxis: false)))
                }
            case .range(let start, let stop, let step):
                guard step != 0 else { throw .value("slice step cannot be zero") }
                let r = IndexPlan.sliceIndices(n: n, start: start, stop: stop, step: step ?? 1)
                basic.append((position, .basic(positions: r, stride: strides[axis], keepsAxis: true)))
            case .mask(let mask):
                guard mask.count == n else {
                    throw .index(
                        "boolean index did not match indexed array along axis \(axis); size of axis is \(n) but size of corresponding boolean axis is \(mask.count)"
                    )
                }
                let r = mask.indices.filter { mask[$0] }
                advanced.append((axis, [r.count], r))
            case .list(let list):
                var r: [Int] = []
                r.reserveCapacity(list.count)
                for i in list { r.append(try checked(i)) }
                advanced.append((axis, [r.count], r))
            case .array(let s, let list):
                var r: [Int] = []
                r.reserveCapacity(list.count)
                for i in list { r.append(try checked(i)) }
                advanced.append((axis, s, r))
            case .newAxis, .ellipsis: break
            }
            axis += 1
        }
        var components = basic
        if !advanced.isEmpty {
            let block = try IndexPlan.block(advanced, strides)
            let adjacent = advancedPositions.last! - advancedPositions.first! + 1 == advancedPositions.count
            let at = adjacent ? advancedPositions.first! : -1
            components.append((at, block))
            components.sort { $0.0 < $1.0 }
        }
        self.components = components.map(\.1)
        var resultShape: [Int] = []
        for c in self.components {
            switch c {
            case .basic(let positions, _, let keeps): if keeps { resultShape.append(positions.count) }
            case .block(let s, _): resultShape += s
            }
        }
        self.resultShape = resultShape
        self.sourceShape = shape
        if items.count == shape.count, shape.count >= 1, case .list(let rows) = items[0],
            items.dropFirst().allSatisfy({ $0 == .range(start: nil, stop: nil, step: nil) }),
            case .block(_, _) = self.components[0]
        {
            rowSelection = rows.map { $0 < 0 ? $0 + shape[0] : $0 }
        } else {
            rowSelection = nil
        }
    }

    /// The broadcast block of advanced indices: its shape and each entry's source offset.
    private static func block(_ advanced: [(axis: Int, shape: [Int], indices: [Int])], _ strides: [Int]) throws(EngineError) -> Component {
        var shape: [Int] = []
        for a in advanced {
            guard let s = Tensor.broadcastShape(shape, a.shape) else {
                throw .index(
                    "shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + advanced.map { formatShape($0.shape) }.joined(separator: " "))
            }
            shape = s
        }
        let count = shape.reduce(1, *)
        var offsets = [Int](repeating: 0, count: count)
        for a in advanced {
            let source = Tensor(shape: a.shape, scalars: a.indices.map(Double.init))
            let spread = count == a.indices.count && a.shape == shape ? source : ((try? source.broadcast(to: shape)) ?? source)
            for k in 0..<count { offsets[k] += Int(spread.scalars[k]) * strides[a.axis] }
        }
        return .block(shape: shape, offsets: offsets)
    }

    /// Python's slice semantics: clamped bounds, negative indices from the end, any step.
    public static func sliceIndices(n: Int, start: Int?, stop: Int?, step: Int) -> [Int] {
        guard step != 0 else { return [] }
        func clamp(_ v: Int?, _ def: Int, lo: Int, hi: Int) -> Int {
            guard var v else { return def }
            if v < 0 { v += n }
            return Swift.min(Swift.max(v, lo), hi)
        }
        if step > 0 {
            let s = clamp(start, 0, lo: 0, hi: n)
            let e = clamp(stop, n, lo: 0, hi: n)
            return s < e ? Array(stride(from: s, to: e, by: step)) : []
        }
        let s = clamp(start, n - 1, lo: -1, hi: n - 1)
        let e = clamp(stop, -1, lo: -1, hi: n - 1)
        return s > e ? Array(stride(from: s, to: e, by: step)) : []
    }

    /// Flat source offsets of the selected elements, in result order.
    func offsets() -> [Int] {
        var offsets = [0]
        for c in components {
            let steps: [Int]
            switch c {
            case .basic(let positions, let stride, _): steps = positions.map { $0 * stride }
            case .block(_, let o): steps = o
            }
            if steps.count == 1 {
                if steps[0] != 0 { for k in offsets.indices { offsets[k] += steps[0] } }
                continue
            }
            var next: [Int] = []
            next.reserveCapacity(offsets.count * steps.count)
            for base in offsets { for s in steps { next.append(base + s) } }
            offsets = next
        }
        return offsets
    }
}

extension Tensor {
    public subscript(plan plan: IndexPlan) -> Tensor {
        // Whole rows picked along the first axis (a batch of samples): copy row by row.
        if let rows = plan.rowSelection {
            let row = shape.dropFirst().reduce(1, *)
            var out: [Double] = []
            out.reserveCapacity(rows.count * row)
            scalars.withUnsafeBufferPointer { src in
                for r in rows { out.append(contentsOf: src[(r * row)..<((r + 1) * row)]) }
            }
            return Tensor(shape: plan.resultShape, scalars: out).withDType(dtype)
        }
        return Tensor(shape: plan.resultShape, scalars: plan.offsets().map { scalars[$0] }).withDType(dtype)
    }

    /// The given rows (along the first axis), in order: a training batch.
    public func rows(_ indices: [Int]) throws(EngineError) -> Tensor {
        guard let n = shape.first else { throw .index("cannot take rows of a 0-d array") }
        let width = count / max(n, 1)
        var out = [Double]()
        out.reserveCapacity(indices.count * width)
        try scalars.withUnsafeBufferPointer { (src: UnsafeBufferPointer<Double>) throws(EngineError) in
            for r in indices {
                guard r >= 0, r < n else { throw .index("index \(r) is out of bounds for axis 0 with size \(n)") }
                out.append(contentsOf: src[(r * width)..<((r + 1) * width)])
            }
        }
        return Tensor(shape: [indices.count] + shape.dropFirst(), scalars: out)
    }

    public func indexed(_ items: [IndexItem]) throws(EngineError) -> Tensor {
        self[plan: try IndexPlan(shape: shape, items: items)]
    }

    /// Assigns `value` (broadcast to the selection) to the selected elements.
    public mutating func assign(_ items: [IndexItem], _ value: Tensor) throws(EngineError) {
        let plan = try IndexPlan(shape: shape, items: items)
        let v = try value.broadcast(to: plan.resultShape)
        for (i, o) in plan.offsets().enumerated() { scalars[o] = dtype.cast(v.scalars[i]) }
    }

    /// Adds `grad` into the selected elements of a zero tensor of `shape` (the backward of indexing).
    public static func scatterAdd(_ grad: Tensor, plan: IndexPlan) -> Tensor {
        var out = Tensor.zeros(plan.sourceShape)
        for (i, o) in plan.offsets().enumerated() { out.scalars[o] += grad.scalars[i] }
        return out
    }
}
