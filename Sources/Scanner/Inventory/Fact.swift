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
    /// A setting of `capacitor.config.json` (`server.url`, `plugins.CapacitorUpdater.*`, …).
    public static let appConfig = "app-config"
    /// A native plugin listed by a manifest (`capacitor.plugins.json`, `cordova_plugins.js`).
    public static let nativePlugin = "native-plugin"
    /// A `package.json` dependency shipped in the bundle.
    public static let dependency = "dependency"
    /// A route or screen (also produced by signature files).
    public static let route = "route"

    /// The attributes of the kinds above, for the rules' catalog.
    public static let builtInAttributes: [String: Set<String>] = [
        nativeBinary: ["format", "sha256", "size"],
        unanalysedCode: ["format", "reason", "sha256"],
        entryPoint: ["container"],
        loadProblem: ["problem", "detail"],
        appConfig: ["setting", "value", "file"],
        nativePlugin: ["framework", "package", "classpath", "plugin", "module", "file", "clobbers", "merges", "runs", "version"],
        dependency: ["package", "version", "section"],
        route: ["framework", "via", "route", "id"],
    ]
}
