import Foundation
import Testing
@testable import LivegateScanner

@Test func malformedHTMLRecovers() {
    let html = "<div><p>unclosed<script>var s=\"</script>\";alert(1)</script><a href=/x/y onclick=go()>q<img src=//cdn.x.org/i.png>\n<SCRIPT SRC='b.js'>"
    let r = HTMLScanner.scan(path: "index.html", bytes: Array(html.utf8))
    #expect(r.facts.map(describe) == [
        "script|script:inline:classic@index.html|1:25-1:32|24..<31|inline=true,language=classic",
        "html-link|html-link:x/y|1:68-1:72|67..<71|element=a,path=x/y,url-kind=relative",
        "event-handler|event-handler:onclick@a|1:81-1:85|80..<84|attribute=onclick,element=a",
        "remote-resource|remote-resource://cdn.x.org/i.png|1:96-1:113|95..<112|host=cdn.x.org,url-kind=remote,via=img",
        "script|script:b.js|2:14-2:18|127..<131|language=classic,path=b.js,url-kind=relative",
    ])
    // The script ends at the first `</script`, as in browsers: the rest is text.
    #expect(r.scripts.map { describe($0, in: r.source) } == [
        "script-element|classic|24..<31|1:25|var s=\"|-",
        "event-handler|classic|80..<84|1:81|go()|-",
    ])
}

@Test func scriptTextBuiltByConcatenationStaysOneScript() {
    let html = "<script>document.write('<scr'+'ipt src=\"x.js\"></scr'+'ipt>')</script><p>after</p>"
    let r = HTMLScanner.scan(path: "a.html", bytes: Array(html.utf8))
    #expect(r.scripts.count == 1)
    #expect(r.scripts[0].byteRange == 8..<60)
    #expect(r.elements.map(\.name) == ["script", "p"])
    #expect(r.elements[1].tagRange == 69..<72)
}

@Test func utf8BOMKeepsFileOffsets() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<script src=\"a.js\"></script>".utf8)
    let r = HTMLScanner.scan(path: "i.html", bytes: bytes)
    #expect(r.encoding == "utf-8")
    #expect(r.transcoded == false)
    // The BOM counts as one UTF-16 unit on line 1 (LineTable counts every scalar).
    #expect(r.facts.map(describe) == ["script|script:a.js|1:15-1:19|16..<20|language=classic,path=a.js,url-kind=relative"])
}

@Test func utf16LittleAndBigEndianAreTranscoded() {
    let html = "<p>é😀</p>\n<a href=\"x.html\" onclick=\"f('€')\">x</a>"
    for little in [true, false] {
        var bytes: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for u in html.utf16 { bytes += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let r = HTMLScanner.scan(path: "u.html", bytes: bytes)
        #expect(r.encoding == (little ? "utf-16le" : "utf-16be"))
        #expect(r.transcoded == true)
        #expect(r.source == Array(html.utf8))
        #expect(r.facts.map(describe) == [
            "html-link|html-link:x.html|2:10-2:16|23..<29|element=a,path=x.html,url-kind=relative",
            "event-handler|event-handler:onclick@a|2:27-2:33|40..<48|attribute=onclick,element=a",
        ])
        #expect(r.diagnostics.first?.code == "transcoded")
    }
}

@Test func declaredWindows1252IsTranscoded() {
    let bytes: [UInt8] = Array("<meta charset=\"windows-1252\"><a href=\"caf".utf8) + [0xE9] + Array(".html\">\u{80}</a>".utf8.prefix(7)) + [0x80] + Array("</a>".utf8)
    let r = HTMLScanner.scan(path: "w.html", bytes: bytes)
    #expect(r.encoding == "windows-1252")
    #expect(r.facts.map(describe) == ["html-link|html-link:café.html|1:39-1:48|38..<48|element=a,path=café.html,url-kind=relative"])
    #expect(String(decoding: r.source, as: UTF8.self) == "<meta charset=\"windows-1252\"><a href=\"café.html\">€</a>")
}

