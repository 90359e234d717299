import Dispatch
import Display
import Engine

/// Runs statements of one document in one environment, like one notebook kernel.
public final class Interpreter {
    public let context: Context
    public let format: NumberFormat
    let globals: Scope
    /// Names that `grad(·, name)` differentiates with respect to anywhere in the document:
    /// a value assigned to one of them becomes a new leaf of the autodiff graph.
    var gradTargets: Set<Int> = []
    /// What builtins emitted while running (prints, summaries, training logs), in order.
    var emitted: [Shown] = []
    private var printed = ""
    let files: FileAccess
    /// numpy's print options (`np.set_printoptions`), for this document.
    var printOptions = PrintOptions()
    /// Modules imported so far, by dotted name.
    var modules: [String: Value] = [:]
    /// pyplot's open figures and current figure.
    let pyplot = PyplotState()
    /// Where long `fit` calls report their epochs while they run (a terminal), if anywhere.
    /// Never part of the rendered output.
    public var trainingProgress: (@Sendable (TrainingProgress) -> Void)?
    private var deadline: DispatchTime = .distantFuture
    private var ticks = 0
    /// How many user-function calls are running (on the current thread: generators swap it).
    var depth = 0
    /// The call depth allowed on the running thread's stack (lower inside a generator).
    var depthLimit = Interpreter.maxDepth
    /// How deeply nested the containers being compared right now are.
    var comparisonDepth = 0
    /// How deeply nested the lists being converted to an array right now are.
    var tensorNesting = 0
    /// Python's builtin exception classes by name.
    var exceptionClasses: [String: PyClass] = [:]
    /// Format specs already parsed (`parsedSpec`), by type and text.
    var formatSpecs: [String: FormatSpec] = [:]
    /// The specs used last, searched before `formatSpecs`: a loop's few short specs compare
    /// faster than a key is built and hashed.
    var recentSpecs: [(text: String, typeName: String, spec: FormatSpec)] = []
    /// The builtin types (`int`, `list`, …) by type name, made on first use.
    var builtinTypes: [String: PyClass] = [:]
    /// The exceptions whose `except` blocks are running, innermost last (for a bare `raise`).
    var handling: [Instance] = []
    /// The generator whose body is running, if any (where `yield` hands its value).
    var activeGenerator: GeneratorChannel?
    /// Generators started and not yet finished (each holds a thread).
    var liveGenerators = 0
    /// Suspended generators whose last reference went away, closed at the next statement:
    /// closing one runs its `finally` code, which must not run inside whatever container
    /// mutation happened to drop it (`Generator.deinit`).
    var abandonedGenerators: [GeneratorChannel] = []
    /// The innermost running user function and its locals, for `super()`.
    var currentCall: (function: Function, scope: Scope)?
    /// A failure inside a `__str__`/`__repr__` met while showing a value, raised afterwards.
    var displayFailure: Failure?
    /// Each Keras layer's trainable weights as `tf.Variable`s, made once (see `weightHandles`).
    var weightVariables: [ObjectIdentifier: (layer: Layer, handles: [TFTensorObject])] = [:]
    /// While a function body compiles: its local names' slots by name id (nil elsewhere).
    var resolvedSlots: [Int: Int]?
    /// Counts the blocks run, to tell which block a function's positions belong to.
    var blockNumber = 0

    /// Tensors larger than this many elements are refused (8 bytes each), as in the engine.
    public static var maxElements: Int { Tensor.maxElements }

    public init(seed: UInt32, format: NumberFormat, files: FileAccess) {
        context = Context(seed: seed)
        self.format = format
        self.files = files
        let prelude = Scope(parent: nil, module: true)
        globals = Scope(parent: prelude, module: true)
        exceptionClasses = makeExceptionClasses()
        for (name, value) in Library.prelude(self) { prelude.set(Name(name), value) }
    }

    /// Closes the generators dropped since the last statement (their `finally` code runs now).
    func closeAbandonedGenerators() {
        while let channel = abandonedGenerators.popLast() { channel.close() }
    }

