#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX file-type bits (the same on Linux and Darwin).
enum FileMode {
    static let typeMask: mode_t = 0o170000
    static let directory: mode_t = 0o040000
    static let regular: mode_t = 0o100000
    static let symlink: mode_t = 0o120000
    static let fifo: mode_t = 0o010000
    static let socket: mode_t = 0o140000
    static let characterDevice: mode_t = 0o020000
    static let blockDevice: mode_t = 0o060000

    static func describe(_ mode: mode_t) -> String {
        switch mode & typeMask {
        case fifo: return "a fifo"
        case socket: return "a socket"
        case characterDevice: return "a character device"
        case blockDevice: return "a block device"
        default: return "a special file"
        }
    }
}

/// Reads a whole file with POSIX calls.
enum FileReader {
    struct Failure: Error {
        let code: Int32
        var text: String { String(cString: strerror(code)) }
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
        var capacity = max(Int(info.st_size), 0)
        var result: [UInt8] = []
        var failure: Int32 = 0
        // Read what fstat announced, then keep going until EOF in case the file grew.
        while true {
            let start = result.count
            let want = max(capacity - start, 65536)
            result.reserveCapacity(start + want)
            var got = 0
            result.append(contentsOf: repeatElement(0, count: want))
            result.withUnsafeMutableBufferPointer { buffer in
                while got < want {
                    let n = Glibc_read(fd, buffer.baseAddress! + start + got, want - got)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { break }
                    got += n
                }
            }
            if failure != 0 { return .failure(Failure(code: failure)) }
            result.removeLast(want - got)
            if got < want { break }
            capacity = result.count + 65536
        }
        return .success(result)
    }
}

@inline(__always) private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}

extension BundleLoader {
    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Found {
        var relative: String
        var absolute: String
        var size: Int
    }

    /// Walks a directory: regular files, and symlinks whose real path stays inside the root (loaded
    /// under the link's path). A directory symlink into its own ancestry is a loop and is not followed.
    func loadDirectory(_ root: String) -> WebBundle {
        var collector = Collector(limits: limits)
        var found: [Found] = []
        let rootReal = Self.realPath(root) ?? root
        var rootInfo = stat()
        _ = stat(root, &rootInfo)
        var directoriesVisited = 0
        walk(absolute: root, relative: "", ancestry: [FileID(rootInfo)], rootReal: rootReal,
             found: &found, collector: &collector, directoriesVisited: &directoriesVisited)
        found.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        for (index, item) in found.enumerated() {
            let candidate = Candidate(path: item.relative, size: item.size, order: index)
            guard collector.admit(candidate, remaining: found.count - index - 1) else { continue }
            switch FileReader.read(item.absolute) {
            case .success(let bytes):
                if bytes.count > limits.maxFileBytes {
                    collector.report(item.relative, .fileTooLarge,
                                     "'\(item.relative)' is \(bytes.count) bytes, over the per-file limit of \(limits.maxFileBytes)")
                    continue
                }
                collector.add(path: item.relative, bytes: bytes)
            case .failure(let error):
                collector.report(item.relative, .unreadable, "cannot read '\(item.relative)': \(error.text)")
            }
        }
        let files = collector.finish()
        return WebBundle(origin: root, container: .directory, webRoot: "",
                         files: files, diagnostics: collector.diagnostics)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private func walk(absolute: String, relative: String, ancestry: Set<FileID>, rootReal: String,
                      found: inout [Found], collector: inout Collector, directoriesVisited: inout Int) {
        directoriesVisited += 1
        if directoriesVisited > limits.maxFiles {
            if !collector.stopped {
                collector.report(relative, .tooManyFiles,
                                 "more than \(limits.maxFiles) directories: '\(relative)' and the rest were not walked")
                collector.stopped = true
            }
            return
        }
        guard let dir = opendir(absolute) else {
            collector.report(relative, .unreadable, "cannot read directory '\(relative)': \(Self.errnoText())")
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(dir)
        names.sort()

        for name in names {
            let childAbsolute = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(childAbsolute, &info) == 0 else {
                collector.report(childRelative, .unreadable, "cannot stat '\(childRelative)': \(Self.errnoText())")
                continue
            }
            var type = info.st_mode & FileMode.typeMask
            if type == FileMode.symlink {
                guard let real = Self.realPath(childAbsolute) else {
                    collector.report(childRelative, .unreadable,
                                     "symlink '\(childRelative)' points to a missing target: \(Self.errnoText())")
                    continue
                }
                guard Self.isInside(real, root: rootReal) else {
                    collector.report(childRelative, .symlinkEscape,
                                     "symlink '\(childRelative)' points outside the bundle root (\(real)); refused")
                    continue
                }
                guard stat(childAbsolute, &info) == 0 else {
                    collector.report(childRelative, .unreadable, "cannot stat '\(childRelative)': \(Self.errnoText())")
                    continue
                }
                type = info.st_mode & FileMode.typeMask
                if type == FileMode.directory && ancestry.contains(FileID(info)) {
                    collector.report(childRelative, .symlinkLoop,
                                     "directory symlink '\(childRelative)' leads back into its own ancestry; not followed")
                    continue
                }
            }
            switch type {
            case FileMode.directory:
                let id = FileID(info)
                if ancestry.contains(id) {
                    collector.report(childRelative, .symlinkLoop,
                                     "directory '\(childRelative)' leads back into its own ancestry; not followed")
                    continue
                }
                walk(absolute: childAbsolute, relative: childRelative, ancestry: ancestry.union([id]), rootReal: rootReal,
                     found: &found, collector: &collector, directoriesVisited: &directoriesVisited)
            case FileMode.regular:
                found.append(Found(relative: childRelative, absolute: childAbsolute, size: Int(info.st_size)))
            default:
                collector.report(childRelative, .unreadable,
                                 "'\(childRelative)' is \(FileMode.describe(info.st_mode)); skipped")
            }
        }
    }
}
