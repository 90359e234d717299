import Foundation

// MARK: - time: the real clock (so printed times differ from run to run and `check` drifts)

extension Library {
    static func timeModule(_ interp: Interpreter) -> Value {
        var m: [String: Value] = [:]
        m["time"] = fn(def: "time()") { _ throws(Failure) in .float(Date().timeIntervalSince1970) }
        for name in ["perf_counter", "monotonic"] {
            m[name] = fn(def: "\(name)()") { _ throws(Failure) in .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9) }
        }
        m["process_time"] = fn(def: "process_time()") { _ throws(Failure) in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        m["sleep"] = fn(def: "sleep(secs, /)") { args throws(Failure) in
            let seconds = try mathArgument(try args.required(0, "secs"))
            guard seconds >= 0 else { throw Failure("ValueError: sleep length must be non-negative") }
            // A sleep past the block's time limit ends at the limit, and so does the block.
            let limit = Double(interp.deadlineValue.uptimeNanoseconds) / 1e9 - Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            Thread.sleep(forTimeInterval: max(0, min(seconds, limit)))
            if seconds > limit { throw Failure(Interpreter.timeoutMessage, hint: Interpreter.timeoutHint) }
            return .none
        }
        return .module(Module("time", m))
    }
}
