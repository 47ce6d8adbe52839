/// One file of a loaded bundle: its path relative to the bundle root, its bytes and identity.
public struct BundleFile: Sendable, Hashable {
    /// Path relative to the bundle root, `/`-separated, never absolute, never containing `..`.
    public let path: String
    public let bytes: [UInt8]
    /// Lower-case hexadecimal SHA-256 of `bytes`.
    public let sha256: String
    public let kind: FileKind
    /// Set when `kind == .nativeCode`.
    public let nativeFormat: NativeFormat?

    public var size: Int { bytes.count }

    public init(path: String, bytes: [UInt8], sha256: String, kind: FileKind, nativeFormat: NativeFormat? = nil) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.kind = kind
        self.nativeFormat = nativeFormat
    }
}
