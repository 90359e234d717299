/// What a page needs of a lecture's run: each `nn` block as HTML (code and outputs) and the
/// text of each inline value.
///
/// It does not depend on the course around the page, so the render cache keeps it apart from
/// the page: a new lecture or a changed course title re-assembles pages from it without running
/// any lecture again.
public struct RenderedCells: Sendable, Codable, Equatable {
    /// One fragment per entry of `document.blocks`.
    public var blocks: [String]
    /// One text per entry of `document.inlines`.
    public var inlineValues: [String]

    public init(blocks: [String], inlineValues: [String]) {
        self.blocks = blocks
        self.inlineValues = inlineValues
    }
}

extension HTMLRenderer {
    /// The blocks and inline values of a run as the page shows them.
    public func cells(_ executed: ExecutedDocument) -> RenderedCells {
        let blocks = executed.document.blocks
        return RenderedCells(
            blocks: blocks.indices.map { i in
                blockHTML(blocks[i], i < executed.blockOutputs.count ? executed.blockOutputs[i] : [], executed.format)
            },
            inlineValues: executed.inlineValues)
    }
}
