/// `--format markdown`: for a pull-request comment or a CI job summary. Verdicts first, then the
/// findings by level in a table, then what changed in collapsible sections. Plain GitHub
/// Markdown; the only HTML is `<details>`/`<summary>`.
public struct MarkdownReport: Sendable {
    public init() {}

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "`": out += "'"
            case "*", "_", "[", "]": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    static func icon(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: return "✅ pass"
        case .review: return "⚠️ review"
        case .block: return "⛔ block"
        }
    }

    public func render(_ result: CheckResult) -> String {
        let stores = result.options.stores
        var out = "## livegate: live-update check\n\n"
        out += "`\(result.old.origin)` → `\(result.new.origin)`\n\n"
        out += "| store | verdict | errors | warnings | notes |\n| --- | --- | ---: | ---: | ---: |\n"
        for store in stores {
            let levels = result.findings.filter { $0.suppression == nil }.map { $0.level(for: store) }
            out += "| \(store.displayName) | \(Self.icon(result.verdict(for: store))) | \(levels.filter { $0 == .error }.count) | \(levels.filter { $0 == .warning }.count) | \(levels.filter { $0 == .note }.count) |\n"
        }
        if !result.analysisComplete {
            out += "\n> **Analysis incomplete:** some files could not be analysed; the gate fails closed (exit 3).\n"
        }
        out += "\n"
        let active = result.findings.filter { $0.suppression == nil }
        if active.isEmpty {
            out += "No findings.\n"
        }
        for level in [Level.error, .warning, .note] {
            let findings = active.filter { $0.maxLevel(in: stores) == level }
            guard !findings.isEmpty else { continue }
            out += "### \(level == .error ? "Errors" : level == .warning ? "Warnings" : "Notes") (\(findings.count))\n\n"
            out += "| where | finding | rule | " + stores.map(\.displayName).joined(separator: " | ") + " |\n"
            out += "| --- | --- | --- | " + stores.map { _ in "---" }.joined(separator: " | ") + " |\n"
            for f in findings {
                let side = f.locationSide == .old ? " (old)" : ""
                out += "| `\(Self.escape(f.location.path)):\(f.location.line)`\(side) | \(Self.escape(f.message)) | [\(f.ruleId)](\(ToolInfo.rulesDocURI(f.ruleId))) | "
                out += stores.map { f.level(for: $0).rawValue }.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        let accepted = result.findings.filter { $0.suppression != nil }
        if !accepted.isEmpty {
            out += "<details><summary>Accepted findings (\(accepted.count))</summary>\n\n"
            for f in accepted {
                out += "- `\(f.ruleId)` \(Self.escape(f.factKey)): \(Self.escape(f.suppression!.reason))\n"
            }
            out += "\n</details>\n\n"
        }
        for group in result.changes.groups where !group.isEmpty {
            out += "<details><summary>\(group.name): \(group.added.count) added, \(group.removed.count) removed, \(group.unchanged.count) unchanged</summary>\n\n"
            for (label, keys) in [("Added", group.added), ("Removed", group.removed), ("Unchanged", group.unchanged)] where !keys.isEmpty {
                out += "\(label): " + keys.map { "`\($0.replacingAll("`", "'"))`" }.joined(separator: ", ") + "\n\n"
            }
            out += "</details>\n\n"
        }
        let files = result.files
        out += "<details><summary>Files: \(files.added) added, \(files.removed) removed, \(files.changed) changed, \(files.unchanged) unchanged</summary>\n\n"
        out += "| | files | bytes |\n| --- | ---: | ---: |\n"
        out += "| added | \(files.added) | \(files.bytesAdded) |\n| removed | \(files.removed) | \(files.bytesRemoved) |\n"
        out += "| changed | \(files.changed) | \(files.bytesChanged) |\n| unchanged | \(files.unchanged) | |\n\n"
        out += "Chunks paired across builds: \(files.matchedByPath) by path, \(files.matchedByDigest) by content, \(files.matchedByStrippedName) by name without hash.\n\n"
        out += "</details>\n"
        return out
    }
}
