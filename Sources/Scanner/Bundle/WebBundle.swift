/// A bundle loaded into memory: the web assets of one app version, whatever container they came in.
public struct WebBundle: Sendable {
    /// How the bundle was given to livegate.
    public enum Container: String, Sendable, Codable {
        case directory, zip, ipa, apk, aab
        case singleFile = "single-file"
    }

    /// The path the user gave (for messages), exactly as given.
    public let origin: String
    public let container: Container
    /// Where the web root was found inside the container (`Payload/App.app/public`, `assets/public`,
    /// a zip's single top-level folder), or "" when the container's root is the web root.
    public let webRoot: String
    /// Sorted by path (byte order), unique paths.
    public let files: [BundleFile]
    /// Everything that could not be loaded, each naming the entry and the problem.
    public let diagnostics: [LoadDiagnostic]

    public init(origin: String, container: Container, webRoot: String, files: [BundleFile], diagnostics: [LoadDiagnostic]) {
        self.origin = origin
        self.container = container
        self.webRoot = webRoot
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.diagnostics = diagnostics.sorted {
            ($0.path, $0.problem.rawValue) < ($1.path, $1.problem.rawValue)
        }
    }

    public func file(at path: String) -> BundleFile? {
        files.first { $0.path == path }
    }
}
