/// What a lecture page knows of the course around it: the course's name, every lecture (for
/// the navigation, wikilinks and links to `.md` files) and every other file (for images and
/// downloads). Paths are relative to the course root, with `/` separators.
public struct SiteContext: Sendable, Codable {
    public struct Lecture: Sendable, Equatable, Codable {
        /// `week1/intro.md`
        public var path: String
        public var title: String
        public init(path: String, title: String) {
            self.path = path
            self.title = title
        }
        /// `week1/intro.html`
        public var page: String { String(path.dropLast(3)) + ".html" }
        /// The file name without `.md`, as a wikilink names it.
        public var name: String { String(path.split(separator: "/").last ?? "").dropLast(3).description }
    }

    public var title: String
    public var description: String?
    public var lectures: [Lecture]
    /// Every file of the course that is not a lecture, sorted.
    public var files: [String]
    /// The course has an index page, tag pages and search (a folder was rendered, or the
    /// output folder already holds a site).
    public var hasIndex: Bool
    /// The source text of a lecture, for `![[Note]]` embeds.
    public var text: @Sendable (String) -> String?

    public init(
        title: String = "Lectures", description: String? = nil, lectures: [Lecture] = [], files: [String] = [],
        hasIndex: Bool = false, text: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.title = title
        self.description = description
        self.lectures = lectures
        self.files = files
        self.hasIndex = hasIndex
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case title, description, lectures, files, hasIndex }

    /// Sent to a worker without `text`: the worker reads the lectures itself.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title), description: try c.decodeIfPresent(String.self, forKey: .description),
            lectures: try c.decode([Lecture].self, forKey: .lectures), files: try c.decode([String].self, forKey: .files),
            hasIndex: try c.decode(Bool.self, forKey: .hasIndex))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(lectures, forKey: .lectures)
        try c.encode(files, forKey: .files)
        try c.encode(hasIndex, forKey: .hasIndex)
    }

    /// The lecture a wikilink names: by path without `.md`, else by file name (case-insensitive).
    func lecture(named name: String) -> Lecture? {
        let key = (name.hasSuffix(".md") ? String(name.dropLast(3)) : name).lowercased()
        return lectures.first { String($0.path.dropLast(3)).lowercased() == key }
            ?? lectures.first { $0.name.lowercased() == key }
    }

    /// A file an embed names: its path, else the first file (in sorted order) with that name.
    func file(named name: String) -> String? {
        if files.contains(name) { return name }
        return files.first { $0 == name || $0.hasSuffix("/" + name) }
    }
}

/// A rendered page and what the site needs to know of it.
public struct RenderedPage: Sendable {
    public var html: String
    /// Links and embeds whose target is missing, at `file:line`.
    public var warnings: [Diagnostic]
    /// Course files the page references (to copy into the output tree), sorted.
    public var assets: [String]
    public var tags: [String]
    /// The first paragraph of prose, as plain text.
    public var summary: String
    /// Headings, prose and code as plain text, for the search index.
    public var searchText: String
}

/// A tag as it appears in URLs (`tags/<slug>.html`): a heading's slug rule.
public func tagSlug(_ tag: String) -> String { HTMLRenderer.slug(tag) }
