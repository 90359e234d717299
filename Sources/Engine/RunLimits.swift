import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the running block of one document may use: a deadline and an allocation budget.
///
/// The interpreter's own per-statement deadline only fires between statements; a long matrix
/// product or a builtin loop runs inside one statement. Kernels and builtins call `checkTime()`
/// and `check(_:_:what:)` so that they stop with the block's `TimeoutError`/`MemoryError` at the
/// statement's line instead of being killed by the worker's wall clock or address-space limit.
///
/// The limits are per thread (documents run in parallel in one process in tests and in `serve`)
/// and installed by `DocumentRunner` for the document it runs.
public final class RunLimits: @unchecked Sendable {
    /// When the running block must stop, in `DispatchTime.uptimeNanoseconds`.
    public var deadline: UInt64 = .max
    /// The most elements one array may hold (8 bytes each; the default is 400 MB).
    public let maxElements: Int

    public static let defaultMaxElements = 50_000_000

    /// What an allocation is made of, for the budget: one array element is 8 bytes, a string
    /// character (stored as UTF-8, with its index) about as much, a list item (a `Value` and its
    /// retain) about five times that.
    public enum Unit: Sendable {
        case elements, characters, items
        var weight: Int { self == .items ? 5 : 1 }
        var noun: String {
            switch self {
            case .elements: "elements"
            case .characters: "characters"
            case .items: "items"
            }
        }
    }

    public init(maxElements: Int = RunLimits.defaultMaxElements) { self.maxElements = maxElements }

    /// The message of the block's time limit; the language raises it uncatchable.
    public static let timeoutMessage = "TimeoutError: the block ran past its time limit"

    /// Starts a block or inline value that may run `seconds` (0 or less: no limit).
    public func start(seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        deadline = seconds > 0 && seconds < 1e9 ? now + UInt64(seconds * 1e9) : .max
    }

    /// The most `unit`s one value may hold under this budget.
    public func limit(_ unit: Unit) -> Int { maxElements / unit.weight }

    // MARK: - The running thread's limits

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    private static let unlimited = RunLimits()

    /// The limits of the document running on this thread (the defaults, with no deadline,
    /// outside a document).
    public static var current: RunLimits {
        guard let raw = pthread_getspecific(key) else { return unlimited }
        return Unmanaged<RunLimits>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with these limits installed on the current thread.
    public func install<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(Self.key)
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.key, previous) }
        return try withExtendedLifetime(self) { try body() }
    }

    // MARK: - Checks

    /// Throws the block's `TimeoutError` once its deadline has passed; cheap enough to call
    /// every few thousand iterations of a kernel.
    public static func checkTime() throws(EngineError) {
        if timeUp { throw .value(timeoutMessage) }
    }

    /// True once the running block's deadline has passed (for loops that cannot throw).
    public static var timeUp: Bool {
        let deadline = current.deadline
        return deadline != .max && DispatchTime.now().uptimeNanoseconds > deadline
    }

    /// Refuses a value of `count` units (an array, a string, a list) over the budget, before it
    /// is allocated. `what` describes the value (`an array of shape (3, 4)`).
    public static func check(_ count: Int, _ unit: Unit, what: @autoclosure () -> String) throws(EngineError) {
        let limit = current.limit(unit)
        if count > limit || count < 0 {
            throw .value("MemoryError: \(what()) is over the memory limit of \(limit) \(unit.noun)")
        }
        // A large value takes a while to build: past the deadline, stop before building it.
        if count >= 1 << 16 { try checkTime() }
    }

    /// The total count of two parts, refused like `check` when over the budget (or overflowing).
    public static func checkSum(_ a: Int, _ b: Int, _ unit: Unit, what: @autoclosure () -> String) throws(EngineError) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        try check(overflow ? -1 : total, unit, what: what())
        return total
    }
}
