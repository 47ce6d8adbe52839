/// Everything the scanner saw in one bundle: its files and the facts extracted from them.
public struct Inventory: Sendable {
    public let bundle: WebBundle
    /// Sorted by (path, line, column, kind, key): deterministic whatever the scan order.
    public let facts: [Fact]

    public init(bundle: WebBundle, facts: [Fact]) {
        self.bundle = bundle
        self.facts = facts.sorted(by: Inventory.factOrder)
    }

    public static func factOrder(_ a: Fact, _ b: Fact) -> Bool {
        let la = a.location, lb = b.location
        if la.path != lb.path { return la.path.utf8.lexicographicallyPrecedes(lb.path.utf8) }
        if la.byteStart != lb.byteStart { return la.byteStart < lb.byteStart }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.key < b.key
    }
}
