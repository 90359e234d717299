import Engine
import Foundation
import NNLang
import Notebook
import Site

/// A coverage-guided fuzz target over the whole path a lecture takes: decoding, the cmark
/// reader, the parser and interpreter, and both renderers. Built with
/// `-sanitize=fuzzer -DFUZZING`, libFuzzer drives `LLVMFuzzerTestOneInput`; built normally it
/// replays the files named on the command line (a crash reproducer, and CI's smoke run).
///
/// An input whose first byte is even is a whole lecture; otherwise the rest is the code of one
/// `nn` block, which sends more of the fuzzer's effort into the language.
/// One array may hold a million elements (8 MB) in a fuzzed document.
let fuzzLimits = RunLimits(maxElements: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let text: String
    if first % 2 == 0 {
        guard case .success(let decoded) = DocumentReader.decode(Array(bytes.dropFirst()), path: "fuzz.md") else { return 0 }
        text = decoded
    } else {
        text = "# Fuzz\n\n```nn\n" + String(decoding: bytes.dropFirst(), as: UTF8.self) + "\n```\n\nValue: `{nn} 1 + 1`.\n"
    }
    let document = DocumentReader.read(text, path: "fuzz.md")
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
    // Small limits keep each execution in milliseconds: a mutated `np.ones(10**7)` or endless
    // loop then costs 8 MB and 20 ms, and still goes through every MemoryError/TimeoutError path.
    let run = DocumentRunner.run(
        document, files: FileAccess(documentDirectory: folder, projectRoot: folder), timeout: 0.02, limits: fuzzLimits)
    _ = MarkdownRenderer.render(run.executed)
    _ = HTMLRenderer(highlight: Highlighter.html, assetsPrefix: "assets/").render(run.executed)
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point under this name (`--defsym main=…`), so
    /// libFuzzer's own `main` is not used: this one hands the arguments to its driver.
    @_cdecl("lectern_fuzz_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, fuzzOne)
    }
#else
    /// Replays inputs: `lectern-fuzz FILE…` (folders are read file by file).
    @main struct Replay {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                let url = URL(fileURLWithPath: path)
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                let files =
                    isFolder.boolValue
                    ? ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []).sorted().map { url.appendingPathComponent($0) }
                    : [url]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file.path), !data.isEmpty else { continue }
                    // A lecture as a lecture (even first byte), and its bytes as one block's code.
                    for tag: UInt8 in [0, 1] {
                        let input = [tag] + Array(data)
                        _ = input.withUnsafeBufferPointer { fuzzOne($0.baseAddress!, $0.count) }
                        count += 1
                    }
                }
            }
            print("replayed \(count) inputs without a crash")
        }
    }
#endif
