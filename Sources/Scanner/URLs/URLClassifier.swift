import Foundation

/// What a URL found in a bundle file points at.
public struct ClassifiedURL: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A file of the bundle (relative, root-relative, or under the app's own origin).
        case relative
        /// The app's own origin with a path the bundle serves (`capacitor://localhost/x`, `https://localhost/x`, `file://…`).
        case ownOrigin = "own-origin"
        case data
        case blob
        /// Another origin: `http(s)://host`, `ws(s)://host`, protocol-relative `//host`.
        case remote
        case javascript
        case mailto
        case tel
        /// Only a fragment (`#top`) or an empty value: the same document.
        case sameDocument = "same-document"
        /// Any other scheme (`sms:`, `intent:`, `itms-apps:`, custom app schemes…).
        case otherScheme = "other-scheme"
    }

    public let raw: String
    public let kind: Kind
    /// Lower-cased scheme, "" when relative (protocol-relative counts as "").
    public let scheme: String
    /// Lower-cased host without port, for remote and own-origin URLs.
    public let host: String
    /// Port as written, or "".
    public let port: String
    /// For relative and own-origin URLs: the bundle path it resolves to (percent-decoded,
    /// normalised, no query or fragment, no leading `/`). "" is the bundle root.
    public let bundlePath: String?
    /// A relative path whose `..` segments climb above the bundle root (clamped at the root).
    public let escapesRoot: Bool
    /// For data URLs: the media type (lower-cased, "text/plain" by default).
    public let mediaType: String

    /// Attributes for a fact: `url-kind`, and `host`, `scheme`, `path` when known.
    public var factAttributes: [String: String] {
        var a: [String: String] = ["url-kind": kind.rawValue]
        if !host.isEmpty { a["host"] = host }
        if !scheme.isEmpty { a["scheme"] = scheme }
        if !port.isEmpty { a["port"] = port }
        if let bundlePath { a["path"] = bundlePath }
        if escapesRoot { a["escapes-root"] = "true" }
        if kind == .data { a["media-type"] = mediaType }
        return a
    }

    /// A stable identity for keys: the bundle path (hashed names normalised), the remote URL
    /// without query or fragment, `data:<type>`, or the scheme.
    public var keyForm: String {
        switch kind {
        case .relative, .ownOrigin:
            return StableKey.path(bundlePath ?? "")
        case .remote:
            return "//" + host + (port.isEmpty ? "" : ":" + port) + URLClassifier.pathPart(of: raw)
        case .data: return "data:" + mediaType
        case .blob: return "blob:"
        case .javascript: return "javascript:"
        case .mailto, .tel, .otherScheme:
            return scheme + ":" + URLClassifier.stripQueryAndFragment(URLClassifier.afterScheme(raw))
        case .sameDocument: return "#"
        }
    }
}

