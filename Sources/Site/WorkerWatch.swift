import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a worker's stdout (protocol lines) and stderr until both close, and kills the worker
/// when a block runs longer than the wall-clock budget.
///
/// Reading and rendering a lecture run no user code and have no cooperative deadline, but a
/// huge document legitimately takes a while: those phases get `phaseBudget`, at least 2 minutes.
struct Watch {
    let pid: pid_t
    let blockBudget: Double
    var phaseBudget: Double { max(blockBudget, 120) }
    /// The budget that was running out when the worker was killed.
    private(set) var budget: Double
    private(set) var killed = false
    /// The start of what the worker wrote to stderr (a Swift trap prints its message first,
    /// then a long backtrace).
    private var errorHead: [UInt8] = []

    init(pid: pid_t, budget: Double) {
        self.pid = pid
        self.blockBudget = budget
        self.budget = max(budget, 120)
    }

    var errorText: String { String(decoding: errorHead, as: UTF8.self) }

    /// Calls `handle` for each message; the budget restarts with every message.
    mutating func drain(stdout: Int32, stderr: Int32, handle: (WorkerMessage) -> Void) {
        var fds = [pollfd(fd: stdout, events: Int16(POLLIN), revents: 0), pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)]
        var pending: [UInt8] = []
        var deadline = Self.now() + budget
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while fds.contains(where: { $0.fd >= 0 }) {
            let remaining = deadline - Self.now()
            if remaining <= 0 && !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            let wait = killed ? 1000 : Int32(max(1, min(remaining * 1000, 1000)))
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    fds[k].fd = -1
                    continue
                }
                if k == 1 {
                    errorHead += buffer[..<min(n, max(0, 16_384 - errorHead.count))]
                    continue
                }
                // Only the new bytes are searched for a newline: a result line can be megabytes.
                var from = pending.count
                pending += buffer[..<n]
                while let newline = pending[from...].firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    from = 0
                    if let message = WorkerMessage(line[...]) {
                        handle(message)
                        switch message {
                        case .started: budget = blockBudget
                        case .rendering: budget = phaseBudget
                        case .training, .result: break
                        }
                        deadline = Self.now() + budget
                    }
                }
            }
        }
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
