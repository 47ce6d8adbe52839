import LivegateScanner

/// `livegate inventory BUNDLE`: every fact of one bundle, in the inventory's deterministic order
/// (path, byte offset, kind, key).
public enum InventoryReport {
    /// One fact a line: `path:line:col: kind key {attributes} | snippet`, then a count per kind.
    public static func text(_ inventory: Inventory) -> String {
        var out = ""
        var counts: [String: Int] = [:]
        for f in inventory.facts {
            counts[f.kind, default: 0] += 1
            let l = f.location
            var line = "\(l.path):\(l.line):\(l.column): \(f.kind) \(f.key)"
            if !f.attributes.isEmpty {
                line += " {" + f.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
            }
            if !l.snippet.isEmpty { line += " | " + l.snippet }
            out += line + "\n"
        }
        out += "\(inventory.facts.count) facts in \(inventory.bundle.files.count) files"
        if !counts.isEmpty {
            out += ": " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return out + "\n"
    }

    struct Document: Encodable {
        let origin: String
        let container: String
        let files: Int
        let counts: [String: Int]
        let facts: [Item]
    }

    struct Item: Encodable {
        let kind: String
        let key: String
        let attributes: [String: String]
        let path: String
        let line: Int, column: Int, endLine: Int, endColumn: Int
        let byteStart: Int, byteEnd: Int
        let snippet: String
    }

    /// The same as one byte-stable JSON document (sorted keys).
    public static func json(_ inventory: Inventory) -> String {
        var counts: [String: Int] = [:]
        for f in inventory.facts { counts[f.kind, default: 0] += 1 }
        let items = inventory.facts.map { f in
            Item(kind: f.kind, key: f.key, attributes: f.attributes, path: f.location.path,
                 line: f.location.line, column: f.location.column, endLine: f.location.endLine,
                 endColumn: f.location.endColumn, byteStart: f.location.byteStart, byteEnd: f.location.byteEnd,
                 snippet: f.location.snippet)
        }
        return StableJSON.encode(Document(
            origin: inventory.bundle.origin, container: inventory.bundle.container.rawValue,
            files: inventory.bundle.files.count, counts: counts, facts: items))
    }
}
