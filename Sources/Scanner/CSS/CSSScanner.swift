/// What the CSS scanner found in one stylesheet (a file, a `<style>` element or a `style` attribute).
public struct CSSScanResult: Sendable {
    public var facts: [Fact]
    public var diagnostics: [ScanDiagnostic]
    public var tokenCount: Int
}

/// Fact kinds emitted by the HTML and CSS scanners.
public enum WebFactKind {
    public static let script = "script"
    public static let stylesheet = "stylesheet"
    public static let link = "link"
    public static let baseHref = "base-href"
    public static let csp = "csp"
    /// One source a page's Content-Security-Policy lets scripts come from.
    public static let cspScriptSource = "csp-script-source"
    public static let metaRefresh = "meta-refresh"
    public static let iframe = "iframe"
    public static let form = "form"
    public static let object = "object"
    public static let embed = "embed"
    public static let htmlLink = "html-link"
    public static let ionRoute = "ion-route"
    public static let ionRouter = "ion-router"
    public static let eventHandler = "event-handler"
    public static let javascriptURL = "javascript-url"
    public static let cssImport = "css-import"
    public static let cssURL = "css-url"
    public static let cssCharset = "css-charset"
    public static let fontFace = "font-face"
    public static let legacyCSSScript = "legacy-css-script"
    public static let remoteResource = "remote-resource"
}

/// Extracts `@import`, `url()`, `@font-face` sources, `@charset` and script-capable legacy CSS.
public enum CSSScanner {
    /// Where the CSS sits; decides the `context` attribute of its facts.
    public enum Context: String, Sendable {
        case stylesheet, styleElement = "style-element", styleAttribute = "style-attribute"
    }

    /// A whole CSS file of the bundle.
    public static func scan(_ file: BundleFile) -> CSSScanResult {
        let locator = Locator(path: file.path, bytes: file.bytes)
        return scan(bytes: file.bytes, range: 0..<file.bytes.count, locator: locator, context: .stylesheet,
                    filePath: file.path, baseHref: nil)
    }

    /// CSS inside a host file (`range` of `bytes`), positions reported in the host file.
    static func scan(bytes: [UInt8], range: Range<Int>, locator: Locator, context: Context,
                     filePath: String, baseHref: String?) -> CSSScanResult {
        let tokenizer = CSSTokenizer(bytes: bytes, range: range)
        let tokens = tokenizer.tokenize()
        var extractor = CSSExtractor(tokenizer: tokenizer, tokens: tokens, locator: locator, context: context,
                                     filePath: filePath, baseHref: baseHref)
        extractor.run()
        return CSSScanResult(facts: extractor.facts, diagnostics: extractor.diagnostics, tokenCount: tokens.count)
    }
}

struct CSSExtractor {
    let tokenizer: CSSTokenizer
    let tokens: [CSSToken]
    let locator: Locator
    let context: CSSScanner.Context
    let filePath: String
    let baseHref: String?
    var facts: [Fact] = []
    var diagnostics: [ScanDiagnostic] = []

    init(tokenizer: CSSTokenizer, tokens: [CSSToken], locator: Locator, context: CSSScanner.Context,
         filePath: String, baseHref: String?) {
        self.tokenizer = tokenizer
        self.tokens = tokens
        self.locator = locator
        self.context = context
        self.filePath = filePath
        self.baseHref = baseHref
    }

    private struct FontSource {
        let url: ClassifiedURL
        let format: String
        let start: Int
        let end: Int
    }

