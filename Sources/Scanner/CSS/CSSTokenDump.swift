/// One JSON object per token and line, for `livegate debug css-tokens FILE`:
/// `{"kind":"ident","start":0,"end":4,"line":1,"col":1,"text":"body"}` plus, where the token
/// has one, `"value"` (decoded name, string or URL), `"number"`, `"unit"` and `"type"`
/// (`id`/`unrestricted`, `integer`/`number`). `start`/`end` are UTF-8 byte offsets,
/// `line`/`col` 1-based (`col` in UTF-16 units).
public enum CSSTokenDump {
    /// Streams the lines to `write`, a chunk at a time (each chunk ends with a newline).
    public static func writeJSONLines(source: [UInt8], to write: (String) -> Void) {
        let tokenizer = CSSTokenizer(bytes: source)
        var chunk = ""
        chunk.reserveCapacity(1 << 16)
        // Tokens arrive in order and cover the input, so line and column advance incrementally
        // (LineTable's rules: LF, CR, CRLF, U+2028, U+2029 end lines; UTF-16 units per scalar).
        var position = 0, line = 1, column = 1
        var pending = 0  // continuation bytes the last lead byte still covers (LineTable's rule)
        func advance(to target: Int) {
            while position < target {
                let b = source[position]
                if b < 0x80 {
                    pending = 0
                    if b == 0x0A || (b == 0x0D && !(position + 1 < source.count && source[position + 1] == 0x0A)) {
                        line += 1; column = 1
                    } else {
                        column += 1
                    }
                    position += 1
                } else if b & 0xC0 != 0x80 {
                    if b == 0xE2 && position + 2 < source.count && source[position + 1] == 0x80
                        && (source[position + 2] == 0xA8 || source[position + 2] == 0xA9) {
                        line += 1; column = 1; pending = 0; position += 3
                        continue
                    }
                    pending = (b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1) - 1
                    column += (b >= 0xF0 && b < 0xF8) ? 2 : 1
                    position += 1
                } else {
                    if pending > 0 { pending -= 1 } else { column += 1 }
                    position += 1
                }
            }
        }
        tokenizer.forEachToken { t in
            advance(to: t.start)
            chunk += "{\"kind\":\"\(t.kind.name)\",\"start\":\(t.start),\"end\":\(t.end),\"line\":\(line),\"col\":\(column),\"text\":"
            appendJSONString(tokenizer.text(of: t), to: &chunk)
            switch t.kind {
            case .ident, .function, .atKeyword, .string, .badString, .url, .delim:
                chunk += ",\"value\":"
                appendJSONString(tokenizer.value(of: t), to: &chunk)
            case .hash:
                chunk += ",\"value\":"
                appendJSONString(tokenizer.value(of: t), to: &chunk)
                chunk += t.isIDHash ? ",\"type\":\"id\"" : ",\"type\":\"unrestricted\""
            case .number, .percentage, .dimension:
                let n = tokenizer.numericValue(of: t) ?? 0
                chunk += ",\"number\":" + jsonNumber(n)
                chunk += t.isInteger ? ",\"type\":\"integer\"" : ",\"type\":\"number\""
                if t.kind == .dimension {
                    chunk += ",\"unit\":"
                    appendJSONString(tokenizer.name(of: t), to: &chunk)
                }
            default:
                break
            }
            chunk += "}\n"
            if chunk.utf8.count >= 1 << 16 {
                write(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { write(chunk) }
    }

    static func jsonNumber(_ n: Double) -> String {
        if !n.isFinite { return n > 0 ? "1e999" : (n < 0 ? "-1e999" : "0") }
        if n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
