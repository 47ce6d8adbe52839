/// `livegate.json`: project settings that a team commits next to its app.
///
/// ```json
/// { "stores": ["apple"], "failOn": "warning",
///   "rules": { "native-code-added": "off", "unreadable-file": { "apple": "warning" } },
///   "rulesets": ["livegate/extra-rules.json"],
///   "accept": [ { "rule": "native-code-added", "key": "native:lib/x.so", "reason": "…", "expires": "2027-01-31" } ] }
/// ```
/// Read strictly: an unknown key, rule id or level is an error naming the file and JSON path.
public struct Configuration: Sendable {
    public enum RuleSetting: Sendable, Hashable {
        case off
        /// Replace the level for every store the rule applies to.
        case level(Level)
        /// Replace the level per store (a store absent keeps the rule's level).
        case perStore([Store: Level])
    }

    public var stores: [Store]?
    public var failOn: Level?
    public var rules: [String: RuleSetting] = [:]
    /// Extra ruleset files, resolved against the configuration file's folder.
    public var rulesets: [String] = []
    public var accept: [Acceptance] = []
    /// Shares between 0 and 1 that measure rules compare against (`newRouteShare`, `newCodeShare`, …).
    public var thresholds: [String: Double] = [:]
    /// Values that never trigger the rules naming the list (`origins`, `plugins`, `flags`, …).
    public var allowLists: [String: Set<String>] = [:]

    public init() {}

    public static func parse(file: String, text: String, baseDirectory: String) throws(ConfigError) -> Configuration {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch {
            throw ConfigError(file: file, path: "$", message: "invalid JSON at \(error.description)")
        }
        let root = try StrictObject(json, file: file, path: "$")
        var config = Configuration()
        try root.requireOnly(["$schema", "stores", "failOn", "rules", "rulesets", "accept", "thresholds", "allow"])
        if let thresholds = try root.object("thresholds") {
            for name in thresholds.keys {
                guard let value = try thresholds.number(name), value > 0, value <= 1 else {
                    throw thresholds.error(name, "expected a share between 0 and 1 (e.g. 0.25)")
                }
                config.thresholds[name] = value
            }
        }
        if let allow = try root.object("allow") {
            for name in allow.keys { config.allowLists[name] = Set(try allow.strings(name) ?? []) }
        }
        if let names = try root.strings("stores") {
            var stores: [Store] = []
            for name in names {
                guard let store = Store(rawValue: name) else {
                    throw root.error("stores", "unknown store \"\(name)\" (expected apple or google-play)")
                }
                stores.append(store)
            }
            config.stores = Store.allCases.filter(stores.contains)
        }
        if let level = try root.enumValue("failOn", as: Level.self) {
            guard level != .none else { throw root.error("failOn", "expected error, warning or note") }
            config.failOn = level
        }
        if let rules = try root.object("rules") {
            for id in rules.keys {
                let value = rules.value(id)!
                switch value {
                case .string(let s):
                    if s == "off" { config.rules[id] = .off; continue }
                    guard let level = Level(rawValue: s), level != .none else {
                        throw rules.error(id, "expected \"off\", a level (error, warning, note) or {store: level}")
                    }
                    config.rules[id] = .level(level)
                case .object:
                    let o = try StrictObject(value, file: file, path: rules.child(id))
                    try o.requireOnly(Set(Store.allCases.map(\.rawValue)))
                    var levels: [Store: Level] = [:]
                    for store in Store.allCases {
                        if let level = try o.enumValue(store.rawValue, as: Level.self) { levels[store] = level }
                    }
                    config.rules[id] = .perStore(levels)
                default:
                    throw rules.error(id, "expected \"off\", a level or {store: level}, found \(value.typeDescription)")
                }
            }
        }
        for path in try root.strings("rulesets") ?? [] {
            config.rulesets.append(path.hasPrefix("/") ? path : baseDirectory + "/" + path)
        }
        config.accept = try Acceptance.parseList(try root.array("accept") ?? [], file: file, path: "$.accept", origin: .config)
        return config
    }

    /// Checks that every rule id the configuration names exists (after rulesets are loaded).
    public func validate(against rules: [Rule], file: String) throws(ConfigError) {
        let ids = Set(rules.map(\.id))
        for id in self.rules.keys.sorted() where !ids.contains(id) {
            let hint = Suggestion.closest(to: id, in: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ConfigError(file: file, path: "$.rules.\(id)", message: "no rule with this id\(hint)")
        }
        for (i, a) in accept.enumerated() where !ids.contains(a.rule) {
            throw ConfigError(file: file, path: "$.accept[\(i)].rule", message: "no rule \"\(a.rule)\"")
        }
    }

    /// The rules with settings applied: disabled rules dropped, levels replaced.
    public func apply(to rules: [Rule]) -> [Rule] {
        rules.compactMap { rule in
            switch self.rules[rule.id] {
            case nil: return rule
            case .off: return nil
            case .level(let level): return rule.withLevels(rule.levels.mapValues { _ in level })
            case .perStore(let levels):
                var merged = rule.levels
                for (store, level) in levels { merged[store] = level == .none ? nil : level }
                return rule.withLevels(merged)
            }
        }
    }
}

extension Rule {
    func withLevels(_ levels: [Store: Level]) -> Rule {
        Rule(id: id, name: name, summary: summary, category: category, levels: levels, precision: precision,
             references: references, condition: condition, message: message, help: help, examples: examples, source: source)
    }
}
