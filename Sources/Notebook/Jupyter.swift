import Foundation

/// A Jupyter notebook in nbformat 4 — just the fields Lectern reads and writes.
///
/// Foundation's coders do the JSON; keys are sorted on output so an export is byte-stable.
public struct JupyterNotebook: Codable, Equatable, Sendable {
    public var cells: [Cell]
    public var metadata: Metadata
    public var nbformat = 4
    public var nbformatMinor = 5

    enum CodingKeys: String, CodingKey {
        case cells, metadata, nbformat
        case nbformatMinor = "nbformat_minor"
    }

    public struct Metadata: Codable, Equatable, Sendable {
        public var kernelspec: KernelSpec?
        public var languageInfo: LanguageInfo?
        /// Lectern's own: the lecture's front matter, so an import restores it.
        public var lectern: LecternMetadata?

        enum CodingKeys: String, CodingKey {
            case kernelspec, lectern
            case languageInfo = "language_info"
        }
    }

    public struct KernelSpec: Codable, Equatable, Sendable {
        public var displayName = "Python 3"
        public var language = "python"
        public var name = "python3"
        enum CodingKeys: String, CodingKey {
            case language, name
            case displayName = "display_name"
        }
    }

    public struct LanguageInfo: Codable, Equatable, Sendable {
        public var name = "python"
    }

    public struct LecternMetadata: Codable, Equatable, Sendable {
        /// The YAML between the `---` lines, verbatim.
        public var frontMatter: String?
        enum CodingKeys: String, CodingKey { case frontMatter = "front_matter" }
    }

    public struct Cell: Codable, Equatable, Sendable {
        public var id: String?
        public var cellType: String
        public var source: MultilineText
        public var metadata: CellMetadata
        public var outputs: [CellOutput]?
        public var executionCount: Int?
        /// Images pasted into a markdown cell: file name → MIME type → base64 data.
        public var attachments: [String: [String: String]]?

        enum CodingKeys: String, CodingKey {
            case id, source, metadata, outputs, attachments
            case cellType = "cell_type"
            case executionCount = "execution_count"
        }

        public init(
            id: String?, cellType: String, source: String, metadata: CellMetadata = CellMetadata(), outputs: [CellOutput]? = nil,
            executionCount: Int? = nil
        ) {
            self.id = id
            self.cellType = cellType
            self.source = MultilineText(source)
            self.metadata = metadata
            self.outputs = outputs
            self.executionCount = executionCount
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decodeIfPresent(String.self, forKey: .id)
            cellType = try c.decode(String.self, forKey: .cellType)
            source = try c.decode(MultilineText.self, forKey: .source)
            metadata = (try? c.decodeIfPresent(CellMetadata.self, forKey: .metadata)) ?? CellMetadata()
            // Outputs and attachments of foreign notebooks can hold shapes Lectern does not read
            // (nested metadata, widget state); an import drops outputs anyway.
            outputs = try? c.decodeIfPresent([CellOutput].self, forKey: .outputs)
            executionCount = try? c.decodeIfPresent(Int.self, forKey: .executionCount)
            attachments = try? c.decodeIfPresent([String: [String: String]].self, forKey: .attachments)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(id, forKey: .id)
            try c.encode(cellType, forKey: .cellType)
            try c.encode(source, forKey: .source)
            try c.encode(metadata, forKey: .metadata)
            try c.encodeIfPresent(attachments, forKey: .attachments)
            if cellType == "code" {
                // nbformat requires both keys on a code cell; an unexecuted cell has null.
                try c.encode(outputs ?? [], forKey: .outputs)
                try c.encode(executionCount, forKey: .executionCount)
            }
        }
    }

    public struct CellMetadata: Codable, Equatable, Sendable {
        /// JupyterLab's standard flag for a collapsed input (`echo=false`).
        public var jupyter: JupyterFlags?
        /// The block's info string when it carries options (`nn echo=false`).
        public var lectern: CellLectern?
        public init(jupyter: JupyterFlags? = nil, lectern: CellLectern? = nil) {
            self.jupyter = jupyter
            self.lectern = lectern
        }
    }

    public struct JupyterFlags: Codable, Equatable, Sendable {
        public var sourceHidden: Bool?
        enum CodingKeys: String, CodingKey { case sourceHidden = "source_hidden" }
    }

    public struct CellLectern: Codable, Equatable, Sendable {
        /// The fence's info string, e.g. `nn error=true`.
        public var info: String?
        /// The author's prose when the cell shows computed inline values instead.
        public var source: String?
    }

    /// One output of a code cell: `stream`, `execute_result`, `display_data` or `error`.
    public struct CellOutput: Codable, Equatable, Sendable {
        public var outputType: String
        public var name: String?
        public var text: MultilineText?
        public var data: [String: MultilineText]?
        public var metadata: [String: String]?
        public var executionCount: Int?
        public var ename: String?
        public var evalue: String?
        public var traceback: [String]?

        enum CodingKeys: String, CodingKey {
            case name, text, data, metadata, ename, evalue, traceback
            case outputType = "output_type"
            case executionCount = "execution_count"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(outputType, forKey: .outputType)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encodeIfPresent(text, forKey: .text)
            try c.encodeIfPresent(data, forKey: .data)
            try c.encodeIfPresent(metadata, forKey: .metadata)
            if outputType == "execute_result" { try c.encode(executionCount, forKey: .executionCount) }
            try c.encodeIfPresent(ename, forKey: .ename)
            try c.encodeIfPresent(evalue, forKey: .evalue)
            try c.encodeIfPresent(traceback, forKey: .traceback)
        }
    }
}

/// Notebook text: one string or a list of lines, as nbformat allows; written as lines.
public struct MultilineText: Codable, Equatable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else {
            text = try c.decode([String].self).joined()
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        // Jupyter's own layout: each line keeps its newline, the last has none.
        var lines: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        try c.encode(lines)
    }
}

extension JupyterNotebook {
    /// Reads a `.ipynb` file's bytes.
    public static func decode(_ data: Data) throws -> JupyterNotebook {
        try JSONDecoder().decode(JupyterNotebook.self, from: data)
    }

    /// The notebook as Jupyter writes it (one-space indent), with sorted keys for stable bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
