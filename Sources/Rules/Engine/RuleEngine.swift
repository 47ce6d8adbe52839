import LivegateScanner

/// Applies rules to a fact diff: each rule × each matching fact key gives one finding.
public struct RuleEngine: Sendable {
    public let rules: [Rule]
    /// How many other occurrences to attach as related locations.
    public var maxRelated = 10

    public init(rules: [Rule]) {
        self.rules = rules
    }

    public func evaluate(_ diff: FactDiff) -> [Finding] {
        var byKind: [String: [FactDiff.Entry]] = [:]
        for entry in diff.entries { byKind[entry.kind, default: []].append(entry) }
        var findings: [Finding] = []
        for rule in rules {
            for kind in rule.condition.factKinds {
                for entry in byKind[kind] ?? [] where rule.condition.changes.contains(entry.change) {
                    let sample = entry.representative
                    guard rule.condition.attributes.allSatisfy({ $0.matches(sample.attributes) }) else { continue }
                    findings.append(finding(rule, entry))
                }
            }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    func finding(_ rule: Rule, _ entry: FactDiff.Entry) -> Finding {
        let sample = entry.representative
        let side: BundleSide = entry.new.isEmpty ? .old : .new
        var values = sample.attributes
        values["path"] = sample.location.path
        values["key"] = entry.key
        values["kind"] = entry.kind
        values["change"] = entry.change.rawValue
        values["oldCount"] = String(entry.old.count)
        values["newCount"] = String(entry.new.count)
        values["line"] = String(sample.location.line)
        var related: [RelatedLocation] = []
        for fact in entry.new.dropFirst().prefix(maxRelated) {
            related.append(RelatedLocation(side: .new, location: fact.location, message: "also here in the new bundle"))
        }
        for fact in entry.old.dropFirst(side == .old ? 1 : 0).prefix(maxRelated) {
            related.append(RelatedLocation(side: .old, location: fact.location, message: "in the old bundle"))
        }
        var levels: [Store: Level] = [:]
        for store in rule.stores { levels[store] = rule.level(for: store) }
        return Finding(
            ruleId: rule.id, category: rule.category, levels: levels, message: rule.message.render(values),
            factKind: entry.kind, factKey: entry.key, change: entry.change, location: sample.location,
            locationSide: side, related: related, suppression: nil)
    }
}
