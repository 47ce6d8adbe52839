/// A file or entry that was refused or could not be read while loading a bundle.
/// The rest of the bundle still loads; the rule engine turns these into findings so the
/// gate never passes silently on something it could not read.
public struct LoadDiagnostic: Sendable, Hashable, Codable {
    public enum Problem: String, Sendable, Codable, CaseIterable {
        /// Absolute path, `..` segment, or a drive letter: would escape the bundle (zip-slip).
        case unsafePath = "unsafe-path"
        /// A symlink whose target lies outside the bundle root.
        case symlinkEscape = "symlink-escape"
        /// A directory symlink that leads back into its own ancestry.
        case symlinkLoop = "symlink-loop"
        /// An encrypted archive entry (traditional PKWARE or AES): cannot be read.
        case encrypted
        /// A compression method other than stored and deflate.
        case unsupportedCompression = "unsupported-compression"
        /// A damaged or truncated archive or entry (bad header, CRC mismatch, inflate error).
        case corrupt
        /// One file larger than the per-file limit.
        case fileTooLarge = "file-too-large"
        /// An entry whose compression ratio exceeds the limit (a zip bomb).
        case compressionRatio = "compression-ratio"
        /// More files than the file-count limit: the rest were not loaded.
        case tooManyFiles = "too-many-files"
        /// The total uncompressed size limit was reached: the rest were not loaded.
        case totalSizeExceeded = "total-size-exceeded"
        /// The file system refused to read it (permissions, I/O error, special file).
        case unreadable
        /// Two entries with the same path; the later one was ignored.
        case duplicatePath = "duplicate-path"
    }

    /// Path relative to the bundle root (or the archive entry name when it has no safe relative path).
    public let path: String
    public let problem: Problem
    /// One sentence, lower-case start, no trailing period: "entry is encrypted (AES); livegate cannot read it".
    public let message: String

    public init(path: String, problem: Problem, message: String) {
        self.path = path
        self.problem = problem
        self.message = message
    }
}
