/// numpy's element types as Lectern keeps them.
///
/// Every array stores float64 values; the dtype says how they behave. `int64` arrays hold
/// whole numbers and are exact up to 2**53: an integer result beyond that is an
/// `OverflowError`, never a silently rounded number. `float32` arrays round every result to
/// single precision (exact for + - * / and sqrt, which IEEE rounds correctly either way).
public enum DType: String, Sendable, Equatable, CaseIterable {
    case bool
    case int64
    case float32
    case float64

    /// numpy's promotion order: bool < int64 < float32/float64 (int64 with float32 gives float64).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        switch (a, b) {
        case (.bool, let other), (let other, .bool): return other
        case (.float32, .int64), (.int64, .float32): return .float64
        default: return .float64
        }
    }

    public var isInteger: Bool { self == .int64 }
    public var isFloat: Bool { self == .float32 || self == .float64 }

    /// The largest integer a float64 holds exactly: int64 values beyond it are refused.
    public static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// A value converted to this dtype, as numpy's `astype` does (floats truncate toward zero).
    @inline(__always)
    public func cast(_ x: Double) -> Double {
        switch self {
        case .float64: return x
        case .float32: return Double(Float(x))
        case .int64: return x.rounded(.towardZero)
        case .bool: return x != 0 ? 1 : 0
        }
    }
}

extension Tensor {
    /// The same values with another dtype tag, converted as numpy's `astype` converts.
    public func cast(to dtype: DType) throws(EngineError) -> Tensor {
        var t = dtype == self.dtype || dtype == .float64 ? self : map(dtype.cast)
        if dtype == .int64 && self.dtype.isFloat {
            guard t.scalars.allSatisfy({ $0.isFinite && Swift.abs($0) <= DType.exactIntegerLimit }) else {
                throw .value("OverflowError: Lectern's int64 arrays are exact up to 2**53; a value is out of that range (or not finite)")
            }
        }
        t.dtype = dtype
        return t
    }

    /// Tags a freshly computed result; integer results are checked to be exact.
    public func tagged(_ dtype: DType) throws(EngineError) -> Tensor {
        var t = self
        if dtype == .int64 {
            guard t.scalars.allSatisfy({ Swift.abs($0) <= DType.exactIntegerLimit }) else {
                throw .value("OverflowError: an int64 result is beyond 2**53, where Lectern's integers stop being exact")
            }
        } else if dtype == .float32 {
            t = map { Double(Float($0)) }
        }
        t.dtype = dtype
        return t
    }
}
