import ArgumentParser
import Foundation
import Notebook
import Site

/// `lectern`: runs neural-network lecture notes.
public struct Lectern: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Run neural-network lecture notes and render them as Markdown and HTML.",
        version: LecternVersion.current,
        subcommands: [Render.self, Check.self, ServeCommand.self, Init.self, Import.self, Export.self, WorkerCommand.self])

    public init() {}

    /// Parses and runs; returns the process exit code (0 ok, 1 failures or drift, 2 usage).
    /// What it prints is held until the command is done and then written with control
    /// characters escaped: messages quote lectures' text, which must not drive the terminal.
    /// `colors` says which of the two streams are terminals that take colour (see `Terminal`).
    public static func main(
        arguments: [String], output: inout some TextOutputStream, errors: inout some TextOutputStream,
        colors: (output: Bool, errors: Bool) = (false, false)
    ) -> Int32 {
        var out = ""
        var err = ""
        let code = run(arguments, &out, &err)
        output.write(colors.output ? Terminal.colorize(out.escapingControlCharacters) : out.escapingControlCharacters)
        errors.write(colors.errors ? Terminal.colorize(err.escapingControlCharacters) : err.escapingControlCharacters)
        return code
    }

    /// Which of stdout and stderr take colour in this process.
    public static var terminalColors: (output: Bool, errors: Bool) {
        (Terminal.colors(STDOUT_FILENO), Terminal.colors(STDERR_FILENO))
    }

    static func run(_ arguments: [String], _ output: inout String, _ errors: inout String) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var render = command as? Render { return render.execute(&output, &errors) }
            if var check = command as? Check { return check.execute(&output, &errors) }
            if let command = command as? Init { return command.execute(&output, &errors) }
            if let command = command as? Import { return command.execute(&output, &errors) }
            if let command = command as? Export { return command.execute(&output, &errors) }
            if let command = command as? ServeCommand { return command.execute(&output, &errors) }
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message, to: &output)
                return 0
            }
            print(message, to: &errors)
            return 2
        }
    }
}

/// Options shared by `render` and `check`.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Lectures or folders of lectures (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "The output folder.")
    var out: String = "output"

    @Option(name: .long, help: "Seconds a block may run before it is stopped.")
    var timeout: Double = 60

    @Option(name: .long, help: "Gigabytes of memory (address space) each lecture's worker process may use.")
    var memory: Double = Double(WorkerLimits.defaultMemoryBytes >> 30)

    @Flag(name: .long, help: "Run every lecture, ignoring and not updating the cache in .lectern/cache.")
    var noCache = false

    var inputs: [String] { paths.isEmpty ? ["notebooks"] : paths }

    func validate() throws {
        guard timeout.isFinite && timeout > 0 else {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        guard memory.isFinite && memory > 0 && memory <= 1_048_576 else {
            throw ValidationError("--memory must be a positive number of gigabytes (at most 1048576), not \(memory)")
        }
    }

    /// Discovers the lectures and their course, and runs them, with terminal progress when
    /// stderr is a TTY (`verb` names the work in it).
    func runLectures(_ verb: String = "rendering") throws(BuildError) -> (Course, [DocumentResult]) {
        let (course, files) = try Course.load(
            try Discover.files(inputs), outputFolder: URL(fileURLWithPath: out), folderBuild: Discover.includesFolder(inputs))
        let isolation = Execute.Isolation.current(limits: WorkerLimits(memoryBytes: UInt64(memory * Double(1 << 30))))
        let cache = noCache ? nil : RenderCache(folder: RenderCache.folder(for: inputs), worker: isolation.worker)
        let line = ProgressLine.onTerminal(verb)
        defer { line?.clear() }
        var progress: (@Sendable (Int, Int, String) -> Void)?
        if let line { progress = { done, total, path in line.update(done, total, path) } }
        let results = try Execute.run(
            files, timeout: timeout, isolation: isolation, cache: cache, linkIndex: Discover.includesFolder(inputs), course: course,
            progress: progress, training: trainingReporter())
        return (course, results)
    }
}

