/// React Router v7 / Remix route tables: the browser manifest the build writes to
/// `assets/manifest-<hash>.js` (or inlines in a page):
/// `window.__reactRouterManifest={"entry":{…},"routes":{"root":{"id":"root","path":"",…},
/// "routes/settings":{"id":"routes/settings","parentId":"root","path":"settings",…}},…}`
/// (`window.__remixManifest` for Remix). A route's `path` is relative to its parent's, so the full
/// URL needs the `parentId` chain: this is read as data, like the other manifests, not matched by
/// token patterns.
extension ManifestScanner {
    static let routeManifestGlobals: [(name: [UInt8], framework: String)] = [
        (Array("__reactRouterManifest".utf8), "react-router"),
        (Array("__remixManifest".utf8), "remix"),
    ]

    /// The routes of every manifest assigned in `bytes[range]` (default: all), at positions in `bytes`.
    public static func routeManifestFacts(_ bytes: [UInt8], range: Range<Int>? = nil, path: String) -> [Fact] {
        let r = range ?? 0..<bytes.count
        guard routeManifestGlobals.contains(where: { Self.contains(bytes, r, $0.name) }) else { return [] }
        let tokens = JSTokenizer.tokenize(bytes, range: r)
        var lines: LineTable?
        var out: [Fact] = []
        var i = 0
        while i + 2 < tokens.count {
            defer { i += 1 }
            let t = tokens[i]
            guard t.kind == .identifier,
                  let global = routeManifestGlobals.first(where: { bytes[t.range].elementsEqual($0.name) }),
                  tokens[i + 1].isPunctuator(.assign), tokens[i + 2].isPunctuator(.leftBrace) else { continue }
            var reader = LiteralReader(bytes: bytes, tokens: tokens, position: i + 2)
            let manifest = reader.value(depth: 0)
            i = reader.position - 1
            guard case .object(let members) = manifest,
                  case .object(let routes)? = members.last(where: { $0.key == "routes" })?.value else { continue }
            if lines == nil { lines = LineTable(bytes) }
            out += routeFacts(routes, global: String(decoding: global.name, as: UTF8.self), framework: global.framework,
                              bytes: bytes, tokens: tokens, lines: lines!, path: path)
        }
        return out
    }

    struct ManifestRoute {
        let id: String
        let parentId: String?
        let path: String?
        let index: Bool
        let token: Int
    }

    static func routeFacts(_ entries: [LiteralReader.Member], global: String, framework: String, bytes: [UInt8],
                           tokens: [JSToken], lines: LineTable, path: String) -> [Fact] {
        var routes: [ManifestRoute] = []
        var byId: [String: Int] = [:]
        for entry in entries {
            guard case .object(let fields) = entry.value else { continue }
            func field(_ name: String) -> LiteralReader.Value? { fields.last { $0.key == name }?.value }
            var id = entry.key
            if case .string(let s)? = field("id") { id = s }
            var parentId: String?
            if case .string(let s)? = field("parentId") { parentId = s }
            var routePath: String?
            if case .string(let s)? = field("path") { routePath = s }
            var index = false
            if case .bool(let b)? = field("index") { index = b }
            byId[id] = routes.count
            routes.append(ManifestRoute(id: id, parentId: parentId, path: routePath, index: index, token: entry.keyToken))
        }
        // Full paths through the parentId chain (a cycle or a missing parent ends the chain).
        var full: [String?] = Array(repeating: nil, count: routes.count)
        func fullPath(_ k: Int, _ seen: inout Set<Int>) -> String {
            if let f = full[k] { return f }
            guard seen.insert(k).inserted else { return "/" }
            let r = routes[k]
            var parent = "/"
            if let p = r.parentId, let pk = byId[p], pk != k { parent = fullPath(pk, &seen) }
            let own = r.path ?? ""
            let joined = own.hasPrefix("/") ? own : parent + "/" + own
            let result = "/" + joined.split(separator: "/").joined(separator: "/")
            full[k] = result
            return result
        }
        // One fact per URL: a route with a path, or an index route (its parent's URL). Where a
        // layout and its index route share a URL, the index route (the screen) stands for it.
        var chosen: [String: Int] = [:]
        var order: [String] = []
        for (k, r) in routes.enumerated() where r.path != nil || r.index {
            var seen = Set<Int>()
            let url = fullPath(k, &seen)
            if let previous = chosen[url] {
                if r.index && !routes[previous].index { chosen[url] = k }
            } else {
                chosen[url] = k
                order.append(url)
            }
        }
        return order.map { url in
            let r = routes[chosen[url]!]
            let t = tokens[r.token]
            let start = Int(t.start), end = t.end
            let (line, column) = lines.position(of: start)
            let (endLine, endColumn) = lines.position(of: end)
            let location = SourceLocation(
                path: path, line: line, column: column, endLine: endLine, endColumn: endColumn, byteStart: start, byteEnd: end,
                snippet: lines.snippet(around: start, length: end - start), match: SourceLocation.matchText(bytes, start..<end))
            return Fact(kind: FactKind.route, key: "route:\(url)",
                        attributes: ["framework": framework, "via": global, "route": url, "id": r.id], location: location)
        }
    }

    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            var k = range.lowerBound
            let last = range.upperBound - needle.count
            while k <= last {
                if b[k] == first {
                    var m = 1
                    while m < needle.count && b[k + m] == needle[m] { m += 1 }
                    if m == needle.count { return true }
                }
                k += 1
            }
            return false
        }
    }
}

