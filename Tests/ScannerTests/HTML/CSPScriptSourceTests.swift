import Testing
@testable import LivegateScanner

/// `csp-script-source` facts: one per source a page's policy lets scripts come from, keyed by the
/// normalised source, located at the source's text in the `content` attribute.
struct CSPScriptSourceTests {
    static func facts(_ html: String) -> [String] {
        HTMLScanner.scan(path: "index.html", bytes: Array(html.utf8)).facts
            .filter { $0.kind == WebFactKind.cspScriptSource }.map(describe)
    }

    static func meta(_ policy: String, equiv: String = "Content-Security-Policy") -> String {
        "<meta http-equiv=\"\(equiv)\" content=\"\(policy)\">"
    }

    @Test func everySourceOfScriptSrcAndScriptSrcElem() {
        let html = """
            <!doctype html>
            \(Self.meta("default-src 'self' https://other.example.net; script-src 'self' 'unsafe-eval' https://CDN.example.com/ *.example.org data: 'unsafe-inline' capacitor://localhost gap: 'report-sample'; script-src-elem https://cdn.example.com/lib/ 'unsafe-eval' https:"))
            """
        #expect(Self.facts(html) == [
            "csp-script-source|csp-script-source:'self'|2:110-2:116|125..<131|allows=scripts from the app's own origin,class=self,directive=script-src,source='self'",
            "csp-script-source|csp-script-source:'unsafe-eval'|2:117-2:130|132..<145|allows=eval() and new Function() on strings,class=unsafe-eval,directive=script-src,source='unsafe-eval'",
            "csp-script-source|csp-script-source:https://cdn.example.com|2:131-2:155|146..<170|allows=a remote script source,class=host,covered-by=* https: http: cdn.example.com http://cdn.example.com *.example.com https://*.example.com http://*.example.com,directive=script-src,host=cdn.example.com,source=https://cdn.example.com",
            "csp-script-source|csp-script-source:*.example.org|2:156-2:169|171..<184|allows=scripts from any subdomain of example.org,class=wildcard,covered-by=* https: http: https://*.example.org http://*.example.org,directive=script-src,host=*.example.org,source=*.example.org",
            "csp-script-source|csp-script-source:data:|2:170-2:175|185..<190|allows=scripts in data: URLs,class=wildcard,directive=script-src,source=data:",
            "csp-script-source|csp-script-source:'unsafe-inline'|2:176-2:191|191..<206|allows=inline scripts and event handlers,class=unsafe-inline,directive=script-src,source='unsafe-inline'",
            "csp-script-source|csp-script-source:capacitor://localhost|2:192-2:213|207..<228|allows=scripts from the device,class=local,covered-by=* capacitor:,directive=script-src,host=localhost,source=capacitor://localhost",
            "csp-script-source|csp-script-source:gap:|2:214-2:218|229..<233|allows=gap: URLs,class=scheme,directive=script-src,source=gap:",
            "csp-script-source|csp-script-source:'report-sample'|2:219-2:234|234..<249|allows=nothing livegate knows of,class=other,directive=script-src,source='report-sample'",
            "csp-script-source|csp-script-source:https://cdn.example.com/lib/|2:252-2:280|267..<295|allows=a remote script source,class=host,covered-by=* https: http: cdn.example.com cdn.example.com/lib/ https://cdn.example.com http://cdn.example.com http://cdn.example.com/lib/ *.example.com https://*.example.com http://*.example.com,directive=script-src-elem,host=cdn.example.com,source=https://cdn.example.com/lib/",
            "csp-script-source|csp-script-source:https:|2:295-2:301|310..<316|allows=scripts from any https: URL,class=wildcard,covered-by=* http:,directive=script-src-elem,source=https:",
        ])
    }

    /// `'unsafe-inline'` next to a nonce, a hash or `'strict-dynamic'` is ignored by browsers: not a source.
    @Test func ignoredUnsafeInlineIsLeftOut() {
        #expect(Self.facts(Self.meta("script-src 'unsafe-inline' 'nonce-AbC'")).map { $0.split(separator: "|")[1] } == ["csp-script-source:'nonce-abc'"])
        #expect(Self.facts(Self.meta("script-src 'unsafe-inline' 'sha256-xyz='")).map { $0.split(separator: "|")[1] } == ["csp-script-source:'sha256-xyz='"])
        #expect(Self.facts(Self.meta("script-src 'strict-dynamic' 'unsafe-inline'")).map { $0.split(separator: "|")[1] } == ["csp-script-source:'strict-dynamic'"])
        // script-src-elem is judged on its own sources.
        #expect(Self.facts(Self.meta("script-src 'nonce-a' 'unsafe-inline'; script-src-elem 'unsafe-inline'")).map { $0.split(separator: "|")[1] }
                == ["csp-script-source:'nonce-a'", "csp-script-source:'unsafe-inline'"])
    }

    /// default-src governs scripts only without script-src; a policy without either restricts no
    /// script and lists nothing; a report-only policy in a <meta> is ignored by browsers.
    @Test func whichDirectiveGoverns() {
        #expect(Self.facts(Self.meta("default-src 'self' https://a.example.com; img-src *")) == [
            "csp-script-source|csp-script-source:'self'|1:65-1:71|64..<70|allows=scripts from the app's own origin,class=self,directive=default-src,source='self'",
            "csp-script-source|csp-script-source:https://a.example.com|1:72-1:93|71..<92|allows=a remote script source,class=host,covered-by=* https: http: a.example.com http://a.example.com *.example.com https://*.example.com http://*.example.com,directive=default-src,host=a.example.com,source=https://a.example.com",
        ])
        #expect(Self.facts(Self.meta("img-src *; style-src 'unsafe-inline'")).isEmpty)
        #expect(Self.facts(Self.meta("script-src *", equiv: "Content-Security-Policy-Report-Only")).isEmpty)
    }

    /// The same source twice, or in script-src and script-src-elem, is one fact; reordered sources
    /// and a different spelling of the same source give the same keys.
    @Test func keysIgnoreOrderCaseAndRepetition() {
        func keys(_ policy: String) -> [String] {
            Self.facts(Self.meta(policy)).map { String($0.split(separator: "|")[1]) }.sorted()
        }
        #expect(keys("script-src 'self' https://cdn.example.com 'self'; script-src-elem https://cdn.example.com")
                == ["csp-script-source:'self'", "csp-script-source:https://cdn.example.com"])
        #expect(keys("script-src 'SELF' HTTPS://Cdn.Example.com/ 'Unsafe-Eval'") == keys("script-src 'unsafe-eval' https://cdn.example.com 'self'"))
        #expect(keys("script-src https://cdn.example.com/A/b.js") == ["csp-script-source:https://cdn.example.com/A/b.js"])
    }

    /// A policy written with character references: the sources are located at the whole attribute.
    @Test func encodedPolicyIsLocatedAtTheAttribute() {
        #expect(Self.facts("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src &#39;self&#39; https://cdn.example.com\">").map {
            $0.split(separator: "|").prefix(4).joined(separator: "|")
        } == [
            "csp-script-source|csp-script-source:'self'|1:53-1:102|52..<101",
            "csp-script-source|csp-script-source:https://cdn.example.com|1:53-1:102|52..<101",
        ])
    }

    /// What covers a source: an old policy with any of these already allowed it.
    @Test func coveringSources() {
        func covered(_ source: String) -> [String] {
            CSPPolicy.parse("script-src " + source).scriptSources.first?.coveredBy ?? ["?"]
        }
        #expect(covered("*") == [])
        #expect(covered("http:") == ["*"])
        #expect(covered("blob:") == [])
        #expect(covered("http://a.b.example.com:8080") == ["*", "http:", "a.b.example.com:8080", "a.b.example.com:*", "http://a.b.example.com:*",
                                                            "*.b.example.com", "http://*.b.example.com", "*.example.com", "http://*.example.com"])
        #expect(covered("cdn.example.com") == ["*", "https:", "http:", "https://cdn.example.com", "http://cdn.example.com", "*.example.com",
                                               "https://*.example.com", "http://*.example.com"])
        #expect(covered("https://10.0.0.2") == ["*", "https:", "http:", "10.0.0.2", "http://10.0.0.2"])
        #expect(covered("wss://push.example.com") == ["*", "wss:", "wss://*.example.com"])
    }

    @Test func classes() {
        func cls(_ source: String) -> String {
            CSPPolicy.parse("script-src " + source).scriptSources.first.map { "\($0.sourceClass.rawValue): \($0.allows)" } ?? "-"
        }
        #expect(cls("'wasm-unsafe-eval'") == "wasm-unsafe-eval: WebAssembly compiled at run time")
        #expect(cls("'strict-dynamic'") == "strict-dynamic: any script a trusted script adds, from any host")
        #expect(cls("'unsafe-hashes'") == "unsafe-hashes: event handlers whose hash is listed")
        #expect(cls("'none'") == "none: no script")
        #expect(cls("https://*") == "wildcard: scripts from any host")
        #expect(cls("http:") == "wildcard: scripts from any http: or https: URL")
        #expect(cls("blob:") == "wildcard: scripts in blob: URLs")
        #expect(cls("http://127.0.0.1:8100") == "local: scripts from the device")
        #expect(cls("https://") == "other: nothing livegate knows of")
    }
}
