/// The debug dump of a JavaScript token stream (`livegate debug tokens FILE --format jsonl`):
/// one JSON object per token and per line,
/// `{"kind":"identifier","start":0,"end":5,"line":1,"col":1,"text":"const"}`, plus
/// `"flags":[…]` when the token has any. `start` / `end` are UTF-8 byte offsets, `line` is
/// 1-based and `col` a 1-based UTF-16 column (via `LineTable`); `text` is the token's source
/// text, JSON-escaped, with invalid UTF-8 shown as U+FFFD. Comments are included by default.
public enum TokenDump {
    /// Streams the dump to `sink` in chunks of about `chunkSize` bytes, each made of whole lines
    /// (every line ends with "\n"), so a 10 MB bundle never becomes one 100 MB string.
    public static func writeJSONLines(source: [UInt8], range: Range<Int>? = nil,
                                      options: JSTokenizer.Options = JSTokenizer.Options(keepComments: true),
                                      chunkSize: Int = 1 << 16, to sink: (String) -> Void) {
        let tokens = JSTokenizer.tokenize(source, range: range, options: options)
        let table = LineTable(source)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 1024)
        var lineIndex = 0
        var lineStartUnits = 0
        let starts = table.lineStarts
        var anchor = 0, anchorUnits = 0
        for token in tokens {
            let start = Int(token.start)
            if lineIndex + 1 < starts.count && starts[lineIndex + 1] <= start {
                while lineIndex + 1 < starts.count && starts[lineIndex + 1] <= start { lineIndex += 1 }
                lineStartUnits = table.utf16Offset(of: starts[lineIndex])
            }
            let units = table.utf16Offset(of: start, after: anchor, anchorUnits: anchorUnits)
            anchor = start
            anchorUnits = units
            let column = units - lineStartUnits + 1
            append(#"{"kind":""#, to: &buffer)
            append(token.kind.name, to: &buffer)
            append(#"","start":"#, to: &buffer)
            appendInt(start, to: &buffer)
            append(#","end":"#, to: &buffer)
            appendInt(token.end, to: &buffer)
            append(#","line":"#, to: &buffer)
            appendInt(lineIndex + 1, to: &buffer)
            append(#","col":"#, to: &buffer)
            appendInt(column, to: &buffer)
            append(#","text":""#, to: &buffer)
            appendEscaped(JSTokenizer.text(of: token, in: source), to: &buffer)
            buffer.append(0x22)
            if !token.flags.isEmpty {
                append(#","flags":["#, to: &buffer)
                var first = true
                for (flag, name) in flagNames where token.flags.contains(flag) {
                    if !first { buffer.append(0x2C) }
                    first = false
                    buffer.append(0x22)
                    append(name, to: &buffer)
                    buffer.append(0x22)
                }
                buffer.append(0x5D)
            }
            append("}\n", to: &buffer)
            if buffer.count >= chunkSize {
                sink(String(decoding: buffer, as: UTF8.self))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { sink(String(decoding: buffer, as: UTF8.self)) }
    }

    /// The whole dump as one string (tests, small inputs).
    public static func jsonLines(source: [UInt8], options: JSTokenizer.Options = JSTokenizer.Options(keepComments: true)) -> String {
        var result = ""
        writeJSONLines(source: source, options: options) { result += $0 }
        return result
    }

    static let flagNames: [(JSTokenFlags, String)] = [
        (.newlineBefore, "newlineBefore"), (.unterminated, "unterminated"), (.hasEscapes, "hasEscapes"),
        (.legacyOctal, "legacyOctal"), (.malformed, "malformed"),
    ]

    @inline(__always)
    static func append(_ s: String, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: s.utf8)
    }

    static func appendInt(_ value: Int, to buffer: inout [UInt8]) {
        if value == 0 { buffer.append(0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value.magnitude
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 {
                d[n] = UInt8(v % 10) + 0x30
                v /= 10
                n += 1
            }
            if value < 0 { buffer.append(0x2D) }
            while n > 0 {
                n -= 1
                buffer.append(d[n])
            }
        }
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    /// JSON string escaping: `"`, `\` and control characters; everything else as UTF-8.
    static func appendEscaped(_ text: String, to buffer: inout [UInt8]) {
        for b in text.utf8 {
            switch b {
            case 0x22: buffer.append(0x5C); buffer.append(0x22)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
            case 0x0D: buffer.append(0x5C); buffer.append(0x72)
            case 0x09: buffer.append(0x5C); buffer.append(0x74)
            case 0..<0x20, 0x7F:
                buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(b >> 4), hexDigit(b & 0xF)])
            default: buffer.append(b)
            }
        }
    }
}
