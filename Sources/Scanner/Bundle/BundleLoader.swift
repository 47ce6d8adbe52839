/// Loads a bundle given as a directory, a .zip, an .ipa, an .apk/.aab or a single file.
/// Archives are read in memory (own central-directory reader, zlib raw inflate); nothing is
/// extracted to disk. Refused entries become `LoadDiagnostic`s; the rest still loads.
public struct BundleLoader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Throws `BundleLoadError` only when the input as a whole cannot be used (missing path,
    /// not a readable archive at all, no web root found); per-entry problems are diagnostics.
    public func load(path: String) throws(BundleLoadError) -> WebBundle {
        fatalError("BundleLoader.load is being written")
    }
}

/// The input as a whole cannot be used: exit code 2 with this message.
public struct BundleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}
