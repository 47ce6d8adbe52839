import Foundation

/// Parses an HTML file with libxml2 and extracts scripts, links, CSP, frames, forms, routes,
/// inline handlers, `javascript:` URLs and CSS, each with exact positions.
///
/// Positions: libxml2 reports lines only (and saturates them at 65535), so every element of
/// libxml2's tree is matched, in document order, to a start tag found by `HTMLSourceTags`
/// with the same name whose lines contain libxml2's line. Matched elements get the byte ranges
/// of the tag, its attributes and (script, style) its content; implied elements get none.
public enum HTMLScanner {
    public static func scan(_ file: BundleFile) -> HTMLScanResult {
        scan(path: file.path, bytes: file.bytes)
    }

    public static func scan(path: String, bytes: [UInt8]) -> HTMLScanResult {
        scan(path: path, bytes: bytes, depth: 0)
    }

    /// `depth`: how many `srcdoc` documents this one is nested in.
    static func scan(path: String, bytes: [UInt8], depth: Int) -> HTMLScanResult {
        let text = HTMLEncoding.decode(bytes)
        let source = text.utf8
        let lines = LineTable(source)
        let locator = Locator(path: path, lines: lines)
        var diagnostics: [ScanDiagnostic] = []
        if text.transcoded {
            diagnostics.append(ScanDiagnostic(path: path, line: 1, column: 1, severity: .note, code: "transcoded",
                message: "file is \(text.encoding); it was transcoded to UTF-8 and byte offsets refer to the UTF-8 text (lines and UTF-16 columns are unchanged)"))
        }
        if let problem = text.problem {
            diagnostics.append(ScanDiagnostic(path: path, line: 1, column: 1, severity: .warning, code: "encoding", message: problem))
        }

        // libxml2 stops at a NUL byte; browsers read on. A space of the same length keeps offsets and lines.
        let document: LibXMLDocument
        if source.contains(0) {
            var copy = source
            for i in copy.indices where copy[i] == 0 { copy[i] = 0x20 }
            document = HTMLDocumentParser.parse(copy[text.bomLength...])
        } else {
            document = HTMLDocumentParser.parse(source[text.bomLength...])
        }
        if document.failed {
            diagnostics.append(ScanDiagnostic(path: path, line: 1, column: 1, severity: .error, code: "html-unparsed",
                                              message: "libxml2 returned no document"))
        }
        for m in document.messages where !isCustomElementComplaint(m.message) {
            // In recover mode libxml2's errors are recoveries, not failures: notes.
            diagnostics.append(ScanDiagnostic(path: path, line: max(1, m.line), column: max(1, m.column),
                                              severity: .note, code: "html-parse", message: m.message))
        }
        if document.droppedMessages > 0 {
            diagnostics.append(ScanDiagnostic(path: path, line: 1, column: 1, severity: .note, code: "html-parse",
                                              message: "\(document.droppedMessages) more libxml2 messages not shown"))
        }

        let tags = HTMLSourceTags.scan(source, from: text.bomLength)
        let elements = buildElements(document.elements, tags: tags, source: source, lines: lines)

        for (e, x) in zip(elements, document.elements) where e.name == "script" || e.name == "style" {
            if let content = e.contentRange, content.count != x.textBytes, !text.transcoded || x.textBytes > 0 {
                // libxml2 and the source scan disagree on where the raw text ends (or libxml2 cut it).
                let p = lines.position(of: content.lowerBound)
                diagnostics.append(ScanDiagnostic(path: path, line: p.line, column: p.column, severity: .note, code: "html-raw-text",
                    message: "<\(e.name)> content is \(content.count) bytes in the source but \(x.textBytes) bytes in libxml2's tree; the source range is reported"))
            }
        }

        var extractor = HTMLExtractor(path: path, source: source, locator: locator, elements: elements, depth: depth)
        extractor.run()
        diagnostics.append(contentsOf: extractor.diagnostics)
        return HTMLScanResult(path: path, facts: extractor.facts, scripts: extractor.scripts, diagnostics: diagnostics,
                              elements: elements, source: source, encoding: text.encoding, transcoded: text.transcoded,
                              baseHref: extractor.baseHref)
    }

