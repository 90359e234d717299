import Engine

/// `np.poly1d`: numpy's one-dimensional polynomial class, as a class of the language whose
/// instances keep `coeffs` (highest power first, leading zeros trimmed) and `variable`. Its
/// arithmetic, calls, `deriv`/`integ` and its two-line `str` are numpy's
/// (`numpy/lib/_polynomial_impl.py`); `roots` (eigenvalues of the companion matrix) is refused.
extension Library {
    static func poly1dClass(_ interp: Interpreter) -> PyClass {
        let c = PyClass(name: "poly1d", base: interp.builtinType("object"), module: "numpy")
        c.interpreter = interp

        /// The instance a method was called on, and its coefficients.
        func receiver(_ call: Arguments) throws(Failure) -> (Instance, Tensor) {
            guard case .instance(let i) = call.positional.first, let coeffs = i.attributes["coeffs"], case .tensor(let t) = coeffs
            else { throw Failure("TypeError: descriptor requires a 'numpy.poly1d' object") }
            return (i, t.value)
        }
        /// A new poly1d of `coeffs` (trimmed by the constructor).
        func make(_ coeffs: Tensor) throws(Failure) -> Value { try interp.callValue(.type(c), [.tensor(Variable(coeffs))]) }
        /// numpy's `poly1d(other)`: a poly1d's coefficients, or the value as coefficients.
        func coefficients(_ v: Value) throws(Failure) -> Tensor {
            if case .instance(let i) = v, i.cls === c, case .tensor(let t)? = i.attributes["coeffs"] { return t.value }
            let t = try interp.tensor(v).value
            guard t.rank <= 1 else { throw Failure("ValueError: Polynomial must be 1d only.") }
            return t.rank == 0 ? Tensor(shape: [1], scalars: t.scalars).withDType(t.dtype) : t
        }
        func method(_ declaration: String, _ body: @escaping (Instance, Tensor, inout Arguments) throws(Failure) -> Value) -> Value {
            fn(def: declaration) { call throws(Failure) in
                let (i, t) = try receiver(call)
                return try body(i, t, &call)
            }
        }

        c.attributes["__init__"] = fn(def: "__init__(self, c_or_r, r=False, variable=None)") { call throws(Failure) in
            guard case .instance(let i) = call.positional.first else { return .none }
            let given = try call.required(1, "c_or_r")
            var variable = try call.string(3, "variable")
            var coeffs: Tensor
            if case .instance(let other) = given, other.cls === c, case .str(let v)? = other.attributes["variable"] {
                coeffs = try coefficients(given)
                variable = variable ?? v
            } else {
                coeffs = try coefficients(given)
                // From its roots: the product of (x - r), numpy's `poly`.
                if try call.bool(2, "r", false) { coeffs = try Polynomials.fromRoots(coeffs) }
            }
            i.attributes["coeffs"] = .tensor(Variable(Polynomials.trimmed(coeffs)))
            i.attributes["variable"] = .str(variable ?? "x")
            return .none
        }
        for name in ["order", "o"] {
            c.attributes[name] = .object(
                Descriptor(.property(getter: method("\(name)(self)") { _, t, _ in .int(t.count - 1) }, setter: nil)))
        }
        for name in ["c", "coef", "coefficients"] {
            c.attributes[name] = .object(
                Descriptor(.property(getter: method("\(name)(self)") { _, t, _ in .tensor(Variable(t)) }, setter: nil)))
        }
        for name in ["roots", "r"] {
            c.attributes[name] = .object(
                Descriptor(
                    .property(
                        getter: method("\(name)(self)") { _, _, _ throws(Failure) in
                            throw Failure(
                                "NotImplementedError: Lectern does not support poly1d.roots (numpy's eigenvalues of the companion matrix)")
                        }, setter: nil)))
        }
        c.attributes["__call__"] = method("__call__(self, val)") { _, t, call throws(Failure) in
            let x = try call.required(1, "val")
            if case .instance(let other) = x, other.cls === c {
                throw Failure("NotImplementedError: Lectern does not support composing poly1d objects (p(q))")
            }
            return try Polynomials.evaluate(t, x, interp)
        }
        c.attributes["__len__"] = method("__len__(self)") { _, t, _ in .int(t.count - 1) }
        c.attributes["__iter__"] = method("__iter__(self)") { _, t, _ throws(Failure) in
            .object(SequenceIterator(try interp.iterate(.tensor(Variable(t)))))
        }
        c.attributes["__getitem__"] = method("__getitem__(self, val)") { _, t, call throws(Failure) in
            let power = try call.required(1, "val").asInt("val")
            let order = t.count - 1
            let x = power < 0 || power > order ? 0 : t.scalars[order - power]
            return .tensor(Variable(Tensor(x).withDType(t.dtype)))
        }
        c.attributes["__neg__"] = method("__neg__(self)") { _, t, _ throws(Failure) in
            try make(try interp.tensor(try interp.unary("-", .tensor(Variable(t)))).value)
        }
        c.attributes["__pos__"] = method("__pos__(self)") { i, _, _ in .instance(i) }
        for (name, swapped) in [("__add__", false), ("__radd__", true), ("__sub__", false), ("__rsub__", true)] {
            c.attributes[name] = method("\(name)(self, other)") { _, t, call throws(Failure) in
                let other = try coefficients(try call.required(1, "other"))
                let (a, b) = swapped ? (other, t) : (t, other)
                return try make(try Polynomials.combine(name.contains("add") ? "+" : "-", a, b, interp))
            }
        }
        for name in ["__mul__", "__rmul__"] {
            c.attributes[name] = method("\(name)(self, other)") { _, t, call throws(Failure) in
                let other = try call.required(1, "other")
                if other.isNumber {
                    let coeffs = Value.tensor(Variable(t))
                    return try make(
                        try interp.tensor(try interp.binary("*", name == "__mul__" ? coeffs : other, name == "__mul__" ? other : coeffs))
                            .value)
                }
                return try make(try Polynomials.multiply(t, try coefficients(other), interp))
            }
        }
        c.attributes["__truediv__"] = method("__truediv__(self, other)") { _, t, call throws(Failure) in
            let other = try call.required(1, "other")
            guard other.isNumber else {
                throw Failure("NotImplementedError: Lectern does not support dividing by a polynomial (numpy's polydiv)")
            }
            return try make(try interp.tensor(try interp.binary("/", .tensor(Variable(t)), other)).value)
        }
        c.attributes["__pow__"] = method("__pow__(self, val)") { _, t, call throws(Failure) in
            let v = try call.required(1, "val")
            guard v.isNumber, let n = try? v.asInt("val"), (try? v.asDouble()) == Double(n), n >= 0 else {
                throw Failure("ValueError: Power to non-negative integers only.")
            }
            var result = Tensor(shape: [1], scalars: [1]).withDType(.int64)
            for _ in 0..<n {
                guard !RunLimits.timeUp else { throw Failure(EngineError.value(RunLimits.timeoutMessage)) }
                result = try Polynomials.multiply(t, result, interp)
            }
            return try make(result)
        }
        c.attributes["__eq__"] = method("__eq__(self, other)") { _, t, call throws(Failure) in
            guard case .instance(let o) = try call.required(1, "other"), o.cls === c, case .tensor(let u)? = o.attributes["coeffs"] else {
                return .object(NotImplementedMarker())
            }
            return .bool(t.shape == u.value.shape && t.scalars == u.value.scalars)
        }
        c.attributes["__ne__"] = method("__ne__(self, other)") { _, t, call throws(Failure) in
            guard case .instance(let o) = try call.required(1, "other"), o.cls === c, case .tensor(let u)? = o.attributes["coeffs"] else {
                return .object(NotImplementedMarker())
            }
            return .bool(!(t.shape == u.value.shape && t.scalars == u.value.scalars))
        }
        c.attributes["__hash__"] = .none
        c.attributes["deriv"] = method("deriv(self, m=1)") { _, t, call throws(Failure) in
            try make(try Polynomials.derivative(t, times: try call.int(1, "m", 1)))
        }
        c.attributes["integ"] = method("integ(self, m=1, k=0)") { _, t, call throws(Failure) in
            try make(try Polynomials.integral(t, times: try call.int(1, "m", 1), constant: try interp.tensor(try call.value("k")).value))
        }
        c.attributes["__repr__"] = method("__repr__(self)") { _, t, _ in
            // numpy's: the array's repr without `array(` and `)`.
            let text = interp.pythonRepr(.tensor(Variable(t)))
            return .str("poly1d(" + String(text.dropFirst(6).dropLast()) + ")")
        }
        c.attributes["__str__"] = method("__str__(self)") { i, t, _ throws(Failure) in
            guard case .str(let variable)? = i.attributes["variable"] else { return .str("") }
            return .str(try Polynomials.text(t, variable: variable, interp))
        }
        return c
    }
}