/// Reads a JavaScript object literal that holds data (what `JSON.stringify`, `jsesc` or a code
/// formatter writes): objects, arrays, strings, numbers, booleans (`!0`/`!1` too); anything else
/// is skipped as one balanced unit. Bounded in depth.
struct LiteralReader {
    indirect enum Value {
        case object([Member])
        case array([Value])
        case string(String)
        case bool(Bool)
        case other
    }

    struct Member {
        let key: String
        let keyToken: Int
        let value: Value
    }

    static let maxDepth = 32

    let bytes: [UInt8]
    let tokens: [JSToken]
    var position: Int

    func isPunct(_ k: Int, _ p: JSPunctuator) -> Bool { k < tokens.count && tokens[k].isPunctuator(p) }

    mutating func value(depth: Int) -> Value {
        guard position < tokens.count else { return .other }
        let t = tokens[position]
        if depth < Self.maxDepth, t.isPunctuator(.leftBrace) { return object(depth: depth) }
        if depth < Self.maxDepth, t.isPunctuator(.leftBracket) { return array(depth: depth) }
        switch t.kind {
        case .string, .template:
            position += 1
            return JSTokenizer.cookedValue(of: t, in: bytes).map(Value.string) ?? .other
        case .keyword where t.isKeyword(.true) || t.isKeyword(.false):
            position += 1
            return .bool(t.isKeyword(.true))
        case .punctuator where t.isPunctuator(.bang) && position + 1 < tokens.count && tokens[position + 1].kind == .number:
            let text = JSTokenizer.text(of: tokens[position + 1], in: bytes)
            position += 2
            return text == "0" ? .bool(true) : text == "1" ? .bool(false) : .other
        default:
            skipUnit()
            return .other
        }
    }

    /// `{ key: value, … }`; shorthand, spread and computed members are skipped.
    mutating func object(depth: Int) -> Value {
        position += 1
        var members: [Member] = []
        while position < tokens.count, !isPunct(position, .rightBrace) {
            let t = tokens[position]
            let key: String?
            switch t.kind {
            case .string: key = JSTokenizer.cookedValue(of: t, in: bytes)
            case .identifier, .keyword, .number: key = JSTokenizer.text(of: t, in: bytes)
            default: key = nil
            }
            if let key, isPunct(position + 1, .colon) {
                let keyToken = position
                position += 2
                members.append(Member(key: key, keyToken: keyToken, value: value(depth: depth + 1)))
            }
            // Up to the next member (or the end of a member this reader does not understand).
            while position < tokens.count, !isPunct(position, .comma), !isPunct(position, .rightBrace) {
                guard skipUnit() else { return .object(members) }  // a stray closer: the literal is broken
            }
            if isPunct(position, .comma) { position += 1 }
        }
        position += 1
        return .object(members)
    }

    mutating func array(depth: Int) -> Value {
        position += 1
        var items: [Value] = []
        while position < tokens.count, !isPunct(position, .rightBracket) {
            if isPunct(position, .comma) { position += 1; continue }
            items.append(value(depth: depth + 1))
            while position < tokens.count, !isPunct(position, .comma), !isPunct(position, .rightBracket) {
                guard skipUnit() else { return .array(items) }
            }
        }
        position += 1
        return .array(items)
    }

    /// One token, or a whole bracketed group (a template with substitutions counts as a group).
    /// False, without moving, at a closing bracket (it belongs to an enclosing group).
    @discardableResult
    mutating func skipUnit() -> Bool {
        guard position < tokens.count else { return false }
        var depth = 0
        repeat {
            let t = tokens[position]
            switch t.kind {
            case .punctuator:
                switch t.punctuator {
                case .leftParen?, .leftBracket?, .leftBrace?: depth += 1
                case .rightParen?, .rightBracket?, .rightBrace?:
                    if depth == 0 { return false }
                    depth -= 1
                default: break
                }
            case .templateHead: depth += 1
            case .templateTail: depth -= 1
            default: break
            }
            position += 1
        } while depth > 0 && position < tokens.count
        return true
    }
}
