import LivegateScanner

/// SARIF 2.1.0 for code scanning. Locations in the new bundle use `uriBaseId` NEWROOT,
/// locations in the old bundle OLDROOT; fingerprints come from the rule and the fact key,
/// never from a line number or a chunk hash, so a finding keeps its identity across builds.
public struct SARIFReport: Sendable {
    public init() {}

    public func render(_ result: CheckResult) -> String {
        StableJSON.encode(log(result))
    }

    func log(_ result: CheckResult) -> SARIF.Log {
        let stores = result.options.stores
        let ruleIndex = Dictionary(uniqueKeysWithValues: result.rules.enumerated().map { ($1.id, $0) })
        let results = result.findings.map { sarifResult($0, result, ruleIndex[$0.ruleId] ?? 0) }

        var artifacts: [SARIF.Artifact] = []
        var seen = Set<String>()
        for finding in result.findings {
            let side = finding.locationSide
            let path = finding.location.path
            guard seen.insert("\(side.rawValue):\(path)").inserted else { continue }
            let bundle = side == .new ? result.new : result.old
            guard let digest = bundle.digests[path] else { continue }
            artifacts.append(SARIF.Artifact(
                location: SARIF.ArtifactLocation(uri: SARIF.uri(path), uriBaseId: Self.base(side)),
                hashes: ["sha-256": digest]))
        }
        artifacts.sort { ($0.location.uriBaseId ?? "", $0.location.uri ?? "") < ($1.location.uriBaseId ?? "", $1.location.uri ?? "") }

        var notifications: [SARIF.Notification] = []
        for (side, bundle) in [(BundleSide.old, result.old), (BundleSide.new, result.new)] {
            for problem in bundle.problems {
                notifications.append(SARIF.Notification(
                    level: "error",
                    message: SARIF.Message(text: "\(side.rawValue) bundle: \(problem.path): \(problem.message)"),
                    descriptor: SARIF.DescriptorReference(id: problem.problem.rawValue),
                    locations: [SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
                        artifactLocation: SARIF.ArtifactLocation(uri: SARIF.uri(problem.path), uriBaseId: Self.base(side)),
                        region: nil), message: nil)]))
            }
        }

        let run = SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(
                name: ToolInfo.name, version: ToolInfo.version, semanticVersion: ToolInfo.version,
                informationUri: ToolInfo.informationURI,
                rules: result.rules.map { descriptor($0, stores) })),
            originalUriBaseIds: [
                "NEWROOT": Self.baseLocation(result.new, "The new bundle (the live update being checked)."),
                "OLDROOT": Self.baseLocation(result.old, "The old bundle (what the store reviewed, or the last live update)."),
            ],
            artifacts: artifacts,
            invocations: [SARIF.Invocation(
                executionSuccessful: result.analysisComplete, exitCode: result.exitCode,
                toolExecutionNotifications: notifications)],
            results: results,
            columnKind: "utf16CodeUnits",
            properties: SARIF.RunProperties(verdicts: Dictionary(uniqueKeysWithValues: result.verdicts.map { ($0.rawValue, $1.rawValue) })))
        return SARIF.Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run])
    }

    static func base(_ side: BundleSide) -> String { side == .new ? "NEWROOT" : "OLDROOT" }

    /// A relative origin chains to SRCROOT (the checkout), so the log holds no absolute path
    /// of this machine; an absolute directory becomes a file URI; inside an archive, a description.
    static func baseLocation(_ bundle: CheckResult.BundleSummary, _ description: String) -> SARIF.ArtifactLocation {
        switch bundle.container {
        case .directory:
            var origin = bundle.origin
            if !origin.hasSuffix("/") { origin += "/" }
            if origin.hasPrefix("/") {
                return SARIF.ArtifactLocation(uri: "file://" + SARIF.uri(origin), uriBaseId: nil, description: SARIF.Message(text: description))
            }
            let relative = origin.hasPrefix("./") ? String(origin.dropFirst(2)) : origin
            return SARIF.ArtifactLocation(uri: SARIF.uri(relative), uriBaseId: "SRCROOT", description: SARIF.Message(text: description))
        default:
            let inside = bundle.webRoot.isEmpty ? "" : " under \(bundle.webRoot)/"
            return SARIF.ArtifactLocation(uri: nil, uriBaseId: nil, description: SARIF.Message(text: "\(description) Files are inside \(bundle.origin)\(inside)."))
        }
    }

    func descriptor(_ rule: Rule, _ stores: [Store]) -> SARIF.ReportingDescriptor {
        let level = rule.maxLevel(in: stores)
        var text = rule.summary + "\n\n"
        var markdown = rule.summary + "\n\n"
        for reference in rule.references where stores.contains(reference.store) {
            text += "\(reference.store.displayName), \(reference.clause) (\(reference.version)): \"\(reference.excerpt)\" \(reference.url)\n"
            markdown += "> **\(reference.store.displayName), [\(reference.clause)](\(reference.url))** (\(reference.version)): \"\(reference.excerpt)\"\n\n"
        }
        text += "\n" + rule.help
        markdown += rule.help
        let securityCategories: Set<Category> = [.nativeCode, .remoteCode, .dynamicCode, .obfuscation, .miner, .bundleIntegrity]
        let severity: String? = securityCategories.contains(rule.category) ? (level == .error ? "8.0" : "5.0") : nil
        var tags = [rule.category.rawValue, "live-update"] + rule.stores.filter(stores.contains).map(\.rawValue)
        if severity != nil { tags.append("security") }
        return SARIF.ReportingDescriptor(
            id: rule.id, name: rule.name,
            shortDescription: SARIF.Message(text: rule.summary),
            fullDescription: SARIF.Message(text: rule.summary + " " + rule.references.filter { stores.contains($0.store) }
                .map { "\($0.store.displayName) \($0.clause)." }.joined(separator: " ")),
            help: SARIF.MultiformatMessage(text: text, markdown: markdown),
            helpUri: ToolInfo.rulesDocURI(rule.id),
            defaultConfiguration: SARIF.Configuration(level: level == .none ? "none" : level.rawValue),
            properties: SARIF.RuleProperties(
                category: rule.category.rawValue,
                stores: Dictionary(uniqueKeysWithValues: rule.stores.filter(stores.contains).map { ($0.rawValue, rule.level(for: $0).rawValue) }),
                tags: tags, precision: rule.precision.rawValue, securitySeverity: severity))
    }

    func sarifResult(_ finding: Finding, _ result: CheckResult, _ index: Int) -> SARIF.Result {
        let stores = result.options.stores
        let level = finding.maxLevel(in: stores)
        func location(_ side: BundleSide, _ l: SourceLocation, _ message: String?, id: Int?) -> SARIF.Location {
            let region = SARIF.Region(
                startLine: l.line, startColumn: l.column, endLine: max(l.endLine, l.line),
                endColumn: l.endLine > l.line ? l.endColumn : max(l.endColumn, l.column),
                snippet: l.snippet.isEmpty ? nil : SARIF.ArtifactContent(text: l.snippet))
            return SARIF.Location(
                id: id,
                physicalLocation: SARIF.PhysicalLocation(
                    artifactLocation: SARIF.ArtifactLocation(uri: SARIF.uri(l.path), uriBaseId: Self.base(side)),
                    region: region),
                message: message.map { SARIF.Message(text: $0) })
        }
        let related = finding.related.enumerated().map { i, r in location(r.side, r.location, r.message, id: i + 1) }
        var levels: [String: String] = [:]
        var verdicts: [String: String] = [:]
        for store in stores {
            levels[store.rawValue] = finding.level(for: store).rawValue
            verdicts[store.rawValue] = result.verdict(for: store).rawValue
        }
        return SARIF.Result(
            ruleId: finding.ruleId, ruleIndex: index, level: level == .none ? "none" : level.rawValue,
            message: SARIF.Message(text: finding.message),
            locations: [location(finding.locationSide, finding.location, nil, id: nil)],
            relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: ["livegate/v1": finding.fingerprint, "primaryLocationLineHash": finding.fingerprint],
            baselineState: finding.change.baselineState,
            suppressions: finding.suppression.map { [SARIF.SARIFSuppression(kind: "external", status: "accepted", justification: $0.reason)] },
            properties: SARIF.ResultProperties(
                category: finding.category.rawValue, factKey: finding.factKey, change: finding.change.rawValue,
                levels: levels, verdicts: verdicts))
    }
}

