import Foundation
@testable import LivegateScanner

/// A small ZIP writer for tests: stored and deflate entries, data descriptors, ZIP64 records,
/// Unix modes, and knobs to damage an archive on purpose.
struct TestZip {
    struct Entry {
        var name: [UInt8]
        var data: [UInt8]
        var method: UInt16 = 8
        var flags: UInt16 = 0
        /// Replace the CRC written (to make a corrupt entry).
        var crcOverride: UInt32?
        /// Unix mode for the external attributes (host = Unix).
        var unixMode: UInt32?
        var dataDescriptor = false
        /// Declared uncompressed size, when it should lie.
        var declaredSize: UInt64?
        /// Raw bytes to store as the entry's data instead of compressing `data`.
        var payload: [UInt8]?
    }

    var entries: [Entry] = []
    /// Write every size and offset through ZIP64 extra fields and the ZIP64 EOCD record.
    var zip64 = false

    mutating func add(_ name: String, _ data: [UInt8], method: UInt16 = 8) {
        entries.append(Entry(name: Array(name.utf8), data: data, method: method))
    }

    mutating func add(_ name: String, _ text: String, method: UInt16 = 8) {
        add(name, Array(text.utf8), method: method)
    }

    mutating func add(_ entry: Entry) { entries.append(entry) }

    private static func le16(_ v: UInt16, _ out: inout [UInt8]) {
        out += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)]
    }

    private static func le32(_ v: UInt32, _ out: inout [UInt8]) {
        for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
    }

    private static func le64(_ v: UInt64, _ out: inout [UInt8]) {
        for s in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
    }

    func build() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt64(out.count)
            let stored = entry.payload ?? (entry.method == 8 ? Inflater.deflateRaw(entry.data) : entry.data)
            let crc = entry.crcOverride ?? Inflater.crc32(entry.data)
            let size = entry.declaredSize ?? UInt64(entry.data.count)
            var flags = entry.flags
            if entry.dataDescriptor { flags |= 8 }
            let max32: UInt32 = 0xFFFF_FFFF

            // Local header.
            var localExtra: [UInt8] = []
            if zip64 {
                Self.le16(1, &localExtra); Self.le16(16, &localExtra)
                Self.le64(size, &localExtra); Self.le64(UInt64(stored.count), &localExtra)
            }
            Self.le32(0x0403_4b50, &out)
            Self.le16(zip64 ? 45 : 20, &out)
            Self.le16(flags, &out)
            Self.le16(entry.method, &out)
            Self.le16(0, &out); Self.le16(0x21, &out)   // time, date
            if entry.dataDescriptor {
                Self.le32(0, &out); Self.le32(0, &out); Self.le32(0, &out)
            } else {
                Self.le32(crc, &out)
                Self.le32(zip64 ? max32 : UInt32(stored.count), &out)
                Self.le32(zip64 ? max32 : UInt32(size), &out)
            }
            Self.le16(UInt16(entry.name.count), &out)
            Self.le16(UInt16(localExtra.count), &out)
            out += entry.name
            out += localExtra
            out += stored
            if entry.dataDescriptor {
                Self.le32(0x0807_4b50, &out)
                Self.le32(crc, &out)
                if zip64 {
                    Self.le64(UInt64(stored.count), &out); Self.le64(size, &out)
                } else {
                    Self.le32(UInt32(stored.count), &out); Self.le32(UInt32(size), &out)
                }
            }

            // Central directory header.
            var extra: [UInt8] = []
            if zip64 {
                Self.le16(1, &extra); Self.le16(24, &extra)
                Self.le64(size, &extra); Self.le64(UInt64(stored.count), &extra); Self.le64(offset, &extra)
            }
            Self.le32(0x0201_4b50, &central)
            Self.le16(entry.unixMode != nil ? (3 << 8 | 45) : 45, &central)
            Self.le16(zip64 ? 45 : 20, &central)
            Self.le16(flags, &central)
            Self.le16(entry.method, &central)
            Self.le16(0, &central); Self.le16(0x21, &central)
            Self.le32(crc, &central)
            Self.le32(zip64 ? max32 : UInt32(stored.count), &central)
            Self.le32(zip64 ? max32 : UInt32(size), &central)
            Self.le16(UInt16(entry.name.count), &central)
            Self.le16(UInt16(extra.count), &central)
            Self.le16(0, &central)   // comment
            Self.le16(0, &central)   // disk
            Self.le16(0, &central)   // internal attributes
            Self.le32((entry.unixMode ?? 0) << 16, &central)
            Self.le32(zip64 ? max32 : UInt32(offset), &central)
            central += entry.name
            central += extra
        }
        let cdOffset = UInt64(out.count)
        out += central
        if zip64 {
            let recordOffset = UInt64(out.count)
            Self.le32(0x0606_4b50, &out)
            Self.le64(44, &out)
            Self.le16(45, &out); Self.le16(45, &out)
            Self.le32(0, &out); Self.le32(0, &out)
            Self.le64(UInt64(entries.count), &out); Self.le64(UInt64(entries.count), &out)
            Self.le64(UInt64(central.count), &out); Self.le64(cdOffset, &out)
            Self.le32(0x0706_4b50, &out)
            Self.le32(0, &out); Self.le64(recordOffset, &out); Self.le32(1, &out)
        }
        Self.le32(0x0605_4b50, &out)
        Self.le16(0, &out); Self.le16(0, &out)
        Self.le16(zip64 ? 0xFFFF : UInt16(entries.count), &out)
        Self.le16(zip64 ? 0xFFFF : UInt16(entries.count), &out)
        Self.le32(zip64 ? 0xFFFF_FFFF : UInt32(central.count), &out)
        Self.le32(zip64 ? 0xFFFF_FFFF : UInt32(cdOffset), &out)
        Self.le16(0, &out)
        return out
    }
}

/// A fresh temporary directory, removed by `cleanup()`.
struct TempDir {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/livegate-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        let parent = (full as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, Array(text.utf8)) }

    func mkdir(_ relative: String) {
        try? FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) {
        try? FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

extension WebBundle {
    var paths: [String] { files.map(\.path) }
    var problems: [String] { diagnostics.map { "\($0.path)|\($0.problem.rawValue)" } }
}

func loadZip(_ zip: TestZip, name: String = "bundle.zip", limits: LoadLimits = .default) throws -> WebBundle {
    let dir = TempDir()
    defer { dir.cleanup() }
    let path = dir.write(name, zip.build())
    return try BundleLoader(limits: limits).load(path: path)
}
