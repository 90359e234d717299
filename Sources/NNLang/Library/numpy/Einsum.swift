import Engine

// MARK: - np.einsum

extension Library {
    static func addNumpyEinsum(_ m: inout [String: Value], _ interp: Interpreter) {
        // numpy's own signature: the subscripts are the first operand; `dtype`, `order` and
        // `casting` arrive as keywords.
        m["einsum"] = fn(def: "einsum(*operands, out=None, optimize=False, **kwargs)", unsupported: ["out"]) { args throws(Failure) in
            for (name, _) in args.extraKeywords {
                if ["dtype", "order", "casting"].contains(name) {
                    throw Failure("NotImplementedError: Lectern does not support einsum(\(name)=...)")
                }
                throw Failure("TypeError: einsum() got an unexpected keyword argument '\(name)'")
            }
            guard case .str(let subscripts)? = args.extraPositional.first else {
                throw Failure("NotImplementedError: Lectern's einsum takes its subscripts as a string ('ij,jk->ik')")
            }
            let operands = try args.extraPositional.dropFirst().map { v throws(Failure) in try interp.tensor(v).value }
            return try einsum(subscripts, operands)
        }
        withoutGradient(["einsum"], in: &m, prefix: "np.")
    }

    /// numpy's `einsum` in explicit (`ij,jk->ik`) and implicit (`ij,jk`: the labels that occur
    /// once, in alphabetical order) mode, repeated labels included (`ii` is the diagonal). Each
    /// output element sums, over the summed labels in row-major order from 0, the product of the
    /// operands' elements taken left to right (numpy's SIMD loops may round the last bit
    /// differently).
    static func einsum(_ subscripts: String, _ operands: [Tensor]) throws(Failure) -> Value {
        let spec = subscripts.filter { $0 != " " }
        if spec.contains(".") { throw Failure("NotImplementedError: Lectern's einsum does not support '...' (broadcasting) subscripts") }
        let sides = spec.components(separatedBy: "->")
        guard sides.count <= 2 else { throw Failure("ValueError: einstein sum subscript string contains more than one '->'") }
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        guard terms.count == operands.count else {
            throw Failure(
                // numpy's wording, which says "more" when the subscripts name more operands.
                "ValueError: \(operands.count < terms.count ? "more" : "fewer") operands provided to einstein sum function than specified in the subscripts string"
            )
        }
        var size: [Character: Int] = [:]
        var counts: [Character: Int] = [:]
        for (term, t) in zip(terms, operands) {
            guard term.count == t.rank else {
                throw Failure(
                    "ValueError: einstein sum subscripts string contains \(term.count == 0 ? "no" : "\(term.count)") subscripts for operand of rank \(t.rank)"
                )
            }
            if t.dtype == .bool { throw Failure("NotImplementedError: Lectern's einsum does not support bool arrays") }
            for (label, n) in zip(term, t.shape) {
                guard label.isASCII && label.isLetter else {
                    throw Failure("ValueError: invalid subscript '\(label)' in einstein sum subscripts string, subscripts must be letters")
                }
                if let known = size[label], known != n {
                    throw Failure("ValueError: operands could not be broadcast together: label '\(label)' has sizes \(known) and \(n)")
                }
                size[label] = n
                counts[label, default: 0] += 1
            }
        }
        let output: [Character]
        if sides.count == 2 {
            output = Array(sides[1])
            for label in output {
                guard size[label] != nil else {
                    throw Failure(
                        "ValueError: einstein sum subscripts string included output subscript '\(label)' which never appeared in an input")
                }
            }
            guard Set(output).count == output.count else {
                throw Failure("ValueError: einstein sum subscripts string includes output subscript more than once")
            }
        } else {
            output = counts.keys.filter { counts[$0] == 1 }.sorted()
        }
        let summed = size.keys.filter { !output.contains($0) }.sorted()
        let labels = output + summed
        let dims = labels.map { size[$0]! }
        let outShape = output.map { size[$0]! }
        // Products that overflow saturate: the budget refuses the output, the deadline the sum.
        let product = { (ns: [Int]) in
            ns.reduce(1) { a, b in
                let (p, overflow) = a.multipliedReportingOverflow(by: b)
                return overflow ? Int.max : p
            }
        }
        let outCount = product(outShape)
        let innerCount = product(summed.map { size[$0]! })
        try engine { () throws(EngineError) in
            try RunLimits.check(outCount, .elements, what: "an einsum result of shape \(formatShape(outShape))")
        }
        // Each operand's stride for every label (a repeated label adds up its axes' strides).
        let strides: [[Int]] = zip(terms, operands).map { term, t in
            var axisStrides = [Int](repeating: 1, count: t.rank)
            for k in stride(from: t.rank - 2, through: 0, by: -1) { axisStrides[k] = axisStrides[k + 1] * t.shape[k + 1] }
            return labels.map { label in zip(term, axisStrides).filter { $0.0 == label }.reduce(0) { $0 + $1.1 } }
        }
        var values = [Double](repeating: 0, count: outCount)
        var index = [Int](repeating: 0, count: labels.count)
        var steps = 0
        for o in 0..<outCount {
            var acc = 0.0
            for _ in 0..<innerCount {
                steps &+= 1
                if steps & 4095 == 0 { try engine { () throws(EngineError) in try RunLimits.checkTime() } }
                var product = 1.0
                for (t, s) in zip(operands, strides) {
                    var offset = 0
                    for (i, st) in zip(index, s) { offset += i * st }
                    product *= t.scalars[offset]
                }
                acc += product
                // The next index, the last label fastest.
                var k = labels.count - 1
                while k >= output.count {
                    index[k] += 1
                    if index[k] < dims[k] { break }
                    index[k] = 0
                    k -= 1
                }
            }
            values[o] = acc
            var k = output.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < dims[k] { break }
                index[k] = 0
                k -= 1
            }
        }
        let dtype = operands.dropFirst().reduce(operands.first?.dtype ?? .float64) { DType.promote($0, $1.dtype) }
        if outShape.isEmpty { return numpyScalar(values[0], dtype) }
        return .tensor(Variable(Tensor(shape: outShape, scalars: values.map(dtype.cast)).withDType(dtype)))
    }
}
