/// A tokenizer that follows CSS Syntax Module Level 3 §4 ("Tokenization") over UTF-8 bytes.
///
/// Preprocessing (§3.3) is not done by rewriting the input, so that every token keeps its byte
/// range in the host file: CR, FF and CRLF are treated as one newline each wherever the spec
/// looks at a newline, and NUL is treated as U+FFFD (an ident code point) and decoded as such.
/// Every byte ≥ 0x80 belongs to a non-ASCII code point (or to invalid UTF-8, which decodes to
/// U+FFFD), and both are ident code points in the §4.2 definition, so the tokenizer never needs
/// to decode scalars to find token boundaries. Comments are kept as `comment` tokens, so that
/// the tokens of an input cover it exactly, without gaps or overlaps.
public struct CSSTokenizer: Sendable {
    public let bytes: [UInt8]
    /// The part of `bytes` that is CSS (a `<style>` element's content, a `style` attribute).
    public let range: Range<Int>

    public init(bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let r = range ?? 0..<bytes.count
        // Tokens keep 32-bit offsets: input past Int32.max bytes is not read.
        let upper = min(bytes.count, max(r.upperBound, r.lowerBound), Int(Int32.max))
        self.range = min(max(0, r.lowerBound), upper)..<upper
    }

    /// All tokens of the input, in order.
    public func tokenize() -> [CSSToken] {
        var tokens: [CSSToken] = []
        tokens.reserveCapacity(range.count / 4)
        forEachToken { tokens.append($0) }
        return tokens
    }

    /// Streams the tokens without collecting them.
    public func forEachToken(_ body: (CSSToken) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            let c = CSSCursor(p: buffer, end: range.upperBound)
            var i = range.lowerBound
            while i < range.upperBound {
                let token = c.token(at: i)
                try body(token)
                i = token.end
            }
        }
    }

    // MARK: Values

    /// The raw text of the token (invalid UTF-8 shown as U+FFFD).
    public func text(of token: CSSToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// ident, function, at-keyword, hash: the name with escapes decoded (no `@`, `#` or `(`).
    /// dimension: its unit. Other kinds: the raw text.
    public func name(of token: CSSToken) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let c = CSSCursor(p: buffer, end: range.upperBound)
            switch token.kind {
            case .ident:
                return c.decode(token.start, token.end, trimTrailingSpace: false)
            case .function, .url, .badURL:
                return c.decode(token.start, c.identEnd(token.start), trimTrailingSpace: false)
            case .atKeyword, .hash:
                return c.decode(token.start + 1, token.end, trimTrailingSpace: false)
            case .dimension:
                return c.decode(token.unitStart, token.end, trimTrailingSpace: false)
            default:
                return String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            }
        }
    }

    /// Whether the token's name (see `name(of:)`) equals `lowercase` ASCII case-insensitively,
    /// without building a String when the name has no escapes.
    public func nameMatches(_ token: CSSToken, _ lowercase: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let c = CSSCursor(p: buffer, end: range.upperBound)
            var from = token.start, to = token.end
            switch token.kind {
            case .ident: break
            case .function, .url, .badURL: to = c.identEnd(token.start)
            case .atKeyword, .hash: from += 1
            case .dimension: from = token.unitStart
            default: return false
            }
            let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
            var plain = true
            for i in from..<to where buffer[i] == 0x5C || buffer[i] == 0 { plain = false; break }
            if !plain {
                return c.decode(from, to, trimTrailingSpace: false).lowercased() == String(decoding: expected, as: UTF8.self)
            }
            guard to - from == expected.count else { return false }
            for k in 0..<expected.count {
                let b = buffer[from + k]
                let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if l != expected[k] { return false }
            }
            return true
        }
    }

    /// string, bad-string: the content with escapes decoded; url: the URL with escapes decoded;
    /// delim: the code point. Other kinds: `name(of:)`.
    public func value(of token: CSSToken) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let c = CSSCursor(p: buffer, end: range.upperBound)
            switch token.kind {
            case .string:
                let close = token.isUnclosed ? token.end : token.end - 1
                return c.decodeString(token.start + 1, close)
            case .badString:
                return c.decodeString(token.start + 1, token.end)
            case .url:
                var from = c.identEnd(token.start) + 1
                while from < token.end && CSSCursor.isWhitespace(Int(buffer[from])) { from += 1 }
                let close = token.isUnclosed ? token.end : token.end - 1
                return c.decode(from, max(from, close), trimTrailingSpace: true)
            case .delim:
                return String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            default:
                return name(of: token)
            }
        }
    }

    /// number, percentage, dimension: the numeric value (§4.3.13). Otherwise nil.
    public func numericValue(of token: CSSToken) -> Double? {
        let end: Int
        switch token.kind {
        case .number: end = token.end
        case .percentage: end = token.end - 1
        case .dimension: end = token.unitStart
        default: return nil
        }
        var text = ""
        text.unicodeScalars.reserveCapacity(end - token.start)
        for b in bytes[token.start..<end] { text.unicodeScalars.append(Unicode.Scalar(b)) }
        return Double(text)
    }
}

