/// Facts, embedded scripts and diagnostics of the HTML and CSS files of a set of bundle files.
public struct WebScanResult: Sendable {
    /// Sorted by path, then byte offset, then kind and key: the same bundle gives the same order.
    public var facts: [Fact]
    /// Per HTML file, in path order; `byteRange`s refer to that file's `HTMLScanResult.source`.
    public var embeddedScripts: [(path: String, scripts: [EmbeddedScript])]
    public var diagnostics: [ScanDiagnostic]
}

public enum HTMLCSSInventory {
    /// Whether the HTML scanner reads this file.
    public static func isHTML(_ file: BundleFile) -> Bool {
        if file.kind == .html { return true }
        let lower = file.path.lowercased()
        return file.kind == .text && (lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml"))
    }

    /// Whether the CSS scanner reads this file.
    public static func isCSS(_ file: BundleFile) -> Bool {
        file.kind == .css || (file.kind == .text && file.path.lowercased().hasSuffix(".css"))
    }

    /// Scans every HTML and CSS file among `files`; the order of `files` does not matter.
    public static func scan(_ files: [BundleFile]) -> WebScanResult {
        var facts: [Fact] = []
        var scripts: [(path: String, scripts: [EmbeddedScript])] = []
        var diagnostics: [ScanDiagnostic] = []
        let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for file in sorted {
            if isHTML(file) {
                let r = HTMLScanner.scan(file)
                facts.append(contentsOf: r.facts)
                diagnostics.append(contentsOf: r.diagnostics)
                if !r.scripts.isEmpty { scripts.append((file.path, r.scripts)) }
            } else if isCSS(file) {
                let r = CSSScanner.scan(file)
                facts.append(contentsOf: r.facts)
                diagnostics.append(contentsOf: r.diagnostics)
            }
        }
        facts.sort(by: factOrder)
        diagnostics.sort {
            ($0.path, $0.line, $0.column, $0.code, $0.message) < ($1.path, $1.line, $1.column, $1.code, $1.message)
        }
        return WebScanResult(facts: facts, embeddedScripts: scripts, diagnostics: diagnostics)
    }

    /// Path (bytes), start, end, kind, key.
    public static func factOrder(_ a: Fact, _ b: Fact) -> Bool {
        if a.location.path != b.location.path { return a.location.path.utf8.lexicographicallyPrecedes(b.location.path.utf8) }
        if a.location.byteStart != b.location.byteStart { return a.location.byteStart < b.location.byteStart }
        if a.location.byteEnd != b.location.byteEnd { return a.location.byteEnd < b.location.byteEnd }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.key < b.key
    }
}
