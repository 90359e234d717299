extension String {
    /// Lines split at "\n" and "\r\n" (a Character "\n" alone would miss "\r\n"), as files
    /// the language reads are counted.
    var sourceLines: [Substring] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
