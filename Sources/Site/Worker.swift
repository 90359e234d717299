import Foundation
import NNLang
import Notebook

#if canImport(Glibc)
    import Glibc
#endif

/// The child side of isolation: `lectern __worker` runs one lecture and reports back.
///
/// It reads a `WorkerJob` (JSON) from stdin, limits itself with setrlimit, runs and renders the
/// lecture, and writes `WorkerMessage` lines to stdout. A trap, a stack overflow or a limit
/// kills only this process; the parent turns that into the lecture's failure.
public enum Worker {
    /// Set in a test's environment to a marker: a block whose code contains it traps on purpose,
    /// and one whose code contains the marker followed by `_HANG` hangs without ever checking
    /// its deadline (for the parent's wall-clock kill).
    static let testTrapVariable = "LECTERN_TEST_TRAP"

    /// The entry point of `lectern __worker`; returns the exit status.
    public static func serve() -> Int32 {
        // The protocol keeps its own copy of stdout; anything else printing to fd 1 goes to stderr.
        let channel = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let job = try? JSONDecoder().decode(WorkerJob.self, from: input) else {
            FileHandle.standardError.write(Data("lectern __worker: expected a job (JSON) on stdin\n".utf8))
            return 2
        }
        limit(addressSpace, to: job.limits.memoryBytes)
        let result = render(job) { message in writeAll(channel, message.encoded) }
        writeAll(channel, WorkerMessage.result(result).encoded)
        return 0
    }

    /// Runs and renders one lecture. `send` hears progress; with `job.crash` set only the part
    /// before the crash runs and the crash is shown where it happened.
    static func render(_ job: WorkerJob, send: (@Sendable (WorkerMessage) -> Void)? = nil) -> DocumentResult {
        let file = job.file
        let original = DocumentReader.read(job.text, path: file.relativePath)
        var document = original
        if let crash = job.crash {
            document.frontMatter.execute = document.frontMatter.execute && crash.runUntil > 0
            for i in document.blocks.indices where document.blocks[i].fenceLine >= crash.runUntil {
                document.blocks[i].options.eval = false
            }
            document.inlines = document.inlines.filter { $0.location.line < crash.runUntil }
        }
        if send != nil {
            let steps = Double(document.blocks.count + document.inlines.count + 1)
            let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
            limit(cpuTime, to: UInt64(min(steps * WorkerProcess.wallClockBudget(job.timeout) * cores + 10, 1e15)))
        }
        let trap = ProcessInfo.processInfo.environment[testTrapVariable].flatMap { $0.isEmpty ? nil : $0 }
        let trapLines = Set(document.blocks.filter { trap != nil && $0.code.contains(trap!) }.map(\.fenceLine))
        let hangLines = Set(document.blocks.filter { trap != nil && $0.code.contains(trap! + "_HANG") }.map(\.fenceLine))
        var started: (@Sendable (Int) -> Void)?
        var training: (@Sendable (String) -> Void)?
        if let send {
            started = { line in
                send(.started(line: line))
                while hangLines.contains(line) { sleep(1) }
                if trapLines.contains(line) { fatalError("\(testTrapVariable): a trap on purpose") }
            }
            if job.training { training = { text in send(.training(text)) } }
        }
        let files = FileAccess(documentDirectory: file.url.deletingLastPathComponent(), projectRoot: file.root)
        let run = DocumentRunner.run(
            document, files: files,
            timeout: job.timeout, progress: training, started: started)
        var executed = run.executed
        var failures = run.failures
        if let crash = job.crash {
            executed.document = original
            executed.inlineValues += original.inlines.dropFirst(executed.inlineValues.count).map { "`{nn} \($0.expression)`" }
            failures.append(show(crash, in: &executed))
        }
        send?(.rendering)
        // `![[Note]]` embeds read other lectures: they are inputs of this page too.
        let cells = HTMLRenderer(highlight: Highlighter.html, assetsPrefix: "").cells(executed)
        let page = PageAssembly.page(executed.document, cells: cells, job: job, record: files.log.record)
        var result = DocumentResult(
            source: file, title: job.title, tags: page.tags, rtol: original.frontMatter.rtol,
            atol: original.frontMatter.atol, markdown: MarkdownRenderer.render(executed), html: page.html,
            notebook: notebookJSON(executed), failures: failures, expectedErrors: run.expectedErrors, blocks: run.blocksRun,
            inputs: files.log.paths, files: run.savedFiles)
        result.page = PageFacts(page)
        result.cells = cells
        return result
    }

    static func notebookJSON(_ executed: ExecutedDocument) -> String {
        // Encoding plain strings and numbers cannot fail; an empty notebook would be caught by check.
        String(decoding: (try? JupyterExport.notebook(executed).encoded()) ?? Data(), as: UTF8.self)
    }

    /// Puts the crash's error at the block or inline value that was running, and returns it.
    static func show(_ crash: WorkerJob.Crash, in executed: inout ExecutedDocument) -> Diagnostic {
        let doc = executed.document
        let block = crash.line.flatMap { line in doc.blocks.firstIndex { $0.fenceLine == line } }
        let inline = crash.line.flatMap { line in doc.inlines.firstIndex { $0.location.line == line } }
        let what =
            crash.rendering
            ? "crashed while rendering the page"
            : block != nil
                ? "crashed while running this block"
                : inline != nil
                    ? "crashed while running this inline value" : "crashed before its first block ran"
        let line = crash.rendering ? 1 : crash.line ?? 1
        let d = Diagnostic(
            file: doc.path, location: SourceLocation(line: line, column: 0), message: "\(what): \(crash.reason)",
            sourceLine: doc.line(line))
        if let block {
            executed.blockOutputs[block].append(.error(d))
        } else if let inline {
            executed.inlineValues[inline] = "[error: \(d.message)]"
        }
        return d
    }

    #if os(Linux)
        static let addressSpace = Int32(RLIMIT_AS.rawValue)
        static let cpuTime = Int32(RLIMIT_CPU.rawValue)
    #else
        static let addressSpace = RLIMIT_AS
        static let cpuTime = RLIMIT_CPU
    #endif

    static func limit(_ resource: Int32, to value: UInt64) {
        var l = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        var current = rlimit()
        // Never raise a limit the parent already has lower.
        if getrlimit(resource, &current) == 0 && current.rlim_max < l.rlim_max {
            l = rlimit(rlim_cur: current.rlim_max, rlim_max: current.rlim_max)
        }
        setrlimit(resource, &l)
    }

    static func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}
