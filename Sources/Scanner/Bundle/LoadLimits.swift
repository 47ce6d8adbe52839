/// Limits that hold against hostile input. Each has a default and a command-line flag.
public struct LoadLimits: Sendable, Hashable {
    /// Sum of the uncompressed sizes of all files loaded (`--max-total-size`).
    public var maxTotalBytes: Int
    /// Number of files loaded (`--max-files`).
    public var maxFiles: Int
    /// Size of one file (`--max-file-size`).
    public var maxFileBytes: Int
    /// Uncompressed / compressed size of one archive entry (`--max-ratio`); only checked for
    /// entries whose uncompressed size is at least `ratioFloorBytes`, since tiny files compress well.
    public var maxCompressionRatio: Int
    public var ratioFloorBytes: Int

    public static let `default` = LoadLimits(
        maxTotalBytes: 1 << 30,        // 1 GiB
        maxFiles: 50_000,
        maxFileBytes: 256 << 20,       // 256 MiB
        maxCompressionRatio: 200,
        ratioFloorBytes: 1 << 20)      // 1 MiB

    public init(maxTotalBytes: Int, maxFiles: Int, maxFileBytes: Int, maxCompressionRatio: Int, ratioFloorBytes: Int = 1 << 20) {
        self.maxTotalBytes = maxTotalBytes
        self.maxFiles = maxFiles
        self.maxFileBytes = maxFileBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
    }
}
