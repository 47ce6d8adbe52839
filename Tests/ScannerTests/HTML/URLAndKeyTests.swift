import Testing
@testable import LivegateScanner

private func c(_ url: String, _ file: String = "www/pages/index.html", base: String? = nil) -> String {
    let u = URLClassifier.classify(url, filePath: file, baseHref: base)
    return u.factAttributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + " key=" + u.keyForm
}

@Test func urlClassification() {
    #expect(c("app.js") == "path=www/pages/app.js,url-kind=relative key=www/pages/app.js")
    #expect(c("../a/./b/%7Ex.js?v=1#h") == "path=www/a/b/~x.js,url-kind=relative key=www/a/b/~x.js")
    #expect(c("/root.css") == "path=root.css,url-kind=relative key=root.css")
    #expect(c("../../../../etc/passwd") == "escapes-root=true,path=etc/passwd,url-kind=relative key=etc/passwd")
    #expect(c("x.js", base: "/app/") == "path=app/x.js,url-kind=relative key=app/x.js")
    #expect(c("x.js", base: "https://cdn.example.com/") == "path=www/pages/x.js,url-kind=relative key=www/pages/x.js")
    #expect(c("//CDN.Example.com:8443/a.js?x") == "host=cdn.example.com,port=8443,url-kind=remote key=//cdn.example.com:8443/a.js")
    #expect(c("HTTPS://user@Evil.example.org./p") == "host=evil.example.org,scheme=https,url-kind=remote key=//evil.example.org/p")
    #expect(c("wss://live.example.com") == "host=live.example.com,scheme=wss,url-kind=remote key=//live.example.com/")
    #expect(c("capacitor://localhost/assets/a.js") == "host=localhost,path=assets/a.js,scheme=capacitor,url-kind=own-origin key=assets/a.js")
    #expect(c("https://localhost/_capacitor_file_/x") == "host=localhost,path=_capacitor_file_/x,scheme=https,url-kind=own-origin key=_capacitor_file_/x")
    #expect(c("http://localhost:8100/") == "host=localhost,path=,port=8100,scheme=http,url-kind=own-origin key=")
    #expect(c("ionic://localhost/index.html") == "host=localhost,path=index.html,scheme=ionic,url-kind=own-origin key=index.html")
    #expect(c("file:///android_asset/www/js/app.js") == "path=js/app.js,scheme=file,url-kind=own-origin key=js/app.js")
    #expect(c("data:text/javascript;base64,YQ==") == "media-type=text/javascript,scheme=data,url-kind=data key=data:text/javascript")
    #expect(c("data:,x") == "media-type=text/plain,scheme=data,url-kind=data key=data:text/plain")
    #expect(c("blob:https://x/1") == "scheme=blob,url-kind=blob key=blob:")
    #expect(c(" java\tscript:alert(1)") == "scheme=javascript,url-kind=javascript key=javascript:")
    #expect(c("mailto:a@b.c?subject=x") == "scheme=mailto,url-kind=mailto key=mailto:a@b.c")
    #expect(c("tel:+15551234") == "scheme=tel,url-kind=tel key=tel:+15551234")
    #expect(c("itms-apps://apps.apple.com/app/id1") == "scheme=itms-apps,url-kind=other-scheme key=itms-apps://apps.apple.com/app/id1")
    #expect(c("#top") == "url-kind=same-document key=#")
    #expect(c("") == "url-kind=same-document key=#")
}

@Test func hashedFileNamesAreNormalised() {
    #expect(StableKey.path("assets/index-Dvm9KEU2.js") == "assets/index-*.js")
    #expect(StableKey.path("js/app.5c3a8eec.js") == "js/app.*.js")
    #expect(StableKey.path("js/chunk-2d208e4e.d1f7a0b2.js") == "js/chunk-*.*.js")
    #expect(StableKey.path("static/js/main.3f9a8c1d.chunk.js") == "static/js/main.*.chunk.js")
    #expect(StableKey.path("a1b2c3d4e5.js") == "*.js")
    #expect(StableKey.path("jquery-3.6.0.min.js") == "jquery-3.6.0.min.js")
    #expect(StableKey.path("polyfills-es2015.js") == "polyfills-es2015.js")
    #expect(StableKey.path("index.html") == "index.html")
    #expect(StableKey.path("static/js/index.DucWPHXi.js") == "static/js/index.*.js")
    #expect(StableKey.path("static/js/react-dom.CbzydqoA.js") == "static/js/react-dom.*.js")
    #expect(StableKey.path("static/js/types.cZoyy9Y-.js") == "static/js/types.*.js")
    #expect(StableKey.path("static/js/protobuf.B-gz2osh.js") == "static/js/protobuf.*.js")
    #expect(StableKey.path("static/js/Check.esm.C0_5iXfI.js") == "static/js/Check.esm.*.js")
    #expect(StableKey.path("static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2") == "static/media/SourceSansVF-Upright.ttf.*.woff2")
    #expect(StableKey.path("i18n/app.Settings.json") == "i18n/app.Settings.json")
}

@Test func cspDirectivesAndFallback() {
    let p = CSPPolicy.parse("DEFAULT-SRC 'self' 'unsafe-inline' 'nonce-abc' *.example.com; script-src-elem x; default-src *; img-src data:")
    #expect(p.directives.map(\.name) == ["default-src", "script-src-elem", "img-src"])
    #expect(p.scriptDirective?.name == "default-src")
    #expect(p.scriptDirective?.unsafeInline == true)
    #expect(p.scriptDirective?.unsafeInlineEffective == false)
    #expect(p.scriptDirective?.wildcard == true)
    #expect(p.scriptDirective?.hosts == ["*.example.com"])
    #expect(p.directive("img-src")?.allowsData == true)
    #expect(CSPPolicy.parse("").directives.isEmpty)
    #expect(CSPPolicy.parse(";;  ; script-src 'UNSAFE-EVAL'").directive("script-src")?.unsafeEval == true)
}

@Test func metaRefreshForms() {
    #expect(HTMLExtractor.parseRefresh("5; url=a.html") == ("5", "a.html"))
    #expect(HTMLExtractor.parseRefresh("0;URL='https://x.example/'") == ("0", "https://x.example/"))
    #expect(HTMLExtractor.parseRefresh(" 3 , next.html ") == ("3", "next.html"))
    #expect(HTMLExtractor.parseRefresh("10") == ("10", nil))
}

@Test func inventoryOrderIsDeterministic() {
    let html = BundleFile(path: "index.html", bytes: Array("<link rel=stylesheet href=b.css><script src=a.js></script>".utf8), sha256: "", kind: .html)
    let css = BundleFile(path: "b.css", bytes: Array("@import 'c.css';".utf8), sha256: "", kind: .css)
    let js = BundleFile(path: "a.js", bytes: Array("x".utf8), sha256: "", kind: .javascript)
    let one = HTMLCSSInventory.scan([html, css, js])
    let two = HTMLCSSInventory.scan([js, css, html])
    #expect(one.facts == two.facts)
    #expect(one.facts.map { "\($0.location.path) \($0.key)" } == [
        "b.css css-import:c.css", "index.html stylesheet:b.css", "index.html script:a.js",
    ])
}
