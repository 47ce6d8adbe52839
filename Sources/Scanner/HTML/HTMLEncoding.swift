import Foundation

/// How an HTML file's bytes become the UTF-8 text that positions refer to.
///
/// - A UTF-8 BOM, or no BOM and no declaration, or a UTF-8/ASCII declaration: the file's own
///   bytes are the text (a BOM is kept; positions are the file's byte offsets).
/// - A UTF-16 BOM (LE/BE), or a `<meta charset>` / `<meta http-equiv=Content-Type>` naming a
///   non-UTF-8 encoding in the first 1024 bytes (the HTML prescan window): the file is transcoded
///   to UTF-8 up front and every position (byte offsets, lines, UTF-16 columns) refers to the
///   transcoded text. `HTMLScanResult.source` holds that text and a `transcoded` note says so.
///   Lines are the same as in the original; columns are the same in UTF-16 units, since they
///   count characters, not bytes.
struct HTMLText {
    var utf8: [UInt8]
    /// Lower-case encoding label: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, `shift_jis`, …
    var encoding: String
    var transcoded: Bool
    /// Bytes of a UTF-8 BOM at the start of `utf8` (0 or 3).
    var bomLength: Int
    /// Set when the declared encoding could not be used (unknown label, undecodable bytes).
    var problem: String?
}

enum HTMLEncoding {
    static func decode(_ bytes: [UInt8]) -> HTMLText {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return HTMLText(utf8: bytes, encoding: "utf-8", transcoded: false, bomLength: 3)
        }
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let little = bytes[0] == 0xFF
            let label = little ? "utf-16le" : "utf-16be"
            let body = Data(bytes[2...])
            if let s = String(data: body, encoding: little ? .utf16LittleEndian : .utf16BigEndian) {
                return HTMLText(utf8: Array(s.utf8), encoding: label, transcoded: true, bomLength: 0)
            }
            // Unpaired surrogates: decode leniently, U+FFFD for what cannot be decoded.
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return HTMLText(utf8: Array(String(decoding: units, as: UTF16.self).utf8), encoding: label, transcoded: true,
                            bomLength: 0, problem: "invalid UTF-16 replaced by U+FFFD")
        }
        guard let label = declaredCharset(bytes) else {
            return HTMLText(utf8: bytes, encoding: "utf-8", transcoded: false, bomLength: 0)
        }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be":
            // A UTF-16 label without a BOM is read as UTF-8 (HTML §13.2.3.2 step "prescan").
            return HTMLText(utf8: bytes, encoding: "utf-8", transcoded: false, bomLength: 0)
        default:
            break
        }
        guard let (canonical, encoding) = foundationEncoding(label) else {
            return HTMLText(utf8: bytes, encoding: "utf-8", transcoded: false, bomLength: 0,
                            problem: "declared charset \"\(label)\" is not supported; read as UTF-8")
        }
        if let s = String(data: Data(bytes), encoding: encoding) {
            return HTMLText(utf8: Array(s.utf8), encoding: canonical, transcoded: true, bomLength: 0)
        }
        return HTMLText(utf8: bytes, encoding: "utf-8", transcoded: false, bomLength: 0,
                        problem: "bytes are not valid \(canonical); read as UTF-8")
    }

    /// WHATWG labels (the common ones) to Foundation encodings. `iso-8859-1`, `latin1` and
    /// `us-ascii`-like labels mean windows-1252 in HTML.
    static func foundationEncoding(_ label: String) -> (String, String.Encoding)? {
        switch label {
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii-1252":
            return ("windows-1252", .windowsCP1252)
        case "iso-8859-2", "iso8859-2", "latin2", "l2": return ("iso-8859-2", .isoLatin2)
        case "windows-1250", "cp1250", "x-cp1250": return ("windows-1250", .windowsCP1250)
        case "windows-1251", "cp1251", "x-cp1251": return ("windows-1251", .windowsCP1251)
        case "windows-1253", "cp1253": return ("windows-1253", .windowsCP1253)
        case "windows-1254", "cp1254", "iso-8859-9", "latin5": return ("windows-1254", .windowsCP1254)
        case "shift_jis", "shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis", "csshiftjis": return ("shift_jis", .shiftJIS)
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese": return ("euc-jp", .japaneseEUC)
        case "iso-2022-jp", "csiso2022jp": return ("iso-2022-jp", .iso2022JP)
        default: return nil
        }
    }

    /// A simplified HTML prescan: `<meta charset=X>` or `<meta http-equiv=content-type content="…charset=X">`
    /// within the first 1024 bytes, outside comments.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let window = Array(bytes.prefix(1024))
        var i = 0
        while let lt = HTMLSourceTags.find(window, 0x3C, from: i) {
            if lt + 3 < window.count && window[lt + 1] == 0x21 && window[lt + 2] == 0x2D && window[lt + 3] == 0x2D {
                i = HTMLSourceTags.findSequence(window, [0x2D, 0x2D, 0x3E], from: lt + 4).map { $0 + 3 } ?? window.count
                continue
            }
            guard lt + 1 < window.count, HTMLSourceTags.isAlpha(window[lt + 1]) else { i = lt + 1; continue }
            let tag = HTMLSourceTags.startTag(window, at: lt)
            i = max(tag.end, lt + 1)
            guard tag.name == "meta" else { continue }
            var httpEquivContentType = false
            var content: String? = nil
            for a in tag.attributes {
                let value = String(decoding: window[a.valueStart..<a.valueEnd], as: UTF8.self)
                switch a.name {
                case "charset":
                    let v = URLClassifier.trimHTMLSpace(value).lowercased()
                    if !v.isEmpty { return v }
                case "http-equiv": httpEquivContentType = URLClassifier.trimHTMLSpace(value).lowercased() == "content-type"
                case "content": content = value
                default: break
                }
            }
            if httpEquivContentType, let content, let r = content.lowercased().range(of: "charset=") {
                var v = String(content.lowercased()[r.upperBound...])
                v = String(v.prefix { $0 != ";" && $0 != " " })
                v = v.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if !v.isEmpty { return v }
            }
        }
        return nil
    }
}
