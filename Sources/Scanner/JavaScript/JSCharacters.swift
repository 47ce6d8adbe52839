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

    /// The bytes that one U+FFFD stands for when `decode` refuses the sequence at `i`: its
    /// maximal subpart (the longest start of a well-formed sequence, or one byte), as Unicode's
    /// recommended practice, the WHATWG decoder that browsers run on script text, and
    /// `String(decoding:as: UTF8.self)` have it. `E2 82 41` is U+FFFD then `A`; `E0 80` is two
    /// (no well-formed sequence starts `E0 80`).
    static func invalidSequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        // The continuation bytes a lead byte needs, and the range its first one must be in
        // (narrower after E0, ED, F0 and F4: no overlong forms, surrogates or values past U+10FFFF).
        let need: Int, low: UInt8, high: UInt8
        switch p[i] {
        case 0xC2...0xDF: (need, low, high) = (1, 0x80, 0xBF)
        case 0xE0: (need, low, high) = (2, 0xA0, 0xBF)
        case 0xED: (need, low, high) = (2, 0x80, 0x9F)
        case 0xE1...0xEF: (need, low, high) = (2, 0x80, 0xBF)
        case 0xF0: (need, low, high) = (3, 0x90, 0xBF)
        case 0xF4: (need, low, high) = (3, 0x80, 0x8F)
        case 0xF1...0xF3: (need, low, high) = (3, 0x80, 0xBF)
        default: return 1
        }
        guard i + 1 < end, p[i + 1] >= low, p[i + 1] <= high else { return 1 }
        var n = 2
        while n <= need && i + n < end && p[i + n] & 0xC0 == 0x80 { n += 1 }
        return n
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

/// Keywords by a perfect hash of their bytes: one multiply, one table load and one compare per
/// lowercase word, instead of a tree of comparisons that minified code (mostly one- and
/// two-letter names) sends down unpredictable branches.
enum JSKeywordTable {
    struct Slot {
        /// The word's first eight bytes (little-endian, zero-padded) and its length.
        var word: UInt64 = 0
        var length: UInt8 = 0
        var keyword: JSKeyword?
        /// Bytes 9 and 10 of the longer keywords (`interface`, `instanceof`, …).
        var tail: UInt16 = 0
    }

    /// 256 slots and the multiplier that spreads the keywords over them without collisions.
    nonisolated(unsafe) static let table: (slots: UnsafePointer<Slot>, multiplier: UInt64) = {
        var keys: [(word: UInt64, length: Int, tail: UInt16, keyword: JSKeyword)] = []
        for k in JSKeyword.allCases {
            let bytes = Array(String(describing: k).utf8)
            var w: UInt64 = 0
            for (i, b) in bytes.prefix(8).enumerated() { w |= UInt64(b) << UInt64(8 * i) }
            var tail: UInt16 = 0
            for (i, b) in bytes.dropFirst(8).enumerated() { tail |= UInt16(b) << UInt16(8 * i) }
            keys.append((w, bytes.count, tail, k))
        }
        // A fixed sequence of odd multipliers: the first that separates all keywords (found
        // after a few hundred tries; the same one on every run).
        var m: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            var used = Set<Int>()
            if keys.allSatisfy({ used.insert(slot(key($0.word, $0.length), m)).inserted }) { break }
            m = m &* 6364136223846793005 &+ 1442695040888963407 | 1
        }
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: 256)
        slots.initialize(repeating: Slot(), count: 256)
        for k in keys {
            slots[slot(key(k.word, k.length), m)] = Slot(word: k.word, length: UInt8(k.length), keyword: k.keyword, tail: k.tail)
        }
        return (UnsafePointer(slots), m)
    }()

    @inline(__always) static func key(_ word: UInt64, _ length: Int) -> UInt64 {
        word ^ (UInt64(length) &* 0x0100_0000_0000_0001)
    }

    @inline(__always) static func slot(_ key: UInt64, _ multiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* multiplier) >> 56)
    }

    /// The keyword spelled by the `n` ASCII bytes at `p`, if any (`table` passed in by the
    /// lexer, which loads it once).
    @inline(__always)
    static func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, readableUpTo end: UnsafePointer<UInt8>,
                       table: (slots: UnsafePointer<Slot>, multiplier: UInt64)) -> JSKeyword? {
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
        let s = table.slots[slot(key(w, n), table.multiplier)]
        guard s.word == w && Int(s.length) == n else { return nil }
        if n > 8 {
            let tail = UInt16(p[8]) | (n > 9 ? UInt16(p[9]) << 8 : 0)
            guard tail == s.tail else { return nil }
        }
        return s.keyword
    }

    /// The keyword spelled by a name of `n` <= 8 bytes, given as its bytes little-endian and
    /// zero-padded. Any length goes (an empty slot's length is 0, no keyword is one byte long),
    /// so the only branch left is the caller's test of the result.
    @inline(__always)
    static func keyword(word: UInt64, length n: Int, table: (slots: UnsafePointer<Slot>, multiplier: UInt64)) -> JSKeyword? {
        let s = table.slots[slot(key(word, n), table.multiplier)]
        return s.word == word && Int(s.length) == n ? s.keyword : nil
    }
}
