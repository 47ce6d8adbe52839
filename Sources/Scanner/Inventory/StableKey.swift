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

    /// `name-HASH.ext`, `name.HASH.ext`, `name_HASH.ext`, `HASH.ext` → `name-*.ext` / `name.*.ext` / `*.ext`,
    /// where HASH is 6+ characters of [A-Za-z0-9_-] holding at least one digit, or 8+ hex digits.
    static func normalizeFileName(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return name }
        var out: [String] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1 { out.append(part); continue }
            if isHash(part) && index > 0 { out.append("*"); continue }
            if isHash(part) && index == 0 && parts.count >= 2 { out.append("*"); continue }
            // name-HASH / name_HASH inside one dot-separated part
            if let dash = part.lastIndex(where: { $0 == "-" || $0 == "_" }), dash != part.startIndex {
                let tail = String(part[part.index(after: dash)...])
                if isHash(tail) { out.append(String(part[...dash]) + "*"); continue }
            }
            out.append(part)
        }
        return out.joined(separator: ".")
    }

    static func isHash(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 6 && u.count <= 64 else { return false }
        var digits = 0, letters = 0, upper = 0, hexOnly = true
        for c in u {
            switch c {
            case 0x30...0x39: digits += 1
            case 0x61...0x66: letters += 1
            case 0x67...0x7A: letters += 1; hexOnly = false
            case 0x41...0x5A: upper += 1; hexOnly = false
            case 0x5F, 0x2D: hexOnly = false
            default: return false
            }
        }
        if hexOnly && u.count >= 8 && digits > 0 { return true }
        // base64url-ish content hashes (Vite: `Dvm9KEU2`): mixed case or digits among letters.
        return u.count >= 8 && digits > 0 && (letters + upper) > 0
    }
}
