import Display
import Engine
import Foundation
import NNLang
import Notebook

/// The execute step: runs a document's blocks in order in one interpreter, evaluating each
/// inline value after the blocks above it, and turns what the language shows into `Output`.
public enum DocumentRunner {
    /// What a run produced, and what went wrong unexpectedly.
    public struct Run: Sendable {
        public var executed: ExecutedDocument
        /// Unexpected errors and failed asserts, with file positions.
        public var failures: [Diagnostic]
        /// Blocks marked `error=true` that failed as expected.
        public var expectedErrors: Int
        public var blocksRun: Int
        /// Figures `savefig` wrote, for the build to place beside the page.
        public var savedFiles: [SavedFile] = []
    }

    /// `progress` receives live training lines for a terminal; nil renders silently.
    /// `started` hears the file line of each block and inline value before it runs, so a worker
    /// process can tell its parent where it was if it crashes. `limits` is the document's
    /// allocation budget (its deadline is set from `timeout` for each block).
    public static func run(
        _ doc: Document, files: FileAccess, timeout: Double, limits: RunLimits = RunLimits(),
        progress: (@Sendable (String) -> Void)? = nil, started: (@Sendable (Int) -> Void)? = nil
    ) -> Run {
        withLargeStack {
            limits.install { runHere(doc, files: files, timeout: timeout, progress: progress, started: started) }
        }
    }

    /// Runs on the calling thread, under the `RunLimits` installed there.
    static func runHere(
        _ doc: Document, files: FileAccess, timeout: Double, progress: (@Sendable (String) -> Void)?,
        started: (@Sendable (Int) -> Void)? = nil
    ) -> Run {
        let limits = RunLimits.current
        var failures = doc.diagnostics
        guard doc.frontMatter.execute else {
            let inline = doc.inlines.map { "`{nn} \($0.expression)`" }
            return Run(
                executed: ExecutedDocument(document: doc, blockOutputs: doc.blocks.map { _ in [] }, inlineValues: inline),
                failures: failures, expectedErrors: 0, blocksRun: 0)
        }
        let interpreter = Interpreter(seed: doc.frontMatter.seed, format: NumberFormat(decimals: doc.frontMatter.decimals), files: files)
        if let progress {
            let line = LiveProgress(progress)
            interpreter.trainingProgress = { line.hear($0) }
        }
        let parsed = doc.blocks.map { Parser.parse($0.code) }
        interpreter.prepare(parsed.map(\.statements))

        func diagnostic(_ e: LangError, _ block: CodeBlock) -> Diagnostic {
            let line = block.firstCodeLine + e.position.line - 1
            let column = block.column + max(e.position.column, 1) - 1
            return Diagnostic(
                file: doc.path, location: SourceLocation(line: line, column: column), message: e.message, hint: e.hint,
                sourceLine: doc.line(line))
        }

        var outputs: [[Output]] = []
        var inlineValues = Array(repeating: "", count: doc.inlines.count)
        var nextInline = 0
        var expected = 0
        var ran = 0
        func evaluateInlines(before line: Int) {
            while nextInline < doc.inlines.count && doc.inlines[nextInline].location.line < line {
                let span = doc.inlines[nextInline]
                started?(span.location.line)
                limits.start(seconds: timeout)
                let result = Parser.parseExpression(span.expression).flatMap { interpreter.evaluateInline($0, timeout: timeout) }
                switch result {
                case .success(let v): inlineValues[nextInline] = interpreter.inlineText(v)
                case .failure(let e):
                    inlineValues[nextInline] = "[error: \(e.message)]"
                    // Point into the span: past the opening backtick and `{nn} `.
                    failures.append(
                        Diagnostic(
                            file: doc.path, location: SourceLocation(line: span.location.line, column: span.location.column + 6),
                            message: e.message, hint: e.hint,
                            sourceLine: doc.line(span.location.line)))
                }
                nextInline += 1
            }
        }

        for (block, (statements, syntaxErrors)) in zip(doc.blocks, parsed) {
            evaluateInlines(before: block.fenceLine)
            guard block.options.eval else {
                outputs.append([])
                continue
            }
            ran += 1
            started?(block.fenceLine)
            var shown: [Output] = []
            var failed: [Diagnostic] = []
            if !syntaxErrors.isEmpty {
                failed = syntaxErrors.map { diagnostic($0, block) }
                shown = failed.map { .error($0) }
            } else {
                limits.start(seconds: timeout)
                let (out, error) = interpreter.run(statements, timeout: timeout)
                shown = out.map(ShownOutput.output)
                if let error {
                    let d = diagnostic(error, block)
                    failed = [d]
                    shown.append(.error(d))
                }
            }
            if block.options.error {
                if failed.isEmpty {
                    let d = Diagnostic(
                        file: doc.path, location: SourceLocation(line: block.fenceLine, column: block.column),
                        message: "this block is marked error=true but ran without an error",
                        hint: "remove error=true, or fix the example so it fails as intended",
                        sourceLine: doc.line(block.fenceLine))
                    failures.append(d)
                    shown.append(.error(d))
                } else {
                    expected += 1
                }
            } else {
                failures += failed
            }
            outputs.append(shown)
        }
        evaluateInlines(before: Int.max)
        let saved = interpreter.savedFigures.map { SavedFile(path: $0.path, contents: $0.figure.svg) }
        interpreter.finish()
        return Run(
            executed: ExecutedDocument(document: doc, blockOutputs: outputs, inlineValues: inlineValues),
            failures: failures, expectedErrors: expected, blocksRun: ran, savedFiles: saved)
    }
}