    mutating func run() {
        var depth = 0
        var propertyToken: Int? = nil
        var property: String? { propertyToken.map { tokenizer.name(of: tokens[$0]).lowercased() } }
        var atDeclarationStart = true
        var fontFaceDepth: Int? = nil
        var pendingFontFace: (start: Int, end: Int)? = nil
        var fontFamily = ""
        var fontSources: [FontSource] = []
        // One entry per open function or `(`: whether it is image-set() (whose strings are URLs).
        var parens: [Bool] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t.kind {
            case .whitespace, .comment:
                if t.kind == .comment && t.isUnclosed {
                    diagnostics.append(locator.diagnostic(at: t.start, .warning, "css-unclosed-comment",
                                                          "comment runs to the end of the stylesheet"))
                }
                i += 1
                continue
            case .badString:
                diagnostics.append(locator.diagnostic(at: t.start, .warning, "css-bad-string",
                                                      "string ends at a newline (bad-string token)"))
            case .badURL:
                diagnostics.append(locator.diagnostic(at: t.start, .warning, "css-bad-url",
                                                      "unquoted url() holds a quote, parenthesis, space or control character (bad-url token)"))
            case .leftParen:
                parens.append(false)
            case .rightParen:
                _ = parens.popLast()
            case .leftBrace:
                parens.removeAll()
                depth += 1
                propertyToken = nil
                atDeclarationStart = true
                i += 1
                continue
            case .rightBrace:
                parens.removeAll()
                if let d = fontFaceDepth, depth == d {
                    emitFontFace(pendingFontFace, family: fontFamily, sources: fontSources)
                    fontFaceDepth = nil
                    pendingFontFace = nil
                    fontSources = []
                    fontFamily = ""
                }
                depth = max(0, depth - 1)
                propertyToken = nil
                atDeclarationStart = true
                i += 1
                continue
            case .semicolon:
                parens.removeAll()
                propertyToken = nil
                atDeclarationStart = true
                i += 1
                continue
            case .atKeyword:
                if tokenizer.nameMatches(t, "import") {
                    i = atImport(i)
                    atDeclarationStart = true
                    continue
                }
                if tokenizer.nameMatches(t, "charset") {
                    if let s = nextSignificant(i + 1), tokens[s].kind == .string {
                        let value = tokenizer.value(of: tokens[s])
                        add(WebFactKind.cssCharset, "css-charset:" + value.lowercased(), ["charset": value], t.start, tokens[s].end)
                    }
                }
                if tokenizer.nameMatches(t, "font-face") {
                    fontFaceDepth = depth + 1
                    pendingFontFace = (t.start, t.end)
                    fontFamily = ""
                    fontSources = []
                }
            case .ident:
                if atDeclarationStart, let n = nextSignificant(i + 1), tokens[n].kind == .colon {
                    propertyToken = i
                    if tokenizer.nameMatches(t, "behavior") || tokenizer.nameMatches(t, "-ms-behavior") || tokenizer.nameMatches(t, "-moz-binding") {
                        let name = tokenizer.name(of: t).lowercased()
                        var attributes: [String: String] = ["property": name]
                        if let v = nextSignificant(n + 1), let url = urlValue(at: v) {
                            attributes.merge(url.0.factAttributes) { a, _ in a }
                        }
                        add(WebFactKind.legacyCSSScript, "legacy-css-script:" + name, attributes, t.start, tokens[n].end)
                    }
                    if fontFaceDepth != nil, tokenizer.nameMatches(t, "font-family"), let v = nextSignificant(n + 1) {
                        fontFamily = declarationText(from: v)
                    }
                }
            case .function:
                parens.append(tokenizer.nameMatches(t, "image-set") || tokenizer.nameMatches(t, "-webkit-image-set"))
                if tokenizer.nameMatches(t, "expression") {
                    add(WebFactKind.legacyCSSScript, "legacy-css-script:expression()",
                        ["property": property ?? ""], t.start, t.end)
                }
            default:
                break
            }
            atDeclarationStart = false
            if let (url, end) = urlValue(at: i, inImageSet: parens.last == true) {
                let t = tokens[i]
                if fontFaceDepth != nil, let p = propertyToken, tokenizer.nameMatches(tokens[p], "src") {
                    fontSources.append(FontSource(url: url, format: fontFormat(after: i), start: t.start, end: end))
                } else {
                    emitURL(url, start: t.start, end: end, property: property)
                }
            }
            i += 1
        }
        if fontFaceDepth != nil {
            emitFontFace(pendingFontFace, family: fontFamily, sources: fontSources)
        }
    }

    /// The index of the next token that is not whitespace or a comment.
    func nextSignificant(_ from: Int) -> Int? {
        var j = from
        while j < tokens.count && tokens[j].isTrivia { j += 1 }
        return j < tokens.count ? j : nil
    }

    /// The matching `)` of the function or `(` at `index` (or the last token).
    func closing(_ index: Int) -> Int {
        var level = 0
        var j = index
        while j < tokens.count {
            switch tokens[j].kind {
            case .function, .leftParen: level += 1
            case .rightParen:
                level -= 1
                if level == 0 { return j }
            default: break
            }
            j += 1
        }
        return tokens.count - 1
    }

    /// A URL at token `index`: a url token, or `url(`/`src(` + string. Returns the URL and the end byte.
    /// `inImageSet`: the token sits directly inside image-set(), so a string is a URL.
    func urlValue(at index: Int, inImageSet: Bool = false) -> (ClassifiedURL, Int)? {
        let t = tokens[index]
        if t.kind == .url {
            return (classify(tokenizer.value(of: t)), t.end)
        }
        if t.kind == .function {
            if tokenizer.nameMatches(t, "url") || tokenizer.nameMatches(t, "src") {
                if let s = nextSignificant(index + 1), tokens[s].kind == .string {
                    let close = closing(index)
                    return (classify(tokenizer.value(of: tokens[s])), tokens[close].end)
                }
            }
        }
        if t.kind == .string && inImageSet {
            return (classify(tokenizer.value(of: t)), t.end)
        }
        return nil
    }

    func classify(_ url: String) -> ClassifiedURL {
        URLClassifier.classify(url, filePath: filePath, baseHref: baseHref)
    }

    /// `format("woff2")` after a font source, if any.
    func fontFormat(after index: Int) -> String {
        var j = tokens[index].kind == .function ? closing(index) + 1 : index + 1
        while j < tokens.count && tokens[j].isTrivia { j += 1 }
        guard j < tokens.count, tokens[j].kind == .function, tokenizer.nameMatches(tokens[j], "format"),
              let s = nextSignificant(j + 1) else { return "" }
        return tokens[s].kind == .string || tokens[s].kind == .ident ? tokenizer.value(of: tokens[s]) : ""
    }

    /// The text of a declaration value up to `;`, `}` or `!`, comments dropped, whitespace collapsed.
    func declarationText(from index: Int) -> String {
        var parts: [String] = []
        var j = index
        var space = false
        while j < tokens.count {
            let t = tokens[j]
            if t.kind == .semicolon || t.kind == .rightBrace || t.kind == .leftBrace { break }
            if t.kind == .delim && tokenizer.value(of: t) == "!" { break }
            if t.isTrivia { space = true } else {
                if space && !parts.isEmpty { parts.append(" ") }
                space = false
                parts.append(t.kind == .string ? tokenizer.value(of: t) : tokenizer.text(of: t))
            }
            j += 1
        }
        return parts.joined()
    }

    /// `@import` at `index`: returns the index after its prelude.
    mutating func atImport(_ index: Int) -> Int {
        let at = tokens[index]
        guard let first = nextSignificant(index + 1), let (url, urlEnd) = importTarget(first) else {
            return index + 1
        }
        var j = tokens[first].kind == .function ? closing(first) + 1 : first + 1
        var layer: String? = nil
        var supports: String? = nil
        var media: [String] = []
        var end = urlEnd
        while j < tokens.count {
            let t = tokens[j]
            if t.kind == .semicolon || t.kind == .leftBrace { end = t.end; break }
            if t.kind == .function {
                let name = tokenizer.name(of: t).lowercased()
                let close = closing(j)
                let inner = close > j + 1 ? tokenizer.bytes[tokens[j + 1].start..<tokens[close].start] : []
                let text = String(decoding: inner, as: UTF8.self)
                if name == "layer" && media.isEmpty { layer = URLClassifier.trimHTMLSpace(text); j = close + 1; end = tokens[close].end; continue }
                if name == "supports" && media.isEmpty { supports = URLClassifier.trimHTMLSpace(text); j = close + 1; end = tokens[close].end; continue }
            }
            if t.kind == .ident && media.isEmpty && layer == nil && tokenizer.name(of: t).lowercased() == "layer" {
                layer = ""
            } else if !t.isTrivia || !media.isEmpty {
                media.append(t.isTrivia ? " " : tokenizer.text(of: t))
            }
            end = t.end
            j += 1
        }
        var attributes = url.factAttributes
        if let layer { attributes["layer"] = layer }
        if let supports { attributes["supports"] = supports }
        let mediaText = URLClassifier.trimHTMLSpace(media.joined())
        if !mediaText.isEmpty { attributes["media"] = mediaText }
        attributes["context"] = context.rawValue
        add(WebFactKind.cssImport, "css-import:" + url.keyForm, attributes, at.start, end)
        if url.kind == .remote { addRemote(url, via: "css-import", at.start, end) }
        return j + 1
    }

    func importTarget(_ index: Int) -> (ClassifiedURL, Int)? {
        let t = tokens[index]
        if t.kind == .string { return (classify(tokenizer.value(of: t)), t.end) }
        return urlValue(at: index)
    }

    mutating func emitURL(_ url: ClassifiedURL, start: Int, end: Int, property: String?) {
        var attributes = url.factAttributes
        attributes["context"] = context.rawValue
        if let property { attributes["property"] = property }
        if url.kind == .javascript {
            add(WebFactKind.legacyCSSScript, "legacy-css-script:javascript-url", attributes, start, end)
            return
        }
        add(WebFactKind.cssURL, "css-url:" + url.keyForm, attributes, start, end)
        if url.kind == .remote { addRemote(url, via: "css-url", start, end) }
    }

    private mutating func emitFontFace(_ at: (start: Int, end: Int)?, family: String, sources: [FontSource]) {
        guard let at else { return }
        if sources.isEmpty {
            add(WebFactKind.fontFace, "font-face:" + family, ["family": family, "context": context.rawValue], at.start, at.end)
        }
        for s in sources {
            var attributes = s.url.factAttributes
            attributes["family"] = family
            attributes["context"] = context.rawValue
            if !s.format.isEmpty { attributes["format"] = s.format }
            add(WebFactKind.fontFace, "font-face:" + family + ":" + s.url.keyForm, attributes, s.start, s.end)
            if s.url.kind == .remote { addRemote(s.url, via: "font-face", s.start, s.end) }
        }
    }

    mutating func addRemote(_ url: ClassifiedURL, via: String, _ start: Int, _ end: Int) {
        var attributes = url.factAttributes
        attributes["via"] = via
        add(WebFactKind.remoteResource, "remote-resource:" + url.keyForm, attributes, start, end)
    }

    mutating func add(_ kind: String, _ key: String, _ attributes: [String: String], _ start: Int, _ end: Int) {
        facts.append(Fact(kind: kind, key: key, attributes: attributes, location: locator.location(start, end)))
    }
}
