import LivegateScanner

/// Reads ruleset files strictly. Every problem is a `ConfigError` naming the file, the JSON
/// path and what is wrong: an unknown key, an unknown category, level, store or fact kind, a
/// placeholder no fact can fill, a duplicate id, a rule without both kinds of example.
public struct RulesetLoader: Sendable {
    public let catalog: FactKindCatalog

    public init(catalog: FactKindCatalog = .shipped) {
        self.catalog = catalog
    }

    /// The rulesets compiled into the binary (signature files under `signatures/` are not rulesets).
    public func loadShipped() throws(ConfigError) -> [Rule] {
        try load(files: ShippedRulesets.files.filter { !$0.path.hasPrefix("signatures/") }.map { ("Rulesets/" + $0.path, $0.text) })
    }

    /// Parses several ruleset files as one set: ids must be unique across them.
    public func load(files: [(name: String, text: String)]) throws(ConfigError) -> [Rule] {
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for (name, text) in files {
            for rule in try parse(file: name, text: text) {
                if let first = seen[rule.id] {
                    throw ConfigError(file: name, path: "$.rules[id=\(rule.id)]", message: "duplicate rule id, already defined in \(first)")
                }
                seen[rule.id] = name
                rules.append(rule)
            }
        }
        return rules.sorted { $0.id < $1.id }
    }

    /// Rules from `extra` replace shipped rules with the same id and add the others.
    public static func merge(_ base: [Rule], with extra: [Rule]) -> [Rule] {
        var byId: [String: Rule] = [:]
        for rule in base { byId[rule.id] = rule }
        for rule in extra { byId[rule.id] = rule }
        return byId.values.sorted { $0.id < $1.id }
    }

