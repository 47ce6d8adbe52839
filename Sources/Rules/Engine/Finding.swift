import LivegateScanner

/// One rule matched on one fact key of the diff, with its evidence.
public struct Finding: Sendable, Hashable {
    public let ruleId: String
    public let category: Category
    /// Level per store the rule applies to (after configuration and `--allow-unanalysed`).
    public let levels: [Store: Level]
    public let message: String
    public let factKind: String
    public let factKey: String
    public let change: FactChange
    /// Where in the new bundle (or, for a removal, in the old bundle: see `locationSide`).
    public let location: SourceLocation
    public let locationSide: BundleSide
    /// Other occurrences in the new bundle, then occurrences in the old bundle.
    public let related: [RelatedLocation]
    /// Set when the finding was accepted (configuration or baseline) and does not fail the gate.
    public let suppression: Suppression?

    public init(ruleId: String, category: Category, levels: [Store: Level], message: String, factKind: String,
                factKey: String, change: FactChange, location: SourceLocation, locationSide: BundleSide,
                related: [RelatedLocation], suppression: Suppression?) {
        self.ruleId = ruleId
        self.category = category
        self.levels = levels
        self.message = message
        self.factKind = factKind
        self.factKey = factKey
        self.change = change
        self.location = location
        self.locationSide = locationSide
        self.related = related
        self.suppression = suppression
    }

    public func level(for store: Store) -> Level { levels[store] ?? .none }

    /// The highest level among `stores`.
    public func maxLevel(in stores: [Store]) -> Level { stores.map(level(for:)).max() ?? .none }

    /// A stable identity for baselines and SARIF fingerprints: the rule and the fact key,
    /// never a line number or a chunk hash.
    public var fingerprint: String { SHA256Hex.of("\(ruleId)\u{0}\(factKey)") }

    public func relevelled(_ levels: [Store: Level]) -> Finding {
        Finding(ruleId: ruleId, category: category, levels: levels, message: message, factKind: factKind, factKey: factKey,
                change: change, location: location, locationSide: locationSide, related: related, suppression: suppression)
    }

    public func suppressed(_ suppression: Suppression) -> Finding {
        Finding(ruleId: ruleId, category: category, levels: levels, message: message, factKind: factKind, factKey: factKey,
                change: change, location: location, locationSide: locationSide, related: related, suppression: suppression)
    }

    /// Report order: by file, position, rule, key.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location, lb = b.location
        if a.locationSide != b.locationSide { return a.locationSide == .new }
        if la.path != lb.path { return la.path.utf8.lexicographicallyPrecedes(lb.path.utf8) }
        if la.line != lb.line { return la.line < lb.line }
        if la.column != lb.column { return la.column < lb.column }
        if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
        return a.factKey < b.factKey
    }
}

public enum BundleSide: String, Sendable, Codable, Hashable {
    case old, new
}

public struct RelatedLocation: Sendable, Hashable {
    public let side: BundleSide
    public let location: SourceLocation
    public let message: String
}

/// Why a finding is accepted.
public struct Suppression: Sendable, Hashable {
    public enum Origin: String, Sendable, Codable { case config, baseline }
    public let origin: Origin
    public let reason: String
}
