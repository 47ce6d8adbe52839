/// A message with `{placeholder}`s filled from a finding: `{path}`, `{key}`, `{kind}`,
/// `{change}`, `{oldCount}`, `{newCount}`, `{line}` and the fact's attributes by name.
/// `{{` and `}}` stand for literal braces.
public struct MessageTemplate: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    public let source: String
    public let parts: [Part]

    /// Placeholders every finding can fill, whatever its fact kind.
    public static let standardPlaceholders: Set<String> = ["path", "key", "kind", "change", "oldCount", "newCount", "line"]

    /// What a measure rule can say: the share in percent, the threshold, the counts behind it.
    public static let measurePlaceholders: Set<String> = ["share", "threshold", "count", "total"]

    public init(_ source: String) throws(MessageTemplateError) {
        self.source = source
        var parts: [Part] = []
        var text = ""
        var iterator = Array(source).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if c == "{" {
                guard let d = next() else { throw MessageTemplateError(message: "unclosed '{'") }
                if d == "{" { text.append("{"); continue }
                var name = String(d)
                var closed = false
                while let e = next() {
                    if e == "}" { closed = true; break }
                    name.append(e)
                }
                guard closed else { throw MessageTemplateError(message: "unclosed placeholder '{\(name)'") }
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
                    throw MessageTemplateError(message: "invalid placeholder name '\(name)'")
                }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                parts.append(.placeholder(name))
            } else if c == "}" {
                guard let d = next(), d == "}" else { throw MessageTemplateError(message: "a lone '}' (write '}}' for a brace)") }
                text.append("}")
            } else {
                text.append(c)
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    public var placeholders: [String] {
        parts.compactMap { if case .placeholder(let n) = $0 { return n } else { return nil } }
    }

    /// The message with every placeholder replaced; an unknown one is left as `{name}`
    /// (the loader rejects unknown placeholders, so this only happens for absent attributes).
    public func render(_ values: [String: String]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .placeholder(let n): out += values[n] ?? "{\(n)}"
            }
        }
        return out
    }
}

public struct MessageTemplateError: Error, Sendable, Equatable {
    public let message: String
}
