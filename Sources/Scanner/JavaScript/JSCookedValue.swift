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

    /// Decodes the escapes of `p[from..<to]` straight into UTF-8. A string's value is UTF-16
    /// code units: a high surrogate written as an escape (`\uD83D`) waits for the next unit and
    /// pairs with a low one (`\uDE00`); a lone surrogate becomes U+FFFD, as
    /// `String(decoding:as: UTF16.self)` has it. Runs of plain ASCII are copied eight bytes at a
    /// time: escaped strings in bundles are mostly long texts with a few `\n` or `\"`. Invalid
    /// UTF-8 becomes one U+FFFD per maximal subpart, as the string would hold after a browser
    /// decoded the script (and as an unescaped string's `cookedValue` has it).
    static func cook(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, template: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var high: UInt32 = 0  // a high surrogate waiting for its low half, or 0
        var i = from
        while i < to {
            let run = plainRunEnd(p, i, to)
            if run > i {
                if high != 0 { loneHigh(&out, &high) }
                out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: run - i))
                i = run
                continue
            }
            let c = p[i]
            if c == 0x0D {
                // In a template CR and CRLF are LF (a terminated string holds no raw CR).
                put(template ? 0x0A : 0x0D, &out, &high)
                i += (template && i + 1 < to && p[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if c >= 0x80 {
                let (v, n) = JSChar.decode(p, i, to)
                put(v ?? 0xFFFD, &out, &high)
                i += v == nil ? JSChar.invalidSequenceLength(p, i, to) : n
                continue
            }
            // An escape.
            i += 1
            guard i < to else { return nil }
            let e = p[i]
            switch e {
            case 0x6E: put(0x0A, &out, &high); i += 1          // \n
            case 0x74: put(0x09, &out, &high); i += 1          // \t
            case 0x72: put(0x0D, &out, &high); i += 1          // \r
            case 0x62: put(0x08, &out, &high); i += 1          // \b
            case 0x66: put(0x0C, &out, &high); i += 1          // \f
            case 0x76: put(0x0B, &out, &high); i += 1          // \v
            case 0x0A: i += 1                                  // line continuations
            case 0x0D: i += (i + 1 < to && p[i + 1] == 0x0A) ? 2 : 1
            case 0x78:                                         // \xHH
                guard i + 2 < to, let h1 = JSChar.hexValue(p[i + 1]),
                      let h2 = JSChar.hexValue(p[i + 2]) else { return nil }
                put(h1 << 4 | h2, &out, &high)
                i += 3
            case 0x75:                                         // \uXXXX, \u{…}
                let (v, n) = JSChar.unicodeEscape(p, i - 1, to)
                guard let v else { return nil }
                put(v, &out, &high)
                i += n - 1
            case 0x30...0x37:
                if e == 0x30 && !(i + 1 < to && JSChar.isDigit(p[i + 1])) {
                    put(0, &out, &high)                        // \0 not followed by a digit
                    i += 1
                    continue
                }
                if template { return nil }                     // no legacy octal in templates
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
                put(v, &out, &high)
            case 0x38, 0x39:                                   // \8 \9: themselves (not in templates)
                if template { return nil }
                put(UInt32(e), &out, &high)
                i += 1
            default:
                if e >= 0x80 {
                    let (v, n) = JSChar.decode(p, i, to)
                    // \ LS and \ PS are line continuations.
                    if let v, JSChar.isLineSeparator(v) { i += n; continue }
                    put(v ?? 0xFFFD, &out, &high)
                    i += v == nil ? JSChar.invalidSequenceLength(p, i, to) : n
                } else {
                    put(UInt32(e), &out, &high)
                    i += 1
                }
            }
        }
        if high != 0 { loneHigh(&out, &high) }
        return out
    }

    /// Appends the code point (or UTF-16 surrogate) `v` to `out` as UTF-8, pairing it with the
    /// waiting high surrogate `high` when it is a low one. Static with `inout`: a nested function
    /// capturing the buffer would box it and check exclusive access at every byte.
    @inline(__always)
    static func put(_ v: UInt32, _ out: inout [UInt8], _ high: inout UInt32) {
        var v = v
        if high != 0 {
            if v & 0xFC00 == 0xDC00 {
                v = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
                high = 0
            } else {
                loneHigh(&out, &high)
            }
        }
        if v & 0xFFFF_F800 == 0xD800 {
            if v < 0xDC00 { high = v; return }  // wait for the low half
            v = 0xFFFD
        }
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The waiting high surrogate had no low half: U+FFFD.
    @inline(__always)
    static func loneHigh(_ out: inout [UInt8], _ high: inout UInt32) {
        out.append(0xEF)
        out.append(0xBF)
        out.append(0xBD)
        high = 0
    }

    /// The end of the run of bytes at `i` that stand for themselves: ASCII other than `\` and CR.
    @inline(__always)
    static func plainRunEnd(_ p: UnsafePointer<UInt8>, _ i0: Int, _ to: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = i0
        while to - i >= 8 {
            let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let xb = w ^ (ones &* 0x5C), xr = w ^ (ones &* 0x0D)
            // The lowest flagged byte is a true stop (a non-ASCII byte flags itself).
            let stop = ((xb &- ones) & ~xb | (xr &- ones) & ~xr | w) & highs
            if stop != 0 { return i + stop.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to && p[i] < 0x80 && p[i] != 0x5C && p[i] != 0x0D { i += 1 }
        return i
    }
}
