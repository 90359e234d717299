// MARK: - numpy indexing and slicing

/// One entry of a subscript such as `a[0, 1:3, :, None]`.
public enum IndexItem: Sendable, Equatable {
    case at(Int)
    case range(start: Int?, stop: Int?, step: Int?)
    case list([Int])
    /// A boolean mask along one axis: its length must be the axis's.
    case mask([Bool])
    case newAxis
    case ellipsis
}

/// Which source elements a subscript selects, and the shape of the result.
public struct IndexPlan: Sendable {
    /// The selected indices along each source axis.
    let selections: [[Int]]
    public let resultShape: [Int]
    let sourceShape: [Int]

    public init(shape: [Int], items: [IndexItem]) throws(EngineError) {
        var items = items
        let consuming = items.filter { $0 != .newAxis && $0 != .ellipsis }.count
        guard consuming <= shape.count else {
            throw .index("too many indices for array: array is \(shape.count)-dimensional, but \(consuming) were indexed")
        }
        if let e = items.firstIndex(of: .ellipsis) {
            items.replaceSubrange(e...e, with: Array(repeating: .range(start: nil, stop: nil, step: nil), count: shape.count - consuming))
        }
        var selections: [[Int]] = []
        var resultShape: [Int] = []
        var axis = 0
        for item in items {
            if item == .newAxis {
                resultShape.append(1)
                continue
            }
            let n = shape[axis]
            switch item {
            case .at(let i):
                let j = i < 0 ? i + n : i
                guard j >= 0, j < n else {
                    throw .index("index \(i) is out of bounds for axis \(axis) with size \(n)")
                }
                selections.append([j])
            case .range(let start, let stop, let step):
                let r = IndexPlan.sliceIndices(n: n, start: start, stop: stop, step: step ?? 1)
                guard step != 0 else { throw .value("slice step cannot be zero") }
                selections.append(r)
                resultShape.append(r.count)
            case .mask(let mask):
                guard mask.count == n else {
                    throw .index(
                        "boolean index did not match indexed array along axis \(axis); size of axis is \(n) but size of corresponding boolean axis is \(mask.count)"
                    )
                }
                let r = mask.indices.filter { mask[$0] }
                selections.append(r)
                resultShape.append(r.count)
            case .list(let list):
                var r: [Int] = []
                for i in list {
                    let j = i < 0 ? i + n : i
                    guard j >= 0, j < n else { throw .index("index \(i) is out of bounds for axis \(axis) with size \(n)") }
                    r.append(j)
                }
                selections.append(r)
                resultShape.append(r.count)
            case .newAxis, .ellipsis: break
            }
            axis += 1
        }
        while axis < shape.count {
            selections.append(Array(0..<shape[axis]))
            resultShape.append(shape[axis])
            axis += 1
        }
        self.selections = selections
        self.resultShape = resultShape
        self.sourceShape = shape
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
        let strides = Tensor.strides(for: sourceShape)
        var offsets = [0]
        for (axis, sel) in selections.enumerated() {
            var next: [Int] = []
            next.reserveCapacity(offsets.count * sel.count)
            for base in offsets { for i in sel { next.append(base + i * strides[axis]) } }
            offsets = next
        }
        return offsets
    }
}

extension Tensor {
    public subscript(plan plan: IndexPlan) -> Tensor {
        // Whole rows picked along the first axis (a batch of samples): copy row by row.
        if shape.count >= 1, plan.selections.count == shape.count, isPlainRows(plan) {
            let row = shape.dropFirst().reduce(1, *)
            var out: [Double] = []
            out.reserveCapacity(plan.selections[0].count * row)
            scalars.withUnsafeBufferPointer { src in
                for r in plan.selections[0] { out.append(contentsOf: src[(r * row)..<((r + 1) * row)]) }
            }
            return Tensor(shape: plan.resultShape, scalars: out)
        }
        return Tensor(shape: plan.resultShape, scalars: plan.offsets().map { scalars[$0] })
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

    /// True when every axis after the first is selected whole and in order.
    private func isPlainRows(_ plan: IndexPlan) -> Bool {
        for axis in 1..<shape.count {
            let sel = plan.selections[axis]
            guard sel.count == shape[axis], sel.first ?? 0 == 0, sel.last ?? 0 == shape[axis] - 1 else { return false }
            for (i, v) in sel.enumerated() where i != v { return false }
        }
        return true
    }

    public func indexed(_ items: [IndexItem]) throws(EngineError) -> Tensor {
        self[plan: try IndexPlan(shape: shape, items: items)]
    }

    /// Assigns `value` (broadcast to the selection) to the selected elements.
    public mutating func assign(_ items: [IndexItem], _ value: Tensor) throws(EngineError) {
        let plan = try IndexPlan(shape: shape, items: items)
        let v = try value.broadcast(to: plan.resultShape)
        for (i, o) in plan.offsets().enumerated() { scalars[o] = v.scalars[i] }
    }

    /// Adds `grad` into the selected elements of a zero tensor of `shape` (the backward of indexing).
    public static func scatterAdd(_ grad: Tensor, plan: IndexPlan) -> Tensor {
        var out = Tensor.zeros(plan.sourceShape)
        for (i, o) in plan.offsets().enumerated() { out.scalars[o] += grad.scalars[i] }
        return out
    }
}
