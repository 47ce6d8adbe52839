/// The sources a policy lets scripts come from, one by one, so that two policies compare source by
/// source: what the new policy allows that the old one did not (a host, a wildcard, a keyword) is a
/// key of its own, and the same sources in another order or under another directive name are not.
extension CSPPolicy {
    /// What one source lets run.
    public enum SourceClass: String, Sendable, CaseIterable {
        case unsafeEval = "unsafe-eval"
        case wasmUnsafeEval = "wasm-unsafe-eval"
        /// `'unsafe-inline'` that browsers honour (no nonce, hash or `'strict-dynamic'` beside it).
        case unsafeInline = "unsafe-inline"
        case strictDynamic = "strict-dynamic"
        case unsafeHashes = "unsafe-hashes"
        /// `*`, `https:`, `http:`, `data:`, `blob:`, `filesystem:`, or a host wildcard (`*.example.com`).
        case wildcard
        /// A remote host (`https://cdn.example.com`, `cdn.example.com/lib/`).
        case host
        /// A host on the device itself (`capacitor://localhost`, `http://127.0.0.1:8080`).
        case local
        /// Another bare scheme (`capacitor:`, `gap:`, `wss:`): no remote script.
        case scheme
        case `self`
        case none
        case nonce
        case hash
        /// Any other keyword (`'report-sample'`) or a source that does not parse.
        case other
    }

    /// One source of a script directive, normalised.
    public struct ScriptSource: Sendable, Hashable {
        /// The source as compared: keywords and schemes lower-cased, a host source's scheme and host
        /// lower-cased, a lone `/` path dropped (`https://CDN.example.com/` → `https://cdn.example.com`).
        public let source: String
        /// The directive it came from: `script-src`, `default-src` (no `script-src`) or `script-src-elem`.
        public let directive: String
        public let sourceClass: SourceClass
        /// The host of a host or host-wildcard source (lower-cased).
        public let host: String?
        /// Normalised sources that allow everything this one allows: when the old policy had one of
        /// them, this source adds nothing (`https://cdn.example.com` ← `*`, `https:`, `*.example.com`, …).
        public let coveredBy: [String]
        /// Where the source is in the policy text (UTF-8 offsets).
        public let range: Range<Int>

        /// What the source lets run, for messages.
        public var allows: String {
            switch sourceClass {
            case .unsafeEval: return "eval() and new Function() on strings"
            case .wasmUnsafeEval: return "WebAssembly compiled at run time"
            case .unsafeInline: return "inline scripts and event handlers"
            case .strictDynamic: return "any script a trusted script adds, from any host"
            case .unsafeHashes: return "event handlers whose hash is listed"
            case .wildcard:
                switch source {
                case "*": return "scripts from any host"
                case "https:": return "scripts from any https: URL"
                case "http:": return "scripts from any http: or https: URL"
                case "data:", "blob:", "filesystem:": return "scripts in \(source) URLs"
                default:
                    guard let host, host.hasPrefix("*.") else { return "scripts from any host" }
                    return "scripts from any subdomain of \(host.dropFirst(2))"
                }
            case .host: return "a remote script source"
            case .local: return "scripts from the device"
            case .scheme: return "\(source) URLs"
            case .self: return "scripts from the app's own origin"
            case .none: return "no script"
            case .nonce: return "scripts carrying this nonce"
            case .hash: return "inline scripts with this hash"
            case .other: return "nothing livegate knows of"
            }
        }
    }

    /// Bare schemes that match any host: `*` aside, what a wildcard source is made of.
    static let wildcardSchemes: Set<String> = ["http:", "https:", "data:", "blob:", "filesystem:"]

    /// The sources scripts may come from under this policy: those of `script-src` (else
    /// `default-src`) and of `script-src-elem`, each once, in policy order. `'unsafe-inline'` is
    /// left out where a nonce, a hash or `'strict-dynamic'` makes browsers ignore it, and the eval
    /// keywords are taken from `script-src` / `default-src` only, the directive that governs eval.
    public var scriptSources: [ScriptSource] {
        var out: [ScriptSource] = []
        var seen: Set<String> = []
        for d in [scriptDirective, directive("script-src-elem")].compactMap({ $0 }) {
            for (k, raw) in d.sources.enumerated() {
                guard let s = Self.scriptSource(raw, in: d, range: k < d.sourceRanges.count ? d.sourceRanges[k] : d.offset..<d.offset + d.length),
                      !seen.contains(s.source) else { continue }
                if s.sourceClass == .unsafeInline && !d.unsafeInlineEffective { continue }
                if d.name == "script-src-elem" && (s.sourceClass == .unsafeEval || s.sourceClass == .wasmUnsafeEval) { continue }
                seen.insert(s.source)
                out.append(s)
            }
        }
        return out
    }

