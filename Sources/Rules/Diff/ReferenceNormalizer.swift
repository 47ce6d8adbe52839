import LivegateScanner

/// Rewrites references to hashed file names inside a file's bytes to their stripped form
/// (`"./index.DucWPHXi.js"` → `"./index.*.js"`), so that a file whose only change is the new hash
/// of a chunk it imports compares equal. Only the names of files present in the two bundles are
/// rewritten: a name is a maximal run of `[A-Za-z0-9_.~-]` equal to one of their file names.
/// A run equal to the bare lower-case hexadecimal hash of one of those names (webpack's runtime
/// maps chunk ids to hashes: `{2237:"4186e666374f47cf"}`) becomes `*`.
struct ReferenceNormalizer {
    private struct Name {
        let bytes: [UInt8]
        let replacement: [UInt8]
    }

    private var names: [UInt64: [Name]] = [:]
    private var bareHashes: [UInt64: [Name]] = [:]
    /// The extensions of those names (`js`, `css`, …) packed into integers (`Self.packed`): a
    /// cheap filter before hashing a token. Member accesses (`e.exports`) are most of the runs
    /// with a dot in minified code, and fail here.
    private var extensions: [UInt64] = []
    private(set) var isEmpty = true

    init(bundles: [WebBundle]) {
        for bundle in bundles {
            for file in bundle.files {
                let base = file.path.split(separator: "/").last.map(String.init) ?? file.path
                let stripped = ChunkName.normalizeName(base)
                guard stripped != base else { continue }
                let bytes = Array(base.utf8)
                let key = Self.hash(bytes[...])
                if names[key]?.contains(where: { $0.bytes == bytes }) == true { continue }
                names[key, default: []].append(Name(bytes: bytes, replacement: Array(stripped.utf8)))
                if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), let ext = Self.packed(bytes[(dot + 1)...]) {
                    if !extensions.contains(ext) { extensions.append(ext) }
                }
                isEmpty = false
                // The hash segments themselves, when hexadecimal: `app.5c3a8eec.js` gives `5c3a8eec`.
                let parts = base.split(separator: ".", omittingEmptySubsequences: false)
                let strippedParts = stripped.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == strippedParts.count else { continue }
                for (part, strippedPart) in zip(parts, strippedParts) where strippedPart == "*" && part.utf8.count >= 8 {
                    let hashBytes = Array(part.utf8)
                    guard hashBytes.allSatisfy(Self.isLowerHex) else { continue }
                    let hashKey = Self.hash(hashBytes)
                    if bareHashes[hashKey]?.contains(where: { $0.bytes == hashBytes }) == true { continue }
                    bareHashes[hashKey, default: []].append(Name(bytes: hashBytes, replacement: [UInt8(ascii: "*")]))
                }
            }
        }
    }

    /// Up to eight bytes as one integer (with the length in the top byte's place when shorter),
    /// or nil when longer: no file extension is.
    @inline(__always) private static func packed<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var v = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        for b in bytes {
            v |= UInt64(b) << shift
            shift += 8
        }
        return v
    }

    @inline(__always) private static func isLowerHex(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
    }

    private static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    @inline(__always) private static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static let nameByte: [Bool] = (0..<256).map { isNameByte(UInt8($0)) }

    /// Whether `a` and `b` are equal once normalized. Only the stretch between their common
    /// prefix and suffix is normalized: rewriting is local to a run of name bytes, so cutting
    /// both files at the same run boundaries keeps the answer, and a rebuilt importer usually
    /// differs in a few references near its start.
    func equivalent(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        if isEmpty { return false }
        let n = min(a.count, b.count)
        var prefix = 0
        while prefix < n && a[prefix] == b[prefix] { prefix += 1 }
        // Back to the start of the run the first difference is in.
        while prefix > 0 && Self.nameByte[Int(a[prefix - 1])] { prefix -= 1 }
        var suffix = 0
        while suffix < n - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        // Forward to a byte outside any run, so the suffix starts on a run boundary.
        while suffix > 0 && Self.nameByte[Int(a[a.count - suffix])] { suffix -= 1 }
        return normalize(Array(a[prefix..<(a.count - suffix)])) == normalize(Array(b[prefix..<(b.count - suffix)]))
    }

    /// `bytes` with every known hashed file name replaced by its stripped form.
    func normalize(_ bytes: [UInt8]) -> [UInt8] {
        if isEmpty { return bytes }
        var out: [UInt8] = []
        var copied = 0
        bytes.withUnsafeBufferPointer { b in
            Self.nameByte.withUnsafeBufferPointer { table in
                var i = 0
                let count = b.count
                while i < count {
                    guard table[Int(b[i])] else { i += 1; continue }
                    let start = i
                    var lastDot = -1
                    var allHex = true
                    while i < count && table[Int(b[i])] {
                        if b[i] == UInt8(ascii: ".") { lastDot = i }
                        if allHex && !Self.isLowerHex(b[i]) { allHex = false }
                        i += 1
                    }
                    if allHex && i - start >= 8 && i - start <= 32 && !bareHashes.isEmpty {
                        let token = b[start..<i]
                        if let candidates = bareHashes[Self.hash(token)], candidates.contains(where: { $0.bytes.elementsEqual(token) }) {
                            if out.isEmpty { out.reserveCapacity(count) }
                            out.append(contentsOf: b[copied..<start])
                            out.append(UInt8(ascii: "*"))
                            copied = i
                        }
                        continue
                    }
                    guard lastDot > start, i - start >= 8 else { continue }
                    guard let ext = Self.packed(b[(lastDot + 1)..<i]), extensions.contains(ext) else { continue }
                    // Vite's manifest names shared chunks `_name.HASH.js`: look the name up without the `_`.
                    var nameStart = start
                    while nameStart < i - 1, b[nameStart] == UInt8(ascii: "_") { nameStart += 1 }
                    for from in nameStart == start ? [start] : [start, nameStart] {
                        let token = b[from..<i]
                        if let candidates = names[Self.hash(token)],
                           let name = candidates.first(where: { $0.bytes.elementsEqual(token) }) {
                            if out.isEmpty { out.reserveCapacity(count) }
                            out.append(contentsOf: b[copied..<from])
                            out.append(contentsOf: name.replacement)
                            copied = i
                            break
                        }
                    }
                }
            }
        }
        if copied == 0 { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}
