import LivegateScanner

/// `--format json`: the whole result as one JSON document (schema in docs/).
public struct JSONReport: Sendable {
    public init() {}

    struct Document: Encodable {
        let tool: Tool
        let old: Bundle
        let new: Bundle
        let files: Files
        let changes: [ChangeGroup]
        let verdicts: [String: String]
        let analysisComplete: Bool
        let exitCode: Int32
        let findings: [Item]
    }
    struct Tool: Encodable { let name: String; let version: String }
    struct Bundle: Encodable {
        let origin: String
        let container: String
        let webRoot: String
        let files: Int
        let bytes: Int
        let problems: [Problem]
    }
    struct ChangeGroup: Encodable { let name: String; let added: [String]; let removed: [String]; let unchanged: [String] }
    struct Problem: Encodable { let path: String; let problem: String; let message: String }
    struct Files: Encodable {
        let added: Int, removed: Int, changed: Int, unchanged: Int
        let bytesAdded: Int, bytesRemoved: Int, bytesChanged: Int
        let matchedByPath: Int, matchedByDigest: Int, matchedByStrippedName: Int
    }
    struct Location: Encodable {
        let side: String
        let path: String
        let line: Int, column: Int, endLine: Int, endColumn: Int
        let snippet: String
        let message: String?
    }
    struct Item: Encodable {
        let ruleId: String
        let category: String
        let levels: [String: String]
        let message: String
        let factKind: String
        let factKey: String
        let change: String
        let fingerprint: String
        let location: Location
        let related: [Location]
        let suppression: SuppressionItem?
    }
    struct SuppressionItem: Encodable { let origin: String; let reason: String }

    public func render(_ result: CheckResult) -> String {
        func bundle(_ b: CheckResult.BundleSummary) -> Bundle {
            Bundle(origin: b.origin, container: b.container.rawValue, webRoot: b.webRoot, files: b.fileCount, bytes: b.byteCount,
                   problems: b.problems.map { Problem(path: $0.path, problem: $0.problem.rawValue, message: $0.message) })
        }
        func location(_ side: BundleSide, _ l: SourceLocation, _ message: String?) -> Location {
            Location(side: side.rawValue, path: l.path, line: l.line, column: l.column, endLine: l.endLine,
                     endColumn: l.endColumn, snippet: l.snippet, message: message)
        }
        let f = result.files
        var verdicts: [String: String] = [:]
        for (store, verdict) in result.verdicts { verdicts[store.rawValue] = verdict.rawValue }
        let items = result.findings.map { finding in
            var levels: [String: String] = [:]
            for (store, level) in finding.levels where result.options.stores.contains(store) { levels[store.rawValue] = level.rawValue }
            return Item(
                ruleId: finding.ruleId, category: finding.category.rawValue, levels: levels, message: finding.message,
                factKind: finding.factKind, factKey: finding.factKey, change: finding.change.rawValue,
                fingerprint: finding.fingerprint, location: location(finding.locationSide, finding.location, nil),
                related: finding.related.map { location($0.side, $0.location, $0.message) },
                suppression: finding.suppression.map { SuppressionItem(origin: $0.origin.rawValue, reason: $0.reason) })
        }
        let document = Document(
            tool: Tool(name: ToolInfo.name, version: ToolInfo.version),
            old: bundle(result.old), new: bundle(result.new),
            files: Files(added: f.added, removed: f.removed, changed: f.changed, unchanged: f.unchanged,
                         bytesAdded: f.bytesAdded, bytesRemoved: f.bytesRemoved, bytesChanged: f.bytesChanged,
                         matchedByPath: f.matchedByPath, matchedByDigest: f.matchedByDigest,
                         matchedByStrippedName: f.matchedByStrippedName),
            changes: result.changes.groups.map { ChangeGroup(name: $0.name, added: $0.added, removed: $0.removed, unchanged: $0.unchanged) },
            verdicts: verdicts, analysisComplete: result.analysisComplete, exitCode: result.exitCode, findings: items)
        return StableJSON.encode(document)
    }
}