/// A build error as the exit code says it: 2 for usage, 1 for anything else.
func failureStatus(_ error: BuildError, _ errors: inout some TextOutputStream) -> Int32 {
    print("lectern: \(error)", to: &errors)
    if case .usage = error { return 2 }
    return 1
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

/// Live training lines on stderr, only when stderr is a terminal.
func trainingReporter() -> (@Sendable (String, String) -> Void)? {
    guard isatty(STDERR_FILENO) != 0 else { return nil }
    return { path, line in
        var err = StandardError()
        if line.hasPrefix("\r\u{1B}") {
            err.write(line)
        } else {
            err.write(line.replacingOccurrences(of: "\rEpoch", with: "\r\(path.escapingControlCharacters): Epoch"))
        }
    }
}

func summaryLine(_ r: DocumentResult) -> String {
    let status = r.failures.isEmpty ? "ok  " : "FAIL"
    var line = "\(status) \(r.source.relativePath) — \(plural(r.blocks, "block"))"
    if r.expectedErrors > 0 { line += ", \(plural(r.expectedErrors, "expected error"))" }
    if !r.failures.isEmpty { line += ", \(plural(r.failures.count, "failure"))" }
    return line
}

/// The steps of `render`: run the lectures, write their files, the assets and the index.
func buildSite(_ options: CommonOptions, into out: URL) throws(BuildError) -> [DocumentResult] {
    let (course, results) = try options.runLectures()
    for r in results { try Write.outputs(r, into: out) }
    try Write.assets(into: out)
    try SitePages.write(results, course: course, folderBuild: Discover.includesFolder(options.inputs), into: out)
    return results
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run lectures and write Markdown, HTML and the site into the output folder.")

    @OptionGroup var options: CommonOptions

    mutating func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        do {
            try OutputGuard.check(out: options.out, inputs: options.inputs)
            let results = try buildSite(options, into: URL(fileURLWithPath: options.out))
            for r in results {
                print(summaryLine(r), to: &output)
                for d in r.failures { print(d.formatted, to: &errors) }
                for d in r.page.warnings { print("warning: " + d.formatted, to: &errors) }
            }
            let failed = results.filter { !$0.failures.isEmpty }.count
            print("\(plural(results.count, "lecture")) rendered into \(options.out)/, \(failed) with failures", to: &output)
            return failed == 0 ? 0 : 1
        } catch {
            return failureStatus(error, &errors)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run lectures and compare them with the committed output; fail on drift, errors or failed asserts.")

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "Relative tolerance for numbers (drift below it is reported, not failed).")
    var rtol: Double?

    @Option(name: .long, help: "Absolute tolerance for numbers.")
    var atol: Double?

    @Option(name: .long, help: "Write a JUnit XML report to this file.")
    var junit: String?

    mutating func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        // A passing check's report is replayed while nothing it read has changed (`CheckReplay`).
        let replay =
            options.noCache
            ? nil
            : CheckReplay(
                inputs: options.inputs, out: options.out,
                arguments: ["\(rtol ?? -1)", "\(atol ?? -1)", "\(options.timeout)", "\(options.memory)"],
                build: RenderCache.identity(worker: Execute.Isolation.current().worker))
        let before = replay?.snapshot()
        if let replay, let before, let report = replay.lookup(before) {
            output.write(report.output)
            errors.write(report.errors)
            if let junit, let text = report.junit {
                do throws(BuildError) { try Write.atomically(Data(text.utf8), to: URL(fileURLWithPath: junit)) } catch {
                    return failureStatus(error, &errors)
                }
            }
            return 0
        }
        var (out, err) = ("", "")
        var read: [String] = []
        let status = fullCheck(&out, &err, &read)
        output.write(out)
        errors.write(err)
        if status == 0, let replay, let before {
            let junitText = junit.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            replay.store(CheckReplay.Report(output: out, errors: err, junit: junitText), before: before, extra: read)
        }
        return status
    }

    /// Runs every lecture (through the cache) and compares it with the committed output;
    /// `read` gets the files the lectures read.
    private func fullCheck(_ output: inout String, _ errors: inout String, _ read: inout [String]) -> Int32 {
        do {
            let (_, results) = try options.runLectures("checking")
            read = results.flatMap(\.inputs)
            let reports = Site.Check.compare(results, against: URL(fileURLWithPath: options.out), rtol: rtol, atol: atol)
            for r in reports {
                print((r.failed ? "FAIL " : "ok   ") + r.result.source.relativePath, to: &output)
                for d in r.result.failures + r.result.page.warnings { print(d.formatted, to: &errors) }
                for line in Site.Check.describe(r, outputFolder: options.out) { print(line, to: &output) }
            }
            let site = try SiteCheck.problems(
                results, out: URL(fileURLWithPath: options.out), folderBuild: Discover.includesFolder(options.inputs))
            for line in site { print(line, to: &output) }
            if let junit {
                try Write.atomically(Site.Check.junit(reports, site: site, outputFolder: options.out), to: URL(fileURLWithPath: junit))
            }
            let failed = reports.filter(\.failed).count
            let siteNote = site.isEmpty ? "" : ", \(plural(site.count, "site problem"))"
            print("\(plural(reports.count, "lecture")) checked, \(failed) failed\(siteNote)", to: &output)
            return failed == 0 && site.isEmpty ? 0 : 1
        } catch {
            return failureStatus(error, &errors)
        }
    }
}

/// `lectern __worker`: runs one lecture sent on stdin (see `Worker`); not for people.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__worker", shouldDisplay: false)

    func run() throws {
        let status = Worker.serve()
        if status != 0 { throw ExitCode(status) }
    }
}

/// A text stream onto a file handle (stdout or stderr).
public struct FileHandleOutput: TextOutputStream {
    let handle: FileHandle
    public init(_ handle: FileHandle) { self.handle = handle }
    public mutating func write(_ string: String) { handle.write(Data(string.utf8)) }
}
