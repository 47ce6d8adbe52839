/// Decides a file's `FileKind` from its magic bytes first and its extension second, so that a
/// binary named `.js` comes out as what it really is.
///
/// Choices:
/// - SVG is `.media`: it is an image the web view renders, even though it is XML text (a scanner
///   that wants to look inside SVG for `<script>` can select it by extension).
/// - A JSON file (by extension or content) with `"mappings"` and `"version": 3` is a source map;
///   a `.map` file is a source map when it is text.
/// - A zip is `.nativeCode`/`.javaArchive` when it holds `classes.dex`, a `*.class`,
///   `AndroidManifest.xml` or `META-INF/MANIFEST.MF`, or is named .jar/.apk/.aar/.aab; otherwise `.archive`.
/// - Text whose extension says nothing (or names a binary format it does not have) is `.text`,
///   unless it starts like an HTML document.
public enum KindDetector {
    public static func detect(path: String, bytes: [UInt8]) -> (kind: FileKind, native: NativeFormat?) {
        bytes.withUnsafeBufferPointer { detect(path: path, buffer: $0) }
    }

    public static func detect(path: String, buffer b: UnsafeBufferPointer<UInt8>) -> (kind: FileKind, native: NativeFormat?) {
        let ext = fileExtension(path)
        if let magic = detectMagic(b, ext: ext) { return magic }
        if !looksLikeText(b) {
            // Source named as source with a few bytes of invalid UTF-8 (a Latin-1 string in a
            // script) is still source: the tokenizers tolerate invalid UTF-8. Real binary has NULs
            // or is far from ASCII.
            guard sourceExtensions.contains(ext), isMostlyASCIIWithoutNUL(b) else { return (.binary, nil) }
        }
        return (textKind(b, ext: ext), nil)
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    // MARK: magic bytes

    private static func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at offset: Int = 0) -> Bool {
        guard b.count >= offset + prefix.count else { return false }
        for i in 0..<prefix.count where b[offset + i] != prefix[i] { return false }
        return true
    }

    private static func be32(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }

    private static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let javaArchiveExtensions: Set<String> = ["jar", "apk", "aar", "aab", "war"]

