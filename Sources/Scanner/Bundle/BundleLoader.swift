import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a bundle given as a directory, a .zip, an .ipa, an .apk/.aab or a single file.
/// Archives are read in memory (own central-directory reader, zlib raw inflate); nothing is
/// extracted to disk. Refused entries become `LoadDiagnostic`s; the rest still loads.
///
/// - The container is decided by magic bytes (`PK\x03\x04`, `PK\x05\x06`) and the extension:
///   `.ipa`, `.apk`, `.aab` are apps whose web root is looked up inside; any other zip is a bundle
///   (with one top-level folder, that folder is the web root); anything else is a one-file bundle.
/// - Entries and files are taken in path order, so which ones the limits cut off is deterministic.
/// - Zip symlink entries are never followed: one whose target leaves the web root is refused
///   (`.symlinkEscape`); one that stays inside is skipped without a diagnostic, because the file
///   it points at is loaded under its own path.
/// - In an app archive only the web root is read: native code elsewhere in the app is what the
///   store reviewed and a live update cannot replace.
public struct BundleLoader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Where the web assets live inside app archives, in the order they are looked for.
    public static let ipaWebRoots = ["Payload/*.app/public", "Payload/*.app/www"]
    public static let apkWebRoots = ["assets/public", "assets/www"]
    public static let aabWebRoots = ["base/assets/public", "base/assets/www"]

    /// Throws `BundleLoadError` only when the input as a whole cannot be used (missing path,
    /// not a readable archive at all, no web root found); per-entry problems are diagnostics.
    public func load(path: String) throws(BundleLoadError) -> WebBundle {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw BundleLoadError(path: path, message: "cannot open: \(Self.errnoText())")
        }
        switch info.st_mode & FileMode.typeMask {
        case FileMode.directory:
            return loadDirectory(path)
        case FileMode.regular:
            break
        default:
            throw BundleLoadError(path: path, message: "not a file or directory")
        }
        let bytes: [UInt8]
        switch FileReader.read(path) {
        case .success(let read): bytes = read
        case .failure(let error): throw BundleLoadError(path: path, message: "cannot read: \(error.text)")
        }
        let ext = KindDetector.fileExtension(path)
        let zipMagic = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
        if zipMagic || ["zip", "ipa", "apk", "aab"].contains(ext) {
            let archive: ZipArchive
            do {
                archive = try ZipArchive(bytes: bytes)
            } catch {
                throw BundleLoadError(path: path, message: "not a readable zip archive: \(error.message)")
            }
            let container: WebBundle.Container
            switch ext {
            case "ipa": container = .ipa
            case "apk": container = .apk
            case "aab": container = .aab
            default: container = .zip
            }
            return try loadArchive(archive, container: container, origin: path)
        }
        var collector = Collector(limits: limits)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let candidate = Candidate(path: name, size: bytes.count, order: 0)
        if collector.admit(candidate, remaining: 0) {
            collector.add(path: name, bytes: bytes)
        }
        let files = collector.finish()
        return WebBundle(origin: path, container: .singleFile, webRoot: "",
                         files: files, diagnostics: collector.diagnostics)
    }

    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    // MARK: limits and collection

    struct Candidate {
        var path: String
        var size: Int
        /// Position in the archive or walk, to break ties between equal paths.
        var order: Int
    }

    /// Applies the limits in path order, then reads (inflates), hashes and classifies the admitted
    /// files in parallel. The count and total-size limits count what was admitted, by declared size.
    struct Collector {
        enum Source {
            case bytes([UInt8])
            case entry(ZipArchive.Entry)
        }

        let limits: LoadLimits
        private var pending: [(path: String, source: Source)] = []
        var diagnostics: [LoadDiagnostic] = []
        var admitted = 0
        var totalBytes = 0
        var stopped = false
        var seen: Set<String> = []

        init(limits: LoadLimits) { self.limits = limits }

        mutating func report(_ path: String, _ problem: LoadDiagnostic.Problem, _ message: String) {
            diagnostics.append(LoadDiagnostic(path: path, problem: problem, message: message))
        }

        /// Whether `candidate` may be read: not a duplicate, within the count, size and total limits.
        /// `remaining` is how many candidates come after it (for the message when loading stops).
        mutating func admit(_ candidate: Candidate, remaining: Int) -> Bool {
            if stopped { return false }
            let path = candidate.path
            if seen.contains(path) {
                report(path, .duplicatePath, "'\(path)' appears more than once; the later entry was ignored")
                return false
            }
            seen.insert(path)
            if admitted >= limits.maxFiles {
                report(path, .tooManyFiles,
                       "more than \(limits.maxFiles) files: '\(path)' and the \(remaining) after it were not loaded")
                stopped = true
                return false
            }
            if candidate.size > limits.maxFileBytes {
                report(path, .fileTooLarge,
                       "'\(path)' is \(candidate.size) bytes, over the per-file limit of \(limits.maxFileBytes)")
                return false
            }
            if totalBytes + candidate.size > limits.maxTotalBytes {
                report(path, .totalSizeExceeded,
                       "total size limit of \(limits.maxTotalBytes) bytes reached: '\(path)' and the \(remaining) after it were not loaded")
                stopped = true
                return false
            }
            admitted += 1
            totalBytes += candidate.size
            return true
        }

        mutating func add(path: String, bytes: [UInt8]) {
            pending.append((path, .bytes(bytes)))
        }

        mutating func add(path: String, entry: ZipArchive.Entry) {
            pending.append((path, .entry(entry)))
        }

        /// The admitted files, inflated, hashed and classified, the work spread over the available
        /// cores; entries that fail become diagnostics.
        mutating func finish(archive: ZipArchive? = nil) -> [BundleFile] {
            let items = pending
            let limits = self.limits
            let results = ResultSlots<Result<BundleFile, ZipArchive.EntryError>>(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let (path, source) = items[index]
                let bytes: [UInt8]
                switch source {
                case .bytes(let read):
                    bytes = read
                case .entry(let entry):
                    guard let archive else { return }
                    switch archive.data(of: entry, limits: limits) {
                    case .success(let data): bytes = data
                    case .failure(let error):
                        results.store(.failure(error), at: index)
                        return
                    }
                }
                let (kind, native) = KindDetector.detect(path: path, bytes: bytes)
                results.store(.success(BundleFile(path: path, bytes: bytes, sha256: SHA256.hex(of: bytes),
                                                  kind: kind, nativeFormat: native)), at: index)
            }
            var files: [BundleFile] = []
            files.reserveCapacity(items.count)
            for (index, result) in results.values().enumerated() {
                switch result {
                case .success(let file)?: files.append(file)
                case .failure(let error)?: report(error, path: items[index].path)
                case nil: break
                }
            }
            pending = []
            return files
        }

        mutating func report(_ error: ZipArchive.EntryError, path: String) {
            switch error {
            case .encrypted(let scheme):
                report(path, .encrypted, "entry '\(path)' is encrypted (\(scheme)); livegate cannot read it")
            case .unsupportedMethod(let method):
                report(path, .unsupportedCompression,
                       "entry '\(path)' uses compression method \(method); only stored (0) and deflate (8) are read")
            case .corrupt(let why):
                report(path, .corrupt, "entry '\(path)' is damaged: \(why)")
            case .tooLarge(let limit, let size):
                report(path, .fileTooLarge, "entry '\(path)' is \(size) bytes or more, over the per-file limit of \(limit)")
            case .ratio(let uncompressed, let compressed, let limit):
                report(path, .compressionRatio,
                       "entry '\(path)' expands from \(compressed) to at least \(uncompressed) bytes, over the ratio limit of \(limit):1 (a zip bomb?)")
            }
        }
    }

    /// One slot per item, each written by exactly one worker of `concurrentPerform` and read only
    /// after it returns; hence `@unchecked Sendable`.
    // MARK: archives

    func loadArchive(_ archive: ZipArchive, container: WebBundle.Container, origin: String) throws(BundleLoadError) -> WebBundle {
        var collector = Collector(limits: limits)
        for problem in archive.problems {
            collector.report("", .corrupt, "archive \(problem); the entries after it were not read")
        }
        // Name every entry safely first; unsafe names are reported wherever they are in the archive.
        var named: [(path: String, entry: ZipArchive.Entry, order: Int)] = []
        named.reserveCapacity(archive.entries.count)
        for (order, entry) in archive.entries.enumerated() {
            switch SafePath.normalize(rawName: entry.rawName) {
            case .unsafe(let reason):
                let shown = SafePath.display(entry.rawName)
                collector.report(shown, .unsafePath, "entry '\(shown)' \(reason); refused")
            case .empty:
                continue
            case .safe(let path):
                if entry.isDirectory { continue }
                named.append((path, entry, order))
            }
        }

        let webRoot = try findWebRoot(named.map(\.path), container: container, origin: origin)
        let prefix = webRoot.isEmpty ? "" : webRoot + "/"
        var inRoot: [(path: String, entry: ZipArchive.Entry, order: Int)] = []
        for item in named where item.path.hasPrefix(prefix) {
            inRoot.append((String(item.path.dropFirst(prefix.count)), item.entry, item.order))
        }
        inRoot.sort { ($0.path.utf8.lexicographicallyPrecedes($1.path.utf8)) || ($0.path == $1.path && $0.order < $1.order) }

        for (index, item) in inRoot.enumerated() {
            let path = item.path
            let entry = item.entry
            if entry.isSymlink {
                if collector.stopped { continue }
                switch archive.data(of: entry, limits: limits) {
                case .success(let targetBytes):
                    let target = String(decoding: targetBytes, as: UTF8.self)
                    if SafePath.resolve(linkPath: path, target: target) == nil {
                        collector.report(path, .symlinkEscape,
                                         "symlink '\(path)' points outside the bundle ('\(target)'); refused")
                    }
                case .failure(let error):
                    collector.report(error, path: path)
                }
                continue
            }
            let declared = Int(clamping: entry.uncompressedSize)
            let candidate = Candidate(path: path, size: declared, order: item.order)
            guard collector.admit(candidate, remaining: inRoot.count - index - 1) else { continue }
            collector.add(path: path, entry: entry)
        }
        let files = collector.finish(archive: archive)
        return WebBundle(origin: origin, container: container, webRoot: webRoot,
                         files: files, diagnostics: collector.diagnostics)
    }

    /// The web root inside an archive, "" for the archive root.
    func findWebRoot(_ paths: [String], container: WebBundle.Container, origin: String) throws(BundleLoadError) -> String {
        switch container {
        case .zip:
            // One top-level folder holding everything (macOS's __MACOSX metadata aside) is the root.
            var top: Substring?
            for path in paths where !path.hasPrefix("__MACOSX/") {
                guard let slash = path.firstIndex(of: "/") else { return "" }
                let first = path[..<slash]
                if let top, top != first { return "" }
                top = first
            }
            return top.map(String.init) ?? ""
        case .ipa:
            // Payload/<Name>.app/public (Capacitor), then Payload/<Name>.app/www (Cordova).
            for folder in ["public", "www"] {
                var found: [String] = []
                for path in paths where path.hasPrefix("Payload/") {
                    let parts = path.split(separator: "/", maxSplits: 3)
                    if parts.count == 4 && parts[1].hasSuffix(".app") && parts[2] == folder {
                        found.append("Payload/\(parts[1])/\(folder)")
                    }
                }
                if let first = found.min() { return first }
            }
            throw BundleLoadError(path: origin, message: "no web root found in the .ipa: looked for \(Self.ipaWebRoots.joined(separator: " and "))")
        case .apk, .aab:
            let roots = container == .apk ? Self.apkWebRoots : Self.aabWebRoots
            for root in roots where paths.contains(where: { $0.hasPrefix(root + "/") }) {
                return root
            }
            throw BundleLoadError(path: origin,
                                  message: "no web root found in the .\(container.rawValue): looked for \(roots.joined(separator: " and "))")
        case .directory, .singleFile:
            return ""
        }
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
