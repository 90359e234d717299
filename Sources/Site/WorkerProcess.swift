import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The parent side of isolation: spawns one `lectern __worker`, feeds it a job and watches it.
///
/// posix_spawn, not fork: forking a multithreaded Swift process is unsafe, and spawning the
/// binary again costs a few milliseconds. All pipe ends are close-on-exec so workers spawned
/// at the same time from other threads never inherit each other's pipes.
enum WorkerProcess {
    /// Held from creating a worker's pipes until it is spawned: Glibc's Swift overlay has no
    /// `pipe2`, so close-on-exec is set just after `pipe`, and no spawn may come in between.
    private static let spawnLock = NSLock()

    /// How a worker ended.
    struct Outcome {
        var result: DocumentResult?
        /// The last block or inline value the worker said it started.
        var lastLine: Int?
        var rendering = false
        /// Why it died, when it did not deliver a result.
        var reason = ""
    }

    /// Seconds a block may run before the parent kills its worker: the cooperative deadline
    /// plus slack, so the interpreter's own `TimeoutError` (which names the line) normally wins.
    static func wallClockBudget(_ timeout: Double) -> Double { timeout * 1.5 + 2 }

    static func run(_ job: WorkerJob, executable: String, training: ((String) -> Void)?) -> Outcome {
        var outcome = Outcome()
        guard let input = try? JSONEncoder().encode(job) else {
            outcome.reason = "the lecture could not be sent to a worker"
            return outcome
        }
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        var pid: pid_t = 0
        let spawned: Int32 = spawnLock.withLock {
            guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else { return errno }
            for fd in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
            posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
            posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)
            let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), strdup("__worker"), nil]
            defer { for a in argv { free(a) } }
            return posix_spawn(&pid, executable, &actions, nil, argv, environ)
        }
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] where fd >= 0 { close(fd) }
        guard spawned == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] where fd >= 0 { close(fd) }
            outcome.reason = "cannot start the worker \(executable): \(String(cString: strerror(spawned)))"
            return outcome
        }
        // The worker reads its whole job before it writes anything, so this cannot deadlock;
        // if it dies first the write fails with EPIPE (SIGPIPE is ignored) and we move on.
        Worker.writeAll(stdinPipe[1], input)
        close(stdinPipe[1])

        var watch = Watch(pid: pid, budget: wallClockBudget(job.timeout))
        watch.drain(stdout: stdoutPipe[0], stderr: stderrPipe[0]) { message in
            switch message {
            case .started(let line):
                outcome.lastLine = line
            case .rendering:
                outcome.rendering = true
            case .training(let text):
                training?(text)
            case .result(let r):
                outcome.result = r
            }
        }
        close(stdoutPipe[0])
        close(stderrPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        let exitCode = (status >> 8) & 0xff
        if outcome.result != nil && signal == 0 && exitCode == 0 { return outcome }
        outcome.result = nil
        outcome.reason = Self.reason(
            signal: signal, exitCode: exitCode, killedAfter: watch.killed ? watch.budget : nil, stderr: watch.errorText)
        return outcome
    }

    /// Seconds as a short number: `3`, `2.5`.
    static func seconds(_ s: Double) -> String { s.isFinite && s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s) }

    /// A human reason for a worker's death: the signal, and Swift's own message when it printed one.
    static func reason(signal: Int32, exitCode: Int32, killedAfter: Double?, stderr: String) -> String {
        if let killedAfter {
            return "stopped after \(seconds(killedAfter)) s without finishing (the time limit is enforced by killing the worker)"
        }
        // Swift prints `File.swift:12: Fatal error: message`, or with its backtracer
        // `*** Swift runtime failure: arithmetic overflow ***`; keep the message.
        let fatal = stderr.split(separator: "\n").lazy.compactMap { line -> String? in
            guard let start = line.range(of: "Fatal error") ?? line.range(of: "Swift runtime failure") else { return nil }
            let text = line[start.lowerBound...].replacingOccurrences(of: " ***", with: "")
            return String(text.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.prefix(300))
        }.first
        let detail = fatal.map { " (\($0))" } ?? ""
        switch signal {
        case 0: return "the worker exited with status \(exitCode) without a result\(detail)"
        case SIGILL, SIGTRAP: return "a Swift runtime trap\(detail)"
        case SIGSEGV, SIGBUS: return "a memory access fault, most likely a stack overflow\(detail)"
        case SIGABRT: return "aborted, most likely out of memory\(detail)"
        case SIGXCPU: return "the CPU time limit was exceeded"
        case SIGKILL: return "killed by the system, most likely out of memory"
        case SIGFPE: return "an arithmetic fault\(detail)"
        default: return "killed by signal \(signal)\(detail)"
        }
    }
}
