import ArgumentParser
import Foundation
import Serve
import Site

/// `lectern serve`: the site on loopback, rebuilt and reloaded as lectures change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the rendered course on 127.0.0.1, re-render it when a file changes, and reload the open page.")

    @Argument(help: "Lectures or folders of lectures (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; only loopback unless you name another.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Seconds a block may run before it is stopped.")
    var timeout: Double = 60

    func execute(_ output: inout some TextOutputStream, _ errors: inout some TextOutputStream) -> Int32 {
        guard (0...65535).contains(port) else {
            print("lectern: --port must be between 0 and 65535", to: &errors)
            return 2
        }
        let options: CommonOptions
        do {
            options = try CommonOptions.parse(["--timeout", String(timeout), "--"] + paths)
        } catch {
            print("lectern: \(CommonOptions.message(for: error))", to: &errors)
            return 2
        }
        // The preview is written to a private temporary folder: never next to the sources, and
        // never over the committed output/ that `check` compares with.
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-\(getpid())")
        defer { try? FileManager.default.removeItem(at: site) }
        let first: [DocumentResult]
        do {
            first = try buildSite(options, into: site)
        } catch {
            return failureStatus(error, &errors)
        }
        for r in first { print(summaryLine(r), to: &output) }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let config = LiveServer.Configuration(
            site: site, watch: [root],
            skip: { url in
                let name = url.lastPathComponent
                return name.hasPrefix(".") || name == "output" || url.path.hasPrefix(site.path)
            },
            host: host, port: port,
            rebuild: { changed in rebuild(options, into: site, after: changed) })
        let host = self.host
        let status = runBlocking {
            try await LiveServer.run(
                config,
                running: { port in
                    var out = FileHandleOutput(FileHandle.standardOutput)
                    print("serving http://\(host):\(port)/ (Ctrl-C stops)", to: &out)
                },
                log: { line in
                    var out = FileHandleOutput(FileHandle.standardOutput)
                    print(line, to: &out)
                })
        }
        if let error = status {
            print("lectern: \(error)", to: &errors)
            return 2
        }
        return 0
    }
}

/// Runs async work from the synchronous command tree; returns the error it threw, if any.
func runBlocking(_ body: @escaping @Sendable () async throws -> Void) -> (any Error)? {
    final class Box: @unchecked Sendable { var error: (any Error)? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { try await body() } catch { box.error = error }
        done.signal()
    }
    done.wait()
    return box.error
}

/// One rebuild of `serve` after `changed` paths changed, through the cache (only lectures
/// whose inputs changed run again); returns the line for the terminal.
func rebuild(_ options: CommonOptions, into site: URL, after changed: [URL]) -> String {
    // Editors save through temp files that are gone by now: name what is still there.
    let names = Set(changed.filter { FileManager.default.fileExists(atPath: $0.path) }.map(\.lastPathComponent)).sorted()
        .joined(separator: ", ")
    do {
        let results = try buildSite(options, into: site)
        let failed = results.filter { !$0.failures.isEmpty }.count
        let ran = results.filter { !$0.fromCache }.count
        return
            "rebuilt after a change to \(names): ran \(ran) of \(plural(results.count, "lecture")) (the rest from the cache), \(failed) with failures"
    } catch {
        return "rebuild failed after a change to \(names): \(error)"
    }
}
