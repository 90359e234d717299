import Foundation
import Notebook

/// What the parent sends a worker process on its stdin: one lecture to run and render.
struct WorkerJob: Codable, Sendable {
    /// A link in the page's navigation.
    struct Link: Codable, Sendable {
        var title: String
        var href: String
    }

    var file: SourceFile
    var text: String
    var title: String
    var timeout: Double
    var index: String?
    var previous: Link?
    var next: Link?
    /// The course around the page (navigation, wikilink targets, files to embed).
    var site: SiteContext?
    /// OS limits the worker puts on itself before it runs any user code.
    var limits: WorkerLimits
    /// Whether to stream live training lines back (only when a terminal shows them).
    var training: Bool
    /// Set when a first run crashed: run only what comes before this line, and show `crash` there.
    var crash: Crash?

    struct Crash: Codable, Sendable {
        /// The file line of the block or inline value that was running; nil if none had started.
        var line: Int?
        var reason: String
        /// The crash came after the run, while rendering the outputs.
        var rendering = false
        /// Blocks and inline values from this line on are not run (0: nothing runs).
        var runUntil: Int
    }

    var navigation: HTMLRenderer.Navigation {
        HTMLRenderer.Navigation(
            index: index, previous: previous.map { ($0.title, $0.href) }, next: next.map { ($0.title, $0.href) })
    }
}

/// Per-worker limits enforced by the kernel: they back the interpreter's own cooperative checks.
public struct WorkerLimits: Codable, Sendable {
    /// RLIMIT_AS: address space in bytes. (RLIMIT_CPU follows from the number of blocks and
    /// the block time limit; the worker sets it once it has read the lecture.)
    public var memoryBytes: UInt64

    public init(memoryBytes: UInt64 = defaultMemoryBytes) { self.memoryBytes = memoryBytes }

    /// 8 GiB of address space: far above what a lecture needs, far below taking the machine down.
    public static let defaultMemoryBytes: UInt64 = 8 << 30
}

/// One line a worker writes back to its parent.
///
/// `S 12` a block (or inline value) at line 12 starts; `P` the run is over and the outputs
/// are being rendered; `T "…"` a live training line (JSON string); `R {…}` the result (JSON).
enum WorkerMessage {
    case started(line: Int)
    case rendering
    case training(String)
    case result(DocumentResult)

    var encoded: Data {
        var line: String
        switch self {
        case .started(let l): line = "S \(l)"
        case .rendering: line = "P"
        case .training(let text): line = "T " + String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        case .result(let r): line = "R " + String(decoding: (try? JSONEncoder().encode(r)) ?? Data(), as: UTF8.self)
        }
        return Data((line + "\n").utf8)
    }

    init?(_ line: Substring) {
        let payload = Data(line.dropFirst(2).utf8)
        switch line.first {
        case "S":
            guard let l = Int(line.dropFirst(2)) else { return nil }
            self = .started(line: l)
        case "P": self = .rendering
        case "T":
            guard let text = try? JSONDecoder().decode(String.self, from: payload) else { return nil }
            self = .training(text)
        case "R":
            guard let r = try? JSONDecoder().decode(DocumentResult.self, from: payload) else { return nil }
            self = .result(r)
        default: return nil
        }
    }
}
