/// Where a fact was seen. Lines and columns are 1-based; columns count UTF-16 code units
/// (what SARIF's default `columnKind` wants); byte offsets are UTF-8 offsets into the file.
public struct SourceLocation: Sendable, Hashable, Codable {
    public let path: String
    public let line: Int
    public let column: Int
    public let endLine: Int
    public let endColumn: Int
    public let byteStart: Int
    public let byteEnd: Int
    /// A short excerpt of the source around the fact (one line, trimmed), or "" for binary files.
    public let snippet: String

    public init(path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                byteStart: Int, byteEnd: Int, snippet: String) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.snippet = snippet
    }

    /// A location that stands for a whole file (a binary, a missing entry point).
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 1, column: 1, endLine: 1, endColumn: 1, byteStart: 0, byteEnd: 0, snippet: "")
    }
}
