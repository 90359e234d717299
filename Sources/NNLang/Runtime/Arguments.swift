import Engine

/// A call's arguments, with keyword checking that names the valid keywords.
public struct Arguments {
    public let function: String
    public var positional: [Value]
    public var keywords: [(String, Value)]
    let interpreter: Interpreter
    /// Set by `bind` for a builtin declared with a `Signature`: the arguments by parameter.
    var bound: BoundArguments? = nil

    /// Declares the parameters, in order; an unknown keyword is an error that lists them.
    public func accept(_ names: [String]) throws(Failure) {
        for (k, _) in keywords where !names.contains(k) {
            throw Failure(
                "TypeError: \(function)() got an unexpected keyword argument '\(k)'",
                hint: names.isEmpty ? "\(function)() takes no keyword arguments" : "valid keywords: " + names.joined(separator: ", "))
        }
        if positional.count > names.count && !names.contains("*") {
            throw Failure(
                "TypeError: \(function)() takes \(names.count) positional argument\(names.count == 1 ? "" : "s") but \(positional.count) were given"
            )
        }
    }

    /// The argument at `index` or with keyword `name`, if given (by name alone once bound).
    public func optional(_ index: Int, _ name: String) -> Value? {
        if let bound {
            if let i = bound.signature.index(of: name) { return bound.values[i] }
            // A keyword the declared `**kwargs` collected (a Keras layer's `name`, `input_shape`).
            if bound.signature.parameters.last?.kind == .varKeyword { return bound.extraKeywords.first { $0.0 == name }?.1 }
            assertionFailure("\(function)() reads '\(name)', which its signature does not declare")
            return nil
        }
        if let kw = keywords.first(where: { $0.0 == name }) { return kw.1 }
        return index >= 0 && index < positional.count ? positional[index] : nil
    }

    /// The argument for a declared parameter, or its declared default (`<no value>` is None).
    public func value(_ name: String) -> Value {
        if let v = optional(-1, name) { return v }
        guard let bound, let i = bound.signature.index(of: name) else { return .none }
        return bound.signature.parameters[i].defaultValue?.value ?? .none
    }

    /// What `*args` and `**kwargs` collected in a bound call.
    var extraPositional: [Value] { bound?.extraPositional ?? [] }
    var extraKeywords: [(String, Value)] { bound?.extraKeywords ?? [] }

    public func required(_ index: Int, _ name: String) throws(Failure) -> Value {
        guard let v = optional(index, name) else {
            throw Failure("TypeError: \(function)() missing required argument: '\(name)'")
        }
        return v
    }

    public func double(_ index: Int, _ name: String, _ fallback: Double) throws(Failure) -> Double {
        guard let v = optional(index, name), !v.isNone else { return fallback }
        return try v.asDouble(name)
    }

    public func int(_ index: Int, _ name: String, _ fallback: Int) throws(Failure) -> Int {
        guard let v = optional(index, name), !v.isNone else { return fallback }
        return try v.asInt(name)
    }

    public func bool(_ index: Int, _ name: String, _ fallback: Bool) throws(Failure) -> Bool {
        guard let v = optional(index, name), !v.isNone else { return fallback }
        return try interpreter.truthy(v)
    }

    public func string(_ index: Int, _ name: String) throws(Failure) -> String? {
        guard let v = optional(index, name), !v.isNone else { return nil }
        guard case .str(let s) = v else { throw Failure("TypeError: \(function)() argument '\(name)' must be a string, not \(v.typeName)") }
        return s
    }

    public func tensor(_ index: Int, _ name: String) throws(Failure) -> Tensor {
        try interpreter.tensor(try required(index, name)).value
    }

    /// An optional `axis=` argument.
    public func axis(_ index: Int) throws(Failure) -> Int? {
        guard let v = optional(index, "axis"), !v.isNone else { return nil }
        return try v.asInt("axis")
    }

    /// A shape given as an int or a tuple/list of ints.
    public func shape(_ index: Int, _ name: String) throws(Failure) -> [Int] {
        try interpreter.shape(try required(index, name))
    }
}

extension Value {
    public func asDouble(_ what: String = "value") throws(Failure) -> Double {
        switch self {
        case .int(let i): return Double(i)
        case .bigint(let b): return try PyInt.toDouble(b.value)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.value.count == 1: return t.value.scalars[0]
        case .object(let o as TensorBacked) where o.variable.value.count == 1: return o.variable.value.scalars[0]
        default: throw Failure("TypeError: \(what) must be a number, not \(typeName)")
        }
    }

    public func asInt(_ what: String = "value") throws(Failure) -> Int {
        switch self {
        case .int(let i): return i
        case .bigint: throw Failure("OverflowError: Python int too large to convert to C ssize_t")
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d == d.rounded() && Swift.abs(d) < 1e15: return Int(d)
        case .tensor(let t)
        where t.value.count == 1 && t.value.scalars[0] == t.value.scalars[0].rounded() && Swift.abs(t.value.scalars[0]) < 1e15:
            return Int(t.value.scalars[0])
        case .object(let o as TensorBacked)
        where o.variable.value.count == 1 && o.variable.value.scalars[0] == o.variable.value.scalars[0].rounded()
            && Swift.abs(o.variable.value.scalars[0]) < 1e15:
            return Int(o.variable.value.scalars[0])
        default: throw Failure("TypeError: \(what) must be an integer, not \(typeName)")
        }
    }
}

/// A float as an int, or an error where Python would need a big integer.
func exactInt(_ d: Double) throws(Failure) -> Int {
    guard d.isFinite else { throw Failure("ValueError: cannot convert float \(d) to integer") }
    guard Swift.abs(d) < 9.2e18 else { throw Failure("OverflowError: \(d) is too large for an integer here") }
    return Int(d)
}
