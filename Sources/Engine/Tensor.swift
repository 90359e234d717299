/// An n-dimensional array of float64 values in row-major order, tagged with a numpy dtype.
///
/// Storage is a Swift array, so copies are copy-on-write. Rank 0 is a scalar.
public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public var scalars: [Double]
    /// How the values behave (see `DType`); it takes no part in equality.
    public var dtype = DType.float64

    /// numpy's boolean arrays (comparison results), which index as masks.
    public var isBoolean: Bool {
        get { dtype == .bool }
        set { dtype = newValue ? .bool : .float64 }
    }

    public static func == (a: Tensor, b: Tensor) -> Bool { a.shape == b.shape && a.scalars == b.scalars }

    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) values")
        self.shape = shape
        self.scalars = scalars
    }

    public init(_ value: Double) { self.init(shape: [], scalars: [value]) }

    public init(shape: [Int], repeating value: Double) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }

    public static func eye(_ n: Int, _ m: Int? = nil) -> Tensor {
        let cols = m ?? n
        var t = Tensor.zeros([n, cols])
        for i in 0..<min(n, cols) { t.scalars[i * cols + i] = 1 }
        return t
    }

    public var rank: Int { shape.count }
    public var count: Int { scalars.count }
    public var isScalar: Bool { shape.isEmpty }

    /// The single value of a tensor with one element (numpy's `item()`).
    public var scalar: Double? { scalars.count == 1 ? scalars[0] : nil }

    public var strides: [Int] { Tensor.strides(for: shape) }

    static func strides(for shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// The same values under another shape; one dimension may be -1.
    public func reshaped(_ newShape: [Int]) throws(EngineError) -> Tensor {
        var resolved = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != unknown }.map(\.element).reduce(1, *)
            guard known > 0, count % known == 0 else {
                throw .shape("cannot reshape array of size \(count) into shape \(formatShape(newShape))")
            }
            resolved[unknown] = count / known
        }
        guard resolved.allSatisfy({ $0 >= 0 }), resolved.reduce(1, *) == count else {
            throw .shape("cannot reshape array of size \(count) into shape \(formatShape(newShape))")
        }
        return Tensor(shape: resolved, scalars: scalars).withDType(dtype)
    }

    /// The most elements one tensor may hold (8 bytes each) in the running document (`RunLimits`).
    public static var maxElements: Int { RunLimits.current.maxElements }

    /// Refuses a result that would exceed `maxElements`, before allocating it.
    @usableFromInline
    static func checkSize(_ count: Int, _ shape: [Int]) throws(EngineError) {
        try RunLimits.check(count, .elements, what: "an array of shape \(formatShape(shape))")
    }

    public func map(_ f: (Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(f))
    }

    /// The same tensor with another dtype tag and no conversion (for shape-only operations).
    public func withDType(_ dtype: DType) -> Tensor {
        var t = self
        t.dtype = dtype
        return t
    }
}

/// Formats a shape the way numpy prints it: `(4, 1)`, `(3,)`, `()`.
public func formatShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

public enum EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Shapes that do not fit an operation; the message names the operation and both shapes.
    case shape(String)
    case value(String)
    case index(String)

    public var description: String {
        switch self {
        case .shape(let m), .value(let m), .index(let m): return m
        }
    }
}
