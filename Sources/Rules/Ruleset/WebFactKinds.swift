import LivegateScanner

extension FactKindCatalog {
    /// The kinds the HTML and CSS scanners emit, with their attributes (docs/html-css-scanners.md).
    public static let web: FactKindCatalog = {
        let url: Set<String> = ["url-kind", "host", "port", "scheme", "path", "escapes-root", "media-type", "url", "attribute", "element"]
        return FactKindCatalog(attributes: [
            WebFactKind.script: url.union(["language", "type", "nomodule", "async", "defer", "integrity", "crossorigin", "inline"]),
            WebFactKind.stylesheet: url.union(["rel", "media", "integrity"]),
            WebFactKind.link: url.union(["rel", "as", "type", "crossorigin"]),
            WebFactKind.baseHref: url.union(["href"]),
            WebFactKind.csp: ["directive", "sources", "unsafe-eval", "wasm-unsafe-eval", "unsafe-inline", "wildcard", "data", "blob", "hosts",
                              "strict-dynamic", "report-only", "from", "restricted", "unsafe-inline-effective"],
            WebFactKind.cspScriptSource: ["source", "directive", "class", "allows", "host", "covered-by"],
            WebFactKind.metaRefresh: url.union(["delay"]),
            WebFactKind.iframe: url.union(["sandbox", "allow", "in-srcdoc"]),
            WebFactKind.form: url.union(["method", "action"]),
            WebFactKind.object: url.union(["type"]),
            WebFactKind.embed: url.union(["type"]),
            WebFactKind.htmlLink: url.union(["target"]),
            WebFactKind.ionRoute: url.union(["component"]),
            WebFactKind.ionRouter: ["root", "use-hash"],
            WebFactKind.eventHandler: ["element", "attribute"],
            WebFactKind.javascriptURL: ["element", "attribute"],
            WebFactKind.cssImport: url.union(["media", "supports", "layer", "context"]),
            WebFactKind.cssURL: url.union(["property", "context"]),
            WebFactKind.cssCharset: ["charset"],
            WebFactKind.fontFace: url.union(["family", "format"]),
            WebFactKind.legacyCSSScript: ["property"],
            WebFactKind.remoteResource: url.union(["via", "specifier"]),
        ])
    }()
}
