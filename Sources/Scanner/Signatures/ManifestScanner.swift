/// Facts from files whose structure is data, not code: `capacitor.config.json`,
/// `capacitor.plugins.json`, `package.json`, Cordova's `cordova_plugins.js`, React Router / Remix
/// route manifests, and routes that live in file paths (Next.js app-router chunks). A small JSON
/// walker, not token patterns.
public enum ManifestScanner {
    public static func facts(for file: BundleFile) -> [Fact] {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        var out: [Fact] = []
        switch name {
        case "capacitor.config.json": out = capacitorConfig(file)
        case "capacitor.plugins.json": out = capacitorPlugins(file)
        case "package.json": out = packageJSON(file)
        case "cordova_plugins.js": out = cordovaPlugins(file)
        default: break
        }
        if file.kind == .javascript {
            out += routeManifestFacts(file.bytes, path: file.path)
        }
        if name.hasSuffix(".txt"), let route = nextPayloadRoute(file) {
            out.append(route)
        }
        if let route = nextAppRoute(file.path) {
            out.append(Fact(kind: FactKind.route, key: "route:\(route)",
                            attributes: ["framework": "next", "via": "app-router-chunk", "route": route],
                            location: .wholeFile(file.path)))
        }
        return out
    }

    /// Where `"key"` first appears in the file (evidence for a JSON value).
    static func location(of key: String, in file: BundleFile, lines: LineTable) -> SourceLocation {
        let needle = Array("\"\(key)\"".utf8)
        let bytes = file.bytes
        var offset = 0
        if needle.count <= bytes.count {
            var k = 0
            search: while k + needle.count <= bytes.count {
                if bytes[k] == needle[0] {
                    var m = 1
                    while m < needle.count && bytes[k + m] == needle[m] { m += 1 }
                    if m == needle.count { offset = k; break search }
                }
                k += 1
            }
        }
        let (line, column) = lines.position(of: offset)
        let end = offset + (offset == 0 && !bytes.starts(with: needle) ? 0 : needle.count)
        let (endLine, endColumn) = lines.position(of: end)
        return SourceLocation(path: file.path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                              byteStart: offset, byteEnd: end, snippet: lines.snippet(around: offset, length: end - offset))
    }

    static func parse(_ file: BundleFile) -> JSONValue? {
        try? JSONParser.parse(file.bytes)
    }