    static func detectMagic(_ b: UnsafeBufferPointer<UInt8>, ext: String) -> (kind: FileKind, native: NativeFormat?)? {
        guard b.count >= 2 else { return nil }
        if startsWith(b, [0x7F, 0x45, 0x4C, 0x46]) { return (.nativeCode, .elf) }
        if b.count >= 4 {
            switch be32(b, 0) {
            case 0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE:
                return (.nativeCode, .machO)
            case 0xCAFEBABF:
                return (.nativeCode, .machOFat)
            case 0xCAFEBABE:
                // A fat Mach-O's next word is its architecture count (small); a Java class file's
                // is minor version (2 bytes) then major version (2 bytes), major ≥ 45.
                if b.count >= 8 {
                    let next = be32(b, 4)
                    if next >= 1 && next < 45 { return (.nativeCode, .machOFat) }
                    let major = UInt16(b[6]) << 8 | UInt16(b[7])
                    if major >= 45 { return (.nativeCode, .javaClass) }
                }
                return (.binary, nil)
            default: break
            }
        }
        if startsWith(b, ascii("dex\n")) && b.count >= 8 && b[7] == 0
            && (4...6).allSatisfy({ b[$0] >= UInt8(ascii: "0") && b[$0] <= UInt8(ascii: "9") }) {
            return (.nativeCode, .dex)
        }
        if startsWith(b, [0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F]) { return (.hermesBytecode, nil) }
        if startsWith(b, [0x00, 0x61, 0x73, 0x6D]) { return (.wasm, nil) }
        if startsWith(b, [0x50, 0x4B, 0x03, 0x04]) || startsWith(b, [0x50, 0x4B, 0x05, 0x06])
            || startsWith(b, [0x50, 0x4B, 0x07, 0x08]) {
            if javaArchiveExtensions.contains(ext) || zipHoldsJavaCode(b) { return (.nativeCode, .javaArchive) }
            return (.archive, nil)
        }
        // Other archives.
        if startsWith(b, [0x1F, 0x8B]) { return (.archive, nil) }                              // gzip
        if startsWith(b, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return (.archive, nil) }      // 7z
        if startsWith(b, ascii("Rar!\u{1A}\u{07}")) { return (.archive, nil) }                // rar
        if startsWith(b, ascii("BZh")) && b.count >= 4 && b[3] >= UInt8(ascii: "1") && b[3] <= UInt8(ascii: "9") {
            return (.archive, nil)                                                              // bzip2
        }
        if startsWith(b, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return (.archive, nil) }      // xz
        if startsWith(b, [0x28, 0xB5, 0x2F, 0xFD]) { return (.archive, nil) }                  // zstd
        if startsWith(b, ascii("ustar"), at: 257) { return (.archive, nil) }                  // tar
        // Media: images, fonts, audio, video.
        if startsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return (.media, nil) } // PNG
        if startsWith(b, [0xFF, 0xD8, 0xFF]) { return (.media, nil) }                          // JPEG
        if startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) { return (.media, nil) }
        if startsWith(b, ascii("RIFF")) && (startsWith(b, ascii("WEBP"), at: 8) || startsWith(b, ascii("WAVE"), at: 8)
                                            || startsWith(b, ascii("AVI "), at: 8)) { return (.media, nil) }
        if b.count >= 6 && (startsWith(b, [0, 0, 1, 0]) || startsWith(b, [0, 0, 2, 0])) && b[5] == 0 && b[4] > 0 {
            return (.media, nil)                                                                // ICO / CUR
        }
        if startsWith(b, ascii("wOFF")) || startsWith(b, ascii("wOF2")) { return (.media, nil) }
        if startsWith(b, ascii("OTTO")) || startsWith(b, ascii("true")) && b.count >= 12 && b[4] == 0
            || startsWith(b, ascii("ttcf")) { return (.media, nil) }
        if startsWith(b, [0x00, 0x01, 0x00, 0x00]) && b.count >= 12 && b[4] == 0 && b[5] > 0 && b[5] < 64 {
            return (.media, nil)                                                                // TrueType
        }
        if ext == "eot" && b.count >= 36 && b[34] == 0x4C && b[35] == 0x50 { return (.media, nil) } // EOT "LP"
        if startsWith(b, ascii("ID3")) || (b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && ["mp3", "mpeg", "mpga"].contains(ext)) {
            return (.media, nil)                                                                // MP3
        }
        if startsWith(b, ascii("ftyp"), at: 4) { return (.media, nil) }                      // MP4, MOV, AVIF, HEIC
        if startsWith(b, ascii("OggS")) || startsWith(b, ascii("fLaC")) { return (.media, nil) }
        if startsWith(b, [0x1A, 0x45, 0xDF, 0xA3]) { return (.media, nil) }                  // WebM / Matroska
        if startsWith(b, ascii("BM")) && ext == "bmp" { return (.media, nil) }
        return nil
    }

    /// Whether a zip's central directory names Java/Android code. Falls back to "no" when the zip
    /// cannot be read.
    static func zipHoldsJavaCode(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let names = try? ZipArchive.entryNames(b) else { return false }
        for name in names {
            if name == "classes.dex" || name == "AndroidManifest.xml" || name == "META-INF/MANIFEST.MF"
                || name.hasSuffix(".class") || (name.hasPrefix("classes") && name.hasSuffix(".dex")) {
                return true
            }
        }
        return false
    }

    // MARK: text

    /// No NUL byte and valid UTF-8 in the first 8 KB (a sequence cut by the 8 KB boundary is fine).
    /// Extensions of the files livegate tokenizes.
    public static let sourceExtensions: Set<String> = ["js", "mjs", "cjs", "jsx", "css", "html", "htm", "json", "map", "bundle", "jsbundle"]

    /// No NUL byte and at least 75 % ASCII in the first 8 KB (random bytes are about half non-ASCII).
    static func isMostlyASCIIWithoutNUL(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(b.count, 8192)
        var high = 0
        for i in 0..<limit {
            if b[i] == 0 { return false }
            if b[i] >= 0x80 { high += 1 }
        }
        return high * 4 <= limit
    }

    static func looksLikeText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(b.count, 8192)
        var i = 0
        while i < limit {
            let byte = b[i]
            if byte < 0x80 {
                if byte == 0 { return false }
                i += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            for j in 1..<length {
                if i + j >= b.count { return true }   // the file ends mid-sequence: still text-ish
                if i + j >= limit { return true }     // cut by the window
                let next = b[i + j]
                if next & 0xC0 != 0x80 { return false }
                if j == 1 {
                    if byte == 0xE0 && next < 0xA0 { return false }   // overlong
                    if byte == 0xED && next > 0x9F { return false }   // surrogates
                    if byte == 0xF0 && next < 0x90 { return false }   // overlong
                    if byte == 0xF4 && next > 0x8F { return false }   // beyond U+10FFFF
                }
            }
            i += length
        }
        return true
    }

    static func textKind(_ b: UnsafeBufferPointer<UInt8>, ext: String) -> FileKind {
        switch ext {
        case "html", "htm", "xhtml": return .html
        case "css": return .css
        case "js", "mjs", "cjs", "jsx", "jsbundle", "bundle": return .javascript
        case "map": return .sourceMap
        case "json", "webmanifest":
            return isSourceMap(b) ? .sourceMap : .json
        case "svg", "svgz": return .media
        default: break
        }
        let start = firstNonSpace(b)
        if start < b.count {
            let head = lowercasedPrefix(b, from: start, count: 15)
            if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
            if head.hasPrefix("<svg") { return .media }
            if b[start] == UInt8(ascii: "{") && isSourceMap(b) { return .sourceMap }
        }
        return .text
    }

    private static func firstNonSpace(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        if startsWith(b, [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    private static func lowercasedPrefix(_ b: UnsafeBufferPointer<UInt8>, from: Int, count: Int) -> String {
        let end = min(b.count, from + count)
        return String(decoding: b[from..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// JSON with a `"mappings"` key and `"version": 3`.
    static func isSourceMap(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 2, b[firstNonSpace(b)] == UInt8(ascii: "{") else { return false }
        guard find(b, ascii("\"mappings\"")) != nil else { return false }
        var from = 0
        let key = ascii("\"version\"")
        while let at = find(b, key, from: from) {
            var i = at + key.count
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == UInt8(ascii: ":") { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: "3"), i + 1 >= b.count || !(b[i + 1] >= 0x30 && b[i + 1] <= 0x39) {
                return true
            }
            from = at + 1
        }
        return false
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first, b.count >= needle.count else { return nil }
        var i = from
        let last = b.count - needle.count
        while i <= last {
            if b[i] == first {
                var j = 1
                while j < needle.count && b[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
