import LivegateScanner

/// What changed between the two inventories, in the groups a reviewer reads: plugins, native
/// calls, routes, feature flags and remote origins, each split into added, removed and unchanged.
public struct InventoryChanges: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let name: String
        public let added: [String]
        public let removed: [String]
        public let unchanged: [String]

        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && unchanged.isEmpty }
    }

    public let groups: [Group]

    static let keyGroups: [(name: String, kinds: Set<String>)] = [
        ("Plugins", ["plugin-registration", "plugin-wrapper", "native-module", "native-plugin", "cordova-module"]),
        ("Native calls", ["bridge-call", "bridge-transport"]),
        ("Routes", ["route", "ion-route"]),
        ("Feature flags", ["feature-flag", "sdk-fingerprint"]),
    ]

    public init(_ diff: FactDiff) {
        var groups: [Group] = []
        for (name, kinds) in Self.keyGroups {
            var added: [String] = [], removed: [String] = [], unchanged: [String] = []
            for entry in diff.entries where kinds.contains(entry.kind) {
                switch entry.change {
                case .added: added.append(entry.key)
                case .removed: removed.append(entry.key)
                case .changed, .unchanged: unchanged.append(entry.key)
                }
            }
            groups.append(Group(name: name, added: added.sorted(), removed: removed.sorted(), unchanged: unchanged.sorted()))
        }
        // Remote origins: the hosts of remote resources and remote code on each side.
        var oldHosts = Set<String>(), newHosts = Set<String>()
        for entry in diff.entries where entry.kind == "remote-resource" || entry.kind == "remote-code" {
            for fact in entry.old { if let h = Self.host(fact) { oldHosts.insert(h) } }
            for fact in entry.new { if let h = Self.host(fact) { newHosts.insert(h) } }
        }
        groups.append(Group(name: "Remote origins", added: newHosts.subtracting(oldHosts).sorted(),
                            removed: oldHosts.subtracting(newHosts).sorted(), unchanged: oldHosts.intersection(newHosts).sorted()))
        self.groups = groups
    }

    /// `host` attribute, or the host of a `url` attribute (`https://host[:port]/…`, `//host/…`).
    static func host(_ fact: Fact) -> String? {
        if let host = fact.attributes["host"], !host.isEmpty { return host.lowercased() }
        guard let url = fact.attributes["url"], let range = url.range(of: "//") else { return nil }
        let rest = url[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : host.lowercased()
    }
}