/// Classifies URLs found in HTML and CSS and resolves bundle-relative ones.
public enum URLClassifier {
    /// Hosts that stand for the app's own web view origin.
    static let ownHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    /// `url` as found in the file at `filePath` (a bundle path), under an optional `<base href>`.
    public static func classify(_ url: String, filePath: String, baseHref: String? = nil) -> ClassifiedURL {
        let trimmed = trimHTMLSpace(url)
        let lower = trimmed.lowercased()
        let scheme = schemeOf(lower)

        if trimmed.isEmpty || trimmed.hasPrefix("#") {
            return make(raw: trimmed, kind: .sameDocument)
        }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") {
            let (host, port, _) = authority(of: String(trimmed.dropFirst(2)))
            if ownHosts.contains(host) {
                return make(raw: trimmed, kind: .ownOrigin, host: host, port: port,
                            bundlePath: resolveAbsolutePath(pathPart(of: trimmed)).path)
            }
            return make(raw: trimmed, kind: .remote, host: host, port: port)
        }
        switch scheme {
        case nil:
            let directory: String
            if let baseHref, let base = baseDirectory(baseHref, filePath: filePath) {
                directory = base
            } else {
                directory = directoryOf(filePath)
            }
            let path = stripQueryAndFragment(trimmed)
            let resolved = path.hasPrefix("/") ? resolveAbsolutePath(path) : resolve(path, in: directory)
            return make(raw: trimmed, kind: .relative, bundlePath: resolved.path, escapesRoot: resolved.escapes)
        case "data":
            let body = afterScheme(trimmed)
            var type = ""
            for ch in body.unicodeScalars {
                if ch == ";" || ch == "," { break }
                type.unicodeScalars.append(ch)
            }
            type = trimHTMLSpace(type).lowercased()
            return make(raw: trimmed, kind: .data, scheme: "data", mediaType: type.isEmpty ? "text/plain" : type)
        case "blob":
            return make(raw: trimmed, kind: .blob, scheme: "blob")
        case "javascript":
            return make(raw: trimmed, kind: .javascript, scheme: "javascript")
        case "mailto":
            return make(raw: trimmed, kind: .mailto, scheme: "mailto")
        case "tel":
            return make(raw: trimmed, kind: .tel, scheme: "tel")
        case "http", "https", "ws", "wss", "ftp", "capacitor", "ionic":
            let s = scheme!
            let rest = afterScheme(trimmed)
            let authorityText = rest.hasPrefix("//") ? String(rest.dropFirst(2)) : rest
            let (host, port, _) = authority(of: authorityText)
            if ownHosts.contains(host) || ((s == "capacitor" || s == "ionic") && (host == "localhost" || host == "app")) {
                return make(raw: trimmed, kind: .ownOrigin, scheme: s, host: host, port: port,
                            bundlePath: resolveAbsolutePath(pathPart(of: trimmed)).path)
            }
            return make(raw: trimmed, kind: .remote, scheme: s, host: host, port: port)
        case "file":
            let path = pathPart(of: trimmed)
            return make(raw: trimmed, kind: .ownOrigin, scheme: "file", bundlePath: fileBundlePath(path))
        default:
            return make(raw: trimmed, kind: .otherScheme, scheme: scheme!)
        }
    }

    private static func make(raw: String, kind: ClassifiedURL.Kind, scheme: String = "", host: String = "",
                             port: String = "", bundlePath: String? = nil, escapesRoot: Bool = false,
                             mediaType: String = "") -> ClassifiedURL {
        ClassifiedURL(raw: raw, kind: kind, scheme: scheme, host: host, port: port, bundlePath: bundlePath,
                      escapesRoot: escapesRoot, mediaType: mediaType)
    }

    /// ASCII whitespace trimmed as HTML does for URL attributes (and CSS for url values).
    static func trimHTMLSpace(_ s: String) -> String {
        let u = Array(s.utf8)
        var a = 0, b = u.count
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        while a < b && isSpace(u[a]) { a += 1 }
        while b > a && isSpace(u[b - 1]) { b -= 1 }
        return String(decoding: u[a..<b], as: UTF8.self)
    }

    /// The scheme (lower-cased input expected) when the URL starts with one: ALPHA *( ALPHA / DIGIT / + - . ) ":".
    /// Tabs and newlines inside are ignored, as URL parsers do (`java\tscript:`).
    static func schemeOf(_ lower: String) -> String? {
        var scheme = ""
        for c in lower.utf8 {
            if c == 0x09 || c == 0x0A || c == 0x0D { continue }
            if c == 0x3A { return scheme.isEmpty ? nil : scheme }
            let isAlpha = c >= 0x61 && c <= 0x7A
            let ok = isAlpha || (!scheme.isEmpty && ((c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E))
            if !ok { return nil }
            scheme.unicodeScalars.append(Unicode.Scalar(c))
        }
        return nil
    }

    static func afterScheme(_ s: String) -> String {
        guard let colon = s.firstIndex(of: ":") else { return s }
        return String(s[s.index(after: colon)...])
    }

    /// host (lower-cased, no userinfo) and port of `host[:port][/...]`.
    static func authority(of text: String) -> (host: String, port: String, rest: Substring) {
        let end = text.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" } ?? text.endIndex
        var auth = text[..<end]
        if let at = auth.lastIndex(of: "@") { auth = auth[auth.index(after: at)...] }
        var host = auth, port = Substring("")
        if auth.hasPrefix("[") {
            if let close = auth.firstIndex(of: "]") {
                host = auth[...close]
                let after = auth[auth.index(after: close)...]
                if after.hasPrefix(":") { port = after.dropFirst() }
            }
        } else if let colon = auth.lastIndex(of: ":") {
            host = auth[..<colon]
            port = auth[auth.index(after: colon)...]
        }
        var h = host.lowercased()
        while h.hasSuffix(".") { h.removeLast() }
        return (h, String(port), text[end...])
    }

    /// The path of an absolute or protocol-relative URL, without query and fragment ("/" if none).
    static func pathPart(of url: String) -> String {
        var s = Substring(url)
        if let r = s.range(of: "//") { s = s[r.upperBound...] } else { s = Substring(afterScheme(url)) }
        guard let slash = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return "/" }
        let path = stripQueryAndFragment(String(s[slash...]))
        return path.isEmpty ? "/" : path
    }

    static func stripQueryAndFragment(_ s: String) -> String {
        if let i = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { return String(s[..<i]) }
        return s
    }

    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The directory a `<base href>` makes relative URLs resolve against, when it points into the bundle.
    static func baseDirectory(_ baseHref: String, filePath: String) -> String? {
        let base = classify(baseHref, filePath: filePath)
        guard base.kind == .relative || base.kind == .ownOrigin, let p = base.bundlePath else { return nil }
        let raw = stripQueryAndFragment(trimHTMLSpace(baseHref))
        // `<base href="/app/">` names a directory; `<base href="/app/index.html">` a file in it.
        return raw.hasSuffix("/") || raw.isEmpty ? p : directoryOf(p)
    }

    static func resolveAbsolutePath(_ path: String) -> (path: String, escapes: Bool) {
        resolve(String(path.drop { $0 == "/" }), in: "")
    }

    /// `file:///android_asset/www/x` and `file:///…/public/x`: the path after the usual web roots.
    static func fileBundlePath(_ path: String) -> String {
        let decoded = percentDecode(path)
        for marker in ["/android_asset/www/", "/android_asset/public/", "/www/", "/public/"] {
            if let r = decoded.range(of: marker) { return resolve(String(decoded[r.upperBound...]), in: "").path }
        }
        return resolveAbsolutePath(decoded).path
    }

    /// Joins `path` to `directory` and removes `.` and `..` segments, clamping at the root.
    static func resolve(_ path: String, in directory: String) -> (path: String, escapes: Bool) {
        var segments: [Substring] = directory.isEmpty ? [] : directory.split(separator: "/", omittingEmptySubsequences: true)
        var escapes = false
        let decoded = percentDecode(path.contains("\\") ? path.replacingOccurrences(of: "\\", with: "/") : path)
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part == "." || (part.isEmpty && index < parts.count - 1) { continue }
            if part == ".." {
                if segments.isEmpty { escapes = true } else { segments.removeLast() }
                continue
            }
            if part.isEmpty { continue }
            segments.append(part)
        }
        return (segments.joined(separator: "/"), escapes)
    }

    static func percentDecode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        let u = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
