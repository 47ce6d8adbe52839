import Foundation

/// A start tag as written in the source, with byte ranges: what libxml2 cannot say (it gives
/// lines, not columns or offsets). Found by a small scanner that follows the HTML tokenizer
/// where it matters for finding tags (comments, doctype, processing instructions, end tags,
/// quoted attribute values) and, like libxml2, treats only `<script>` and `<style>` content as
/// raw text that ends at `</script` / `</style`.
struct SourceAttribute: Sendable, Hashable {
    /// ASCII-lower-cased.
    var name: String
    var nameStart: Int
    var nameEnd: Int
    /// The raw value without quotes (empty range at `nameEnd` when the attribute has no value).
    var valueStart: Int
    var valueEnd: Int
    var hasValue: Bool
    /// `"`, `'`, or 0 when unquoted.
    var quote: UInt8
}

struct SourceTag: Sendable, Hashable {
    /// ASCII-lower-cased.
    var name: String
    /// Offset of `<`.
    var start: Int
    /// Offset after `>` (or the end of the input).
    var end: Int
    var attributes: [SourceAttribute]
    /// For `<script>` and `<style>`: the raw content, up to `</script` / `</style` or the end of input.
    var content: Range<Int>?
}

enum HTMLSourceTags {
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func scan(_ b: [UInt8], from start: Int = 0) -> [SourceTag] {
        var tags: [SourceTag] = []
        let n = b.count
        var i = start
        while i < n {
            guard let lt = find(b, 0x3C, from: i) else { break }
            i = lt
            if i + 1 >= n { break }
            let c = b[i + 1]
            if c == 0x21 {  // <!
                if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                    i = findSequence(b, [0x2D, 0x2D, 0x3E], from: i + 4).map { $0 + 3 } ?? n
                } else {
                    i = find(b, 0x3E, from: i + 2).map { $0 + 1 } ?? n
                }
            } else if c == 0x3F {  // <?
                i = find(b, 0x3E, from: i + 2).map { $0 + 1 } ?? n
            } else if c == 0x2F {  // </
                i = find(b, 0x3E, from: i + 2).map { $0 + 1 } ?? n
            } else if isAlpha(c) {
                var tag = startTag(b, at: i)
                i = tag.end
                if tag.name == "script" || tag.name == "style" {
                    let close = findEndTag(b, name: tag.name, from: i) ?? n
                    tag.content = i..<close
                    i = close
                }
                tags.append(tag)
            } else {
                i += 1
            }
        }
        return tags
    }

    static func find(_ b: [UInt8], _ byte: UInt8, from: Int) -> Int? {
        guard from < b.count else { return nil }
        return b.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress, let hit = memchr(base + from, Int32(byte), p.count - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    static func findSequence(_ b: [UInt8], _ s: [UInt8], from: Int) -> Int? {
        var i = from
        while i + s.count <= b.count {
            if b[i] == s[0] {
                var ok = true
                for k in 1..<s.count where b[i + k] != s[k] { ok = false; break }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }

    /// `</name` ASCII case-insensitively (what ends script/style content in libxml2 and browsers).
    static func findEndTag(_ b: [UInt8], name: String, from: Int) -> Int? {
        let pattern = Array(name.utf8)
        var i = from
        while let lt = find(b, 0x3C, from: i) {
            if lt + 1 + pattern.count < b.count && b[lt + 1] == 0x2F {
                var ok = true
                for k in 0..<pattern.count where lower(b[lt + 2 + k]) != pattern[k] { ok = false; break }
                if ok { return lt }
            } else if lt + 1 + pattern.count >= b.count {
                return nil
            }
            i = lt + 1
        }
        return nil
    }

    /// The start tag at `start` (`<` followed by a letter).
    static func startTag(_ b: [UInt8], at start: Int) -> SourceTag {
        let n = b.count
        var i = start + 1
        var name: [UInt8] = []
        while i < n && !isSpace(b[i]) && b[i] != 0x2F && b[i] != 0x3E {
            name.append(lower(b[i]))
            i += 1
        }
        var attributes: [SourceAttribute] = []
        while i < n {
            while i < n && (isSpace(b[i]) || b[i] == 0x2F) { i += 1 }
            if i >= n { break }
            if b[i] == 0x3E { i += 1; return SourceTag(name: String(decoding: name, as: UTF8.self), start: start, end: i, attributes: attributes) }
            let nameStart = i
            var attrName: [UInt8] = [lower(b[i])]
            i += 1
            while i < n && !isSpace(b[i]) && b[i] != 0x2F && b[i] != 0x3E && b[i] != 0x3D {
                attrName.append(lower(b[i]))
                i += 1
            }
            let nameEnd = i
            var j = i
            while j < n && isSpace(b[j]) { j += 1 }
            var attribute = SourceAttribute(name: String(decoding: attrName, as: UTF8.self), nameStart: nameStart, nameEnd: nameEnd,
                                            valueStart: nameEnd, valueEnd: nameEnd, hasValue: false, quote: 0)
            if j < n && b[j] == 0x3D {
                j += 1
                while j < n && isSpace(b[j]) { j += 1 }
                attribute.hasValue = true
                if j < n && (b[j] == 0x22 || b[j] == 0x27) {
                    let q = b[j]
                    let close = find(b, q, from: j + 1) ?? n
                    attribute.quote = q
                    attribute.valueStart = j + 1
                    attribute.valueEnd = close
                    i = min(n, close + 1)
                } else {
                    var k = j
                    while k < n && !isSpace(b[k]) && b[k] != 0x3E { k += 1 }
                    attribute.valueStart = j
                    attribute.valueEnd = k
                    i = k
                }
            }
            attributes.append(attribute)
        }
        return SourceTag(name: String(decoding: name, as: UTF8.self), start: start, end: n, attributes: attributes)
    }
}
