/// One thing the scanner saw in a bundle. The `key` identifies it across builds: it never
/// contains minified identifiers, chunk hashes or positions, so the same code built twice
/// gives the same keys and the diff compares keys.
public struct Fact: Sendable, Hashable, Codable {
    /// An open vocabulary (signatures are data): `native-binary`, `bridge-call`, `route`, …
    public let kind: String
    /// Stable identity, e.g. `native:lib/*.so`, `capacitor:Camera.getPhoto`, `route:/wallet`.
    public let key: String
    /// Facts about the fact (format, framework, origin, digest, …). Compared by the diff.
    public let attributes: [String: String]
    public let location: SourceLocation

    public init(kind: String, key: String, attributes: [String: String] = [:], location: SourceLocation) {
        self.kind = kind
        self.key = key
        self.attributes = attributes
        self.location = location
    }
}

/// Fact kinds produced by the scanner itself (signature files add their own).
public enum FactKind {
    /// A file of a native-code kind (ELF, Mach-O, DEX, class, JAR/APK/AAR).
    public static let nativeBinary = "native-binary"
    /// A file whose code cannot be analysed (Hermes bytecode).
    public static let unanalysedCode = "unanalysed-code"
    /// An entry point of the bundle (`index.html`, a React Native bundle file).
    public static let entryPoint = "entry-point"
    /// A file or entry that could not be loaded (see `LoadDiagnostic.Problem`).
    public static let loadProblem = "load-problem"
}
