/// Builds the parts of fact keys that come from file paths, so that a rebuild gives the same keys.
/// The hashed-name rule here is a stand-in: swap `normalizeFileName` for `ChunkName.normalize`
/// once that helper lands, in this one place.
enum StableKey {
    /// A bundle path with hashed file names normalised: `assets/index-Dvm9KEU2.js` → `assets/index-*.js`.
    static func path(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { normalizeFileName(String($0)) }
            .joined(separator: "/")
    }

    /// `name-HASH.ext`, `name.HASH.ext`, `name_HASH.ext`, `HASH.ext` → `name-*.ext` / `name.*.ext` / `*.ext`.
    /// HASH: 8+ hexadecimal digits with a digit, 8+ letters and digits with both, or (Vite) the
    /// last 8 base64url characters after a `-`, with a digit or mixed case.
    static func normalizeFileName(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return name }
        var out: [String] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1 { out.append(part); continue }
            // Vite / Rollup `name.HASH.ext`: 8 base64url characters, e.g. `index.DucWPHXi`, `types.cZoyy9Y-`.
            if index > 0 && isEightCharacterHash(Array(part.utf8)) { out.append("*"); continue }
            out.append(normalizePart(part))
        }
        return out.joined(separator: ".")
    }

    static func normalizePart(_ part: String) -> String {
        let u = Array(part.utf8)
        if isHash(u[...]) { return "*" }
        // Vite: `index-Dvm9KEU2`, `index-D_vm9K-2` (base64url may itself hold - and _).
        if u.count > 9 && u[u.count - 9] == 0x2D && isBase64URLHash(u[(u.count - 8)...]) {
            return String(decoding: u[..<(u.count - 8)], as: UTF8.self) + "*"
        }
        if let sep = u.lastIndex(where: { $0 == 0x2D || $0 == 0x5F }), sep > 0, isHash(u[(sep + 1)...]) {
            return String(decoding: u[...sep], as: UTF8.self) + "*"
        }
        return part
    }

    /// Letters and digits only, 8…64 long, with a digit and (unless all hex) a letter.
    static func isHash(_ u: ArraySlice<UInt8>) -> Bool {
        guard u.count >= 8 && u.count <= 64 else { return false }
        var digits = 0, letters = 0
        for c in u {
            switch c {
            case 0x30...0x39: digits += 1
            case 0x41...0x5A, 0x61...0x7A: letters += 1
            default: return false
            }
        }
        return digits > 0 && (letters > 0 || u.count >= 8)
    }

    /// Exactly 8 base64url characters with a digit, a `-`/`_`, or two capitals (not a word such as `Settings`).
    static func isEightCharacterHash(_ u: [UInt8]) -> Bool {
        guard u.count == 8 else { return false }
        var digit = false, separator = false, upper = 0, lower = 0
        for c in u {
            switch c {
            case 0x30...0x39: digit = true
            case 0x41...0x5A: upper += 1
            case 0x61...0x7A: lower += 1
            case 0x2D, 0x5F: separator = true
            default: return false
            }
        }
        return (digit && upper + lower > 0) || (separator && upper + lower > 0) || (upper >= 2 && lower > 0)
    }

    static func isBase64URLHash(_ u: ArraySlice<UInt8>) -> Bool {
        var digit = false, upper = false, lower = false
        for c in u {
            switch c {
            case 0x30...0x39: digit = true
            case 0x41...0x5A: upper = true
            case 0x61...0x7A: lower = true
            case 0x2D, 0x5F: break
            default: return false
            }
        }
        return digit || (upper && lower)
    }
}
