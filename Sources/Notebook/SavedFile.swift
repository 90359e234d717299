/// A file a lecture wrote (a figure from `savefig`): its path relative to the page, and its text.
/// The build writes it into the output tree beside the page, never elsewhere.
public struct SavedFile: Equatable, Sendable, Codable {
    public var path: String
    public var contents: String
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
