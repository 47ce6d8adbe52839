/// Strips bundler content hashes from file names so that chunks pair across builds:
/// `index-Dvm9KEU2.js` → `index-*.js`, `app.5c3a8eec.js` → `app.*.js`,
/// `7a3f9c2e1b.chunk.js` → `*.chunk.js`. Directories are kept as they are; only the last path
/// component is normalised, and its last `.`-segment (the extension) is never touched.
///
/// A name is split into `.`-segments. A segment (not the extension) that is a hash becomes `*`;
/// otherwise, if the text after one of its `-` is a hash, that suffix becomes `*` (the longest such
/// suffix wins, so `index-D-x9KEU2` → `index-*`).
///
/// A hash is 6–32 characters of `[A-Za-z0-9_-]` that
/// - contains a digit, or is all hexadecimal and at least 8 long, or (Vite/Rollup's default
///   8-character base64url hash, which often has no digit) is exactly 8 long, stands right before
///   the extension after a name (`name.HASH.ext`, `name-HASH.ext`) and has an upper-case letter
///   after its first character or holds `_`/`-` (`mbtFrzxf`, `NSZPWQES`, `CVHXW_KR`);
/// - and is not an ordinary word (`index`, `vendor`, `legacy`, …), not a word with a number
///   (`es2015`, `ie11`, `html5shiv`), not a short number (`2`, `1234567`: chunk ids and versions), and
///   has no `-`-separated piece that is a lower-case word of three letters or more (`jquery-3`).
///
/// Known false positives: an 8-letter camel-case or capitalised word between a name and the
/// extension (`foo.myWidget.js`, `notes.FEATURES.md`).
public enum ChunkName {
    public static func normalize(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return directory + normalizeName(name)
    }

    /// Normalises one file name (no directory).
    public static func normalizeName(_ name: String) -> String {
        var segments = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 2 else { return name }
        let last = segments.count - 1
        // The extension is the last segment; `.js.map` and `.js.LICENSE.txt` keep theirs too,
        // since `js`, `map`, `LICENSE` are never hashes.
        for index in 0..<last {
            let segment = segments[index]
            guard !segment.isEmpty else { continue }
            let beforeExtension = index == last - 1
            // A digit-free Vite hash needs a name before it: `FEATURES.md` stays.
            if isHash(segment, beforeExtension: beforeExtension && index > 0) {
                segments[index] = "*"
                continue
            }
            // `name-HASH`: try each `-` from the left so the longest hash suffix wins.
            let chars = Array(segment)
            for (position, char) in chars.enumerated() where char == "-" && position > 0 {
                let suffix = String(chars[(position + 1)...])
                if isHash(suffix, beforeExtension: beforeExtension) {
                    segments[index] = String(chars[..<position]) + "-*"
                    break
                }
            }
        }
        return segments.joined(separator: ".")
    }

    static let ordinaryWords: Set<String> = [
        "index", "vendor", "vendors", "legacy", "main", "polyfills", "polyfill", "runtime", "chunk",
        "common", "commons", "app", "worker", "modern", "bundle", "styles", "style", "module",
        "entry", "client", "server", "framework", "webpack", "manifest", "service", "default",
    ]

    /// Whether `text` is a content hash (see the type's documentation).
    public static func isHash(_ text: String, beforeExtension: Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 6 && bytes.count <= 32 else { return false }
        var digits = 0, lower = 0, upper = 0, separators = 0, hex = 0, upperAfterFirst = 0
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1; hex += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                lower += 1
                if b <= UInt8(ascii: "f") { hex += 1 }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                upper += 1
                if i > 0 { upperAfterFirst += 1 }
                if b <= UInt8(ascii: "F") { hex += 1 }
            case UInt8(ascii: "_"), UInt8(ascii: "-"): separators += 1
            default: return false
            }
        }
        if ordinaryWords.contains(text.lowercased()) { return false }
        // A short number: a chunk id or a version part.
        if digits == bytes.count && bytes.count < 8 { return false }
        // Hexadecimal of one case, 8 or more: webpack's and Angular's hashes.
        if hex == bytes.count && bytes.count >= 8 && (lower == 0 || upper == 0) { return true }
        // A word with a number: es2015, ie11, html5shiv, Bootstrap5, icon_set2.
        if isWordWithNumber(bytes) { return false }
        // A lower-case word piece: jquery-3, my-lib-a1b2c3d4, _app-85b9a1f0.
        for piece in text.split(separator: "-") {
            var letters = 0
            let wordLike = piece.utf8.allSatisfy { byte in
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { letters += 1; return true }
                return byte == UInt8(ascii: "_")
            }
            if wordLike && letters >= 3 { return false }
        }
        if digits > 0 { return true }
        if beforeExtension && bytes.count == 8 && (upperAfterFirst > 0 || separators > 0) {
            return true
        }
        return false
    }

    /// A word with a number: `[a-z_]{2,}[0-9]+[a-z]*` (es2015, html5shiv, icon_set2) or
    /// `[A-Z][a-z]{2,}[0-9]+` (Bootstrap5). Random hashes rarely take either shape (`Dj7882tm` does not).
    private static func isWordWithNumber(_ bytes: [UInt8]) -> Bool {
        func isLower(_ b: UInt8) -> Bool { (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == UInt8(ascii: "_") }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let capitalised = bytes.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? false
        var i = capitalised ? 1 : 0
        let lettersStart = i
        while i < bytes.count, isLower(bytes[i]) { i += 1 }
        guard i - lettersStart >= 2 else { return false }
        let digitsStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        guard i > digitsStart else { return false }
        if capitalised { return i == bytes.count }
        while i < bytes.count, isLower(bytes[i]) { i += 1 }
        return i == bytes.count
    }
}