/// The polynomial arithmetic behind `poly1d`, on coefficient vectors (highest power first).
enum Polynomials {
    /// Leading zeros dropped; all zeros (or nothing) is `[0]` of the same dtype.
    static func trimmed(_ t: Tensor) -> Tensor {
        guard let first = t.scalars.firstIndex(where: { $0 != 0 }) else { return Tensor(shape: [1], scalars: [0]).withDType(t.dtype) }
        return Tensor(shape: [t.count - first], scalars: Array(t.scalars[first...])).withDType(t.dtype)
    }

    /// numpy's `poly(roots)`: the monic polynomial with these roots.
    static func fromRoots(_ roots: Tensor) throws(Failure) -> Tensor {
        var coeffs = [1.0]
        for r in roots.scalars {
            var next = coeffs + [0]
            for (k, c) in coeffs.enumerated() { next[k + 1] -= r * c }
            coeffs = next
        }
        return Tensor(shape: [coeffs.count], scalars: coeffs).withDType(roots.dtype == .float32 ? .float32 : .float64)
    }

    /// `polyval`: Horner's rule from zeros shaped like `x`, so the dtype is numpy's.
    static func evaluate(_ p: Tensor, _ x: Value, _ interp: Interpreter) throws(Failure) -> Value {
        guard
            case .builtin(let polyval)? = (try? Library.module("numpy", interp)).flatMap({ m -> Value? in
                if case .module(let module) = m { module.members["polyval"] } else { nil }
            })
        else { throw Failure("RuntimeError: numpy.polyval is missing") }
        var args = Arguments(function: "polyval", positional: [.tensor(Variable(p)), x], keywords: [], interpreter: interp)
        return try polyval.call(&args)
    }

