import Testing
@testable import LivegateScanner

/// libxml2 wraps stray top-level text in an implied `<p>`; on a single line that element used
/// to take the next real `<p>` tag and push every tag in between out of reach.
@Test func impliedElementsDoNotStealLaterTags() {
    let html = "text<a href=1 onclick=a()>a</a><p id=q onclick=f()>y</p>more<b onclick=g()>z</b>"
    let r = HTMLScanner.scan(path: "i.html", bytes: Array(html.utf8))
    #expect(r.elements.map { "\($0.name) \($0.tagRange.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "implied")" } == [
        "p implied", "a 4..<26", "p 31..<51", "p implied", "b 60..<75",
    ])
    #expect(r.facts.map(describe) == [
        "html-link|html-link:1|1:13-1:14|12..<13|element=a,path=1,url-kind=relative",
        "event-handler|event-handler:onclick@a|1:23-1:26|22..<25|attribute=onclick,element=a",
        "event-handler|event-handler:onclick@p|1:48-1:51|47..<50|attribute=onclick,element=p",
        "event-handler|event-handler:onclick@b|1:72-1:75|71..<74|attribute=onclick,element=b",
    ])
}
