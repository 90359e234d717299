/// A lecture: its source text, front matter, `nn` blocks and inline `{nn}` values.
public struct Document: Sendable {
    /// The path shown in messages, relative to the input root (`backprop.md`).
    public var path: String
    public var source: String
    public var frontMatter: FrontMatter
    public var blocks: [CodeBlock]
    public var inlines: [InlineSpan]
    /// Math spans in prose, protected from Markdown processing in HTML.
    public var math: [MathSpan]
    /// Problems found while reading the document (front matter, block options).
    public var diagnostics: [Diagnostic]
    /// Wikilinks, embeds, inline tags and callouts (Obsidian-style notes).
    public var notes = NoteMarks()

    /// The lecture's tags: the front matter's, then the inline `#tags`, each once.
    public var tags: [String] {
        var seen: Set<String> = []
        return (frontMatter.tags + notes.tags.map(\.name)).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The source split into lines, without their terminators, for error display.
    public var lines: [Substring] { source.sourceLines }

    /// The text of a 1-based line, if the document has it.
    public func line(_ number: Int) -> String? {
        let all = lines
        return number >= 1 && number <= all.count ? String(all[number - 1]) : nil
    }
}

/// A fenced `nn` block: its options and where it sits in the file.
public struct CodeBlock: Sendable, Equatable {
    public var options: BlockOptions
    public var code: String
    /// 1-based line of the opening fence.
    public var fenceLine: Int
    /// 1-based line of the closing fence (the last line of the block).
    public var endLine: Int
    /// The column the code's lines start at (the fence's indentation + 1).
    public var column: Int

    /// The file line of the block's first code line.
    public var firstCodeLine: Int { fenceLine + 1 }
}

/// The info-string options of an `nn` block.
public struct BlockOptions: Sendable, Equatable {
    public var echo = true
    public var output = true
    public var error = false
    public var eval = true
    public var label: String?
    public init() {}
}

/// An inline `` `{nn} EXPR` `` span.
public struct InlineSpan: Sendable, Equatable {
    public var expression: String
    /// UTF-8 byte range of the whole span, backticks included.
    public var range: Range<Int>
    public var location: SourceLocation
}

/// A math span: `$…$`, `$$…$$`, `\(…\)` or `\[…\]`.
public struct MathSpan: Sendable, Equatable {
    public var tex: String
    public var display: Bool
    /// UTF-8 byte range of the span, delimiters included.
    public var range: Range<Int>
}

extension String {
    /// Lines as cmark and the byte scanners count them: split at "\n" and "\r\n".
    /// (Splitting at the Character "\n" alone would miss "\r\n", which Swift treats as one
    /// Character.)
    public var sourceLines: [Substring] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
