import LivegateScanner

/// The old and new inventories compared by fact key. Keys carry no minified names,
/// positions or chunk hashes, so a rebuild of the same code compares as unchanged.
public struct FactDiff: Sendable {
    public struct Entry: Sendable {
        public let kind: String
        public let key: String
        /// Occurrences in the old bundle, in inventory order.
        public let old: [Fact]
        /// Occurrences in the new bundle, in inventory order.
        public let new: [Fact]
        public let change: FactChange

        /// The occurrence that stands for the key: the first new one, or the first old one.
        public var representative: Fact { new.first ?? old[0] }
    }

    /// Sorted by (kind, key).
    public let entries: [Entry]

    public init(old: Inventory, new: Inventory) {
        var oldByKey: [String: [Fact]] = [:]
        var newByKey: [String: [Fact]] = [:]
        for fact in old.facts { oldByKey["\(fact.kind)\u{0}\(fact.key)", default: []].append(fact) }
        for fact in new.facts { newByKey["\(fact.kind)\u{0}\(fact.key)", default: []].append(fact) }
        var entries: [Entry] = []
        for id in Set(oldByKey.keys).union(newByKey.keys) {
            let o = oldByKey[id] ?? [], n = newByKey[id] ?? []
            let sample = n.first ?? o[0]
            let change: FactChange
            if o.isEmpty {
                change = .added
            } else if n.isEmpty {
                change = .removed
            } else {
                let oldAttributes = Set(o.map(\.attributes)), newAttributes = Set(n.map(\.attributes))
                change = oldAttributes == newAttributes ? .unchanged : .changed
            }
            entries.append(Entry(kind: sample.kind, key: sample.key, old: o, new: n, change: change))
        }
        self.entries = entries.sorted { ($0.kind, $0.key) < ($1.kind, $1.key) }
    }

    public func entries(_ change: FactChange) -> [Entry] { entries.filter { $0.change == change } }
}