    /// `polyadd`/`polysub`: the shorter one padded with leading zeros.
    static func combine(_ op: String, _ a: Tensor, _ b: Tensor, _ interp: Interpreter) throws(Failure) -> Tensor {
        let n = max(a.count, b.count)
        func padded(_ t: Tensor) -> Value {
            .tensor(Variable(Tensor(shape: [n], scalars: Array(repeating: 0, count: n - t.count) + t.scalars).withDType(t.dtype)))
        }
        return try interp.tensor(try interp.binary(op, padded(a), padded(b))).value
    }

    /// `polymul`: the convolution of the coefficients, in the promoted dtype.
    static func multiply(_ a: Tensor, _ b: Tensor, _ interp: Interpreter) throws(Failure) -> Tensor {
        guard a.count + b.count - 1 <= Interpreter.maxElements else { throw Failure("MemoryError: the product polynomial is too large") }
        var out = [Double](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.scalars.enumerated() {
            for (j, y) in b.scalars.enumerated() { out[i + j] += x * y }
        }
        let dtype = Interpreter.resultType(
            Interpreter.operandType(.tensor(Variable(a)), Variable(a)), Interpreter.operandType(.tensor(Variable(b)), Variable(b)))
        return try interp.tag(Variable(Tensor(shape: [out.count], scalars: out)), dtype == .bool ? .int64 : dtype).value
    }

    /// `polyder`: the m-th derivative (a constant's is `[0]`).
    static func derivative(_ p: Tensor, times m: Int) throws(Failure) -> Tensor {
        guard m >= 0 else { throw Failure("ValueError: Order of derivative must be positive (see polyint)") }
        var c = p.scalars
        for _ in 0..<min(m, c.count) {
            let n = c.count - 1
            c = (0..<n).map { c[$0] * Double(n - $0) }
        }
        if c.isEmpty || m >= p.count { c = [0] }
        return Tensor(shape: [c.count], scalars: c).withDType(p.dtype == .bool ? .int64 : p.dtype)
    }

    /// `polyint`: the m-th antiderivative, each with the constant `k` (one value, or one per step).
    static func integral(_ p: Tensor, times m: Int, constant k: Tensor) throws(Failure) -> Tensor {
        guard m >= 0 else { throw Failure("ValueError: Order of integral must be positive (see polyder)") }
        guard k.count == 1 || k.count == m else { throw Failure("ValueError: k must be a scalar or a rank-1 array of length 1 or m.") }
        var c = p.scalars
        for step in 0..<m {
            let n = c.count
            c = (0..<n).map { c[$0] / Double(n - $0) } + [k.scalars[k.count == 1 ? 0 : step]]
        }
        return Tensor(shape: [c.count], scalars: c).withDType(m == 0 ? p.dtype : (p.dtype == .float32 ? .float32 : .float64))
    }

    /// numpy's `poly1d.__str__`: terms `c x**n` with `%.4g` coefficients, then the powers
    /// raised onto a line above (`_raise_power`, wrapped at 70 columns).
    static func text(_ p: Tensor, variable: String, _ interp: Interpreter) throws(Failure) -> String {
        let coeffs = trimmed(p)
        let n = coeffs.count - 1
        var result = "0"
        for (k, x) in coeffs.scalars.enumerated() {
            var coefficient = try interp.formatValue(.tensor(Variable(Tensor(x).withDType(coeffs.dtype))), spec: ".4g")
            if coefficient.hasSuffix(".0000") { coefficient.removeLast(5) }
            let power = n - k
            let term: String
            if power == 0 {
                term = coefficient != "0" ? coefficient : (k == 0 ? "0" : "")
            } else if coefficient == "0" {
                term = ""
            } else if power == 1 {
                term = "\(coefficient) \(variable)"
            } else {
                term = "\(coefficient) \(variable)**\(power)"
            }
            if k == 0 {
                result = term
            } else if !term.isEmpty {
                result = term.hasPrefix("-") ? "\(result) - \(term.dropFirst())" : "\(result) + \(term)"
            }
        }
        return raisePowers(result)
    }

    /// numpy's `_raise_power`: each `**N` becomes N on the line above the term it follows.
    static func raisePowers(_ text: String, wrap: Int = 70) -> String {
        let chars = Array(text)
        var (line1, line2, output) = ("", "", " ")
        var n = 0
        var i = 0
        while i + 1 < chars.count {
            guard chars[i] == "*", chars[i + 1] == "*" else {
                i += 1
                continue
            }
            var end = i + 2
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            let power = String(chars[(i + 2)..<end])
            let part = String(chars[n..<i])
            n = end
            i = end
            let add2 = part + String(repeating: " ", count: max(power.count - 1, 0))
            let add1 = String(repeating: " ", count: max(part.count - 1, 0)) + power
            if line2.count + add2.count > wrap || line1.count + add1.count > wrap {
                output += line1 + "\n" + line2 + "\n "
                (line1, line2) = (add1, add2)
            } else {
                line2 += add2
                line1 += add1
            }
        }
        return output + line1 + "\n" + line2 + String(chars[n...])
    }
}
