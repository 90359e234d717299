import Foundation

@testable import Site

/// The marker that makes a block trap inside its worker (see `Worker.testTrapVariable`).
let trapMarker = "LECTERN_TEST_TRAP_HERE"

/// Workers for in-process tests: the test runner is not lectern, so lectures run in the built
/// `lectern` binary, which `swift build --build-tests` puts beside the test bundle.
let testIsolation: Execute.Isolation = {
    let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    var path = folder.appendingPathComponent("lectern").path
    // On macOS the runner sits inside the .xctest bundle.
    while !FileManager.default.isExecutableFile(atPath: path) && folder.pathComponents.count > 2 {
        folder.deleteLastPathComponent()
        path = folder.appendingPathComponent("lectern").path
    }
    setenv("LECTERN_WORKER", path, 1)
    setenv(Worker.testTrapVariable, trapMarker, 1)
    return Execute.Isolation(worker: path)
}()
