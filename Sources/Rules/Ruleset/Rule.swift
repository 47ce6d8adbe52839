import LivegateScanner

/// One rule of a ruleset: what it looks for in the diff of two inventories, how serious it is
/// for each store, which policy clause it stands on, and examples that are also its tests.
public struct Rule: Sendable {
    /// Stable kebab-case id (`native-code-added`); never reused for another meaning.
    public let id: String
    /// UpperCamelCase name, as SARIF's `reportingDescriptor.name` recommends.
    public let name: String
    /// One sentence: what the rule finds (SARIF `shortDescription`).
    public let summary: String
    public let category: Category
    /// Level for each store; a store missing here means the rule does not apply to it.
    public let levels: [Store: Level]
    /// How sure a match is (SARIF/GitHub `precision`): very-high, high, medium, low.
    public let precision: Precision
    public let references: [PolicyReference]
    public let condition: RuleCondition
    public let message: MessageTemplate
    /// Markdown: why it matters, how to fix, how to accept it.
    public let help: String
    public let examples: [RuleExample]
    /// The ruleset file the rule came from (for messages).
    public let source: String

    public func level(for store: Store) -> Level { levels[store] ?? .none }

    /// Stores this rule applies to, in order.
    public var stores: [Store] { Store.allCases.filter { level(for: $0) != .none } }

    /// The highest level across `stores` (SARIF `defaultConfiguration.level`).
    public func maxLevel(in stores: [Store]) -> Level {
        stores.map(level(for:)).max() ?? .none
    }
}

public enum Precision: String, Sendable, Codable, CaseIterable {
    case veryHigh = "very-high"
    case high
    case medium
    case low
}

/// A clause of a store policy that a rule stands on.
public struct PolicyReference: Sendable, Hashable, Codable {
    public let store: Store
    /// "DPLA 3.3.1(B)", "App Review Guideline 2.5.2", "Device and Network Abuse".
    public let clause: String
    /// A short quotation of the clause.
    public let excerpt: String
    public let url: String
    /// The version or date of the policy text quoted (Apple renumbers clauses).
    public let version: String
}

/// What a rule matches in the fact diff.
public struct RuleCondition: Sendable {
    /// Fact kinds the rule looks at.
    public let factKinds: [String]
    /// Which changes of a fact key trigger the rule.
    public let changes: Set<FactChange>
    /// All must hold on the fact's attributes (the new side's, or the old side's for removals).
    public let attributes: [AttributeFilter]
    /// The old bundle must have (or must lack) a related fact: "a new method on a plugin already
    /// in use" vs "a new plugin".
    public var oldHas: RelatedFactTest? = nil
    public var oldLacks: RelatedFactTest? = nil
    /// Another change that must be in the same diff (its location becomes related evidence):
    /// "in-app purchase removed next to a new web payment".
    public var alongside: AlongsideTest? = nil
    /// Matches with these attributes are reported one level lower (a call guarded by
    /// `isPluginAvailable`).
    public var lowerWhen: [AttributeFilter] = []
    /// A configuration allow-list (`allow.<list>` in livegate.json) checked against an attribute:
    /// values on the list do not trigger the rule.
    public var allowList: AllowListTest? = nil
    /// A bundle-level measure instead of per-fact matching: one finding when it is above a threshold.
    public var measure: MeasureTest? = nil
}

/// Facts of `kinds` in one bundle that agree with the matched fact on `same` and, for each entry
/// of `within` (`"in": {"source": "covered-by"}` in a ruleset), whose attribute (`source`) is one of
/// the space-separated values of the matched fact's attribute (`covered-by`). With neither, any
/// fact of `kinds`.
public struct RelatedFactTest: Sendable {
    public let kinds: [String]
    public let same: [String]
    public var within: [String: String] = [:]

    public init(kinds: [String], same: [String], within: [String: String] = [:]) {
        self.kinds = kinds
        self.same = same
        self.within = within
    }
}

public struct AlongsideTest: Sendable {
    public let kinds: [String]
    public let changes: Set<FactChange>
    public let attributes: [AttributeFilter]
}

public struct AllowListTest: Sendable {
    /// The list's name under `allow` in the configuration: `origins`, `plugins`, `flags`, …
    public let list: String
    public let attribute: String
}

public struct MeasureTest: Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        /// Share of the new bundle's JavaScript that is new code (token shingles).
        case newCodeShare = "new-code-share"
        /// Added keys of the condition's fact kinds / all their keys in the new bundle.
        case addedShare = "added-share"
    }
    public let measure: Measure
    /// The configuration threshold that may replace `defaultThreshold` (`thresholds.<name>`).
    public let threshold: String
    public let defaultThreshold: Double
    /// Below this nothing triggers: keys of the fact kinds for `added-share`, bytes of
    /// JavaScript in the new bundle for `new-code-share` (a share of a tiny app is noise).
    public let minimumCount: Int
}

/// How a fact key differs between the old and the new inventory.
public enum FactChange: String, Sendable, Codable, CaseIterable, Comparable {
    /// Only in the new bundle.
    case added
    /// Only in the old bundle.
    case removed
    /// In both, with different attributes.
    case changed
    /// In both, identical.
    case unchanged

    public static func < (lhs: FactChange, rhs: FactChange) -> Bool { lhs.rawValue < rhs.rawValue }

    /// SARIF `baselineState` for a finding on a fact with this change.
    public var baselineState: String {
        switch self {
        case .added: return "new"
        case .removed: return "absent"
        case .changed: return "updated"
        case .unchanged: return "unchanged"
        }
    }
}

/// A test on one attribute of a fact.
public struct AttributeFilter: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable {
        case equals, `in`, notIn, exists, absent
    }
    public let name: String
    public let operation: Operation
    public let values: [String]

    public func matches(_ attributes: [String: String]) -> Bool {
        let value = attributes[name]
        switch operation {
        case .exists: return value != nil
        case .absent: return value == nil
        case .equals, .in: return value.map(values.contains) ?? false
        case .notIn: return !(value.map(values.contains) ?? false)
        }
    }
}

/// An old/new pair of tiny bundles that must trigger the rule, or must not.
public struct RuleExample: Sendable {
    public let triggers: Bool
    public let old: [ExampleFile]
    public let new: [ExampleFile]
    /// For a triggering example: the path of the expected primary location, if stated.
    public let expectedPath: String?
    /// Other rules the same change rightly triggers too (a route-share finding comes with
    /// route-added findings); any rule not listed is an error.
    public var alsoTriggers: [String] = []
    /// Where in the ruleset the example is (for test names and messages).
    public let jsonPath: String

    public init(triggers: Bool, old: [ExampleFile], new: [ExampleFile], expectedPath: String?, alsoTriggers: [String] = [], jsonPath: String) {
        self.triggers = triggers
        self.old = old
        self.new = new
        self.expectedPath = expectedPath
        self.alsoTriggers = alsoTriggers
        self.jsonPath = jsonPath
    }
}

/// A file of a rule example: the same shape as a bundle given in memory (path, bytes, or a
/// problem standing for an unreadable entry), so examples load through the real loader.
public typealias ExampleFile = BundleLoader.MemoryEntry
