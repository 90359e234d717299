import Dispatch
import Engine
import Foundation

/// A generator: the body of a generator function (or a generator expression) runs on a
/// thread of its own, and control passes between it and its caller strictly by hand-off, so
/// exactly one thread runs interpreter code at any time and the order is deterministic.
final class Generator: LazyIterator {
    let channel: GeneratorChannel
    let name: String

    init(name: String, interpreter: Interpreter, body: @escaping (Interpreter) throws(LangError) -> Value) {
        self.name = name
        channel = GeneratorChannel(interpreter: interpreter, body: body)
    }

    /// An abandoned generator is closed, as CPython closes one: its thread unwinds (running
    /// `finally` blocks) and ends, at the next statement (`Interpreter.abandonedGenerators`).
    deinit {
        if channel.isSuspended {
            channel.interpreter.abandonedGenerators.append(channel)
        } else {
            channel.close()
        }
    }

    var typeName: String { "generator" }
    var displayText: String { "<generator object \(name)>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        switch name {
        case "__next__":
            return .builtin(Builtin("__next__") { _ throws(Failure) in try self.nextOrStop(sending: .none) })
        case "send":
            return .builtin(Builtin("send") { args throws(Failure) in try self.nextOrStop(sending: try args.required(0, "value")) })
        case "close":
            return .builtin(
                Builtin("close") { _ throws(Failure) in
                    if let error = self.channel.close() { throw Failure(error.message, hint: error.hint, exception: error.exception) }
                    return .none
                })
        case "__iter__": return .builtin(Builtin("__iter__") { _ throws(Failure) in .object(self) })
        default: return nil
        }
    }

    func nextValue() throws(Failure) -> Value? {
        do throws(LangError) { return try channel.resume(sending: .none) } catch {
            throw Failure(error.message, hint: error.hint, exception: error.exception)
        }
    }

    /// The next value, or StopIteration carrying the return value.
    func nextOrStop(sending: Value) throws(Failure) -> Value {
        do throws(LangError) {
            if let v = try channel.resume(sending: sending) { return v }
        } catch {
            throw Failure(error.message, hint: error.hint, exception: error.exception)
        }
        throw channel.interpreter.stopIteration(channel.returned)
    }
}

/// The two threads' meeting point. Only one side runs at a time: the caller waits on
/// `yielded` while the body runs, the body waits on `resumed` while the caller runs.
final class GeneratorChannel: @unchecked Sendable {
    let interpreter: Interpreter
    private var body: ((Interpreter) throws(LangError) -> Value)?
    private let resumed = DispatchSemaphore(value: 0)
    private let yielded = DispatchSemaphore(value: 0)
    private enum State { case fresh, suspended, running, finished }
    private var state = State.fresh
    private var transfer: Value = .none
    private var failure: LangError?
    private var closing = false
    /// What the generator returned (`StopIteration.value`, the value of `yield from`).
    private(set) var returned: Value = .none

    /// Generator threads reserve this much stack: the tree-walker recurses per expression. The
    /// reservation counts against the worker's address-space limit (8 GiB by default), so a
    /// release build, whose frames are small, reserves less and can keep more suspended.
    #if DEBUG
        static let stackSize = 256 << 20
    #else
        static let stackSize = 32 << 20
    #endif
    /// How many calls deep a generator's body may go on its own stack (a debug build's
    /// frames take up to ~250 KB per call level).
    static let depthInside = 600
    /// A resumed generator counts as this many calls towards the recursion limit: each one
    /// runs on a fresh stack, and generators resuming generators (`yield from` recursion)
    /// must stop long before the threads' stacks add up.
    static let depthCost = 10
    /// Each suspended generator holds a thread; past this many the next one is refused.
    static let maxLive = 1000

    init(interpreter: Interpreter, body: @escaping (Interpreter) throws(LangError) -> Value) {
        self.interpreter = interpreter
        self.body = body
    }

