import Foundation
import Testing
@testable import LivegateScanner

/// `kind|key|line:col-endLine:endCol|start..<end|attr=value,…` for exact comparisons.
func describe(_ f: Fact) -> String {
    let l = f.location
    let attributes = f.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    return "\(f.kind)|\(f.key)|\(l.line):\(l.column)-\(l.endLine):\(l.endColumn)|\(l.byteStart)..<\(l.byteEnd)|\(attributes)"
}

/// `kind|language|start..<end|line:col|raw text|decoded`.
func describe(_ s: EmbeddedScript, in source: [UInt8]) -> String {
    "\(s.kind.rawValue)|\(s.language.rawValue)|\(s.byteRange.lowerBound)..<\(s.byteRange.upperBound)|\(s.location.line):\(s.location.column)|\(String(decoding: source[s.byteRange], as: UTF8.self))|\(s.decodedValue ?? "-")"
}

func text(_ r: HTMLScanResult, _ f: Fact) -> String {
    String(decoding: r.source[f.location.byteStart..<f.location.byteEnd], as: UTF8.self)
}

@Test func everyElementOfTheFullFixture() {
    let r = HTMLScanner.scan(path: "www/index.html", bytes: Array(HTMLFixtures.full.utf8))
    #expect(r.facts.map(describe) == [
        "csp|csp:default-src|5:53-5:71|105..<123|directive=default-src,sources='self'",
        "csp|csp:script-src|5:73-5:140|125..<192|blob=true,data=true,directive=script-src,hosts=cdn.example.com,sources='self' 'unsafe-eval' https://cdn.example.com data: blob:,unsafe-eval=true",
        "csp|csp:style-src|5:142-5:169|194..<221|directive=style-src,sources=* 'unsafe-inline',unsafe-inline=true,wildcard=true",
        "csp|csp:script-execution|5:53-5:169|105..<221|blob=true,data=true,directive=script-src,from=script-src,hosts=cdn.example.com,restricted=true,sources='self' 'unsafe-eval' https://cdn.example.com data: blob:,unsafe-eval=true,unsafe-inline-effective=false",
        "csp-script-source|csp-script-source:'self'|5:84-5:90|136..<142|allows=scripts from the app's own origin,class=self,directive=script-src,source='self'",
        "csp-script-source|csp-script-source:'unsafe-eval'|5:91-5:104|143..<156|allows=eval() and new Function() on strings,class=unsafe-eval,directive=script-src,source='unsafe-eval'",
        "csp-script-source|csp-script-source:https://cdn.example.com|5:105-5:128|157..<180|allows=a remote script source,class=host,covered-by=* https: http: cdn.example.com http://cdn.example.com *.example.com https://*.example.com http://*.example.com,directive=script-src,host=cdn.example.com,source=https://cdn.example.com",
        "csp-script-source|csp-script-source:data:|5:129-5:134|181..<186|allows=scripts in data: URLs,class=wildcard,directive=script-src,source=data:",
        "csp-script-source|csp-script-source:blob:|5:135-5:140|187..<192|allows=scripts in blob: URLs,class=wildcard,directive=script-src,source=blob:",
        "meta-refresh|meta-refresh://example.com/next|6:37-6:72|260..<295|delay=5,host=example.com,scheme=https,url=https://Example.com/next?x=1,url-kind=remote",
        "remote-resource|remote-resource://example.com/next|6:37-6:72|260..<295|host=example.com,scheme=https,url-kind=remote,via=meta-refresh",
        "base-href|base-href:/app/|7:13-7:18|310..<315|href=/app/,path=app,url-kind=relative",
        "stylesheet|stylesheet:app/css/main.*.css|8:30-8:51|347..<368|attribute=href,element=link,path=app/css/main.5c3a8eec.css,rel=stylesheet,url-kind=relative",
        "link|link:modulepreload:app/assets/vendor-*.js|9:33-9:60|403..<430|attribute=href,element=link,path=app/assets/vendor-Dvm9KEU2.js,rel=modulepreload,url-kind=relative",
        "link|link:preload://fonts.example.net/a.woff2|10:37-10:64|469..<496|as=font,attribute=href,crossorigin=,element=link,host=fonts.example.net,rel=preload,url-kind=remote",
        "remote-resource|remote-resource://fonts.example.net/a.woff2|10:37-10:64|469..<496|host=fonts.example.net,url-kind=remote,via=link",
        "link|link:manifest:app/manifest.json|11:28-11:41|538..<551|attribute=href,element=link,path=app/manifest.json,rel=manifest,url-kind=relative",
        "link|link:icon:data:image/png|11:66-11:92|576..<602|attribute=href,element=link,media-type=image/png,rel=icon,scheme=data,url-kind=data",
        "script|script:app/assets/index-*.js|12:28-12:52|632..<656|crossorigin=anonymous,integrity=sha384-abc,language=module,path=app/assets/index-Dvm9KEU2.js,type=module,url-kind=relative",
        "script|script://cdn.example.com/legacy.js|13:23-13:56|737..<770|host=cdn.example.com,language=classic,nomodule=true,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://cdn.example.com/legacy.js|13:23-13:56|737..<770|host=cdn.example.com,scheme=https,url-kind=remote,via=script",
        "script|script:inline:importmap@www/index.html|14:26-14:52|807..<833|inline=true,language=importmap,type=importmap",
        "script|script:inline:other@www/index.html|15:30-15:46|872..<888|inline=true,language=other,type=text/template",
        "script|script:inline:classic@www/index.html|16:9-16:49|906..<947|inline=true,language=classic",
        "css-import|css-import:app/theme.css|17:8-17:40|964..<996|context=style-element,media=screen,path=app/theme.css,url-kind=relative",
        "css-url|css-url:app/img/bg.png|17:58-17:73|1014..<1029|context=style-element,path=app/img/bg.png,property=background,url-kind=relative",
        "event-handler|event-handler:onload@body|19:15-19:21|1062..<1068|attribute=onload,element=body",
        "css-url|css-url://img.example.org/x.png|19:51-19:87|1098..<1134|context=style-attribute,host=img.example.org,property=background,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://img.example.org/x.png|19:51-19:87|1098..<1134|host=img.example.org,scheme=https,url-kind=remote,via=css-url",
        "ion-router|ion-router:/|20:1-20:30|1137..<1166|root=/,use-hash=false",
        "ion-route|ion-route:/wallet|20:46-20:53|1182..<1189|component=page-wallet,url=/wallet",
        "html-link|html-link:about|21:10-21:17|1250..<1257|element=a,path=about,url-kind=relative",
        "javascript-url|javascript-url:href@a|21:72-21:79|1312..<1319|attribute=href,element=a",
        "html-link|html-link:mailto:a@b.c|21:96-21:108|1336..<1348|element=a,scheme=mailto,url-kind=mailto",
        "iframe|iframe://pay.example.com/checkout|22:14-22:46|1369..<1401|attribute=src,element=iframe,host=pay.example.com,sandbox=allow-scripts,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://pay.example.com/checkout|22:14-22:46|1369..<1401|host=pay.example.com,scheme=https,url-kind=remote,via=iframe",
        "iframe|iframe:srcdoc@www/index.html|22:97-22:106|1452..<1461|element=iframe,srcdoc=true",
        "form|form://pay.example.com/submit|23:15-23:45|1487..<1517|attribute=action,element=form,host=pay.example.com,method=post,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://pay.example.com/submit|23:15-23:45|1487..<1517|host=pay.example.com,scheme=https,url-kind=remote,via=form",
        "event-handler|event-handler:onclick@button|23:78-23:98|1550..<1570|attribute=onclick,element=button",
        "object|object:app/movie.swf|24:15-24:24|1606..<1615|attribute=data,element=object,path=app/movie.swf,type=application/x-shockwave-flash,url-kind=relative",
        "embed|embed:app/plugin.bin|24:84-24:94|1675..<1685|attribute=src,element=embed,path=app/plugin.bin,url-kind=relative",
        "remote-resource|remote-resource://tracker.example.com/p.gif|25:10-25:43|1697..<1730|host=tracker.example.com,scheme=https,url-kind=remote,via=img",
    ])
}

