/// A ZIP archive read in memory: the end-of-central-directory record is searched from the end,
/// ZIP64 records and extra fields are followed, and each entry's local header is checked before
/// its data is used. Nothing is written to disk.
///
/// Reference: PKWARE APPNOTE.TXT 6.3 (sections 4.3 and 4.4).
struct ZipArchive {
    struct Entry: Sendable {
        /// The raw name bytes as stored.
        var rawName: [UInt8]
        /// The name as text (UTF-8; invalid bytes are replaced).
        var name: String
        var versionMadeBy: UInt16
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        var externalAttributes: UInt32

        var isEncrypted: Bool { flags & 1 != 0 || method == 99 }

        /// A directory: a name ending in `/` (or `\`), or the MS-DOS directory attribute.
        var isDirectory: Bool {
            if let last = rawName.last, last == UInt8(ascii: "/") || last == UInt8(ascii: "\\") { return true }
            return externalAttributes & 0x10 != 0 && uncompressedSize == 0
        }

        /// Unix file mode from the external attributes, when the archive was made on Unix or macOS.
        var unixMode: UInt32? {
            let host = versionMadeBy >> 8
            guard host == 3 || host == 19 else { return nil }
            return externalAttributes >> 16
        }

        var isSymlink: Bool { unixMode.map { $0 & 0o170000 == 0o120000 } ?? false }
    }

    struct ReadError: Error, Equatable {
        let message: String
    }

    enum EntryError: Error, Equatable {
        case encrypted(String)
        case unsupportedMethod(UInt16)
        case corrupt(String)
        case tooLarge(limit: Int, size: UInt64)
        case ratio(uncompressed: UInt64, compressed: UInt64, limit: Int)
    }

    let bytes: [UInt8]
    let entries: [Entry]
    /// Problems with the central directory itself (a truncated list): the entries before it load.
    let problems: [String]

    init(bytes: [UInt8]) throws(ReadError) {
        self.bytes = bytes
        let parsed = try bytes.withUnsafeBufferPointer { (b) throws(ReadError) in try Self.parse(b) }
        entries = parsed.entries
        problems = parsed.problems
    }

    static func entryNames(_ b: UnsafeBufferPointer<UInt8>) throws(ReadError) -> [String] {
        try parse(b).entries.map(\.name)
    }

    // MARK: little-endian reads