    /// Runs the body to its next `yield` and returns the yielded value; nil once it has finished.
    func resume(sending: Value) throws(LangError) -> Value? {
        switch state {
        case .finished: return nil
        case .running: throw LangError("ValueError: generator already executing", at: Position(line: 0, column: 0))
        case .fresh:
            guard interpreter.liveGenerators < GeneratorChannel.maxLive else {
                throw LangError(
                    "MemoryError: over \(GeneratorChannel.maxLive) generators are suspended at once",
                    at: Position(line: 0, column: 0), hint: "finish or drop generators before starting new ones")
            }
            interpreter.liveGenerators += 1
            var refused = false
            try handOff {
                state = .running
                // The body runs on its own thread: it keeps the document's limits.
                let limits = RunLimits.current
                guard startThread(stackSize: GeneratorChannel.stackSize, { limits.install { self.runBody() } }) else {
                    // No thread: nothing will hand control back, so do not wait for it.
                    refused = true
                    state = .finished
                    body = nil
                    interpreter.liveGenerators -= 1
                    yielded.signal()
                    return
                }
            }
            if refused {
                throw LangError(
                    "MemoryError: cannot start another generator (\(interpreter.liveGenerators) are suspended and each holds a thread)",
                    at: Position(line: 0, column: 0), hint: "finish or drop generators before starting new ones")
            }
        case .suspended:
            try handOff {
                state = .running
                transfer = sending
                resumed.signal()
            }
        }
        if let failure {
            self.failure = nil
            throw failure
        }
        return state == .finished ? nil : transfer
    }

    /// Starts the other side and waits until it yields or ends. A generator's body holds no
    /// call frames when it yields, so the call depth simply continues across the hand-off.
    private func handOff(_ start: () -> Void) throws(LangError) {
        guard interpreter.depth + GeneratorChannel.depthCost < interpreter.depthLimit else {
            throw LangError("RecursionError: maximum recursion depth exceeded in a generator", at: Position(line: 0, column: 0))
        }
        let savedGenerator = interpreter.activeGenerator
        let savedLimit = interpreter.depthLimit
        interpreter.activeGenerator = self
        interpreter.depth += GeneratorChannel.depthCost
        interpreter.depthLimit = min(savedLimit, interpreter.depth + GeneratorChannel.depthInside)
        start()
        yielded.wait()
        interpreter.depth -= GeneratorChannel.depthCost
        interpreter.depthLimit = savedLimit
        interpreter.activeGenerator = savedGenerator
    }

    private func runBody() {
        do throws(LangError) {
            returned = try body!(interpreter)
        } catch {
            // The GeneratorExit that `close()` raised ends the generator quietly.
            if !(closing && error.message == "GeneratorExit") { failure = error }
        }
        body = nil
        state = .finished
        interpreter.liveGenerators -= 1
        yielded.signal()
    }

    /// Called on the generator's thread by `yield`: hands `value` to the caller and waits to
    /// be resumed; returns what the caller sent.
    func yield(_ value: Value, at position: Position) throws(LangError) -> Value {
        // Yielding again while being closed would leave the thread waiting forever.
        if closing { throw LangError("RuntimeError: generator ignored GeneratorExit", at: position) }
        transfer = value
        state = .suspended
        yielded.signal()
        resumed.wait()
        if closing { throw LangError("GeneratorExit", at: position) }
        return transfer
    }

    var isSuspended: Bool { state == .suspended }

    /// Ends a suspended generator by raising GeneratorExit at its `yield`.
    /// Returns the error the generator raised while closing, if any (such as yielding again).
    @discardableResult
    func close() -> LangError? {
        switch state {
        case .suspended:
            closing = true
            state = .running
            let saved = interpreter.activeGenerator
            interpreter.activeGenerator = self
            resumed.signal()
            yielded.wait()
            interpreter.activeGenerator = saved
            defer { failure = nil }
            return failure
        case .fresh:
            state = .finished
            body = nil
        default: break
        }
        return nil
    }
}

/// An iterator the interpreter advances one item at a time.
protocol LazyIterator: EngineObject {
    /// The next item; nil once exhausted.
    func nextValue() throws(Failure) -> Value?
}

extension LazyIterator {
    /// `it.__next__` and `it.__iter__`, for the iterators that have nothing more to show.
    func iteratorMethod(_ name: String, _ interpreter: Interpreter) -> Value? {
        switch name {
        case "__next__":
            return .builtin(
                Builtin("__next__") { _ throws(Failure) in
                    guard let v = try self.nextValue() else { throw interpreter.stopIteration(.none) }
                    return v
                })
        case "__iter__": return .builtin(Builtin("__iter__") { _ throws(Failure) in .object(self) })
        default: return nil
        }
    }
}

/// `iter(list)`: walks a snapshot of the items.
final class SequenceIterator: LazyIterator {
    private let items: [Value]
    private var index = 0

    init(_ items: [Value]) { self.items = items }

    var typeName: String { "iterator" }
    var displayText: String { "<iterator object>" }

    func nextValue() -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? { iteratorMethod(name, interpreter) }
}