    /// libxml2 2.9 knows HTML 4's elements only and calls the rest (`<svg>`, `<main>`, custom
    /// elements such as `<ion-route>`) invalid; HTML allows them, so these messages are dropped.
    static func isCustomElementComplaint(_ message: String) -> Bool {
        message.hasPrefix("Tag ") && message.hasSuffix(" invalid")
    }

    /// libxml2 keeps every attribute of a tag (dropping only repeats), so the tag must have each
    /// of the element's attribute names, and an element without attributes a tag without any.
    static func attributesAgree(_ e: LibXMLElement, _ t: SourceTag) -> Bool {
        if e.attributes.isEmpty { return t.attributes.isEmpty }
        for a in e.attributes where !t.attributes.contains(where: { $0.name == a.name }) { return false }
        return true
    }

    /// Pairs libxml2's elements with source tags and builds the public element model.
    static func buildElements(_ parsed: [LibXMLElement], tags: [SourceTag], source: [UInt8], lines: LineTable) -> [HTMLElement] {
        var out: [HTMLElement] = []
        out.reserveCapacity(parsed.count)
        var cursor = 0
        let saturated = 65535
        for (k, e) in parsed.enumerated() {
            var found: Int? = nil
            var j = cursor
            var steps = 0
            while j < tags.count && steps < 4096 {
                let t = tags[j]
                let startLine = lines.line(at: t.start)
                if e.line < saturated && startLine > e.line { break }
                if t.name == e.name && attributesAgree(e, t) {
                    let endLine = lines.line(at: max(t.start, t.end - 1))
                    if (e.line >= startLine && e.line <= endLine) || (e.line >= saturated && endLine >= saturated) {
                        found = j
                        break
                    }
                }
                j += 1
                steps += 1
            }
            // An element libxml2 implied (a `<p>` around stray text) has no tag of its own: when the
            // first unconsumed tag belongs to the next element, do not reach past it.
            if let f = found, f > cursor, k + 1 < parsed.count,
               tags[cursor].name == parsed[k + 1].name, tags[cursor].name != e.name {
                found = nil
            }
            var attributes: [HTMLAttribute] = []
            attributes.reserveCapacity(e.attributes.count)
            let tag = found.map { tags[$0] }
            for (name, value) in e.attributes {
                if let a = tag?.attributes.first(where: { $0.name == name }) {
                    let raw = source[a.valueStart..<a.valueEnd]
                    attributes.append(HTMLAttribute(name: name, value: value, nameRange: a.nameStart..<a.nameEnd,
                                                    valueRange: a.valueStart..<a.valueEnd, entityEncoded: raw.contains(0x26)))
                } else {
                    attributes.append(HTMLAttribute(name: name, value: value, nameRange: nil, valueRange: nil, entityEncoded: false))
                }
            }
            if let found { cursor = found + 1 }
            out.append(HTMLElement(name: e.name, attributes: attributes, parent: e.parent, libxmlLine: e.line,
                                   tagRange: tag.map { $0.start..<$0.end }, contentRange: tag?.content))
        }
        return out
    }
}

struct HTMLExtractor {
    let path: String
    let source: [UInt8]
    let locator: Locator
    let elements: [HTMLElement]
    var facts: [Fact] = []
    var scripts: [EmbeddedScript] = []
    var diagnostics: [ScanDiagnostic] = []
    var baseHref: String? = nil
    let depth: Int

    init(path: String, source: [UInt8], locator: Locator, elements: [HTMLElement], depth: Int = 0) {
        self.depth = depth
        self.path = path
        self.source = source
        self.locator = locator
        self.elements = elements
    }

