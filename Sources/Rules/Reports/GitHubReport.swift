/// `--format github`: GitHub Actions workflow commands, one per finding, so findings appear as
/// annotations on the pull request (`::error file=…,line=…,col=…,title=…::message`).
public struct GitHubReport: Sendable {
    public init() {}

    /// Property values escape `%`, CR, LF, `:` and `,`; messages escape `%`, CR and LF.
    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }

    public func render(_ result: CheckResult) -> String {
        var out = ""
        for f in result.findings where f.suppression == nil {
            let level = f.maxLevel(in: result.options.stores)
            let command: String
            switch level {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            case .none: continue
            }
            let bundle = f.locationSide == .new ? result.new : result.old
            let path = bundle.displayPath(f.location.path)
            let stores = result.options.stores.filter { f.level(for: $0) != .none }.map(\.displayName).joined(separator: ", ")
            out += "::\(command) file=\(Self.escapeProperty(path)),line=\(f.location.line),col=\(f.location.column),"
            out += "title=\(Self.escapeProperty("livegate \(f.ruleId) (\(stores))"))::\(Self.escapeData(f.message))\n"
        }
        let verdicts = result.options.stores.map { "\($0.displayName) \(result.verdict(for: $0).rawValue)" }.joined(separator: ", ")
        out += "livegate: \(verdicts); exit \(result.exitCode)\n"
        return out
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