    @inline(__always) static func u16(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt16 {
        UInt16(b[o]) | UInt16(b[o + 1]) << 8
    }

    @inline(__always) static func u32(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    @inline(__always) static func u64(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt64 {
        UInt64(u32(b, o)) | UInt64(u32(b, o + 4)) << 32
    }

    static let eocdSignature: UInt32 = 0x0605_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let zip64EOCDSignature: UInt32 = 0x0606_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let localSignature: UInt32 = 0x0403_4b50

    // MARK: central directory

    static func parse(_ b: UnsafeBufferPointer<UInt8>) throws(ReadError) -> (entries: [Entry], problems: [String]) {
        guard b.count >= 22 else { throw ReadError(message: "too short to hold an end-of-central-directory record") }
        // The EOCD is 22 bytes plus a comment of up to 65535 bytes: search backwards.
        var eocd = -1
        var at = b.count - 22
        let lowest = max(0, b.count - 22 - 0xFFFF)
        while at >= lowest {
            if b[at] == 0x50 && u32(b, at) == eocdSignature {
                let commentLength = Int(u16(b, at + 20))
                if at + 22 + commentLength <= b.count { eocd = at; break }
            }
            at -= 1
        }
        guard eocd >= 0 else { throw ReadError(message: "no end-of-central-directory record (truncated or not a zip)") }

        var entryCount = UInt64(u16(b, eocd + 10))
        var cdSize = UInt64(u32(b, eocd + 12))
        var cdOffset = UInt64(u32(b, eocd + 16))
        var zip64EOCDEnd: Int?

        // ZIP64: a locator sits right before the EOCD and points at the ZIP64 EOCD record.
        if eocd >= 20 && u32(b, eocd - 20) == zip64LocatorSignature {
            let recordOffset = u64(b, eocd - 20 + 8)
            guard b.count >= 56, recordOffset <= UInt64(b.count - 56), u32(b, Int(recordOffset)) == zip64EOCDSignature else {
                throw ReadError(message: "ZIP64 end-of-central-directory record is missing or damaged")
            }
            let r = Int(recordOffset)
            entryCount = u64(b, r + 32)
            cdSize = u64(b, r + 40)
            cdOffset = u64(b, r + 48)
            zip64EOCDEnd = r
        }

        let directoryEnd = zip64EOCDEnd ?? eocd
        guard cdSize <= UInt64(directoryEnd) else {
            throw ReadError(message: "central directory size \(cdSize) does not fit in the archive")
        }
        var start = Int(clamping: cdOffset)
        // Data prepended to the archive (a self-extractor stub) shifts every offset: detect it.
        var shift = 0
        if cdOffset > UInt64(directoryEnd) || Int(cdOffset) + Int(cdSize) > directoryEnd
            || (cdSize > 0 && u32(b, Int(cdOffset)) != centralSignature) {
            let actual = directoryEnd - Int(cdSize)
            guard cdSize > 0, actual >= 0, u32(b, actual) == centralSignature else {
                if cdSize == 0 && entryCount == 0 { return ([], []) }
                throw ReadError(message: "central directory not found at offset \(cdOffset)")
            }
            shift = actual - Int(clamping: cdOffset)
            start = actual
        }

        var entries: [Entry] = []
        var problems: [String] = []
        entries.reserveCapacity(Int(min(entryCount, 100_000)))
        var p = start
        let end = start + Int(cdSize)
        while p < end {
            guard p + 46 <= end, u32(b, p) == centralSignature else {
                problems.append("central directory is damaged after \(entries.count) entries")
                break
            }
            let nameLength = Int(u16(b, p + 28))
            let extraLength = Int(u16(b, p + 30))
            let commentLength = Int(u16(b, p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= end else {
                problems.append("central directory is truncated after \(entries.count) entries")
                break
            }
            let rawName = Array(b[(p + 46)..<(p + 46 + nameLength)])
            var entry = Entry(
                rawName: rawName,
                name: String(decoding: rawName, as: UTF8.self),
                versionMadeBy: u16(b, p + 4),
                flags: u16(b, p + 8),
                method: u16(b, p + 10),
                crc32: u32(b, p + 16),
                compressedSize: UInt64(u32(b, p + 20)),
                uncompressedSize: UInt64(u32(b, p + 24)),
                localHeaderOffset: UInt64(u32(b, p + 42)),
                externalAttributes: u32(b, p + 38))
            // ZIP64 extended information: only the fields that are 0xFFFFFFFF in the header, in order.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = u16(b, e)
                let size = Int(u16(b, e + 2))
                let dataStart = e + 4
                guard dataStart + size <= extraEnd else { break }
                if id == 0x0001 {
                    var f = dataStart
                    if entry.uncompressedSize == 0xFFFF_FFFF && f + 8 <= dataStart + size {
                        entry.uncompressedSize = u64(b, f); f += 8
                    }
                    if entry.compressedSize == 0xFFFF_FFFF && f + 8 <= dataStart + size {
                        entry.compressedSize = u64(b, f); f += 8
                    }
                    if entry.localHeaderOffset == 0xFFFF_FFFF && f + 8 <= dataStart + size {
                        entry.localHeaderOffset = u64(b, f); f += 8
                    }
                }
                e = dataStart + size
            }
            if shift > 0 { entry.localHeaderOffset &+= UInt64(shift) }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        return (entries, problems)
    }

    // MARK: entry data

    /// The entry's uncompressed bytes, after checking its local header, encryption, method, the
    /// limits (declared sizes first, then while inflating) and its CRC-32.
    func data(of entry: Entry, limits: LoadLimits) -> Result<[UInt8], EntryError> {
        if entry.isEncrypted {
            return .failure(.encrypted(entry.method == 99 ? "AES" : "traditional PKWARE"))
        }
        guard entry.method == 0 || entry.method == 8 else { return .failure(.unsupportedMethod(entry.method)) }
        if entry.uncompressedSize > UInt64(limits.maxFileBytes) {
            return .failure(.tooLarge(limit: limits.maxFileBytes, size: entry.uncompressedSize))
        }
        let (ratioBound, overflow) = UInt64(limits.maxCompressionRatio).multipliedReportingOverflow(by: max(entry.compressedSize, 1))
        if entry.method == 8 && entry.uncompressedSize >= UInt64(limits.ratioFloorBytes)
            && !overflow && entry.uncompressedSize > ratioBound {
            return .failure(.ratio(uncompressed: entry.uncompressedSize, compressed: entry.compressedSize,
                                   limit: limits.maxCompressionRatio))
        }
        return bytes.withUnsafeBufferPointer { b -> Result<[UInt8], EntryError> in
            let offset = entry.localHeaderOffset
            guard offset <= UInt64(b.count), Int(offset) + 30 <= b.count else {
                return .failure(.corrupt("local header offset \(offset) is outside the archive"))
            }
            let h = Int(offset)
            guard Self.u32(b, h) == Self.localSignature else {
                return .failure(.corrupt("no local header at offset \(offset)"))
            }
            let localNameLength = Int(Self.u16(b, h + 26))
            let localExtraLength = Int(Self.u16(b, h + 28))
            let localName = h + 30 + localNameLength <= b.count ? Array(b[(h + 30)..<(h + 30 + localNameLength)]) : []
            if localName != entry.rawName {
                return .failure(.corrupt("local header names a different file"))
            }
            let dataStart = h + 30 + localNameLength + localExtraLength
            guard entry.compressedSize <= UInt64(b.count), dataStart + Int(entry.compressedSize) <= b.count else {
                return .failure(.corrupt("entry data runs past the end of the archive (truncated)"))
            }
            let input = UnsafeBufferPointer(rebasing: b[dataStart..<(dataStart + Int(entry.compressedSize))])
            let output: [UInt8]
            if entry.method == 0 {
                guard entry.compressedSize == entry.uncompressedSize else {
                    return .failure(.corrupt("stored entry's sizes differ (\(entry.compressedSize) vs \(entry.uncompressedSize))"))
                }
                output = Array(input)
            } else {
                let inflaterLimits = Inflater.Limits(
                    maxBytes: limits.maxFileBytes, maxRatio: limits.maxCompressionRatio, ratioFloor: limits.ratioFloorBytes)
                switch Inflater.inflateRaw(input, declaredSize: Int(entry.uncompressedSize), limits: inflaterLimits) {
                case .success(let bytes):
                    output = bytes
                case .failure(.tooLarge(let limit)):
                    return .failure(.tooLarge(limit: limit, size: entry.uncompressedSize))
                case .failure(.ratio(let produced, let compressed)):
                    return .failure(.ratio(uncompressed: UInt64(produced), compressed: UInt64(compressed),
                                           limit: limits.maxCompressionRatio))
                case .failure(.exceedsDeclared(let declared)):
                    return .failure(.corrupt("inflates to more than its declared size of \(declared) bytes"))
                case .failure(.shorterThanDeclared(let declared, let produced)):
                    return .failure(.corrupt("inflates to \(produced) bytes, not its declared \(declared)"))
                case .failure(.corrupt(let message)):
                    return .failure(.corrupt(message))
                }
            }
            let crc = output.withUnsafeBufferPointer { Inflater.crc32($0) }
            guard crc == entry.crc32 else {
                return .failure(.corrupt(String(format0x8: "CRC-32 mismatch: stored ", entry.crc32, ", computed ", crc)))
            }
            return .success(output)
        }
    }
}

extension String {
    /// "prefix 0x0000abcd middle 0x1234abcd" without Foundation's format strings.
    init(format0x8 prefix: String, _ a: UInt32, _ middle: String, _ b: UInt32) {
        func hex(_ v: UInt32) -> String {
            let digits = String(v, radix: 16)
            return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
        }
        self = prefix + hex(a) + middle + hex(b)
    }
}
