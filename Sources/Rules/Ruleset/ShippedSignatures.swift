/// The signature files compiled into the binary (`Rulesets/signatures/*.json`), compiled once.
public enum ShippedSignatures {
    /// Each shipped signature file: its path relative to Rulesets/ and its JSON text.
    public static var files: [(path: String, text: String)] {
        ShippedRulesets.files.filter { $0.path.hasPrefix("signatures/") }
    }

    /// The shipped files compiled, or the first problem in them.
    public static let compiled: Result<SignatureSet, ConfigError> = {
        do throws(ConfigError) {
            return .success(try SignatureSet.compile(files: files.map { ("Rulesets/" + $0.path, $0.text) }))
        } catch {
            return .failure(error)
        }
    }()

    /// The shipped set plus extra signature files (`--signatures FILE`), compiled together so a
    /// user file may follow the shipped bindings and declare its own kinds.
    public static func with(extra: [(name: String, text: String)]) throws(ConfigError) -> SignatureSet {
        if extra.isEmpty { return try compiled.get() }
        return try SignatureSet.compile(files: files.map { ("Rulesets/" + $0.path, $0.text) } + extra)
    }

    /// The shipped set; empty only if the shipped files are broken (a test guards this).
    public static var set: SignatureSet { (try? compiled.get()) ?? .empty }
}
