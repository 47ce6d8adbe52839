import Testing
@testable import LivegateScanner

private func scanCSS(_ css: String, path: String = "assets/css/app.css") -> CSSScanResult {
    CSSScanner.scan(BundleFile(path: path, bytes: Array(css.utf8), sha256: "", kind: .css))
}

@Test func cssExtraction() {
    let css = """
    @charset "UTF-8";
    @import "base.css";
    @import url(//fonts.example.com/css?family=Roboto) screen and (min-width: 10px);
    @import url("grid.css") layer(grid) supports(display: grid) print;
    @font-face { font-family: "Brand Sans"; src: url(../fonts/brand.3f9a8c1d.woff2) format("woff2"), url('https://cdn.example.com/brand.ttf') format('truetype'); }
    .hero { background: url(data:image/svg+xml;base64,AAAA) no-repeat, image-set("hero.png" 1x, "hero@2x.png" 2x); }
    .old { width: expression(document.body.clientWidth); behavior: url(hover.htc); -moz-binding: url("x.xml#b"); }
    .bad { content: "open
    ; background: url(a b); }
    """
    let r = scanCSS(css)
    #expect(r.facts.map(describe) == [
        "css-charset|css-charset:utf-8|1:1-1:17|0..<16|charset=UTF-8",
        "css-import|css-import:assets/css/base.css|2:1-2:20|18..<37|context=stylesheet,path=assets/css/base.css,url-kind=relative",
        "css-import|css-import://fonts.example.com/css|3:1-3:81|38..<118|context=stylesheet,host=fonts.example.com,media=screen and (min-width: 10px),url-kind=remote",
        "remote-resource|remote-resource://fonts.example.com/css|3:1-3:81|38..<118|host=fonts.example.com,url-kind=remote,via=css-import",
        "css-import|css-import:assets/css/grid.css|4:1-4:67|119..<185|context=stylesheet,layer=grid,media=print,path=assets/css/grid.css,supports=display: grid,url-kind=relative",
        "font-face|font-face:Brand Sans:assets/fonts/brand.*.woff2|5:46-5:80|231..<265|context=stylesheet,family=Brand Sans,format=woff2,path=assets/fonts/brand.3f9a8c1d.woff2,url-kind=relative",
        "font-face|font-face:Brand Sans://cdn.example.com/brand.ttf|5:98-5:138|283..<323|context=stylesheet,family=Brand Sans,format=truetype,host=cdn.example.com,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://cdn.example.com/brand.ttf|5:98-5:138|283..<323|host=cdn.example.com,scheme=https,url-kind=remote,via=font-face",
        "css-url|css-url:data:image/svg+xml|6:21-6:56|366..<401|context=stylesheet,media-type=image/svg+xml,property=background,scheme=data,url-kind=data",
        "css-url|css-url:assets/css/hero.png|6:78-6:88|423..<433|context=stylesheet,path=assets/css/hero.png,property=background,url-kind=relative",
        "css-url|css-url:assets/css/hero@2x.png|6:93-6:106|438..<451|context=stylesheet,path=assets/css/hero@2x.png,property=background,url-kind=relative",
        "legacy-css-script|legacy-css-script:expression()|7:15-7:26|473..<484|property=width",
        "legacy-css-script|legacy-css-script:behavior|7:54-7:63|512..<521|path=assets/css/hover.htc,property=behavior,url-kind=relative",
        "css-url|css-url:assets/css/hover.htc|7:64-7:78|522..<536|context=stylesheet,path=assets/css/hover.htc,property=behavior,url-kind=relative",
        "legacy-css-script|legacy-css-script:-moz-binding|7:80-7:93|538..<551|path=assets/css/x.xml,property=-moz-binding,url-kind=relative",
        "css-url|css-url:assets/css/x.xml|7:94-7:108|552..<566|context=stylesheet,path=assets/css/x.xml,property=-moz-binding,url-kind=relative",
    ])
    #expect(r.diagnostics.map { "\($0.line):\($0.column) \($0.code)" } == ["8:17 css-bad-string", "9:15 css-bad-url"])
}

@Test func cssURLEscapingTheRootIsFlagged() {
    let r = scanCSS("a{background:url(../../../../x.png)}", path: "a/b.css")
    #expect(r.facts.map(describe) == [
        "css-url|css-url:x.png|1:14-1:36|13..<35|context=stylesheet,escapes-root=true,path=x.png,property=background,url-kind=relative",
    ])
}

@Test func cssTokenDumpLines() {
    var out = ""
    CSSTokenDump.writeJSONLines(source: Array("a{b:1.5em}#x'é'".utf8)) { out += $0 }
    #expect(out == """
    {"kind":"ident","start":0,"end":1,"line":1,"col":1,"text":"a","value":"a"}
    {"kind":"{","start":1,"end":2,"line":1,"col":2,"text":"{"}
    {"kind":"ident","start":2,"end":3,"line":1,"col":3,"text":"b","value":"b"}
    {"kind":"colon","start":3,"end":4,"line":1,"col":4,"text":":"}
    {"kind":"dimension","start":4,"end":9,"line":1,"col":5,"text":"1.5em","number":1.5,"type":"number","unit":"em"}
    {"kind":"}","start":9,"end":10,"line":1,"col":10,"text":"}"}
    {"kind":"hash","start":10,"end":12,"line":1,"col":11,"text":"#x","value":"x","type":"id"}
    {"kind":"string","start":12,"end":16,"line":1,"col":13,"text":"'é'","value":"é"}

    """)
}

@Test func cssTokenDumpPositionsAgreeWithLineTable() {
    var bytes = Array("a\r\nb\rc\u{2028}d 😀é x\n".utf8)
    bytes += [0xF0, 0x9F, 0x41, 0x80, 0x80, 0x42, 0xE2, 0x80, 0x0A, 0xFF, 0x43, 0xC3]
    let lines = LineTable(bytes)
    var out = ""
    CSSTokenDump.writeJSONLines(source: bytes) { out += $0 }
    let dumped = out.split(separator: "\n").map { line -> String in
        let parts = line.split(separator: ",")
        let start = parts.first { $0.hasPrefix("\"start\":") }!.dropFirst(8)
        let l = parts.first { $0.hasPrefix("\"line\":") }!.dropFirst(7)
        let c = parts.first { $0.hasPrefix("\"col\":") }!.dropFirst(6)
        return "\(start) \(l):\(c)"
    }
    var starts: [Int] = []
    CSSTokenizer(bytes: bytes).forEachToken { starts.append($0.start) }
    #expect(dumped == starts.map { "\($0) \(lines.position(of: $0).line):\(lines.position(of: $0).column)" })
    #expect(dumped.count == 13)
}