    static func scriptSource(_ raw: String, in d: Directive, range: Range<Int>) -> ScriptSource? {
        guard !raw.isEmpty else { return nil }
        func make(_ source: String, _ c: SourceClass, host: String? = nil, coveredBy: [String] = []) -> ScriptSource {
            ScriptSource(source: source, directive: d.name, sourceClass: c, host: host, coveredBy: coveredBy, range: range)
        }
        if raw.hasPrefix("'") {
            let k = raw.lowercased()
            switch k {
            case "'unsafe-eval'": return make(k, .unsafeEval)
            case "'wasm-unsafe-eval'": return make(k, .wasmUnsafeEval)
            case "'unsafe-inline'": return make(k, .unsafeInline)
            case "'strict-dynamic'": return make(k, .strictDynamic)
            case "'unsafe-hashes'": return make(k, .unsafeHashes)
            case "'self'": return make(k, .self)
            case "'none'": return make(k, .none)
            default:
                if k.hasPrefix("'nonce-") { return make(k, .nonce) }
                if k.hasPrefix("'sha256-") || k.hasPrefix("'sha384-") || k.hasPrefix("'sha512-") { return make(k, .hash) }
                return make(k, .other)
            }
        }
        if raw == "*" { return make("*", .wildcard) }
        if isSchemeSource(raw) {
            let s = raw.lowercased()
            guard wildcardSchemes.contains(s) else { return make(s, .scheme) }
            return make(s, .wildcard, coveredBy: s == "https:" ? ["*", "http:"] : s == "http:" ? ["*"] : [])
        }
        guard let h = HostSource(raw) else { return make(raw, .other) }
        let c: SourceClass = h.isLocal ? .local : h.host.contains("*") ? .wildcard : .host
        return make(h.text, c, host: h.host, coveredBy: h.coveredBy)
    }

    /// `scheme:` alone (CSP `scheme-source`).
    static func isSchemeSource(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 2, u.last == UInt8(ascii: ":"), let first = u.first, Self.isAlpha(first) else { return false }
        return u.dropLast().allSatisfy { isAlpha($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }

    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// A CSP `host-source`: `[scheme://]host[:port][path]`.
    struct HostSource {
        let scheme: String?
        let host: String
        let port: String?
        let path: String

        init?(_ raw: String) {
            var rest = Substring(raw)
            if let r = rest.range(of: "://") {
                let scheme = rest[..<r.lowerBound]
                guard CSPPolicy.isSchemeSource(scheme + ":") else { return nil }
                self.scheme = scheme.lowercased()
                rest = rest[r.upperBound...]
            } else {
                scheme = nil
            }
            let hostEnd: Substring.Index
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                hostEnd = rest.index(after: close)
            } else {
                hostEnd = rest.firstIndex { $0 == ":" || $0 == "/" } ?? rest.endIndex
            }
            host = rest[..<hostEnd].lowercased()
            guard !host.isEmpty else { return nil }
            rest = rest[hostEnd...]
            if rest.hasPrefix(":") {
                let portEnd = rest.firstIndex(of: "/") ?? rest.endIndex
                port = String(rest[rest.index(after: rest.startIndex)..<portEnd])
                rest = rest[portEnd...]
            } else {
                port = nil
            }
            // A path of "/" matches every path: the same source as none.
            path = rest == "/" ? "" : String(rest)
        }

        func text(scheme: String?, host: String, port: String?, path: String) -> String {
            (scheme.map { $0 + "://" } ?? "") + host + (port.map { ":" + $0 } ?? "") + path
        }

        var text: String { text(scheme: scheme, host: host, port: port, path: path) }

        var isLocal: Bool {
            host == "localhost" || host.hasSuffix(".localhost") || host == "127.0.0.1" || host == "[::1]"
        }

        /// Sources that match every URL this one matches (CSP Level 3 §6.7.2.8): `*`; the bare scheme
        /// (`http:` matches https too); the host under the equivalent schemes (none, `https://`,
        /// `http://`) with any port it names or `*`; wildcards of its parent domains; and its parent paths.
        var coveredBy: [String] {
            var out = ["*"]
            let schemes: [String?]
            switch scheme {
            case nil, "https"?:
                out += ["https:", "http:"]
                schemes = [nil, "https", "http"]
            case "http"?:
                out += ["http:"]
                schemes = [nil, "http"]
            case let s?:
                out += [s + ":"]
                schemes = [s]
            }
            var hosts = [host]
            if !host.hasPrefix("[") && !host.allSatisfy({ $0 == "." || $0.isNumber }) {
                var labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if labels.first == "*" { labels.removeFirst() }
                while labels.count > 2 {
                    labels.removeFirst()
                    hosts.append("*." + labels.joined(separator: "."))
                }
            }
            let ports: [String?] = port == nil ? [nil] : port == "*" ? ["*"] : [port, "*"]
            var paths = [""]
            if !path.isEmpty {
                var i = path.startIndex
                while let slash = path[path.index(after: i)...].firstIndex(of: "/") {
                    paths.append(String(path[...slash]))
                    i = slash
                }
                if paths.last != path { paths.append(path) }
            }
            let me = text
            for h in hosts {
                for s in schemes {
                    for p in (h == host ? ports : [nil]) {
                        for pa in (h == host ? paths : [""]) {
                            let t = text(scheme: s, host: h, port: p, path: pa)
                            if t != me && !out.contains(t) { out.append(t) }
                        }
                    }
                }
            }
            return out
        }
    }
}