    /// Attributes whose value is a URL (for `javascript:` detection and remote resources).
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
        "xlink:href", "manifest", "codebase", "icon", "ping",
    ]
    /// Elements whose `src` (or `poster`) loads a resource; only remote ones become facts.
    static let mediaElements: Set<String> = ["img", "video", "audio", "source", "track", "input", "image"]

    mutating func run() {
        // The first <base href> applies to the whole document.
        if let base = elements.first(where: { $0.name == "base" && $0.attribute("href") != nil }), let href = base.attribute("href") {
            baseHref = URLClassifier.trimHTMLSpace(href.value)
        }
        for e in elements {
            extract(e)
        }
    }

    // MARK: Positions

    func location(of e: HTMLElement) -> SourceLocation {
        if let r = e.tagRange { return locator.location(r.lowerBound, r.upperBound) }
        let line = min(max(1, e.libxmlLine), locator.lines.lineCount)
        let start = locator.lines.lineStarts[line - 1]
        return locator.location(start, start)
    }

    /// The attribute's raw value range, else the element's tag.
    func location(of a: HTMLAttribute?, in e: HTMLElement) -> SourceLocation {
        if let r = a?.valueRange { return locator.location(r.lowerBound, r.upperBound) }
        return location(of: e)
    }

    func classify(_ value: String) -> ClassifiedURL {
        URLClassifier.classify(value, filePath: path, baseHref: baseHref)
    }

    var fileKey: String { StableKey.path(path) }

    mutating func add(_ kind: String, _ key: String, _ attributes: [String: String], _ location: SourceLocation) {
        facts.append(Fact(kind: kind, key: key, attributes: attributes, location: location))
    }

    mutating func addRemote(_ url: ClassifiedURL, via: String, _ location: SourceLocation) {
        guard url.kind == .remote else { return }
        var attributes = url.factAttributes
        attributes["via"] = via
        add(WebFactKind.remoteResource, "remote-resource:" + url.keyForm, attributes, location)
    }

    /// A URL-valued fact plus its remote-resource fact.
    mutating func addURLFact(_ kind: String, keyPrefix: String, _ a: HTMLAttribute, in e: HTMLElement, extra: [String: String] = [:]) {
        let url = classify(a.value)
        var attributes = url.factAttributes
        attributes["element"] = e.name
        attributes["attribute"] = a.name
        attributes.merge(extra) { _, b in b }
        let where_ = location(of: a, in: e)
        add(kind, keyPrefix + url.keyForm, attributes, where_)
        addRemote(url, via: kind, where_)
    }

    // MARK: Extraction

    mutating func extract(_ e: HTMLElement) {
        switch e.name {
        case "script": script(e)
        case "link": link(e)
        case "base":
            if let href = e.attribute("href") {
                let url = classify(href.value)
                var attributes = url.factAttributes
                attributes["href"] = URLClassifier.trimHTMLSpace(href.value)
                add(WebFactKind.baseHref, "base-href:" + URLClassifier.trimHTMLSpace(href.value), attributes, location(of: href, in: e))
            }
        case "meta": meta(e)
        case "iframe", "frame":
            if let src = e.attribute("src"), !URLClassifier.trimHTMLSpace(src.value).isEmpty, !isJavaScriptURL(src.value) {
                addURLFact(WebFactKind.iframe, keyPrefix: "iframe:", src, in: e, extra: frameAttributes(e))
            }
            if let srcdoc = e.attribute("srcdoc") {
                var attributes = frameAttributes(e)
                attributes["srcdoc"] = "true"
                attributes["element"] = e.name
                add(WebFactKind.iframe, "iframe:srcdoc@" + fileKey, attributes, location(of: srcdoc, in: e))
                srcdocDocument(srcdoc, in: e)
            }
        case "form":
            if let action = e.attribute("action"), !isJavaScriptURL(action.value) {
                var extra = ["method": (e.attribute("method")?.value ?? "get").lowercased()]
                if URLClassifier.trimHTMLSpace(action.value).isEmpty { extra["action"] = "self" }
                addURLFact(WebFactKind.form, keyPrefix: "form:", action, in: e, extra: extra)
            } else if e.attribute("action") == nil {
                add(WebFactKind.form, "form:self@" + fileKey,
                    ["method": (e.attribute("method")?.value ?? "get").lowercased(), "action": "self", "element": "form"], location(of: e))
            }
        case "object":
            if let data = e.attribute("data"), !isJavaScriptURL(data.value) {
                addURLFact(WebFactKind.object, keyPrefix: "object:", data, in: e, extra: typeAttribute(e))
            }
        case "embed":
            if let src = e.attribute("src"), !isJavaScriptURL(src.value) {
                addURLFact(WebFactKind.embed, keyPrefix: "embed:", src, in: e, extra: typeAttribute(e))
            }
        case "a", "area":
            if let href = e.attribute("href"), !isJavaScriptURL(href.value) {
                let url = classify(href.value)
                var attributes = url.factAttributes
                attributes["element"] = e.name
                if let target = e.attribute("target") { attributes["target"] = target.value }
                let where_ = location(of: href, in: e)
                if url.kind != .sameDocument {
                    add(WebFactKind.htmlLink, "html-link:" + url.keyForm, attributes, where_)
                }
            }
        case "ion-route":
            let url = e.attribute("url")?.value ?? ""
            var attributes: [String: String] = ["url": url]
            if let c = e.attribute("component") { attributes["component"] = c.value }
            add(WebFactKind.ionRoute, "ion-route:" + url, attributes, location(of: e.attribute("url"), in: e))
        case "ion-router":
            let root = e.attribute("root")?.value ?? "/"
            var attributes: [String: String] = ["root": root]
            if let h = e.attribute("use-hash") { attributes["use-hash"] = h.value.isEmpty ? "true" : h.value }
            add(WebFactKind.ionRouter, "ion-router:" + root, attributes, location(of: e))
        case "style":
            if let content = e.contentRange {
                css(content, context: .styleElement)
            }
        default:
            break
        }
        if Self.mediaElements.contains(e.name) {
            for name in ["src", "poster"] {
                if let a = e.attribute(name) {
                    let url = classify(a.value)
                    addRemote(url, via: e.name, location(of: a, in: e))
                }
            }
        }
        attributes(of: e)
    }

    /// The HTML of an `<iframe srcdoc>`, scanned as a document of its own. Its facts and scripts
    /// get `in-srcdoc=true`; positions are exact when the raw value has no character references
    /// (shifted into this file), else they all point at the attribute value and scripts carry
    /// their decoded text.
    mutating func srcdocDocument(_ a: HTMLAttribute, in e: HTMLElement) {
        guard depth < 3, let range = a.valueRange else { return }
        let decoded = Array(a.value.utf8)
        let exact = source[range].elementsEqual(decoded)
        let inner = HTMLScanner.scan(path: path, bytes: decoded, depth: depth + 1)
        let whole = locator.location(range.lowerBound, range.upperBound)
        func shifted(_ l: SourceLocation) -> SourceLocation {
            exact ? locator.location(range.lowerBound + l.byteStart, range.lowerBound + l.byteEnd) : whole
        }
        for f in inner.facts {
            var attributes = f.attributes
            attributes["in-srcdoc"] = "true"
            add(f.kind, f.key, attributes, shifted(f.location))
        }
        for s in inner.scripts {
            var attributes = s.attributes
            attributes["in-srcdoc"] = "true"
            let code = String(decoding: inner.source[s.byteRange], as: UTF8.self)
            scripts.append(EmbeddedScript(kind: s.kind, language: s.language,
                                          byteRange: exact ? (range.lowerBound + s.byteRange.lowerBound)..<(range.lowerBound + s.byteRange.upperBound) : range,
                                          attributes: attributes, entityEncoded: !exact || s.entityEncoded,
                                          percentEncoded: s.percentEncoded,
                                          decodedValue: exact ? s.decodedValue : (s.decodedValue ?? code),
                                          location: shifted(s.location)))
        }
    }

    func frameAttributes(_ e: HTMLElement) -> [String: String] {
        var a: [String: String] = [:]
        if let s = e.attribute("sandbox") { a["sandbox"] = s.value }
        if let s = e.attribute("allow") { a["allow"] = s.value }
        return a
    }

    func typeAttribute(_ e: HTMLElement) -> [String: String] {
        if let t = e.attribute("type") { return ["type": t.value.lowercased()] }
        return [:]
    }

    /// Event handlers, `javascript:` URLs and `style` attributes of any element.
    mutating func attributes(of e: HTMLElement) {
        for a in e.attributes {
            if isEventHandlerName(a.name) {
                let range = a.valueRange ?? e.tagRange.map { $0.lowerBound..<$0.lowerBound } ?? 0..<0
                let where_ = locator.location(range.lowerBound, range.upperBound)
                add(WebFactKind.eventHandler, "event-handler:" + a.name + "@" + e.name,
                    ["element": e.name, "attribute": a.name], where_)
                let raw = String(decoding: source[range], as: UTF8.self)
                scripts.append(EmbeddedScript(kind: .eventHandler, language: .classic, byteRange: range,
                                              attributes: ["element": e.name, "attribute": a.name],
                                              entityEncoded: a.entityEncoded, percentEncoded: false,
                                              decodedValue: raw == a.value ? nil : a.value, location: where_))
            } else if Self.urlAttributes.contains(a.name) && isJavaScriptURL(a.value) {
                javascriptURL(a, in: e)
            } else if a.name == "style", let range = a.valueRange {
                css(range, context: .styleAttribute)
            }
        }
    }

    /// `on` + letters: `onclick`, `onload`, `onerror`…
    func isEventHandlerName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard u.count > 2, u[0] == 0x6F, u[1] == 0x6E else { return false }
        return u[2...].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    func isJavaScriptURL(_ value: String) -> Bool {
        URLClassifier.schemeOf(URLClassifier.trimHTMLSpace(value).lowercased()) == "javascript"
    }

    mutating func javascriptURL(_ a: HTMLAttribute, in e: HTMLElement) {
        var range = a.valueRange ?? 0..<0
        // The code starts after `javascript:` when the raw text spells the scheme plainly.
        if !range.isEmpty, !a.entityEncoded || rawHasPlainScheme(range) {
            var i = range.lowerBound
            while i < range.upperBound && HTMLSourceTags.isSpace(source[i]) { i += 1 }
            if let colon = source[i..<range.upperBound].firstIndex(of: 0x3A) { range = (colon + 1)..<range.upperBound }
        }
        let where_ = locator.location(range.lowerBound, range.upperBound)
        add(WebFactKind.javascriptURL, "javascript-url:" + a.name + "@" + e.name, ["element": e.name, "attribute": a.name], where_)
        let decodedAttribute = URLClassifier.trimHTMLSpace(a.value)
        let code = URLClassifier.afterScheme(decodedAttribute)
        let percentEncoded = code.contains("%")
        let decoded = percentEncoded ? URLClassifier.percentDecode(code) : code
        let raw = String(decoding: source[range], as: UTF8.self)
        scripts.append(EmbeddedScript(kind: .javascriptURL, language: .classic, byteRange: range,
                                      attributes: ["element": e.name, "attribute": a.name],
                                      entityEncoded: a.entityEncoded, percentEncoded: percentEncoded,
                                      decodedValue: raw == decoded ? nil : decoded, location: where_))
    }

    func rawHasPlainScheme(_ range: Range<Int>) -> Bool {
        let raw = String(decoding: source[range], as: UTF8.self)
        return URLClassifier.schemeOf(URLClassifier.trimHTMLSpace(raw).lowercased()) == "javascript"
    }

    mutating func css(_ range: Range<Int>, context: CSSScanner.Context) {
        let result = CSSScanner.scan(bytes: source, range: range, locator: locator, context: context,
                                     filePath: path, baseHref: baseHref)
        facts.append(contentsOf: result.facts)
        diagnostics.append(contentsOf: result.diagnostics)
    }

    // MARK: script, link, meta

    static func language(ofType type: String?) -> EmbeddedScript.Language {
        guard let type else { return .classic }
        let t = URLClassifier.trimHTMLSpace(type).lowercased()
        let essence = String(t.prefix { $0 != ";" }).trimmingWhitespace()
        switch essence {
        case "", "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript",
             "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1",
             "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
             "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript":
            return .classic
        case "module": return .module
        case "importmap": return .importmap
        case "speculationrules": return .speculationRules
        case "application/json", "application/ld+json", "text/json": return .json
        default: return .other
        }
    }

    mutating func script(_ e: HTMLElement) {
        let type = e.attribute("type")?.value
        let language = Self.language(ofType: type)
        var attributes: [String: String] = ["language": language.rawValue]
        if let type { attributes["type"] = URLClassifier.trimHTMLSpace(type).lowercased() }
        for name in ["nomodule", "async", "defer"] where e.attribute(name) != nil { attributes[name] = "true" }
        for name in ["integrity", "crossorigin", "referrerpolicy", "nonce"] {
            if let a = e.attribute(name) { attributes[name] = a.value }
        }
        // SVG's <script> names its file with href / xlink:href.
        if let src = e.attribute("src") ?? e.attribute("href") ?? e.attribute("xlink:href") {
            if isJavaScriptURL(src.value) { return }
            let url = classify(src.value)
            attributes.merge(url.factAttributes) { a, _ in a }
            let where_ = location(of: src, in: e)
            add(WebFactKind.script, "script:" + url.keyForm, attributes, where_)
            addRemote(url, via: "script", where_)
            return
        }
        guard let content = e.contentRange else { return }
        attributes["inline"] = "true"
        let where_ = locator.location(content.lowerBound, content.upperBound)
        add(WebFactKind.script, "script:inline:" + language.rawValue + "@" + fileKey, attributes, where_)
        if language == .importmap { importMap(content) }
        var scriptAttributes: [String: String] = [:]
        for a in e.attributes { scriptAttributes[a.name] = a.value }
        scripts.append(EmbeddedScript(kind: .scriptElement, language: language, byteRange: content,
                                      attributes: scriptAttributes, entityEncoded: false, percentEncoded: false,
                                      decodedValue: nil, location: where_))
    }

    /// Remote URLs an inline import map sends module specifiers to (`imports` and `scopes`).
    mutating func importMap(_ content: Range<Int>) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(source[content])) as? [String: Any] else {
            diagnostics.append(locator.diagnostic(at: content.lowerBound, .warning, "importmap-json", "import map is not a JSON object"))
            return
        }
        var targets: [(String, String)] = []
        if let imports = json["imports"] as? [String: Any] {
            for (k, v) in imports { if let v = v as? String { targets.append((k, v)) } }
        }
        if let scopes = json["scopes"] as? [String: Any] {
            for case let (_, map as [String: Any]) in scopes {
                for (k, v) in map { if let v = v as? String { targets.append((k, v)) } }
            }
        }
        let where_ = locator.location(content.lowerBound, content.upperBound)
        for (specifier, target) in targets.sorted(by: { $0 < $1 }) {
            let url = classify(target)
            guard url.kind == .remote else { continue }
            var attributes = url.factAttributes
            attributes["via"] = "importmap"
            attributes["specifier"] = specifier
            add(WebFactKind.remoteResource, "remote-resource:" + url.keyForm, attributes, where_)
        }
    }

    mutating func link(_ e: HTMLElement) {
        guard let href = e.attribute("href") else { return }
        let rels = (e.attribute("rel")?.value ?? "").lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .map(String.init)
        var extra: [String: String] = ["rel": rels.joined(separator: " ")]
        for name in ["as", "type", "media", "integrity", "crossorigin", "sizes"] {
            if let a = e.attribute(name) { extra[name] = a.value }
        }
        if rels.contains("stylesheet") {
            addURLFact(WebFactKind.stylesheet, keyPrefix: "stylesheet:", href, in: e, extra: extra)
        } else {
            let relKey = rels.isEmpty ? "" : rels.sorted().joined(separator: "+")
            addURLFact(WebFactKind.link, keyPrefix: "link:" + relKey + ":", href, in: e, extra: extra)
        }
    }

    mutating func meta(_ e: HTMLElement) {
        guard let equiv = e.attribute("http-equiv"), let content = e.attribute("content") else { return }
        switch URLClassifier.trimHTMLSpace(equiv.value).lowercased() {
        case "content-security-policy", "content-security-policy-report-only":
            let reportOnly = equiv.value.lowercased().contains("report-only")
            csp(content, in: e, reportOnly: reportOnly)
        case "refresh":
            let (delay, target) = Self.parseRefresh(content.value)
            var attributes: [String: String] = ["delay": delay]
            let where_ = location(of: content, in: e)
            if let target {
                let url = classify(target)
                attributes.merge(url.factAttributes) { a, _ in a }
                attributes["url"] = target
                add(WebFactKind.metaRefresh, "meta-refresh:" + url.keyForm, attributes, where_)
                addRemote(url, via: "meta-refresh", where_)
            } else {
                add(WebFactKind.metaRefresh, "meta-refresh:reload", attributes, where_)
            }
        default:
            break
        }
    }

    /// `5; url=page.html`, `0;URL='x'`, `3, x`: the delay and the URL (HTML "shared declarative refresh steps").
    static func parseRefresh(_ content: String) -> (String, String?) {
        let u = Array(content.utf8)
        var i = 0
        while i < u.count && HTMLSourceTags.isSpace(u[i]) { i += 1 }
        let delayStart = i
        while i < u.count && ((u[i] >= 0x30 && u[i] <= 0x39) || u[i] == 0x2E) { i += 1 }
        let delay = String(decoding: u[delayStart..<i], as: UTF8.self)
        while i < u.count && HTMLSourceTags.isSpace(u[i]) { i += 1 }
        if i < u.count && (u[i] == 0x3B || u[i] == 0x2C) { i += 1 }
        while i < u.count && HTMLSourceTags.isSpace(u[i]) { i += 1 }
        guard i < u.count else { return (delay, nil) }
        // optional `url =`
        if i + 3 <= u.count && (u[i] | 0x20) == 0x75 && (u[i + 1] | 0x20) == 0x72 && (u[i + 2] | 0x20) == 0x6C {
            var j = i + 3
            while j < u.count && HTMLSourceTags.isSpace(u[j]) { j += 1 }
            if j < u.count && u[j] == 0x3D {
                j += 1
                while j < u.count && HTMLSourceTags.isSpace(u[j]) { j += 1 }
                i = j
            }
        }
        var end = u.count
        if i < u.count && (u[i] == 0x22 || u[i] == 0x27) {
            let q = u[i]
            i += 1
            end = u[i...].firstIndex(of: q) ?? u.count
        }
        let url = URLClassifier.trimHTMLSpace(String(decoding: u[i..<end], as: UTF8.self))
        return (delay, url.isEmpty ? nil : url)
    }

    mutating func csp(_ content: HTMLAttribute, in e: HTMLElement, reportOnly: Bool) {
        let policy = CSPPolicy.parse(content.value)
        // Directive offsets are offsets in the decoded value: usable only when the raw bytes are
        // the same (no character references, and libxml2 did not reinterpret invalid UTF-8).
        let plain = content.valueRange.map { source[$0].elementsEqual(content.value.utf8) } ?? false
        for d in policy.directives {
            var attributes = d.attributes
            if reportOnly { attributes["report-only"] = "true" }
            var where_ = location(of: content, in: e)
            if plain, let r = content.valueRange {
                let start = r.lowerBound + d.offset
                where_ = locator.location(start, min(r.upperBound, start + d.length))
            }
            add(WebFactKind.csp, "csp:" + d.name, attributes, where_)
        }
        // What governs script execution: script-src, else default-src.
        var attributes = policy.scriptPolicyAttributes
        if reportOnly { attributes["report-only"] = "true" }
        add(WebFactKind.csp, "csp:script-execution", attributes, location(of: content, in: e))
        // Each source scripts may come from, at the source's text. A report-only policy in a
        // <meta> is ignored by browsers (CSP3 §3.3): it allows nothing and restricts nothing.
        guard !reportOnly else { return }
        for s in policy.scriptSources {
            var attributes = ["source": s.source, "directive": s.directive, "class": s.sourceClass.rawValue, "allows": s.allows]
            if let host = s.host { attributes["host"] = host }
            if !s.coveredBy.isEmpty { attributes["covered-by"] = s.coveredBy.joined(separator: " ") }
            var where_ = location(of: content, in: e)
            if plain, let r = content.valueRange {
                where_ = locator.location(r.lowerBound + s.range.lowerBound, r.lowerBound + s.range.upperBound)
            }
            add(WebFactKind.cspScriptSource, "csp-script-source:" + s.source, attributes, where_)
        }
    }
}
