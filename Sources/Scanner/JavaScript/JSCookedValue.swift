// Decoded values of literals and identifiers, built only when asked for (never on the
// tokenizing hot path). Tokens without `.hasEscapes` take a fast path: their value is their
// text between the delimiters.

extension JSTokenizer {
    /// The string value of a string literal or of a template part (`template`, `templateHead`,
    /// `templateMiddle`, `templateTail`: the text between the delimiters, cooked).
    ///
    /// Returns nil for other kinds, for unterminated tokens, and when an escape is invalid
    /// (`\x4`, `\u{110000}`; in templates also `\01`, `\8`: their cooked value is undefined).
    /// Template CR and CRLF become LF. Lone surrogates (`"\uD800"`) become U+FFFD, since a
    /// Swift `String` cannot hold them.
    public static func cookedValue(of token: JSToken, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        cookedBytes(of: token, in: bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `cookedValue` as UTF-8 bytes, without building a `String`.
    public static func cookedBytes(of token: JSToken, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard !token.flags.contains(.unterminated), token.end <= bytes.count, let base = bytes.baseAddress else {
            return nil
        }
        let start = Int(token.start)
        let isTemplate: Bool
        let open: Int, close: Int
        switch token.kind {
        case .string: isTemplate = false; open = 1; close = 1
        case .template, .templateTail: isTemplate = true; open = 1; close = 1
        case .templateHead, .templateMiddle: isTemplate = true; open = 1; close = 2
        default: return nil
        }
        guard Int(token.length) >= open + close else { return nil }
        let from = start + open, to = token.end - close
        if !token.flags.contains(.hasEscapes) {
            return Array(UnsafeBufferPointer(start: base + from, count: to - from))
        }
        return cook(base, from, to, template: isTemplate)
    }

    public static func cookedValue(of token: JSToken, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { cookedValue(of: token, in: $0) }
    }

    /// The name of an identifier or private name (without `#`), with `\u` escapes decoded;
    /// nil for other kinds.
    public static func identifierName(of token: JSToken, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard token.kind == .identifier || token.kind == .privateName || token.kind == .keyword,
              token.end <= bytes.count, let base = bytes.baseAddress else { return nil }
        var i = Int(token.start) + (token.kind == .privateName ? 1 : 0)
        let end = token.end
        if !token.flags.contains(.hasEscapes) {
            return String(decoding: UnsafeBufferPointer(start: base + i, count: end - i), as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        while i < end {
            let c = base[i]
            if c == 0x5C {
                let (v, n) = JSChar.unicodeEscape(base, i, end)
                if let v, let s = Unicode.Scalar(v) { scalars.append(s) } else { scalars.append("\u{FFFD}") }
                i += n
            } else if c < 0x80 {
                scalars.append(Unicode.Scalar(c))
                i += 1
            } else {
                let (v, n) = JSChar.decode(base, i, end)
                scalars.append(v.flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
                i += n
            }
        }
        return String(scalars)
    }

    public static func identifierName(of token: JSToken, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { identifierName(of: token, in: $0) }
    }

    /// Decodes the escapes of `p[from..<to]` into UTF-16 code units, then into UTF-8 (pairing
    /// surrogates written as two `\u` escapes, lone ones becoming U+FFFD).
    static func cook(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, template: Bool) -> [UInt8]? {
        var units: [UInt16] = []
        units.reserveCapacity(to - from)
        @inline(__always) func append(_ v: UInt32) {
            if v >= 0x10000 {
                let w = v - 0x10000
                units.append(UInt16(0xD800 + (w >> 10)))
                units.append(UInt16(0xDC00 + (w & 0x3FF)))
            } else {
                units.append(UInt16(v))
            }
        }
        var i = from
        while i < to {
            let c = p[i]
            if c == 0x0D && template {
                append(0x0A)
                i += (i + 1 < to && p[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if c >= 0x80 {
                let (v, n) = JSChar.decode(p, i, to)
                append(v ?? 0xFFFD)
                i += n
                continue
            }
            if c != 0x5C {
                units.append(UInt16(c))
                i += 1
                continue
            }
            // An escape.
            i += 1
            guard i < to else { return nil }
            let e = p[i]
            switch e {
            case 0x6E: append(0x0A); i += 1          // \n
            case 0x74: append(0x09); i += 1          // \t
            case 0x72: append(0x0D); i += 1          // \r
            case 0x62: append(0x08); i += 1          // \b
            case 0x66: append(0x0C); i += 1          // \f
            case 0x76: append(0x0B); i += 1          // \v
            case 0x0A: i += 1                        // line continuations
            case 0x0D: i += (i + 1 < to && p[i + 1] == 0x0A) ? 2 : 1
            case 0x78:                               // \xHH
                guard i + 2 < to, let h1 = JSChar.hexValue(p[i + 1]),
                      let h2 = JSChar.hexValue(p[i + 2]) else { return nil }
                append(h1 << 4 | h2)
                i += 3
            case 0x75:                               // \uXXXX, \u{…}
                let (v, n) = JSChar.unicodeEscape(p, i - 1, to)
                guard let v else { return nil }
                append(v)
                i += n - 1
            case 0x30...0x37:
                if e == 0x30 && !(i + 1 < to && JSChar.isDigit(p[i + 1])) {
                    append(0)                        // \0 not followed by a digit
                    i += 1
                    continue
                }
                if template { return nil }           // no legacy octal in templates
                // Legacy octal: up to 3 digits when the first is 0-3, else up to 2; at most 0o377.
                var v = UInt32(e - 0x30)
                i += 1
                let maxDigits = e <= 0x33 ? 3 : 2
                var count = 1
                while count < maxDigits && i < to && p[i] >= 0x30 && p[i] <= 0x37 {
                    v = v * 8 + UInt32(p[i] - 0x30)
                    i += 1
                    count += 1
                }
                append(v)
            case 0x38, 0x39:                         // \8 \9: themselves (not in templates)
                if template { return nil }
                append(UInt32(e))
                i += 1
            default:
                if e >= 0x80 {
                    let (v, n) = JSChar.decode(p, i, to)
                    // \ LS and \ PS are line continuations.
                    if let v, JSChar.isLineSeparator(v) { i += n; continue }
                    append(v ?? 0xFFFD)
                    i += n
                } else {
                    append(UInt32(e))
                    i += 1
                }
            }
        }
        return utf8(units)
    }

    /// UTF-16 code units as UTF-8, each lone surrogate as U+FFFD: what `String(decoding:as:
    /// UTF16.self)` gives, by a plain loop (the standard library's generic transcoding path
    /// costs about a hundred nanoseconds a unit).
    static func utf8(_ units: [UInt16]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var k = 0
        while k < units.count {
            let u = UInt32(units[k])
            k += 1
            if u < 0x80 {
                out.append(UInt8(u))
                continue
            }
            var v = u
            if u & 0xF800 == 0xD800 {
                if u < 0xDC00, k < units.count, units[k] & 0xFC00 == 0xDC00 {
                    v = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[k]) - 0xDC00)
                    k += 1
                } else {
                    v = 0xFFFD
                }
            }
            if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18))
                out.append(UInt8(0x80 | (v >> 12) & 0x3F))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            }
            out.append(UInt8(0x80 | v & 0x3F))
        }
        return out
    }
}
