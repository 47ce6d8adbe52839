import Foundation
@testable import LivegateScanner

/// The shipped signature files, read from the repository (the scanner does not embed them).
enum Shipped {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rulesets/signatures")

    static let files: [(name: String, text: String)] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.map { ("Rulesets/signatures/" + $0, (try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) ?? "") }
    }()

    static let set: SignatureSet = {
        do {
            return try SignatureSet.compile(files: files)
        } catch {
            print("shipped signatures do not compile: \(error)")
            return .empty
        }
    }()
}

/// Facts of a bundle made of `files` (path → source), through the InventoryBuilder so that
/// bundle-level `requires` apply. Only signature and manifest facts (no entry points).
func inventory(_ files: [String: String], set: SignatureSet = Shipped.set) -> [Fact] {
    let entries = files.sorted { $0.key < $1.key }.map { BundleLoader.MemoryEntry(path: $0.key, bytes: Array($0.value.utf8)) }
    let bundle = BundleLoader().load(entries: entries, origin: "test")
    return InventoryBuilder(signatures: set).build(bundle).facts.filter { $0.kind != FactKind.entryPoint }
}

/// One line per fact: `line:col kind key {a=b, …}`.
func describeSignatureFact(_ f: Fact, path: Bool = false) -> String {
    var s = "\(f.location.line):\(f.location.column) \(f.kind) \(f.key)"
    if path { s = f.location.path + ":" + s }
    if !f.attributes.isEmpty {
        s += " {" + f.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
    }
    return s
}

/// The facts of one JavaScript file `app.js`, described, optionally only of some kinds.
func scan(_ js: String, kinds: Set<String>? = nil, set: SignatureSet = Shipped.set, path: String = "app.js") -> [String] {
    inventory([path: js], set: set).filter { kinds?.contains($0.kind) ?? true }.map { describeSignatureFact($0) }
}

/// Keys only (for stability tests).
func keys(_ js: String, kinds: Set<String>? = nil) -> [String] {
    inventory(["app.js": js]).filter { kinds?.contains($0.kind) ?? true }.map { "\($0.kind) \($0.key)" }
}

/// A one-file signature set for pattern tests.
func signatureSet(_ signatures: String, kinds: String = #""t": ["a", "b", "c"]"#) throws -> SignatureSet {
    try SignatureSet.compile(files: [("test.json", #"{"area": "test", "kinds": {\#(kinds)}, "signatures": [\#(signatures)]}"#)])
}

/// The error a one-file signature set is refused with, as `file: path: message`.
func compileError(_ signatures: String, kinds: String = #""t": ["a", "b", "c"]"#) -> String? {
    do {
        _ = try signatureSet(signatures, kinds: kinds)
        return nil
    } catch {
        return (error as? ConfigError)?.description ?? "\(error)"
    }
}
