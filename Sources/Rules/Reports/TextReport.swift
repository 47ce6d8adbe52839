/// `path:line:col: level: message [rule-id]`, grouped per store, then a summary line.
/// Colour only when asked (the CLI asks on a TTY without NO_COLOR).
public struct TextReport: Sendable {
    public let colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func paint(_ level: Level) -> String {
        switch level {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .note: return paint("note", "1;36")
        case .none: return "none"
        }
    }

    private func paint(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: return paint("PASS", "1;32")
        case .review: return paint("REVIEW", "1;33")
        case .block: return paint("BLOCK", "1;31")
        }
    }

    public func render(_ result: CheckResult) -> String {
        var out = "livegate \(result.old.origin) → \(result.new.origin)\n"
        let f = result.files
        out += "files: \(result.old.fileCount) → \(result.new.fileCount) (\(f.added) added, \(f.removed) removed, \(f.changed) changed, \(f.unchanged) unchanged)\n"
        for store in result.options.stores {
            let findings = result.findings.filter { $0.level(for: store) != .none }
            let active = findings.filter { $0.suppression == nil }
            out += "\n\(store.displayName): \(paint(result.verdict(for: store)))"
            out += " (\(Self.counts(active.map { $0.level(for: store) })))\n"
            for finding in findings {
                let bundle = finding.locationSide == .new ? result.new : result.old
                let l = finding.location
                var line = "  \(bundle.displayPath(l.path)):\(l.line):\(l.column): \(paint(finding.level(for: store))): \(finding.message) [\(finding.ruleId)]"
                if let s = finding.suppression { line += " (accepted: \(s.reason))" }
                out += line + "\n"
            }
        }
        if !result.analysisComplete {
            out += "\nanalysis incomplete: some files could not be analysed (see the findings above); pass --allow-unanalysed to report them as notes\n"
        }
        let all = result.findings.filter { $0.suppression == nil }.map { $0.maxLevel(in: result.options.stores) }
        let suppressed = result.findings.count - all.count
        out += "\n\(Self.counts(all))"
        if suppressed > 0 { out += ", \(suppressed) accepted" }
        out += "; exit \(result.exitCode)\n"
        return out
    }

    static func counts(_ levels: [Level]) -> String {
        func n(_ level: Level, _ word: String) -> String {
            let c = levels.filter { $0 == level }.count
            return "\(c) \(word)\(c == 1 ? "" : "s")"
        }
        return "\(n(.error, "error")), \(n(.warning, "warning")), \(n(.note, "note"))"
    }
}