@Test func declaredISO88591MeansWindows1252AndShiftJISWorks() {
    let latin: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>".utf8) + [0x93, 0x94]
    let r1 = HTMLScanner.scan(path: "l.html", bytes: latin)
    #expect(r1.encoding == "windows-1252")
    #expect(String(decoding: r1.source, as: UTF8.self).hasSuffix("<p>\u{201C}\u{201D}"))

    // あ = 82 A0, 日 = 93 FA in Shift_JIS.
    let sjis: [UInt8] = Array("<meta charset=shift_jis><p>".utf8) + [0x82, 0xA0] + Array("</p><b onclick=\"f('".utf8) + [0x93, 0xFA] + Array("')\">".utf8)
    let r2 = HTMLScanner.scan(path: "s.html", bytes: sjis)
    #expect(r2.encoding == "shift_jis")
    #expect(r2.scripts.map { describe($0, in: r2.source) } == ["event-handler|classic|46..<54|1:45|f('日')|-"])
}

@Test func twentyMegabyteInlineScriptIsNotTruncated() {
    let line = "var a = 'x'; // padding\n"  // 24 bytes
    let count = 20 * 1024 * 1024 / line.utf8.count
    let body = String(repeating: line, count: count)
    let html = "<html><body><script>" + body + "</script><a href=\"/after\">a</a></body></html>"
    let r = HTMLScanner.scan(path: "big.html", bytes: Array(html.utf8))
    let start = 20
    #expect(r.scripts.count == 1)
    #expect(r.scripts[0].byteRange == start..<(start + body.utf8.count))
    // libxml2 kept the whole text (no "html-raw-text" disagreement), and the link after the
    // script, on a line past libxml2's 65535 limit, was still placed exactly.
    #expect(r.diagnostics.filter { $0.code == "html-raw-text" }.isEmpty)
    #expect(r.facts.map(describe).last == "html-link|html-link:after|\(count + 1):19-\(count + 1):25|\(start + body.utf8.count + 18)..<\(start + body.utf8.count + 24)|element=a,path=after,url-kind=relative")
}

@Test func manyLinesPastLibxmlLineLimit() {
    var html = ""
    for i in 0..<70_000 { html += "<p id=p\(i)>x</p>\n" }
    html += "<iframe src=\"https://late.example.com/\"></iframe>\n"
    let r = HTMLScanner.scan(path: "lines.html", bytes: Array(html.utf8))
    let iframe = r.facts.first { $0.kind == "iframe" }
    #expect(iframe.map(describe) == "iframe|iframe://late.example.com/|70001:14-70001:39|\(html.utf8.count - 37)..<\(html.utf8.count - 12)|attribute=src,element=iframe,host=late.example.com,scheme=https,url-kind=remote")
    #expect(r.elements.filter { $0.tagRange == nil }.count == 0)
}

@Test func emptyAndBinaryishInputs() {
    #expect(HTMLScanner.scan(path: "e.html", bytes: []).facts.isEmpty)
    let r = HTMLScanner.scan(path: "z.html", bytes: [0, 0x3C, 0x61, 0x20, 0x68, 0x72, 0x65, 0x66, 0x3D, 0x78, 0x3E, 0xFF])
    #expect(r.facts.map(describe) == ["html-link|html-link:x|1:10-1:11|9..<10|element=a,path=x,url-kind=relative"])
}

@Test func importMapRemoteTargetsAndSVGScriptHref() {
    let html = "<script type=importmap>{\"imports\":{\"vue\":\"https://unpkg.example.com/vue.js\",\"a\":\"./a.js\"},\"scopes\":{\"/x/\":{\"b\":\"//cdn.example.net/b.js\"}}}</script><svg><script xlink:href=\"s.js\"></script></svg><script type=importmap>[</script>"
    let r = HTMLScanner.scan(path: "m.html", bytes: Array(html.utf8))
    #expect(r.facts.map(describe) == [
        "script|script:inline:importmap@m.html|1:24-1:139|23..<138|inline=true,language=importmap,type=importmap",
        "remote-resource|remote-resource://cdn.example.net/b.js|1:24-1:139|23..<138|host=cdn.example.net,specifier=b,url-kind=remote,via=importmap",
        "remote-resource|remote-resource://unpkg.example.com/vue.js|1:24-1:139|23..<138|host=unpkg.example.com,scheme=https,specifier=vue,url-kind=remote,via=importmap",
        "script|script:s.js|1:173-1:177|172..<176|language=classic,path=s.js,url-kind=relative",
        "script|script:inline:importmap@m.html|1:217-1:218|216..<217|inline=true,language=importmap,type=importmap",
    ])
    #expect(r.diagnostics.map { "\($0.code) \($0.message)" } == ["importmap-json import map is not a JSON object"])
}

