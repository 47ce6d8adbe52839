/// A Content-Security-Policy parsed as CSP Level 3 §2.2.1 ("parse a serialized CSP"):
/// directives split on `;`, names lower-cased, the first of a duplicated directive wins,
/// sources split on ASCII whitespace, keywords lower-cased.
public struct CSPPolicy: Sendable, Hashable {
    public struct Directive: Sendable, Hashable {
        public let name: String
        public let sources: [String]
        /// Offset and length of the directive in the policy text (UTF-8).
        public let offset: Int
        public let length: Int
        /// Where each of `sources` is in the policy text (UTF-8 offsets).
        public var sourceRanges: [Range<Int>] = []

        public var unsafeEval: Bool { sources.contains("'unsafe-eval'") }
        public var wasmUnsafeEval: Bool { sources.contains("'wasm-unsafe-eval'") }
        public var unsafeInline: Bool { sources.contains("'unsafe-inline'") }
        /// `'unsafe-inline'` is ignored by CSP 2+ browsers when a nonce or hash is present.
        public var unsafeInlineEffective: Bool {
            unsafeInline && !sources.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha256-") || $0.hasPrefix("'sha384-") || $0.hasPrefix("'sha512-") }
                && !sources.contains("'strict-dynamic'")
        }
        /// `*`, a bare scheme such as `https:` / `http:`, or a host wildcard `*.example.com`.
        public var wildcard: Bool {
            sources.contains { $0 == "*" || $0 == "https:" || $0 == "http:" || $0 == "ws:" || $0 == "wss:" || $0.hasPrefix("*.") || $0.contains("://*") }
        }
        public var allowsData: Bool { sources.contains("data:") }
        public var allowsBlob: Bool { sources.contains("blob:") }

        /// Hosts named in the sources (lower-cased, no scheme, no path).
        public var hosts: [String] {
            sources.compactMap { s in
                if s.hasPrefix("'") || s == "*" || s.hasSuffix(":") && !s.contains("/") { return nil }
                var h = Substring(s)
                if let r = h.range(of: "://") { h = h[r.upperBound...] }
                if let slash = h.firstIndex(of: "/") { h = h[..<slash] }
                return h.isEmpty ? nil : String(h)
            }
        }

        var attributes: [String: String] {
            var a: [String: String] = ["directive": name, "sources": sources.joined(separator: " ")]
            if unsafeEval { a["unsafe-eval"] = "true" }
            if wasmUnsafeEval { a["wasm-unsafe-eval"] = "true" }
            if unsafeInline { a["unsafe-inline"] = "true" }
            if wildcard { a["wildcard"] = "true" }
            if allowsData { a["data"] = "true" }
            if allowsBlob { a["blob"] = "true" }
            if sources.contains("'strict-dynamic'") { a["strict-dynamic"] = "true" }
            let h = hosts
            if !h.isEmpty { a["hosts"] = h.joined(separator: " ") }
            return a
        }
    }

    public let directives: [Directive]

    public func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }

    /// The directive that governs scripts: `script-src`, else `default-src`, else nil (no restriction).
    public var scriptDirective: Directive? { directive("script-src") ?? directive("default-src") }

    var scriptPolicyAttributes: [String: String] {
        guard let d = scriptDirective else { return ["from": "none", "restricted": "false"] }
        var a = d.attributes
        a["from"] = d.name
        a["restricted"] = "true"
        a["unsafe-inline-effective"] = d.unsafeInlineEffective ? "true" : "false"
        return a
    }

    public static func parse(_ text: String) -> CSPPolicy {
        var directives: [Directive] = []
        var seen: Set<String> = []
        let u = Array(text.utf8)
        var start = 0
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        while start <= u.count {
            let end = u[start...].firstIndex(of: 0x3B) ?? u.count
            var tokens: [(Int, Int)] = []
            var i = start
            while i < end {
                while i < end && isSpace(u[i]) { i += 1 }
                let s = i
                while i < end && !isSpace(u[i]) { i += 1 }
                if i > s { tokens.append((s, i)) }
            }
            if let first = tokens.first {
                let name = String(decoding: u[first.0..<first.1], as: UTF8.self).lowercased()
                if !seen.contains(name) {
                    seen.insert(name)
                    let sources = tokens.dropFirst().map { t -> String in
                        let s = String(decoding: u[t.0..<t.1], as: UTF8.self)
                        return s.hasPrefix("'") || s.hasSuffix(":") || !s.contains("/") ? s.lowercased() : s
                    }
                    let last = tokens.last!.1
                    var directive = Directive(name: name, sources: sources, offset: first.0, length: last - first.0)
                    directive.sourceRanges = tokens.dropFirst().map { $0.0..<$0.1 }
                    directives.append(directive)
                }
            }
            start = end + 1
        }
        return CSPPolicy(directives: directives)
    }
}
