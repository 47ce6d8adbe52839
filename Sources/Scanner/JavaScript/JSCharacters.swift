/// Character classification for the JavaScript tokenizer: ASCII by bit masks (the hot path),
/// everything else by decoding one UTF-8 scalar and asking `Unicode.Scalar.Properties`.
enum JSChar {
    // Bit i of lo = ASCII i (0...63); bit i of hi = ASCII 64 + i.
    private static let identStartLo: UInt64 = 1 << 36                              // $
    private static let identPartLo: UInt64 = (1 << 36) | (0x3FF << 48)             // $ 0-9
    private static let identHi: UInt64 = 0x07FF_FFFE_87FF_FFFE                      // A-Z _ a-z

    @inline(__always)
    static func isASCIIIdentStart(_ c: UInt8) -> Bool {
        if c < 64 { return (identStartLo >> UInt64(c)) & 1 != 0 }
        if c < 128 { return (identHi >> UInt64(c - 64)) & 1 != 0 }
        return false
    }

    @inline(__always)
    static func isASCIIIdentPart(_ c: UInt8) -> Bool {
        if c < 64 { return (identPartLo >> UInt64(c)) & 1 != 0 }
        if c < 128 { return (identHi >> UInt64(c - 64)) & 1 != 0 }
        return false
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes the UTF-8 scalar at `i` (`i < end`, `p[i] >= 0x80`). Invalid or truncated
    /// sequences, overlong forms and surrogates give `(nil, 1)`: one byte, to be skipped.
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (scalar: UInt32?, length: Int) {
        let b0 = UInt32(p[i])
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard i + k < end else { return nil }
            let b = p[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard let c1 = cont(1) else { return (nil, 1) }
            return ((b0 & 0x1F) << 6 | c1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard let c1 = cont(1), let c2 = cont(2) else { return (nil, 1) }
            let v = (b0 & 0x0F) << 12 | c1 << 6 | c2
            if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return (nil, 1) }
            return (v, 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return (nil, 1) }
            let v = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if v < 0x10000 || v > 0x10FFFF { return (nil, 1) }
            return (v, 4)
        }
        return (nil, 1)
    }

    /// Non-ASCII white space: NBSP, ZWNBSP (BOM) and the Zs category.
    static func isNonASCIIWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0, 0xFEFF, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default:
            guard let s = Unicode.Scalar(v) else { return false }
            return s.properties.generalCategory == .spaceSeparator
        }
    }

    @inline(__always) static func isLineSeparator(_ v: UInt32) -> Bool { v == 0x2028 || v == 0x2029 }

    /// ID_Start, plus `$` and `_`.
    static func isIdentStart(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIIdentStart(UInt8(v)) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isIDStart
    }

    /// ID_Continue, plus `$`, ZWNJ and ZWJ.
    static func isIdentPart(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIIdentPart(UInt8(v)) }
        if v == 0x200C || v == 0x200D { return true }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isIDContinue
    }

    /// Reads `\uXXXX` or `\u{X…}` at `i` (`p[i] == '\\'`). Returns the code point (nil when
    /// malformed or above U+10FFFF) and the bytes consumed (at least 1).
    static func unicodeEscape(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (value: UInt32?, length: Int) {
        guard i + 1 < end, p[i + 1] == 0x75 else { return (nil, 1) }  // u
        var j = i + 2
        if j < end && p[j] == 0x7B {  // {
            j += 1
            var v: UInt32 = 0
            var digits = 0
            while j < end, let h = hexValue(p[j]) {
                if v <= 0x10FFFF { v = v << 4 | h }
                digits += 1
                j += 1
            }
            guard digits > 0, j < end, p[j] == 0x7D, v <= 0x10FFFF else { return (nil, j - i) }
            return (v, j + 1 - i)
        }
        var v: UInt32 = 0
        for k in 0..<4 {
            guard j + k < end, let h = hexValue(p[j + k]) else { return (nil, j + k - i) }
            v = v << 4 | h
        }
        return (v, 6)
    }
}

enum JSKeywordTable {
    /// The keyword spelled by the `n` ASCII bytes at `p`, if any. Words up to 8 bytes are
    /// compared as one little-endian UInt64; longer ones check their tail bytes.
    @inline(__always)
    static func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, readableUpTo end: UnsafePointer<UInt8>) -> JSKeyword? {
        guard n >= 2 && n <= 10 else { return nil }
        var w: UInt64 = 0
        let m = n < 8 ? n : 8
        if end - p >= 8 {
            // One unaligned load, masked to the word's length (little-endian byte order).
            w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            if m < 8 { w &= (1 << UInt64(8 * m)) &- 1 }
        } else {
            var i = 0
            while i < m {
                w |= UInt64(p[i]) << UInt64(8 * i)
                i += 1
            }
        }
        switch n {
        case 2:
            switch w {
            case 0x7361: return .as
            case 0x6F64: return .do
            case 0x6669: return .if
            case 0x6E69: return .in
            case 0x666F: return .of
            default: return nil
            }
        case 3:
            switch w {
            case 0x726F66: return .for
            case 0x746567: return .get
            case 0x74656C: return .let
            case 0x77656E: return .new
            case 0x746573: return .set
            case 0x797274: return .try
            case 0x726176: return .var
            default: return nil
            }
        case 4:
            switch w {
            case 0x65736163: return .case
            case 0x65736C65: return .else
            case 0x6D756E65: return .enum
            case 0x6D6F7266: return .from
            case 0x6174656D: return .meta
            case 0x6C6C756E: return .null
            case 0x73696874: return .this
            case 0x65757274: return .true
            case 0x64696F76: return .void
            case 0x68746977: return .with
            default: return nil
            }
        case 5:
            switch w {
            case 0x636E797361: return .async
            case 0x7469617761: return .await
            case 0x6B61657262: return .break
            case 0x6863746163: return .catch
            case 0x7373616C63: return .class
            case 0x74736E6F63: return .const
            case 0x65736C6166: return .false
            case 0x7265707573: return .super
            case 0x776F726874: return .throw
            case 0x656C696877: return .while
            case 0x646C656979: return .yield
            default: return nil
            }
        case 6:
            switch w {
            case 0x6574656C6564: return .delete
            case 0x74726F707865: return .export
            case 0x74726F706D69: return .import
            case 0x63696C627570: return .public
            case 0x6E7275746572: return .return
            case 0x636974617473: return .static
            case 0x686374697773: return .switch
            case 0x746567726174: return .target
            case 0x666F65707974: return .typeof
            default: return nil
            }
        case 7:
            switch w {
            case 0x746C7561666564: return .default
            case 0x73646E65747865: return .extends
            case 0x796C6C616E6966: return .finally
            case 0x6567616B636170: return .package
            case 0x65746176697270: return .private
            default: return nil
            }
        case 8:
            switch w {
            case 0x65756E69746E6F63: return .continue
            case 0x7265676775626564: return .debugger
            case 0x6E6F6974636E7566: return .function
            default: return nil
            }
        case 9:
            switch w {
            case 0x6361667265746E69 where p[8] == 101: return .interface
            case 0x65746365746F7270 where p[8] == 100: return .protected
            default: return nil
            }
        default:
            switch w {
            case 0x6E656D656C706D69 where p[8] == 116 && p[9] == 115: return .implements
            case 0x65636E6174736E69 where p[8] == 111 && p[9] == 102: return .instanceof
            default: return nil
            }
        }
    }
}