    public func parse(file: String, text: String) throws(ConfigError) -> [Rule] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw ConfigError(file: file, path: "$", message: "invalid JSON at \(error.description)")
        }
        let root = try StrictObject(json, file: file, path: "$")
        try root.requireOnly(["$schema", "ruleset", "description", "rules"])
        _ = try root.string("ruleset")
        _ = try root.string("description")
        guard let rules = try root.array("rules") else { throw root.error("rules", "required array is missing") }
        var out: [Rule] = []
        for (index, value) in rules.enumerated() {
            out.append(try parseRule(value, file: file, path: "$.rules[\(index)]"))
        }
        return out
    }

    private static let ruleKeys: Set<String> = [
        "id", "name", "summary", "category", "levels", "precision", "references", "when", "message", "help", "examples",
    ]

    private func parseRule(_ value: JSONValue, file: String, path: String) throws(ConfigError) -> Rule {
        let o = try StrictObject(value, file: file, path: path)
        try o.requireOnly(Self.ruleKeys)
        let id = try o.requiredString("id")
        guard Self.isKebabCase(id) else { throw o.error("id", "\"\(id)\" is not a kebab-case id (lower-case words joined by '-')") }
        let name = try o.requiredString("name")
        guard name.first?.isUppercase == true, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw o.error("name", "\"\(name)\" is not an UpperCamelCase name")
        }
        let summary = try o.requiredString("summary")
        guard let category = try o.enumValue("category", as: Category.self) else { throw o.error("category", "required category is missing") }
        let precision = try o.enumValue("precision", as: Precision.self) ?? .high

        guard let levelsObject = try o.object("levels") else { throw o.error("levels", "required object is missing") }
        try levelsObject.requireOnly(Set(Store.allCases.map(\.rawValue)))
        var levels: [Store: Level] = [:]
        for store in Store.allCases {
            if let level = try levelsObject.enumValue(store.rawValue, as: Level.self), level != .none {
                levels[store] = level
            }
        }
        guard !levels.isEmpty else { throw o.error("levels", "the rule applies to no store (give a level for apple or google-play)") }

        guard let referenceValues = try o.array("references"), !referenceValues.isEmpty else {
            throw o.error("references", "at least one policy reference is required")
        }
        var references: [PolicyReference] = []
        for (i, r) in referenceValues.enumerated() {
            let ro = try StrictObject(r, file: file, path: o.child("references") + "[\(i)]")
            try ro.requireOnly(["store", "clause", "excerpt", "url", "version"])
            guard let store = try ro.enumValue("store", as: Store.self) else { throw ro.error("store", "required store is missing") }
            let url = try ro.requiredString("url")
            guard url.hasPrefix("https://") else { throw ro.error("url", "must be an https:// URL") }
            references.append(PolicyReference(
                store: store, clause: try ro.requiredString("clause"), excerpt: try ro.requiredString("excerpt"),
                url: url, version: try ro.requiredString("version")))
        }
        for store in levels.keys.sorted() where !references.contains(where: { $0.store == store }) {
            throw o.error("references", "the rule applies to \(store.rawValue) but cites no \(store.rawValue) policy clause")
        }

        guard let when = try o.object("when") else { throw o.error("when", "required condition is missing") }
        let condition = try parseCondition(when)

        let messageSource = try o.requiredString("message")
        let message: MessageTemplate
        do {
            message = try MessageTemplate(messageSource)
        } catch {
            throw o.error("message", error.message)
        }
        var fillable = MessageTemplate.standardPlaceholders
        if condition.measure != nil { fillable.formUnion(MessageTemplate.measurePlaceholders) }
        for kind in condition.factKinds { fillable.formUnion(catalog.attributes[kind] ?? []) }
        for placeholder in message.placeholders where !fillable.contains(placeholder) {
            let hint = Suggestion.closest(to: placeholder, in: fillable).map { " (did you mean {\($0)}?)" } ?? ""
            throw o.error("message", "unknown placeholder {\(placeholder)}\(hint)")
        }

        let help = try o.requiredString("help")
        guard let examplesObject = try o.object("examples") else { throw o.error("examples", "required object is missing") }
        try examplesObject.requireOnly(["trigger", "pass"])
        var examples: [RuleExample] = []
        for (key, triggers) in [("trigger", true), ("pass", false)] {
            guard let list = try examplesObject.array(key), !list.isEmpty else {
                throw examplesObject.error(key, "at least one \(triggers ? "triggering" : "non-triggering") example is required")
            }
            for (i, e) in list.enumerated() {
                examples.append(try parseExample(e, triggers: triggers, file: file, path: examplesObject.child(key) + "[\(i)]"))
            }
        }

        return Rule(
            id: id, name: name, summary: summary, category: category, levels: levels, precision: precision,
            references: references, condition: condition, message: message, help: help, examples: examples,
            source: file)
    }

    private func parseCondition(_ o: StrictObject) throws(ConfigError) -> RuleCondition {
        try o.requireOnly(["fact", "change", "attributes", "oldHas", "oldLacks", "alongside", "lowerWhen", "allow", "measure"])
        var measure: MeasureTest? = nil
        if let m = try o.object("measure") {
            try m.requireOnly(["name", "threshold", "default", "minimumCount"])
            guard let name = try m.enumValue("name", as: MeasureTest.Measure.self) else { throw m.error("name", "required measure name is missing") }
            guard let value = try m.number("default"), value > 0, value <= 1 else {
                throw m.error("default", "required share between 0 and 1 (e.g. 0.25)")
            }
            measure = MeasureTest(measure: name, threshold: try m.requiredString("threshold"), defaultThreshold: value,
                                  minimumCount: Int(try m.number("minimumCount") ?? 0))
        }
        let kinds = try factKinds(o, "fact", required: measure?.measure != .newCodeShare)
        var changes = Set<FactChange>()
        if measure == nil || o.value("change") != nil {
            changes = try self.changes(o, "change")
        }
        var condition = RuleCondition(factKinds: kinds, changes: changes, attributes: try attributeFilters(o, "attributes", kinds: kinds))
        condition.measure = measure
        for (key, isHas) in [("oldHas", true), ("oldLacks", false)] {
            guard let r = try o.object(key) else { continue }
            try r.requireOnly(["fact", "same", "in"])
            let relatedKinds = try factKinds(r, "fact", required: true)
            let same = try r.strings("same") ?? []
            if r.value("same") != nil && same.isEmpty { throw r.error("same", "give at least one attribute, or leave same out") }
            let known = relatedKinds.reduce(into: Set<String>()) { $0.formUnion(catalog.attributes[$1] ?? []) }
            let own = kinds.reduce(into: Set<String>()) { $0.formUnion(catalog.attributes[$1] ?? []) }
            for name in same where !known.contains(name) || !own.contains(name) {
                throw r.error("same", "\"\(name)\" is not an attribute of both the matched and the related fact kinds")
            }
            var within: [String: String] = [:]
            if let i = try r.object("in") {
                for name in i.keys {
                    guard known.contains(name) else { throw i.error(name, "no fact of kind \(relatedKinds.joined(separator: ", ")) has this attribute") }
                    let list = try i.requiredString(name)
                    guard own.contains(list) else { throw i.error(name, "\"\(list)\" is not an attribute of \(kinds.joined(separator: ", "))") }
                    within[name] = list
                }
                if within.isEmpty { throw r.error("in", "give at least one attribute, or leave in out") }
            }
            let test = RelatedFactTest(kinds: relatedKinds, same: same, within: within)
            if isHas { condition.oldHas = test } else { condition.oldLacks = test }
        }
        if let a = try o.object("alongside") {
            try a.requireOnly(["fact", "change", "attributes"])
            let alongsideKinds = try factKinds(a, "fact", required: true)
            condition.alongside = AlongsideTest(kinds: alongsideKinds, changes: try self.changes(a, "change"),
                                                attributes: try attributeFilters(a, "attributes", kinds: alongsideKinds))
        }
        condition.lowerWhen = try attributeFilters(o, "lowerWhen", kinds: kinds)
        if let allow = try o.object("allow") {
            try allow.requireOnly(["list", "attribute"])
            let attribute = try allow.requiredString("attribute")
            let known = kinds.reduce(into: Set<String>()) { $0.formUnion(catalog.attributes[$1] ?? []) }
            guard known.contains(attribute) else { throw allow.error("attribute", "no fact of kind \(kinds.joined(separator: ", ")) has this attribute") }
            condition.allowList = AllowListTest(list: try allow.requiredString("list"), attribute: attribute)
        }
        return condition
    }

    private func factKinds(_ o: StrictObject, _ key: String, required: Bool) throws(ConfigError) -> [String] {
        guard let kinds = try o.strings(key), !kinds.isEmpty else {
            if required { throw o.error(key, "required fact kind is missing") }
            return []
        }
        for kind in kinds where !catalog.knows(kind) {
            let hint = Suggestion.closest(to: kind, in: catalog.attributes.keys).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw o.error(key, "unknown fact kind \"\(kind)\"\(hint)")
        }
        return kinds
    }

    private func changes(_ o: StrictObject, _ key: String) throws(ConfigError) -> Set<FactChange> {
        guard let names = try o.strings(key), !names.isEmpty else { throw o.error(key, "required list of changes is missing") }
        var changes = Set<FactChange>()
        for name in names {
            guard let c = FactChange(rawValue: name) else {
                throw o.error(key, "unknown change \"\(name)\" (expected added, removed, changed or unchanged)")
            }
            changes.insert(c)
        }
        return changes
    }

    private func attributeFilters(_ o: StrictObject, _ key: String, kinds: [String]) throws(ConfigError) -> [AttributeFilter] {
        guard let attributes = try o.object(key) else { return [] }
        var filters: [AttributeFilter] = []
        var known = Set<String>()
        for kind in kinds { known.formUnion(catalog.attributes[kind] ?? []) }
        for name in attributes.keys {
            guard known.contains(name) else {
                throw attributes.error(name, "no fact of kind \(kinds.joined(separator: ", ")) has this attribute")
            }
            let value = attributes.value(name)!
            switch value {
            case .string(let s):
                filters.append(AttributeFilter(name: name, operation: .equals, values: [s]))
            case .array:
                filters.append(AttributeFilter(name: name, operation: .in, values: try attributes.strings(name) ?? []))
            case .object:
                let f = try StrictObject(value, file: o.file, path: attributes.child(name))
                try f.requireOnly(["in", "notIn", "exists"])
                guard f.keys.count == 1 else { throw f.error(nil, "give exactly one of in, notIn, exists") }
                if let values = try f.strings("in") {
                    filters.append(AttributeFilter(name: name, operation: .in, values: values))
                } else if let values = try f.strings("notIn") {
                    filters.append(AttributeFilter(name: name, operation: .notIn, values: values))
                } else if let exists = try f.bool("exists") {
                    filters.append(AttributeFilter(name: name, operation: exists ? .exists : .absent, values: []))
                } else {
                    throw f.error("exists", "expected true or false")
                }
            default:
                throw attributes.error(name, "expected a string, an array of strings, or {\"in\"|\"notIn\"|\"exists\": …}")
            }
        }
        return filters.sorted { $0.name < $1.name }
    }

    private func parseExample(_ value: JSONValue, triggers: Bool, file: String, path: String) throws(ConfigError) -> RuleExample {
        let o = try StrictObject(value, file: file, path: path)
        try o.requireOnly(triggers ? ["old", "new", "at", "also"] : ["old", "new"])
        func files(_ key: String) throws(ConfigError) -> [ExampleFile] {
            guard let side = try o.object(key) else { throw o.error(key, "required object of files is missing") }
            var out: [ExampleFile] = []
            for name in side.keys {
                let v = side.value(name)!
                switch v {
                case .string(let s):
                    out.append(ExampleFile(path: name, bytes: Array(s.utf8)))
                case .object:
                    let f = try StrictObject(v, file: file, path: side.child(name))
                    try f.requireOnly(["hex", "problem"])
                    guard f.keys.count == 1 else { throw f.error(nil, "give exactly one of hex, problem") }
                    if let problem = try f.enumValue("problem", as: LoadDiagnostic.Problem.self) {
                        out.append(ExampleFile(path: name, bytes: [], problem: problem))
                    } else {
                        let hex = try f.requiredString("hex")
                        guard let bytes = Self.bytes(fromHex: hex) else { throw f.error("hex", "not an even-length hexadecimal string") }
                        out.append(ExampleFile(path: name, bytes: bytes))
                    }
                default:
                    throw side.error(name, "expected the file's text, {\"hex\": …} or {\"problem\": …}")
                }
            }
            return out
        }
        return RuleExample(triggers: triggers, old: try files("old"), new: try files("new"),
                           expectedPath: try o.string("at"), alsoTriggers: try o.strings("also") ?? [], jsonPath: path)
    }

    static func bytes(fromHex hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8).filter { $0 != UInt8(ascii: " ") }
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let h = Int(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(UInt8(h))
            i += 2
        }
        return out
    }

    static func isKebabCase(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for b in bytes {
            let hyphen = b == UInt8(ascii: "-")
            guard hyphen || (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) else { return false }
            if hyphen && previousHyphen { return false }
            previousHyphen = hyphen
        }
        return true
    }
}
