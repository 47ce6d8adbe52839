/// The output formats of `livegate check`. One writer per format, all pure functions of a
/// `CheckResult`, all byte-stable (sorted, relative paths, no timestamps).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case markdown
    case github
    case html

    public func render(_ result: CheckResult, colour: Bool = false) -> String {
        switch self {
        case .text: return TextReport(colour: colour).render(result)
        case .json: return JSONReport().render(result)
        case .sarif: return SARIFReport().render(result)
        case .markdown: return MarkdownReport().render(result)
        case .github: return GitHubReport().render(result)
        case .html: return HTMLReport().render(result)
        }
    }
}

/// What the tool calls itself in reports.
public enum ToolInfo {
    public static let name = "livegate"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/livegate/livegate"
    public static func rulesDocURI(_ id: String) -> String { "\(informationURI)/blob/main/docs/rules.md#\(id)" }
}

extension CheckResult.BundleSummary {
    /// How a file of this bundle is named in a text report: the on-disk path for a directory,
    /// `archive!/path` inside an archive, the file itself for a single-file bundle.
    public func displayPath(_ path: String) -> String {
        switch container {
        case .directory:
            return origin.hasSuffix("/") ? origin + path : origin + "/" + path
        case .singleFile:
            return origin
        case .zip, .ipa, .apk, .aab:
            return origin + "!/" + (webRoot.isEmpty ? "" : webRoot + "/") + path
        }
    }
}
