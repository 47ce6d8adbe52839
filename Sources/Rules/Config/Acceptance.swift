/// A finding someone accepted: the rule, the fact key, why, and until when.
/// Stored in `livegate.json` under `accept`, or in a baseline file written by `--write-baseline`.
public struct Acceptance: Sendable, Hashable {
    public let rule: String
    public let key: String
    public let reason: String
    /// `YYYY-MM-DD`; from that day on the acceptance no longer holds.
    public let expires: String?
    public let origin: Suppression.Origin

    public init(rule: String, key: String, reason: String, expires: String?, origin: Suppression.Origin) {
        self.rule = rule
        self.key = key
        self.reason = reason
        self.expires = expires
        self.origin = origin
    }

    /// Whether it still holds on `today` (`YYYY-MM-DD`, compared as text, which orders ISO dates).
    public func holds(on today: String) -> Bool {
        guard let expires else { return true }
        return today < expires
    }

    static func isISODate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(b[i]) { return false }
        let month = Int(s.dropFirst(5).prefix(2))!, day = Int(s.dropFirst(8))!
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// Parses an `accept` array (config or baseline) strictly.
    static func parseList(_ values: [JSONValue], file: String, path: String, origin: Suppression.Origin) throws(ConfigError) -> [Acceptance] {
        var out: [Acceptance] = []
        for (i, value) in values.enumerated() {
            let o = try StrictObject(value, file: file, path: "\(path)[\(i)]")
            try o.requireOnly(["rule", "key", "reason", "expires"])
            let expires = try o.string("expires")
            if let expires, !isISODate(expires) { throw o.error("expires", "expected a date as YYYY-MM-DD, not \"\(expires)\"") }
            out.append(Acceptance(rule: try o.requiredString("rule"), key: try o.requiredString("key"),
                                  reason: try o.requiredString("reason"), expires: expires, origin: origin))
        }
        return out
    }
}

/// `--write-baseline FILE` / `--baseline FILE`: every current finding accepted, as JSON.
public enum Baseline {
    public static func render(_ findings: [Finding], reason: String = "accepted in the baseline") -> String {
        struct Entry: Encodable { let rule: String; let key: String; let reason: String }
        struct Document: Encodable { let accept: [Entry] }
        var seen = Set<String>()
        var entries: [Entry] = []
        for f in findings where seen.insert("\(f.ruleId)\u{0}\(f.factKey)").inserted {
            entries.append(Entry(rule: f.ruleId, key: f.factKey, reason: f.suppression?.reason ?? reason))
        }
        entries.sort { ($0.rule, $0.key) < ($1.rule, $1.key) }
        return StableJSON.encode(Document(accept: entries))
    }

    public static func parse(file: String, text: String) throws(ConfigError) -> [Acceptance] {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch {
            throw ConfigError(file: file, path: "$", message: "invalid JSON at \(error.description)")
        }
        let root = try StrictObject(json, file: file, path: "$")
        try root.requireOnly(["accept"])
        return try Acceptance.parseList(try root.array("accept") ?? [], file: file, path: "$.accept", origin: .baseline)
    }
}
