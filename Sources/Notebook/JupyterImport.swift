import Foundation

/// Turns a Jupyter notebook into a lecture: markdown cells verbatim, code cells as `nn` blocks,
/// outputs dropped (Lectern computes its own), pasted images written out as files.
public enum JupyterImport {
    public struct Lecture: Equatable, Sendable {
        public var markdown: String
        /// Image files to write next to the lecture: relative path → bytes.
        public var files: [(path: String, data: Data)]

        public static func == (a: Lecture, b: Lecture) -> Bool {
            a.markdown == b.markdown && a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.data) == b.files.map(\.data)
        }
    }

    /// `attachmentFolder` is where pasted images go, relative to the lecture (e.g. `intro-attachments`).
    public static func lecture(_ notebook: JupyterNotebook, attachmentFolder: String) -> Lecture {
        var parts: [String] = []
        var files: [(String, Data)] = []
        if let fm = notebook.metadata.lectern?.frontMatter {
            parts.append("---\n" + fm + (fm.hasSuffix("\n") ? "" : "\n") + "---")
        }
        for (index, cell) in notebook.cells.enumerated() {
            switch cell.cellType {
            case "code":
                let info = cell.metadata.lectern?.info ?? "nn"
                parts.append(fenced(cell.source.text, info: info))
            case "markdown":
                var text = cell.metadata.lectern?.source ?? cell.source.text
                // Sorted: a notebook's attachment order is a JSON object's, which has none.
                for name in (cell.attachments ?? [:]).keys.sorted() {
                    guard let (_, base64) = cell.attachments?[name]?.min(by: { $0.key < $1.key }),
                        let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters)
                    else { continue }
                    let path = "\(attachmentFolder)/\(index)-\(safeFileName(name))"
                    files.append((path, data))
                    text = text.replacingOccurrences(of: "attachment:\(name)", with: path)
                }
                parts.append(text)
            default:
                parts.append(cell.source.text)
            }
        }
        let body = parts.map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return Lecture(markdown: body + "\n", files: files)
    }

    /// A fence longer than any backtick run in the code, so the code cannot close it.
    static func fenced(_ code: String, info: String) -> String {
        var fence = "```"
        while code.contains(fence) { fence += "`" }
        let body = code.hasSuffix("\n") ? String(code.dropLast()) : code
        return fence + info + "\n" + body + "\n" + fence
    }

    /// A file name without folders or characters a file system or URL would trip over.
    static func safeFileName(_ name: String) -> String {
        let kept = name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" }
        let s = String(kept).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return s.isEmpty ? "image" : s
    }
}
