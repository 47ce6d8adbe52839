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
    /// The matched source text itself (its first line, at most 120 bytes), so reports can mark it
    /// inside the snippet; "" when the fact stands for a whole line or file.
    public let match: String

    public init(path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                byteStart: Int, byteEnd: Int, snippet: String, match: String = "") {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.snippet = snippet
        self.match = match
    }

    /// The first line of `bytes[range]`, at most `limit` bytes cut on a scalar boundary.
    public static func matchText(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = 120) -> String {
        let start = max(0, min(range.lowerBound, bytes.count))
        var end = min(range.upperBound, bytes.count, start + limit)
        if let newline = bytes[start..<end].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { end = newline }
        while end > start && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The same place in a file with identical bytes at another path.
    public func relocated(to path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                       byteStart: byteStart, byteEnd: byteEnd, snippet: snippet, match: match)
    }

    /// A location that stands for a whole file (a binary, a missing entry point).
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 1, column: 1, endLine: 1, endColumn: 1, byteStart: 0, byteEnd: 0, snippet: "")
    }
}