    static func scalarText(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .null: return "null"
        default: return nil
        }
    }

    static func member(_ v: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let members)? = v else { return nil }
        return members.first { $0.key == key }?.value
    }

    static func capacitorConfig(_ file: BundleFile) -> [Fact] {
        guard let root = parse(file) else { return [] }
        let lines = LineTable(file.bytes)
        var out: [Fact] = []
        func add(_ setting: String, _ value: String, at key: String, suffix: String = "") {
            out.append(Fact(kind: FactKind.appConfig, key: "capacitor-config:\(setting)\(suffix)",
                            attributes: ["setting": setting, "value": value, "file": "capacitor.config.json"],
                            location: location(of: key, in: file, lines: lines)))
        }
        let server = member(root, "server")
        if let url = member(server, "url").flatMap(scalarText) { add("server.url", url, at: "url") }
        if let hostname = member(server, "hostname").flatMap(scalarText) { add("server.hostname", hostname, at: "hostname") }
        if case .array(let hosts)? = member(server, "allowNavigation") {
            for h in hosts { if let s = scalarText(h) { add("server.allowNavigation", s, at: "allowNavigation", suffix: ":" + s) } }
        }
        if case .object(let updater)? = member(member(root, "plugins"), "CapacitorUpdater") {
            for (k, v) in updater { if let s = scalarText(v) { add("plugins.CapacitorUpdater.\(k)", s, at: k) } }
        }
        if case .array(let classes)? = member(root, "packageClassList") {
            for c in classes { if let s = scalarText(c) { add("packageClassList", s, at: "packageClassList", suffix: ":" + s) } }
        }
        return out
    }

    static func capacitorPlugins(_ file: BundleFile) -> [Fact] {
        guard case .array(let list)? = parse(file) else { return [] }
        let lines = LineTable(file.bytes)
        var out: [Fact] = []
        for entry in list {
            guard let pkg = member(entry, "pkg").flatMap(scalarText) else { continue }
            var attributes = ["framework": "capacitor", "package": pkg]
            if let cp = member(entry, "classpath").flatMap(scalarText) { attributes["classpath"] = cp }
            out.append(Fact(kind: FactKind.nativePlugin, key: "capacitor-plugin:\(pkg)", attributes: attributes,
                            location: location(of: pkg, in: file, lines: lines)))
        }
        return out
    }

    static func packageJSON(_ file: BundleFile) -> [Fact] {
        guard let root = parse(file) else { return [] }
        let lines = LineTable(file.bytes)
        var out: [Fact] = []
        for section in ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] {
            guard case .object(let deps)? = member(root, section) else { continue }
            for (name, v) in deps {
                out.append(Fact(kind: FactKind.dependency, key: "npm:\(name)",
                                attributes: ["package": name, "version": scalarText(v) ?? "", "section": section],
                                location: location(of: name, in: file, lines: lines)))
            }
        }
        return out
    }

    /// `cordova_plugins.js`: `module.exports = [ {id, file, pluginId, clobbers, merges, runs}, … ]`
    /// and `module.exports.metadata = { pluginId: version }`, read from the token stream.
    static func cordovaPlugins(_ file: BundleFile) -> [Fact] {
        let bytes = file.bytes
        let tokens = JSTokenizer.tokenize(bytes)
        let lines = LineTable(bytes)
        func word(_ i: Int) -> String? {
            guard i < tokens.count else { return nil }
            let t = tokens[i]
            if t.kind == .string { return JSTokenizer.cookedValue(of: t, in: bytes) }
            if t.kind == .identifier || t.kind == .keyword { return JSTokenizer.text(of: t, in: bytes) }
            return nil
        }
        struct Entry { var values: [String: String] = [:]; var lists: [String: [String]] = [:]; var start = 0; var end = 0 }
        var entries: [Entry] = []
        var versions: [String: String] = [:]
        var i = 0
        var inMetadata = false
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .identifier, word(i) == "metadata", i + 2 < tokens.count, tokens[i + 1].isPunctuator(.assign) {
                inMetadata = true
            }
            // An object member `key: value` with a string or identifier key.
            if (t.kind == .string || t.kind == .identifier), i + 2 < tokens.count, tokens[i + 1].isPunctuator(.colon),
               let key = word(i) {
                if inMetadata, tokens[i + 2].kind == .string, let v = word(i + 2) {
                    versions[key] = v
                } else if !inMetadata {
                    if key == "id" || entries.isEmpty && key == "file" {
                        entries.append(Entry(start: Int(t.start), end: Int(t.start)))
                    }
                    if !entries.isEmpty {
                        if tokens[i + 2].kind == .string, let v = word(i + 2) {
                            entries[entries.count - 1].values[key] = v
                        } else if tokens[i + 2].isKeyword(.true) || tokens[i + 2].isKeyword(.false) {
                            entries[entries.count - 1].values[key] = word(i + 2)
                        } else if tokens[i + 2].isPunctuator(.leftBracket) {
                            var j = i + 3
                            var list: [String] = []
                            while j < tokens.count, !tokens[j].isPunctuator(.rightBracket) {
                                if tokens[j].kind == .string, let v = word(j) { list.append(v) }
                                j += 1
                            }
                            entries[entries.count - 1].lists[key] = list
                        }
                        entries[entries.count - 1].end = tokens[i + 2].end
                    }
                }
            }
            i += 1
        }
        var out: [Fact] = []
        for e in entries {
            guard let id = e.values["id"] else { continue }
            // Older files have no pluginId: the id's part before the module name.
            let pluginId = e.values["pluginId"] ?? (id.split(separator: ".").count > 1 ? String(id[..<id.lastIndex(of: ".")!]) : id)
            var attributes: [String: String] = ["framework": "cordova", "plugin": pluginId, "module": id]
            if let f = e.values["file"] { attributes["file"] = f }
            for k in ["clobbers", "merges"] { if let l = e.lists[k], !l.isEmpty { attributes[k] = l.joined(separator: ",") } }
            if e.values["runs"] == "true" { attributes["runs"] = "true" }
            if let v = versions[pluginId] { attributes["version"] = v }
            let (line, column) = lines.position(of: e.start)
            let (endLine, endColumn) = lines.position(of: e.end)
            out.append(Fact(kind: FactKind.nativePlugin, key: "cordova-plugin:\(id)", attributes: attributes,
                            location: SourceLocation(path: file.path, line: line, column: column, endLine: endLine,
                                                     endColumn: endColumn, byteStart: e.start, byteEnd: e.end,
                                                     snippet: lines.snippet(around: e.start))))
        }
        return out
    }

    /// A Next.js app-router static export writes each page's React Server Components payload next
    /// to its HTML (`wallet/send/index.txt`); its root line `0:{"P":null,"c":["","wallet","send",""],…}`
    /// names the page's URL. Turbopack's flat chunk names leave no route in chunk paths, so this is
    /// where an unlinked page shows.
    static func nextPayloadRoute(_ file: BundleFile) -> Fact? {
        let bytes = file.bytes
        // A payload starts with `<id>:` lines.
        guard let first = bytes.first, first >= 0x30 && first <= 0x39, bytes.prefix(16).contains(0x3A) else { return nil }
        let marker = Array("0:{".utf8)
        var start = -1
        var k = 0
        while k + marker.count <= bytes.count {
            if (k == 0 || bytes[k - 1] == 0x0A) && bytes[k] == marker[0] && bytes[k + 1] == marker[1] && bytes[k + 2] == marker[2] {
                start = k + 2
                break
            }
            guard let newline = bytes[k...].firstIndex(of: 0x0A) else { break }
            k = newline + 1
        }
        guard start >= 0 else { return nil }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        guard case .object(let root)? = try? JSONParser.parse(Array(bytes[start..<end])),
              case .array(let parts)? = root.first(where: { $0.key == "c" })?.value else { return nil }
        var segments: [String] = []
        for p in parts {
            guard case .string(let s) = p else { return nil }
            if !s.isEmpty { segments.append(s) }
        }
        let route = "/" + segments.joined(separator: "/")
        // Evidence: the `"c":[…]` member of that line.
        let key = Array("\"c\":[".utf8)
        var from = start
        while from + key.count <= end, !bytes[from..<(from + key.count)].elementsEqual(key) { from += 1 }
        if from + key.count > end { from = start }
        let to = bytes[from..<end].firstIndex(of: 0x5D).map { $0 + 1 } ?? from
        let lines = LineTable(bytes)
        let (line, column) = lines.position(of: from)
        let (endLine, endColumn) = lines.position(of: to)
        let location = SourceLocation(path: file.path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                                      byteStart: from, byteEnd: to, snippet: lines.snippet(around: from, length: to - from),
                                      match: SourceLocation.matchText(bytes, from..<to))
        return Fact(kind: FactKind.route, key: "route:\(route)",
                    attributes: ["framework": "next", "via": "rsc-payload", "route": route], location: location)
    }

    /// `_next/static/chunks/app/(shop)/cart/[id]/page-1a2b3c4d.js` → `/cart/[id]`.
    public static func nextAppRoute(_ path: String) -> String? {
        let all = path.split(separator: "/").map(String.init)
        guard let k = all.indices.first(where: { $0 + 1 < all.count && all[$0] == "chunks" && all[$0 + 1] == "app" }) else { return nil }
        var segments = Array(all[(k + 2)...])
        guard let last = segments.popLast() else { return nil }
        let base = ChunkName.normalizeName(last)
        guard base == "page-*.js" || base == "page.js" || base == "page.*.js" else { return nil }
        segments = segments.filter { !($0.hasPrefix("(") && $0.hasSuffix(")")) && !$0.hasPrefix("@") }
        return "/" + segments.joined(separator: "/")
    }
}