    /// Releases the document's values; the interpreter cannot run anything afterwards.
    public func finish() {
        closeAbandonedGenerators()
        tearDownReachable(from: globals.boundValues + (globals.parent?.boundValues ?? []) + Array(modules.values))
        closeAbandonedGenerators()
        modules = [:]
        handling = []
        // The builtin classes' methods capture the interpreter.
        exceptionClasses = [:]
        builtinTypes = [:]
        weightVariables = [:]
        currentCall = nil
        trainingProgress = nil
        globals.removeAll()
        globals.parent?.removeAll()
    }

    /// Reads every block of the document once before running, to learn the names that
    /// `grad` differentiates with respect to.
    public func prepare(_ blocks: [[Stmt]]) {
        gradTargets = Set(GradTargets.names(in: blocks).map { Name($0).id })
    }

    // MARK: Running blocks

    enum Flow {
        case normal, breakLoop, continueLoop
        case returned(Value)
    }

    /// Runs a block's statements; displays top-level expression values.
    public func run(_ statements: [Stmt], timeout: Double) -> (outputs: [Shown], error: LangError?) {
        deadline = timeout > 0 ? .now() + timeout : .distantFuture
        blockNumber += 1
        emitted = []
        printed = ""
        var failure: LangError?
        do throws(LangError) {
            for s in statements {
                if case .expression(let e) = s.kind {
                    let calls = pyplot.calls
                    let v = try compile(e)(globals)
                    if !v.isNone && !pyplot.isQuiet(e, since: calls) {
                        let shown = display(v)
                        try checkDisplay(at: e.position)
                        flushPrinted()
                        emitted.append(shown)
                    }
                } else {
                    _ = try compile(s)(globals)
                }
            }
        } catch {
            failure = error
        }
        // Figures not shown yet appear at the end of the block, as in Jupyter's inline backend.
        pyplot.show(self)
        flushPrinted()
        let out = emitted
        emitted = []
        return (out, failure)
    }

    /// Evaluates an inline `{nn} EXPR` value.
    public func evaluateInline(_ expression: Expr, timeout: Double) -> Result<Value, LangError> {
        deadline = timeout > 0 ? .now() + timeout : .distantFuture
        do throws(LangError) { return .success(try eval(expression, globals)) } catch { return .failure(error) }
    }

    /// Adds printed text, unless a `__repr__`/`__str__` failed while making it (the failure
    /// is raised instead, and nothing is printed, as in Python).
    func write(_ text: String) {
        guard displayFailure == nil else { return }
        printed += text
    }

    func emit(_ output: Shown) {
        flushPrinted()
        emitted.append(output)
    }

    private func flushPrinted() {
        guard !printed.isEmpty else { return }
        var text = printed
        if text.hasSuffix("\n") { text.removeLast() }
        emitted.append(.text(text))
        printed = ""
    }

    /// When the running block must stop; long engine work (training) checks it between steps.
    var deadlineValue: DispatchTime { deadline }

    static let timeoutMessage = "TimeoutError: the block ran past its time limit"
    static let timeoutHint = "raise it with --timeout SECONDS, or make the loop shorter"

    func tick(_ position: Position) throws(LangError) {
        if !abandonedGenerators.isEmpty { closeAbandonedGenerators() }
        ticks &+= 1
        if ticks & 1023 == 0 && DispatchTime.now() > deadline {
            throw LangError(Interpreter.timeoutMessage, at: position, hint: Interpreter.timeoutHint)
        }
    }

    // MARK: Truth

    public func truthy(_ v: Value) throws(Failure) -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigint: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d), .set(let d): return !d.keys.isEmpty
        case .instance(let i):
            if let b = try instanceAttribute(i, "__bool__") { return try truthy(try callValue(b, [])) }
            if let l = try instanceAttribute(i, "__len__") { return try truthy(try callValue(l, [])) }
            return true
        case .range(let a, let b, let s): return s > 0 ? a < b : a > b
        case .tensor(let t):
            guard t.value.count == 1 else {
                throw Failure(
                    "ValueError: the truth value of an array with more than one element is ambiguous",
                    hint: "use a.any() or a.all(), or np.allclose(a, b) to compare arrays")
            }
            return t.value.scalars[0] != 0
        default: return true
        }
    }

    func truthy(_ v: Value, _ position: Position) throws(LangError) -> Bool {
        try at(position) { () throws(Failure) in try truthy(v) }
    }
}
