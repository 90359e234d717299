/// The memory of one ndarray: what makes arrays reference objects, as in numpy.
///
/// A root owns its elements. A view (a basic slice, `reshape`, `.T`) owns none: it is a
/// strided window (offset and strides in the root's flat elements) that reads and writes
/// the root, so writes through either are seen by both. Reading a view gathers its elements
/// into a cached tensor, refreshed whenever the root has been written since.
public final class ArrayStorage: @unchecked Sendable {
    private var data: Tensor
    /// The storage this one is a window of; nil for a root.
    public let root: ArrayStorage?
    let offset: Int
    let viewShape: [Int]
    let viewStrides: [Int]
    /// Counts the writes to a root; a view's cache is valid for one count.
    private var version = 0
    private var cachedVersion = -1

    public init(_ tensor: Tensor) {
        data = tensor
        root = nil
        offset = 0
        viewShape = tensor.shape
        viewStrides = Tensor.strides(for: tensor.shape)
    }

    private init(root: ArrayStorage, offset: Int, shape: [Int], strides: [Int]) {
        self.root = root
        self.offset = offset
        viewShape = shape
        viewStrides = strides
        data = Tensor(shape: [0], scalars: [])
    }

    /// The current elements, contiguous.
    public var tensor: Tensor {
        guard let root else { return data }
        if cachedVersion != root.version {
            data = gather(from: root.data)
            cachedVersion = root.version
        }
        return data
    }

    public var shape: [Int] { viewShape }
    public var dtype: DType { (root ?? self).data.dtype }
    /// The storage that owns the memory.
    public var owner: ArrayStorage { root ?? self }

    private func gather(from source: Tensor) -> Tensor {
        let offsets = rootOffsets()
        return source.scalars.withUnsafeBufferPointer { src in
            Tensor(shape: viewShape, scalars: offsets.map { src[$0] }).withDType(source.dtype)
        }
    }

    /// The flat root offset of every element, in row-major order.
    public func rootOffsets() -> [Int] {
        var offsets = [offset]
        for (n, s) in zip(viewShape, viewStrides) {
            var next: [Int] = []
            next.reserveCapacity(offsets.count * n)
            for base in offsets { for i in 0..<n { next.append(base + i * s) } }
            offsets = next
        }
        return offsets
    }

    /// The root offset of the element at row-major position `p` of this array.
    @inline(__always)
    func rootOffset(_ p: Int) -> Int {
        if root == nil { return p }
        var rest = p
        var o = offset
        for axis in stride(from: viewShape.count - 1, through: 0, by: -1) {
            let n = viewShape[axis]
            o += (rest % n) * viewStrides[axis]
            rest /= n
        }
        return o
    }

    // MARK: Views

    /// The window a basic subscript (integers, slices, `None`, `...`) selects; nil when the
    /// subscript has index arrays or masks (those copy).
    public func view(_ items: [IndexItem]) throws(EngineError) -> ArrayStorage? {
        guard !items.contains(where: \.isAdvanced) else { return nil }
        var items = items
        let consuming = items.filter { $0 != .newAxis && $0 != .ellipsis }.count
        guard consuming <= viewShape.count else {
            throw .index("too many indices for array: array is \(viewShape.count)-dimensional, but \(consuming) were indexed")
        }
        if let e = items.firstIndex(of: .ellipsis) {
            items.replaceSubrange(
                e...e, with: Array(repeating: .range(start: nil, stop: nil, step: nil), count: viewShape.count - consuming))
        }
        var o = offset
        var shape: [Int] = []
        var strides: [Int] = []
        var axis = 0
        for item in items {
            switch item {
            case .newAxis:
                shape.append(1)
                strides.append(0)
                continue
            case .at(let i):
                let n = viewShape[axis]
                let j = i < 0 ? i + n : i
                guard j >= 0, j < n else { throw .index("index \(i) is out of bounds for axis \(axis) with size \(n)") }
                o += j * viewStrides[axis]
            case .range(let start, let stop, let step):
                guard step != 0 else { throw .value("slice step cannot be zero") }
                let r = IndexPlan.sliceIndices(n: viewShape[axis], start: start, stop: stop, step: step ?? 1)
                if let first = r.first { o += first * viewStrides[axis] }
                shape.append(r.count)
                strides.append((step ?? 1) * viewStrides[axis])
            default: break
            }
            axis += 1
        }
        shape += viewShape[axis...]
        strides += viewStrides[axis...]
        return ArrayStorage(root: owner, offset: o, shape: shape, strides: strides)
    }

    /// The same elements under another shape, as a view when the memory is contiguous.
    public func reshaped(_ newShape: [Int]) -> ArrayStorage? {
        guard viewStrides == Tensor.strides(for: viewShape) || viewShape.reduce(1, *) <= 1 else { return nil }
        return ArrayStorage(root: owner, offset: offset, shape: newShape, strides: Tensor.strides(for: newShape))
    }

    /// The axes permuted (`.T`, `transpose`), always a view.
    public func permuted(_ perm: [Int]) -> ArrayStorage {
        ArrayStorage(root: owner, offset: offset, shape: perm.map { viewShape[$0] }, strides: perm.map { viewStrides[$0] })
    }

    // MARK: Writes

    /// Writes `values` (already of this array's shape or broadcastable to the selection)
    /// into the elements a subscript selects, converting to this array's dtype.
    public func assign(_ items: [IndexItem], _ value: Tensor) throws(EngineError) {
        let plan = try IndexPlan(shape: viewShape, items: items)
        let v = try value.broadcast(to: plan.resultShape)
        try write(plan.offsets(), v.scalars)
    }

    /// `a[mask] = value` for a boolean mask of this array's own shape (ReLU's backward,
    /// clipping): the selected positions straight from the mask, without index arrays.
    public func assign(mask: Tensor, _ value: Tensor) throws(EngineError) {
        var positions: [Int] = []
        positions.reserveCapacity(mask.count)
        mask.scalars.withUnsafeBufferPointer { m in
            for p in 0..<m.count where m[p] != 0 { positions.append(p) }
        }
        let v = try value.broadcast(to: [positions.count])
        try write(positions, v.scalars)
    }

    /// Replaces every element (in-place operators: `a += 1`).
    public func replaceAll(_ value: Tensor) throws(EngineError) {
        let v = try value.broadcast(to: viewShape)
        try write(Array(0..<v.count), v.scalars)
    }

    private func write(_ positions: [Int], _ values: [Double]) throws(EngineError) {
        let target = owner
        let dtype = target.data.dtype
        if dtype == .int64, let bad = values.first(where: { !$0.isFinite || Swift.abs($0) > DType.exactIntegerLimit }) {
            throw .value(
                bad.isFinite
                    ? "OverflowError: \(bad) is beyond 2**53, where Lectern's integers stop being exact"
                    : "cannot convert float \(bad) to integer")
        }
        let isRoot = root == nil
        target.data.scalars.withUnsafeMutableBufferPointer { d in
            for (p, x) in zip(positions, values) { d[isRoot ? p : rootOffset(p)] = dtype.cast(x) }
        }
        target.version &+= 1
    }

    /// True when the two arrays have an element in common (numpy's `shares_memory`).
    public func sharesMemory(with other: ArrayStorage) -> Bool {
        guard owner === other.owner else { return false }
        let mine = Set(rootOffsets())
        return other.rootOffsets().contains { mine.contains($0) }
    }
}