/// Fuzzer finding: invalid UTF-8 in a CSP makes libxml2 re-read the bytes as Latin-1, so the
/// decoded value is longer than the raw one; directive positions must not come from it.
@Test func cspWithInvalidUTF8KeepsPositionsInTheAttribute() {
    let bytes: [UInt8] = Array("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 's".utf8)
        + [UInt8](repeating: 0xD5, count: 40) + Array("elf'; style-src *\">".utf8)
    let r = HTMLScanner.scan(path: "c.html", bytes: bytes)
    #expect(r.facts.map { "\($0.key) \($0.location.byteStart)..<\($0.location.byteEnd) \($0.location.line):\($0.location.column)" } == [
        "csp:script-src 52..<122 1:53",
        "csp:style-src 52..<122 1:53",
        "csp:script-execution 52..<122 1:53",
        // libxml2 read the bytes as Latin-1 (Õ); keywords are lower-cased.
        "csp-script-source:'s\(String(repeating: "\u{F5}", count: 40))elf' 52..<122 1:53",
    ])
}

@Test func srcdocDocumentsAreScanned() {
    let html = "<iframe srcdoc=\"<script src='https://evil.example.com/x.js'></script><b onclick='go()'>\"></iframe><iframe srcdoc=\"<p onclick=&quot;f()&quot;>\"></iframe>"
    let r = HTMLScanner.scan(path: "s.html", bytes: Array(html.utf8))
    #expect(r.facts.map(describe) == [
        "iframe|iframe:srcdoc@s.html|1:17-1:88|16..<87|element=iframe,srcdoc=true",
        "script|script://evil.example.com/x.js|1:30-1:59|29..<58|host=evil.example.com,in-srcdoc=true,language=classic,scheme=https,url-kind=remote",
        "remote-resource|remote-resource://evil.example.com/x.js|1:30-1:59|29..<58|host=evil.example.com,in-srcdoc=true,scheme=https,url-kind=remote,via=script",
        "event-handler|event-handler:onclick@b|1:82-1:86|81..<85|attribute=onclick,element=b,in-srcdoc=true",
        "iframe|iframe:srcdoc@s.html|1:115-1:142|114..<141|element=iframe,srcdoc=true",
        "event-handler|event-handler:onclick@p|1:115-1:142|114..<141|attribute=onclick,element=p,in-srcdoc=true",
    ])
    #expect(r.scripts.map { describe($0, in: r.source) } == [
        "event-handler|classic|81..<85|1:82|go()|-",
        "event-handler|classic|114..<141|1:115|<p onclick=&quot;f()&quot;>|f()",
    ])
}

@Test func formsRefreshAndJavaScriptURLForms() {
    let html = "<form method=post><button formaction=\"java&#115;cript:x()\">a</button></form><meta http-equiv=refresh content=30><a href=\" javascript:alert(%22hi%22)\">x</a><ion-router root=\"/app/\" use-hash></ion-router>"
    let r = HTMLScanner.scan(path: "f.html", bytes: Array(html.utf8))
    #expect(r.facts.map(describe) == [
        "form|form:self@f.html|1:1-1:19|0..<18|action=self,element=form,method=post",
        "javascript-url|javascript-url:formaction@button|1:39-1:58|38..<57|attribute=formaction,element=button",
        "meta-refresh|meta-refresh:reload|1:110-1:112|109..<111|delay=30",
        "javascript-url|javascript-url:href@a|1:134-1:149|133..<148|attribute=href,element=a",
        "ion-router|ion-router:/app/|1:156-1:190|155..<189|root=/app/,use-hash=true",
    ])
    #expect(r.scripts.map { describe($0, in: r.source) + "|\($0.entityEncoded)|\($0.percentEncoded)" } == [
        "javascript-url|classic|38..<57|1:39|java&#115;cript:x()|x()|true|false",
        "javascript-url|classic|133..<148|1:134|alert(%22hi%22)|alert(\"hi\")|false|true",
    ])
}
