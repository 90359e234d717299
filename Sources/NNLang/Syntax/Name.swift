import Foundation

/// An identifier, interned once at parse time so that looking it up at run time compares
/// and hashes a small integer instead of a string.
public struct Name: Hashable, Sendable, CustomStringConvertible {
    /// Dense, process-wide: scopes of a whole module use it as an array index.
    public let id: Int
    public let text: String

    public init(_ text: String) {
        self.id = NameTable.shared.intern(text)
        self.text = text
    }

    public static func == (a: Name, b: Name) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { text }

    /// The text of an interned id.
    static func text(of id: Int) -> String { NameTable.shared.text(of: id) }
}

/// The process-wide table of interned names; documents parse on several threads.
final class NameTable: @unchecked Sendable {
    static let shared = NameTable()
    private let lock = NSLock()
    private var ids: [String: Int] = [:]
    private var texts: [String] = []

    func intern(_ text: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[text] { return id }
        ids[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    func text(of id: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return texts[id]
    }
}
