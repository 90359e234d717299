import Engine

// MARK: - More of numpy's array functions: stacking, flipping, rolling, repeating, counting,
// searching, logic; each with numpy's signature and dtype.

extension Library {
    static func addNumpyArrayFunctions(_ m: inout [String: Value], _ interp: Interpreter) {
        m["stack"] = fn(
            def: "stack(arrays, axis=0, out=None, *, dtype=None, casting='same_kind')", unsupported: ["out", "dtype", "casting"]
        ) {
            args throws(Failure) in
            let parts = try interp.iterate(try args.required(0, "arrays")).map { v throws(Failure) in try interp.tensor(v) }
            guard let first = parts.first else { throw Failure("ValueError: need at least one array to stack") }
            guard parts.allSatisfy({ $0.shape == first.shape }) else {
                throw Failure("ValueError: all input arrays must have the same shape")
            }
            let rank = first.value.rank + 1
            let axis = try args.int(1, "axis", 0)
            guard axis >= -rank, axis < rank else {
                throw Failure("AxisError: axis \(axis) is out of bounds for array of dimension \(rank)")
            }
            let at = axis < 0 ? axis + rank : axis
            var shape = first.shape
            shape.insert(1, at: at)
            return .tensor(
                try engine { () throws(EngineError) in
                    try Variable.concatenate(try parts.map { p throws(EngineError) in try Variable.reshape(p, shape) }, axis: at)
                })
        }
        m["ravel"] = fn(def: "ravel(a, order='C')", unsupported: ["order"]) { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            return .tensor(try engine { () throws(EngineError) in try Variable.reshape(t, [-1]) })
        }
        m["swapaxes"] = fn(def: "swapaxes(a, axis1, axis2)") { args throws(Failure) in
            let t = try interp.tensor(try args.required(0, "a"))
            let rank = t.value.rank
            var perm = Array(0..<rank)
            let axes = [try args.int(1, "axis1", 0), try args.int(2, "axis2", 0)].map { $0 < 0 ? $0 + rank : $0 }
            for a in axes where a < 0 || a >= rank {
                throw Failure("AxisError: axis \(a) is out of bounds for array of dimension \(rank)")
            }
            perm.swapAt(axes[0], axes[1])
            return .tensor(try engine { () throws(EngineError) in try Variable.transpose(t, perm) })
        }
        m["flip"] = fn(def: "flip(m, axis=None)") { args throws(Failure) in
            let t = try args.tensor(0, "m")
            let axes = try flipAxes(args.optional(1, "axis"), rank: t.rank, interp)
            return .tensor(Variable(flipped(t, axes)))
        }
        m["roll"] = fn(def: "roll(a, shift, axis=None)") { args throws(Failure) in
            let shift = try args.int(1, "shift", 0)
            let original = try args.tensor(0, "a")
            let (t, lanes) = try arrayAndAxis(args, default: nil, axisIndex: 2)
            let rolled = (0..<lanes.count).map { k in
                let lane = lanes.lane(t.scalars, k)
                guard !lane.isEmpty else { return lane }
                let s = ((shift % lane.count) + lane.count) % lane.count
                return Array(lane[(lane.count - s)...] + lane[..<(lane.count - s)])
            }
            // Without an axis the array was rolled flat; either way it keeps its shape.
            let result = try engine { () throws(EngineError) in
                try Tensor(shape: t.shape, scalars: lanes.assemble(rolled)).withDType(t.dtype).reshaped(original.shape)
            }
            return .tensor(Variable(result))
        }
        m["repeat"] = fn(def: "repeat(a, repeats, axis=None)") { args throws(Failure) in
            let n = try args.int(1, "repeats", 1)
            guard n >= 0 else { throw Failure("ValueError: negative dimensions are not allowed") }
            let (t, lanes) = try arrayAndAxis(args, default: nil, axisIndex: 2)
            try interp.checkSize([t.count, n])
            let repeated = (0..<lanes.count).map { k in lanes.lane(t.scalars, k).flatMap { Array(repeating: $0, count: n) } }
            var shape = t.shape
            shape[lanes.axis] *= n
            return .tensor(
                Variable(Tensor(shape: shape, scalars: AxisLanes(shape: shape, axis: lanes.axis).assemble(repeated)).withDType(t.dtype)))
        }
        m["cumprod"] = fn(def: "cumprod(a, axis=None, dtype=None, out=None)", unsupported: ["dtype", "out"]) { args throws(Failure) in
            let (t, lanes) = try arrayAndAxis(args, default: nil)
            let products = (0..<lanes.count).map { k in
                var running = 1.0
                return lanes.lane(t.scalars, k).map { x in
                    running *= x
                    return running
                }
            }
            let dtype: DType = t.dtype == .bool ? .int64 : t.dtype
            return .tensor(Variable(Tensor(shape: t.shape, scalars: lanes.assemble(products)).withDType(dtype)))
        }
        m["trace"] = fn(def: "trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)", unsupported: ["axis1", "axis2", "dtype", "out"])
        {
            args throws(Failure) in
            let t = try args.tensor(0, "a")
            guard t.rank == 2 else { throw Failure("NotImplementedError: Lectern's trace() takes a 2-D array") }
            let k = try args.int(1, "offset", 0)
            let (rows, cols) = (t.shape[0], t.shape[1])
            var total = 0.0
            for i in 0..<rows where i + k >= 0 && i + k < cols { total += t.scalars[i * cols + i + k] }
            return .tensor(Variable(Tensor(total).withDType(t.dtype == .bool ? .int64 : t.dtype)))
        }
        m["bincount"] = fn(def: "bincount(x, /, weights=None, minlength=0)") { args throws(Failure) in
            let x = try args.tensor(0, "x")
            guard x.rank == 1 else { throw Failure("ValueError: object too deep for desired array") }
            guard x.dtype == .int64 || x.dtype == .bool || x.count == 0 else {
                throw Failure("TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
            }
            guard x.scalars.allSatisfy({ $0 >= 0 }) else { throw Failure("ValueError: 'list' argument must have no negative elements") }
            let weights = try args.optional(1, "weights").flatMap { w throws(Failure) in w.isNone ? nil : try interp.tensor(w).value }
            if let weights, weights.count != x.count { throw Failure("ValueError: The weights and list don't have the same length.") }
            let length = max(Int(x.scalars.max() ?? -1) + 1, try args.int(2, "minlength", 0))
            try interp.checkSize([length])
            var counts = [Double](repeating: 0, count: length)
            for (p, v) in x.scalars.enumerated() { counts[Int(v)] += weights?.scalars[p] ?? 1 }
            return .tensor(Variable(Tensor(shape: [length], scalars: counts).withDType(weights == nil ? .int64 : .float64)))
        }
        m["searchsorted"] = fn(def: "searchsorted(a, v, side='left', sorter=None)", unsupported: ["sorter"]) { args throws(Failure) in
            let a = try args.tensor(0, "a").scalars
            let side = try args.string(2, "side") ?? "left"
            guard side == "left" || side == "right" else {
                throw Failure("ValueError: side must be 'left' or 'right' (got '\(side)')")
            }
            let vValue = try args.required(1, "v")
            let v = try interp.tensor(vValue).value
            // The first index whose element is >= x (left) or > x (right): a binary search.
            let found = v.scalars.map { x in
                var (lo, hi) = (0, a.count)
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if side == "left" ? a[mid] < x : a[mid] <= x { lo = mid + 1 } else { hi = mid }
                }
                return Double(lo)
            }
            let result = Tensor(shape: v.shape, scalars: found).withDType(.int64)
            return .tensor(Variable(result))
        }
        for (name, op) in [("logical_and", { (a: Bool, b: Bool) in a && b }), ("logical_or", { $0 || $1 }), ("logical_xor", { $0 != $1 })] {
            m[name] = fn(def: ufunc(name, ["x1", "x2"]), unsupported: ufuncOptions) { args throws(Failure) in
                let (a, b) = (try args.tensor(0, "x1"), try args.tensor(1, "x2"))
                let r = try engine { () throws(EngineError) in try Tensor.zip(a, b, name) { op($0 != 0, $1 != 0) ? 1 : 0 } }
                return boolArray(r.shape, r.scalars.map { $0 != 0 })
            }
        }
        m["logical_not"] = fn(def: ufunc("logical_not"), unsupported: ufuncOptions) { args throws(Failure) in
            let x = try args.tensor(0, "x")
            return boolArray(x.shape, x.scalars.map { $0 == 0 })
        }
        m["argwhere"] = fn(def: "argwhere(a)") { args throws(Failure) in
            let t = try args.tensor(0, "a")
            let strides = t.strides
            let hits = t.scalars.indices.filter { t.scalars[$0] != 0 }
            let rows = hits.flatMap { p in (0..<t.rank).map { Double((p / strides[$0]) % t.shape[$0]) } }
            return .tensor(Variable(Tensor(shape: [hits.count, t.rank], scalars: rows).withDType(.int64)))
        }
        m["isin"] = fn(def: "isin(element, test_elements, assume_unique=False, invert=False, *, kind=None)") { args throws(Failure) in
            let element = try args.tensor(0, "element")
            let tests = Set(try args.tensor(1, "test_elements").scalars)
            let invert = try args.bool(3, "invert", false)
            return boolArray(element.shape, element.scalars.map { tests.contains($0) != invert })
        }
        m["kron"] = fn(def: "kron(a, b)") { args throws(Failure) in
            let (a, b) = (try args.tensor(0, "a"), try args.tensor(1, "b"))
            guard a.rank == b.rank, (1...2).contains(a.rank) else {
                throw Failure("NotImplementedError: Lectern's kron() takes two 1-D or two 2-D arrays")
            }
            let (ar, ac) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
            let (br, bc) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (1, b.shape[0])
            try interp.checkSize([ar * br, ac * bc])
            var out = [Double](repeating: 0, count: ar * br * ac * bc)
            for i in 0..<ar {
                for j in 0..<ac {
                    for k in 0..<br {
                        for l in 0..<bc { out[(i * br + k) * ac * bc + j * bc + l] = a.scalars[i * ac + j] * b.scalars[k * bc + l] }
                    }
                }
            }
            let shape = a.rank == 2 ? [ar * br, ac * bc] : [ac * bc]
            return .tensor(Variable(Tensor(shape: shape, scalars: out).withDType(DType.promote(a.dtype, b.dtype))))
        }
        m["cross"] = fn(def: "cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)", unsupported: ["axisa", "axisb", "axisc", "axis"]) {
            args throws(Failure) in
            let (a, b) = (try args.tensor(0, "a"), try args.tensor(1, "b"))
            guard a.rank == 1, b.rank == 1, a.count == 3, b.count == 3 else {
                throw Failure("NotImplementedError: Lectern's cross() takes two vectors of 3 elements")
            }
            let (x, y) = (a.scalars, b.scalars)
            let c = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]]
            return .tensor(Variable(Tensor(shape: [3], scalars: c).withDType(DType.promote(a.dtype, b.dtype))))
        }
        m["histogram"] = fn(def: "histogram(a, bins=10, range=None, density=None, weights=None)") { args throws(Failure) in
            let a = try args.tensor(0, "a").scalars
            guard case .int(let bins) = args.value("bins") else {
                throw Failure("NotImplementedError: Lectern's histogram() takes bins as a number of bins")
            }
            guard bins >= 1 else { throw Failure("ValueError: `bins` must be positive, when an integer") }
            try interp.checkSize([bins])
            try interp.checkSize([bins + 1])
            let weights = try args.optional(4, "weights").flatMap { w throws(Failure) in w.isNone ? nil : try interp.tensor(w).value.scalars
            }
            if let weights, weights.count != a.count { throw Failure("ValueError: weights should have the same shape as a.") }
            // numpy's autodetected range is NaN when any value is.
            var (first, last) = a.contains(where: \.isNaN) ? (Double.nan, Double.nan) : (a.min() ?? 0, a.max() ?? 1)
            var supplied = false
            if let r = args.optional(2, "range"), !r.isNone {
                supplied = true
                let bounds = try interp.tensor(r).value.scalars
                guard bounds.count == 2, bounds[0] <= bounds[1] else {
                    throw Failure("ValueError: max must be larger than min in range parameter.")
                }
                (first, last) = (bounds[0], bounds[1])
            }
            guard first.isFinite && last.isFinite else {
                let which = supplied ? "supplied" : "autodetected"
                throw Failure(
                    "ValueError: \(which) range of [\(Interpreter.floatRepr(first)), \(Interpreter.floatRepr(last))] is not finite")
            }
            if first == last { (first, last) = (first - 0.5, last + 0.5) }
            let edges = linspaceValues(first, last, bins + 1)
            var counts = [Double](repeating: 0, count: bins)
            // numpy's uniform-bin rule: scale into a bin, then correct by one against the edges.
            let norm = Double(bins) / (last - first)
            for (p, x) in a.enumerated() where x >= first && x <= last {
                let scaled = (x - first) * norm
                // A range too narrow for the scaling (norm is infinite) falls back to the edges.
                var k = scaled.isFinite ? min(Int(scaled), bins - 1) : min(edges.lastIndex { $0 <= x } ?? 0, bins - 1)
                if x < edges[k] { k -= 1 }
                if k != bins - 1 && x >= edges[k + 1] { k += 1 }
                counts[k] += weights?[p] ?? 1
            }
            var hist = Tensor(shape: [bins], scalars: counts).withDType(weights == nil ? .int64 : .float64)
            if let density = args.optional(3, "density"), try interp.truthy(density) {
                let total = counts.reduce(0, +)
                hist = Tensor(shape: [bins], scalars: (0..<bins).map { counts[$0] / (edges[$0 + 1] - edges[$0]) / total })
            }
            return .tuple([.tensor(Variable(hist)), .tensor(Variable(Tensor(shape: [bins + 1], scalars: edges)))])
        }
        withoutGradient(
            ["flip", "roll", "repeat", "cumprod", "trace", "bincount", "searchsorted", "kron", "cross", "histogram"], in: &m, prefix: "np.")
    }

    /// `np.linspace(a, b, n)`'s values (endpoint included, the last one exactly `b`).
    static func linspaceValues(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        let step = (b - a) / Double(max(n - 1, 1))
        var values = (0..<n).map { a + Double($0) * step }
        if n > 1 { values[n - 1] = b }
        return values
    }

    /// The axes `np.flip` reverses: all of them for None, else the given ones.
    private static func flipAxes(_ v: Value?, rank: Int, _ interp: Interpreter) throws(Failure) -> [Int] {
        guard let v, !v.isNone else { return Array(0..<rank) }
        let raw: [Int] = if case .int(let i) = v { [i] } else { try interp.shape(v) }
        return try raw.map { a throws(Failure) in
            guard a >= -rank, a < rank else { throw Failure("AxisError: axis \(a) is out of bounds for array of dimension \(rank)") }
            return a < 0 ? a + rank : a
        }
    }

    private static func flipped(_ t: Tensor, _ axes: [Int]) -> Tensor {
        var out = t
        let strides = t.strides
        for p in 0..<t.count {
            var source = 0
            for axis in 0..<t.rank {
                let i = (p / strides[axis]) % t.shape[axis]
                source += (axes.contains(axis) ? t.shape[axis] - 1 - i : i) * strides[axis]
            }
            out.scalars[p] = t.scalars[source]
        }
        return out
    }
}
