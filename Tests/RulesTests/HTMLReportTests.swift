import LivegateScanner
import Testing
@testable import LivegateRules

struct HTMLReportTests {
    typealias B = TestBundles

    func html() throws -> String {
        let old = B.bundle("old", [B.file("index.html", "<!doctype html>")])
        let new = B.bundle("new<x>", [B.file("index.html", "<!doctype html>"), B.native("lib/<pay>.so")])
        return HTMLReport().render(try B.check(old, new))
    }

    @Test func selfContainedNothingLoadedFromElsewhere() throws {
        let page = try html()
        #expect(!page.contains("<link"))
        #expect(!page.contains("<script src"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("url("))
        #expect(page.contains("default-src 'none'"))
    }

    @Test func verdictBannersAndFilterableFindings() throws {
        let page = try html()
        #expect(page.contains(#"<div class="verdict block"><span class="store">Apple App Store</span><span class="word">BLOCK</span>"#))
        #expect(page.contains(#"<article class="finding error" data-apple="error" data-google-play="error" data-accepted="false">"#))
        #expect(page.contains(#"<input type="radio" name="store" value="google-play">"#))
    }

    @Test func everythingFromTheBundleIsEscaped() throws {
        let page = try html()
        #expect(page.contains("lib/&lt;pay&gt;.so"))
        #expect(!page.contains("lib/<pay>.so"))
        #expect(page.contains("new&lt;x&gt;"))
    }

    @Test func ruleHelpMarkdownBecomesHTML() {
        #expect(HTMLReport.markdown("**Why.** Use `x<y>` and [docs](https://example.com).\n\nNext") ==
                "<p><strong>Why.</strong> Use <code>x&lt;y&gt;</code> and <a href=\"https://example.com\">docs</a>.</p>\n<p>Next</p>")
        #expect(HTMLReport.markdown("[bad](javascript:void 0)") == "<p>bad</p>")
    }
}

struct HTMLEvidenceTests {
    func location(snippet: String, match: String) -> LivegateScanner.SourceLocation {
        LivegateScanner.SourceLocation(path: "a.js", line: 3, column: 5, endLine: 3, endColumn: 9, byteStart: 4, byteEnd: 8, snippet: snippet, match: match)
    }

    @Test func theMatchedCodeIsMarkedInsideTheSnippet() {
        #expect(HTMLReport.evidence(location(snippet: "a=1;Lo.getPhoto({q:1})<b>", match: "Lo.getPhoto(")) ==
                "a=1;<mark>Lo.getPhoto(</mark>{q:1})&lt;b&gt;")
    }

    @Test func withoutAMatchTheWholeSnippetIsMarked() {
        #expect(HTMLReport.evidence(location(snippet: "x<y", match: "")) == "<mark>x&lt;y</mark>")
        #expect(HTMLReport.evidence(location(snippet: "abc", match: "zzz")) == "<mark>abc</mark>")
    }

    @Test func matchTextStopsAtTheLineEndAndTheLimit() {
        let bytes = Array("ab\ncd".utf8)
        #expect(LivegateScanner.SourceLocation.matchText(bytes, 0..<5) == "ab")
        #expect(LivegateScanner.SourceLocation.matchText(Array(String(repeating: "é", count: 100).utf8), 0..<200, limit: 5) == "éé")
    }
}