/// The tokenizer's state machine over a buffer; `-1` stands for EOF.
struct CSSCursor {
    let p: UnsafeBufferPointer<UInt8>
    let end: Int

    @inline(__always) func at(_ i: Int) -> Int { i < end ? Int(p[i]) : -1 }

    @inline(__always) static func isNewline(_ c: Int) -> Bool { c == 0x0A || c == 0x0D || c == 0x0C }
    @inline(__always) static func isWhitespace(_ c: Int) -> Bool { c == 0x20 || c == 0x09 || isNewline(c) }
    @inline(__always) static func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isHex(_ c: Int) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
    /// Letter, `_`, non-ASCII, or NUL (U+FFFD after preprocessing).
    @inline(__always) static func isIdentStart(_ c: Int) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80 || c == 0
    }
    @inline(__always) static func isIdent(_ c: Int) -> Bool { isIdentStart(c) || isDigit(c) || c == 0x2D }
    @inline(__always) static func isNonPrintable(_ c: Int) -> Bool {
        (c >= 1 && c <= 8) || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F
    }

    /// Bytes taken by the code point at `i` when it is whitespace: CRLF is one newline.
    @inline(__always) func spaceLength(_ i: Int) -> Int { at(i) == 0x0D && at(i + 1) == 0x0A ? 2 : 1 }

    /// §4.3.8: a `\` not followed by a newline (EOF included).
    @inline(__always) func isValidEscape(_ i: Int) -> Bool { at(i) == 0x5C && !Self.isNewline(at(i + 1)) }

    /// §4.3.9.
    func startsIdentSequence(_ i: Int) -> Bool {
        let c = at(i)
        if c == 0x2D {
            let d = at(i + 1)
            return Self.isIdentStart(d) || d == 0x2D || isValidEscape(i + 1)
        }
        if Self.isIdentStart(c) { return true }
        return c == 0x5C && isValidEscape(i)
    }

    /// §4.3.10.
    func startsNumber(_ i: Int) -> Bool {
        let c = at(i)
        if c == 0x2B || c == 0x2D {
            let d = at(i + 1)
            if Self.isDigit(d) { return true }
            return d == 0x2E && Self.isDigit(at(i + 2))
        }
        if c == 0x2E { return Self.isDigit(at(i + 1)) }
        return Self.isDigit(c)
    }

    /// §4.3.7, with `i` just after the `\`: returns the index after the escape.
    func escapeEnd(_ i: Int) -> Int {
        let c = at(i)
        if c < 0 { return i }
        if Self.isHex(c) {
            var j = i + 1
            while j < i + 6 && Self.isHex(at(j)) { j += 1 }
            if Self.isWhitespace(at(j)) { j += spaceLength(j) }
            return j
        }
        return scalarEnd(i)
    }

    /// The end of the UTF-8 sequence that starts at `i` (a lone byte for invalid input).
    @inline(__always) func scalarEnd(_ i: Int) -> Int {
        let b = at(i)
        if b < 0xC0 { return i + 1 }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var j = i + 1
        while j < i + length && j < end && p[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// §4.3.12.
    func identEnd(_ start: Int) -> Int {
        var i = start
        while i < end {
            let c = Int(p[i])
            if Self.isIdent(c) { i += 1 }
            else if c == 0x5C && isValidEscape(i) { i = escapeEnd(i + 1) }
            else { break }
        }
        return i
    }

    func whitespaceEnd(_ start: Int) -> Int {
        var i = start
        while i < end && Self.isWhitespace(Int(p[i])) { i += 1 }
        return i
    }

    /// §4.3.1 "Consume a token", starting at `i` (< end).
    func token(at i: Int) -> CSSToken {
        let c = Int(p[i])
        switch c {
        case 0x2F where at(i + 1) == 0x2A:  // /*
            var j = i + 2
            while j + 1 < end {
                if p[j] == 0x2A && p[j + 1] == 0x2F { return CSSToken(kind: .comment, start: i, end: j + 2) }
                j += 1
            }
            return CSSToken(kind: .comment, flags: CSSToken.unclosedFlag, start: i, end: end)
        case 0x0A, 0x0D, 0x0C, 0x09, 0x20:
            return CSSToken(kind: .whitespace, start: i, end: whitespaceEnd(i))
        case 0x22, 0x27:
            return string(i, quote: c)
        case 0x23:  // #
            if Self.isIdent(at(i + 1)) || isValidEscape(i + 1) {
                let flags = startsIdentSequence(i + 1) ? CSSToken.idFlag : 0
                return CSSToken(kind: .hash, flags: flags, start: i, end: identEnd(i + 1))
            }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        case 0x28: return CSSToken(kind: .leftParen, start: i, end: i + 1)
        case 0x29: return CSSToken(kind: .rightParen, start: i, end: i + 1)
        case 0x2C: return CSSToken(kind: .comma, start: i, end: i + 1)
        case 0x3A: return CSSToken(kind: .colon, start: i, end: i + 1)
        case 0x3B: return CSSToken(kind: .semicolon, start: i, end: i + 1)
        case 0x5B: return CSSToken(kind: .leftBracket, start: i, end: i + 1)
        case 0x5D: return CSSToken(kind: .rightBracket, start: i, end: i + 1)
        case 0x7B: return CSSToken(kind: .leftBrace, start: i, end: i + 1)
        case 0x7D: return CSSToken(kind: .rightBrace, start: i, end: i + 1)
        case 0x2B, 0x2E:  // + .
            return startsNumber(i) ? numeric(i) : CSSToken(kind: .delim, start: i, end: i + 1)
        case 0x2D:  // -
            if startsNumber(i) { return numeric(i) }
            if at(i + 1) == 0x2D && at(i + 2) == 0x3E { return CSSToken(kind: .cdc, start: i, end: i + 3) }
            if startsIdentSequence(i) { return identLike(i) }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        case 0x3C:  // <!--
            if at(i + 1) == 0x21 && at(i + 2) == 0x2D && at(i + 3) == 0x2D {
                return CSSToken(kind: .cdo, start: i, end: i + 4)
            }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        case 0x40:  // @
            if startsIdentSequence(i + 1) { return CSSToken(kind: .atKeyword, start: i, end: identEnd(i + 1)) }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        case 0x5C:  // backslash
            if isValidEscape(i) { return identLike(i) }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        default:
            if Self.isDigit(c) { return numeric(i) }
            if Self.isIdentStart(c) { return identLike(i) }
            return CSSToken(kind: .delim, start: i, end: i + 1)
        }
    }

    /// §4.3.5.
    func string(_ start: Int, quote: Int) -> CSSToken {
        var i = start + 1
        while true {
            let c = at(i)
            if c == quote { return CSSToken(kind: .string, start: start, end: i + 1) }
            if c < 0 { return CSSToken(kind: .string, flags: CSSToken.unclosedFlag, start: start, end: i) }
            if Self.isNewline(c) { return CSSToken(kind: .badString, start: start, end: i) }
            if c == 0x5C {
                let d = at(i + 1)
                if d < 0 { i += 1 }
                else if Self.isNewline(d) { i += 1 + spaceLength(i + 1) }
                else { i = escapeEnd(i + 1) }
            } else {
                i += 1
            }
        }
    }

    /// §4.3.3.
    func numeric(_ start: Int) -> CSSToken {
        var i = start
        var integer = true
        if at(i) == 0x2B || at(i) == 0x2D { i += 1 }
        while Self.isDigit(at(i)) { i += 1 }
        if at(i) == 0x2E && Self.isDigit(at(i + 1)) {
            integer = false
            i += 2
            while Self.isDigit(at(i)) { i += 1 }
        }
        if at(i) == 0x45 || at(i) == 0x65 {
            let d = at(i + 1)
            var skip = 0
            if Self.isDigit(d) { skip = 2 }
            else if (d == 0x2B || d == 0x2D) && Self.isDigit(at(i + 2)) { skip = 3 }
            if skip > 0 {
                integer = false
                i += skip
                while Self.isDigit(at(i)) { i += 1 }
            }
        }
        let flags = integer ? CSSToken.integerFlag : 0
        if startsIdentSequence(i) {
            return CSSToken(kind: .dimension, flags: flags, start: start, end: identEnd(i), unitStart: i)
        }
        if at(i) == 0x25 { return CSSToken(kind: .percentage, flags: flags, start: start, end: i + 1) }
        return CSSToken(kind: .number, flags: flags, start: start, end: i)
    }

    /// §4.3.4.
    func identLike(_ start: Int) -> CSSToken {
        let nameEnd = identEnd(start)
        guard at(nameEnd) == 0x28 else { return CSSToken(kind: .ident, start: start, end: nameEnd) }
        if isURLName(start, nameEnd) {
            var i = nameEnd + 1
            while Self.isWhitespace(at(i)) && Self.isWhitespace(at(i + spaceLength(i))) { i += spaceLength(i) }
            let c = at(i)
            if c == 0x22 || c == 0x27 { return CSSToken(kind: .function, start: start, end: i) }
            if Self.isWhitespace(c) {
                let d = at(i + spaceLength(i))
                if d == 0x22 || d == 0x27 { return CSSToken(kind: .function, start: start, end: i) }
            }
            return url(start, from: i)
        }
        return CSSToken(kind: .function, start: start, end: nameEnd + 1)
    }

    /// Whether the ident sequence in `start..<end` is "url", ASCII case-insensitively, escapes decoded.
    func isURLName(_ start: Int, _ stop: Int) -> Bool {
        if stop - start == 3 {
            return (p[start] | 0x20) == 0x75 && (p[start + 1] | 0x20) == 0x72 && (p[start + 2] | 0x20) == 0x6C
        }
        if stop - start > 3 * 8 { return false }
        return decode(start, stop, trimTrailingSpace: false).lowercased() == "url"
    }

    /// §4.3.6, with `i` after `url(` (and possibly some whitespace).
    func url(_ start: Int, from: Int) -> CSSToken {
        var i = whitespaceEnd(from)
        while true {
            let c = at(i)
            if c == 0x29 { return CSSToken(kind: .url, start: start, end: i + 1) }
            if c < 0 { return CSSToken(kind: .url, flags: CSSToken.unclosedFlag, start: start, end: i) }
            if Self.isWhitespace(c) {
                i = whitespaceEnd(i)
                let d = at(i)
                if d == 0x29 { return CSSToken(kind: .url, start: start, end: i + 1) }
                if d < 0 { return CSSToken(kind: .url, flags: CSSToken.unclosedFlag, start: start, end: i) }
                return CSSToken(kind: .badURL, start: start, end: badURLRemnantsEnd(i))
            }
            if c == 0x22 || c == 0x27 || c == 0x28 || Self.isNonPrintable(c) {
                return CSSToken(kind: .badURL, start: start, end: badURLRemnantsEnd(i + 1))
            }
            if c == 0x5C {
                if isValidEscape(i) { i = escapeEnd(i + 1) }
                else { return CSSToken(kind: .badURL, start: start, end: badURLRemnantsEnd(i + 1)) }
            } else {
                i += 1
            }
        }
    }

    /// §4.3.14.
    func badURLRemnantsEnd(_ from: Int) -> Int {
        var i = from
        while true {
            let c = at(i)
            if c == 0x29 { return i + 1 }
            if c < 0 { return i }
            if c == 0x5C && isValidEscape(i) { i = escapeEnd(i + 1) } else { i += 1 }
        }
    }

    // MARK: Decoding

    /// Copies `start..<stop`, decoding escapes and NUL; drops unescaped trailing whitespace if asked.
    func decode(_ start: Int, _ stop: Int, trimTrailingSpace: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(stop - start)
        var keep = 0  // length of `out` up to the last non-whitespace (or escaped) byte
        var i = start
        while i < stop {
            let c = Int(p[i])
            if c == 0x5C && isValidEscape(i) {
                let e = min(escapeEnd(i + 1), stop)
                appendEscape(i + 1, e, to: &out)
                i = e
                keep = out.count
            } else if c == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
                keep = out.count
            } else {
                out.append(UInt8(c))
                i += 1
                if !Self.isWhitespace(c) { keep = out.count }
            }
        }
        if trimTrailingSpace { out.removeSubrange(keep...) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A string token's content: `\` + newline is dropped, `\` at EOF is dropped.
    func decodeString(_ start: Int, _ stop: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(stop - start)
        var i = start
        while i < stop {
            let c = Int(p[i])
            if c == 0x5C {
                let d = i + 1 < stop ? Int(p[i + 1]) : -1
                if d < 0 { i += 1 }
                else if Self.isNewline(d) { i += 1 + spaceLength(i + 1) }
                else {
                    let e = min(escapeEnd(i + 1), stop)
                    appendEscape(i + 1, e, to: &out)
                    i = e
                }
            } else if c == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            } else {
                out.append(UInt8(c))
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The code point of the escape whose body is `start..<stop` (after the `\`), as UTF-8.
    func appendEscape(_ start: Int, _ stop: Int, to out: inout [UInt8]) {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        guard start < stop else { out.append(contentsOf: replacement); return }
        let first = Int(p[start])
        if Self.isHex(first) {
            var value: UInt32 = 0
            var i = start
            while i < stop && i < start + 6 && Self.isHex(Int(p[i])) {
                let h = Int(p[i])
                let digit = h <= 0x39 ? h - 0x30 : (h | 0x20) - 0x61 + 10
                value = value * 16 + UInt32(digit)
                i += 1
            }
            if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) {
                out.append(contentsOf: replacement)
            } else if let scalar = Unicode.Scalar(value) {
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            return
        }
        if first == 0 { out.append(contentsOf: replacement); return }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<stop]))
    }
}
