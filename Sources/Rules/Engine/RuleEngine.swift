import LivegateScanner

/// Applies rules to a fact diff: each rule × each matching fact key gives one finding.
public struct RuleEngine: Sendable {
    public let rules: [Rule]
    /// How many other occurrences to attach as related locations.
    public var maxRelated = 10

    public init(rules: [Rule]) {
        self.rules = rules
    }

    public func evaluate(_ diff: FactDiff, context: EvaluationContext = EvaluationContext()) -> [Finding] {
        var byKind: [String: [FactDiff.Entry]] = [:]
        var oldByKind: [String: [Fact]] = [:]
        for entry in diff.entries {
            byKind[entry.kind, default: []].append(entry)
            if !entry.old.isEmpty { oldByKind[entry.kind, default: []].append(contentsOf: entry.old) }
        }
        var findings: [Finding] = []
        for rule in rules {
            let c = rule.condition
            if let measure = c.measure {
                if let f = measureFinding(rule, measure, byKind, context) { findings.append(f) }
                continue
            }
            for kind in c.factKinds {
                for entry in byKind[kind] ?? [] where c.changes.contains(entry.change) {
                    let sample = entry.representative
                    guard c.attributes.allSatisfy({ $0.matches(sample.attributes) }) else { continue }
                    if let allow = c.allowList, let value = sample.attributes[allow.attribute],
                       context.allowLists[allow.list]?.contains(value) == true { continue }
                    if let test = c.oldHas, !Self.has(oldByKind, test, like: sample) { continue }
                    if let test = c.oldLacks, Self.has(oldByKind, test, like: sample) { continue }
                    var extra: [RelatedLocation] = []
                    if let alongside = c.alongside {
                        let partners = alongside.kinds.flatMap { byKind[$0] ?? [] }.filter { partner in
                            alongside.changes.contains(partner.change)
                                && alongside.attributes.allSatisfy { $0.matches(partner.representative.attributes) }
                        }
                        guard !partners.isEmpty else { continue }
                        for partner in partners.prefix(maxRelated) {
                            let side: BundleSide = partner.new.isEmpty ? .old : .new
                            extra.append(RelatedLocation(side: side, location: partner.representative.location,
                                                         message: "\(partner.change.rawValue) alongside: \(partner.key)"))
                        }
                    }
                    var f = finding(rule, entry, extraRelated: extra)
                    if !c.lowerWhen.isEmpty, c.lowerWhen.allSatisfy({ $0.matches(sample.attributes) }) {
                        f = f.relevelled(f.levels.mapValues(\.lowered))
                    }
                    findings.append(f)
                }
            }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// Whether the old bundle has a fact of the test's kinds agreeing with `fact` on `same`, and
    /// whose `within` attributes are among the values `fact` lists.
    static func has(_ oldByKind: [String: [Fact]], _ test: RelatedFactTest, like fact: Fact) -> Bool {
        let wanted = test.same.map { fact.attributes[$0] }
        let lists = test.within.mapValues { Set((fact.attributes[$0] ?? "").split(separator: " ").map(String.init)) }
        return test.kinds.contains { kind in
            (oldByKind[kind] ?? []).contains { old in
                test.same.map { old.attributes[$0] } == wanted
                    && lists.allSatisfy { name, values in old.attributes[name].map(values.contains) ?? false }
            }
        }
    }

    func measureFinding(_ rule: Rule, _ measure: MeasureTest, _ byKind: [String: [FactDiff.Entry]],
                        _ context: EvaluationContext) -> Finding? {
        let threshold = context.thresholds[measure.threshold] ?? measure.defaultThreshold
        let share: Double, count: Int, total: Int
        let location: SourceLocation
        var related: [RelatedLocation] = []
        let key: String
        switch measure.measure {
        case .newCodeShare:
            guard let code = context.codeShare, let path = code.largestContributor else { return nil }
            share = code.share
            count = Int(code.newBytes.rounded())
            total = code.totalBytes
            location = .wholeFile(path)
            key = "measure:new-code-share"
        case .addedShare:
            let entries = rule.condition.factKinds.flatMap { byKind[$0] ?? [] }.filter { !$0.new.isEmpty }
            let added = entries.filter { $0.change == .added }.sorted { Inventory.factOrder($0.representative, $1.representative) }
            total = entries.count
            count = added.count
            guard total >= max(measure.minimumCount, 1), let first = added.first else { return nil }
            share = Double(count) / Double(total)
            location = first.representative.location
            related = added.dropFirst().prefix(maxRelated).map {
                RelatedLocation(side: .new, location: $0.representative.location, message: "also new: \($0.key)")
            }
            key = "measure:added-share:" + rule.condition.factKinds.joined(separator: ",")
        }
        guard share > threshold, total >= measure.minimumCount else { return nil }
        let values = ["share": CodeShare.percent(share), "threshold": CodeShare.percent(threshold), "count": String(count), "total": String(total),
                      "path": location.path, "key": key, "kind": "measure", "change": "added", "oldCount": "0",
                      "newCount": "1", "line": String(location.line)]
        var levels: [Store: Level] = [:]
        for store in rule.stores { levels[store] = rule.level(for: store) }
        return Finding(ruleId: rule.id, category: rule.category, levels: levels, message: rule.message.render(values),
                       factKind: "measure", factKey: key, change: .added, location: location, locationSide: .new,
                       related: related, suppression: nil)
    }

    func finding(_ rule: Rule, _ entry: FactDiff.Entry, extraRelated: [RelatedLocation] = []) -> Finding {
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
        related += extraRelated
        var levels: [Store: Level] = [:]
        for store in rule.stores { levels[store] = rule.level(for: store) }
        return Finding(
            ruleId: rule.id, category: rule.category, levels: levels, message: rule.message.render(values),
            factKind: entry.kind, factKey: entry.key, change: entry.change, location: sample.location,
            locationSide: side, related: related, suppression: nil)
    }
}
