/// One JSON object per token and line, for `livegate debug css-tokens FILE`:
/// `{"kind":"ident","start":0,"end":4,"line":1,"col":1,"text":"body"}` plus, where the token
/// has one, `"value"` (decoded name, string or URL), `"number"`, `"unit"` and `"type"`
/// (`id`/`unrestricted`, `integer`/`number`). `start`/`end` are UTF-8 byte offsets,
/// `line`/`col` 1-based (`col` in UTF-16 units).
public enum CSSTokenDump {
    /// Streams the lines to `write`, a chunk at a time (each chunk ends with a newline).
    public static func writeJSONLines(source: [UInt8], to write: (String) -> Void) {
        let lines = LineTable(source)
        let tokenizer = CSSTokenizer(bytes: source)
        var chunk = ""
        chunk.reserveCapacity(1 << 16)
        tokenizer.forEachToken { t in
            let p = lines.position(of: t.start)
            chunk += "{\"kind\":\"\(t.kind.name)\",\"start\":\(t.start),\"end\":\(t.end),\"line\":\(p.line),\"col\":\(p.column),\"text\":"
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
