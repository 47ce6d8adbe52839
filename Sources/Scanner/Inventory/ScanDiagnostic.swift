/// Something a scanner noticed about a file that is not a fact: a parse error, a recovery, a
/// note on how positions were computed. Positions as in `SourceLocation`.
public struct ScanDiagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public let path: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    /// A stable machine name: `html-parse`, `css-bad-string`, `css-bad-url`, `css-unclosed-comment`, `transcoded`, …
    public let code: String
    public let message: String

    public init(path: String, line: Int, column: Int, severity: Severity, code: String, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }
}

/// Turns byte ranges of one file into `SourceLocation`s.
struct Locator {
    let path: String
    let lines: LineTable

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.lines = LineTable(bytes)
    }

    init(path: String, lines: LineTable) {
        self.path = path
        self.lines = lines
    }

    func location(_ start: Int, _ end: Int) -> SourceLocation {
        let a = lines.position(of: start)
        let b = lines.position(of: end)
        return SourceLocation(path: path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column,
                              byteStart: start, byteEnd: end, snippet: lines.snippet(around: start, length: end - start),
                              match: lines.text(start..<end))
    }

    func diagnostic(at offset: Int, _ severity: ScanDiagnostic.Severity, _ code: String, _ message: String) -> ScanDiagnostic {
        let p = lines.position(of: offset)
        return ScanDiagnostic(path: path, line: p.line, column: p.column, severity: severity, code: code, message: message)
    }
}