@Test func fullFixtureRangesPointAtTheRawValues() {
    let r = HTMLScanner.scan(path: "www/index.html", bytes: Array(HTMLFixtures.full.utf8))
    let byKey = Dictionary(r.facts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(text(r, byKey["script:app/assets/index-*.js"]!) == "assets/index-Dvm9KEU2.js")
    #expect(text(r, byKey["csp:script-src"]!) == "script-src 'self' 'unsafe-eval' https://cdn.example.com data: blob:")
    #expect(text(r, byKey["ion-route:/wallet"]!) == "/wallet")
    #expect(text(r, byKey["css-url://img.example.org/x.png"]!) == "url('https://img.example.org/x.png')")
    #expect(text(r, byKey["event-handler:onclick@button"]!) == "pay(&quot;now&quot;)")
    #expect(r.baseHref == "/app/")
    #expect(r.encoding == "utf-8")
    #expect(r.transcoded == false)
}

@Test func fullFixtureEmbeddedScripts() {
    let r = HTMLScanner.scan(path: "www/index.html", bytes: Array(HTMLFixtures.full.utf8))
    #expect(r.scripts.map { describe($0, in: r.source) } == [
        "script-element|importmap|807..<833|14:26|{\"imports\":{\"a\":\"./a.js\"}}|-",
        "script-element|other|872..<888|15:30|<div>{{x}}</div>|-",
        "script-element|classic|906..<947|16:9|var é = \"</scr\" + \"ipt>\"; window.go = 1;|-",
        "event-handler|classic|1062..<1068|19:15|init()|-",
        "javascript-url|classic|1312..<1319|21:72|void(0)|-",
        "event-handler|classic|1550..<1570|23:78|pay(&quot;now&quot;)|pay(\"now\")",
    ])
    #expect(r.scripts[5].entityEncoded == true)
    #expect(r.scripts[0].attributes == ["type": "importmap"])
    #expect(r.diagnostics.map { "\($0.line):\($0.column) \($0.code) \($0.message)" } == [
        "15:40 html-parse Element script embeds close tag",
        "16:18 html-parse Element script embeds close tag",
    ])
}
