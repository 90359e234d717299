import Display

/// A document after running: the outputs of each block and the text of each inline value.
public struct ExecutedDocument: Sendable {
    public var document: Document
    /// One list per entry of `document.blocks`.
    public var blockOutputs: [[Output]]
    /// One text per entry of `document.inlines`.
    public var inlineValues: [String]

    public init(document: Document, blockOutputs: [[Output]], inlineValues: [String]) {
        self.document = document
        self.blockOutputs = blockOutputs
        self.inlineValues = inlineValues
    }

    public var format: NumberFormat { NumberFormat(decimals: document.frontMatter.decimals) }
}