/// The subset of the SARIF 2.1.0 object model livegate writes, as typed structs.
enum SARIF {
    /// Percent-encodes what a URI reference may not hold, keeping `/`.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
                 UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]
        let artifacts: [Artifact]
        let invocations: [Invocation]
        let results: [Result]
        let columnKind: String
        let properties: RunProperties
    }
    struct RunProperties: Encodable { let verdicts: [String: String] }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }
    struct Message: Encodable { let text: String }
    struct MultiformatMessage: Encodable { let text: String; let markdown: String }
    struct Configuration: Encodable { let level: String }
    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }
    struct RuleProperties: Encodable {
        let category: String
        let stores: [String: String]
        let tags: [String]
        let precision: String
        let securitySeverity: String?
        enum CodingKeys: String, CodingKey { case category, stores, tags, precision, securitySeverity = "security-severity" }
    }
    struct ArtifactLocation: Encodable {
        let uri: String?
        let uriBaseId: String?
        var description: Message? = nil
    }
    struct Artifact: Encodable {
        let location: ArtifactLocation
        let hashes: [String: String]
    }
    struct DescriptorReference: Encodable { let id: String }
    struct Notification: Encodable {
        let level: String
        let message: Message
        let descriptor: DescriptorReference
        let locations: [Location]
    }
    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let exitCode: Int32
        let toolExecutionNotifications: [Notification]
    }
    struct ArtifactContent: Encodable { let text: String }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let snippet: ArtifactContent?
    }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    struct Location: Encodable {
        var id: Int? = nil
        let physicalLocation: PhysicalLocation
        let message: Message?
    }
    struct SARIFSuppression: Encodable { let kind: String; let status: String; let justification: String }
    struct ResultProperties: Encodable {
        let category: String
        let factKey: String
        let change: String
        let levels: [String: String]
        let verdicts: [String: String]
    }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [Location]?
        let partialFingerprints: [String: String]
        let baselineState: String
        let suppressions: [SARIFSuppression]?
        let properties: ResultProperties
    }
}
