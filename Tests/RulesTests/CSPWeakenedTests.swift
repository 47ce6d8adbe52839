import LivegateScanner
import Testing
@testable import LivegateRules

/// `csp-weakened` over `csp-script-source` facts: a finding per source the new policy adds, at the
/// source's text; nothing for the same policy reordered, for a source an old wildcard covers, for a
/// policy added where there was none.
struct CSPWeakenedTests {
    typealias B = TestBundles

    static func page(_ policy: String?, _ extra: String = "") -> String {
        let meta = policy.map { "<meta http-equiv=\"Content-Security-Policy\" content=\"\($0)\">\n" } ?? ""
        return "<!doctype html>\n" + meta + "<title>app</title>" + extra
    }

    static func findings(old: String?, new: String?, configure: (inout CheckOptions) -> Void = { _ in }) throws -> [String] {
        let result = try B.check(B.bundle("old", [B.file("index.html", page(old))]),
                                 B.bundle("new", [B.file("index.html", page(new))]), configure: configure)
        return result.findings.map { f in
            "\(f.location.path):\(f.location.line):\(f.location.column) \(f.ruleId) \(f.factKey) \(f.level(for: .apple).rawValue)/\(f.level(for: .googlePlay).rawValue): \(f.message)"
        }
    }

    @Test func eachAddedSourceIsOneFindingNamingIt() throws {
        let got = try Self.findings(
            old: "default-src 'self'; script-src 'self' https://api.example.com",
            new: "default-src 'self'; script-src 'self' https://api.example.com https://js.stripe.com 'unsafe-eval' https: *.example.org blob: 'unsafe-inline' 'wasm-unsafe-eval' 'strict-dynamic' capacitor://localhost 'nonce-x' 'sha256-abc=' gap:")
        #expect(got == [
            "index.html:2:115 csp-weakened csp-script-source:https://js.stripe.com warning/warning: script-src now allows https://js.stripe.com (a remote script source).",
            "index.html:2:137 csp-weakened csp-script-source:'unsafe-eval' warning/warning: script-src now allows 'unsafe-eval' (eval() and new Function() on strings).",
            "index.html:2:151 csp-weakened csp-script-source:https: warning/warning: script-src now allows https: (scripts from any https: URL).",
            "index.html:2:158 csp-weakened csp-script-source:*.example.org warning/warning: script-src now allows *.example.org (scripts from any subdomain of example.org).",
            "index.html:2:172 csp-weakened csp-script-source:blob: warning/warning: script-src now allows blob: (scripts in blob: URLs).",
            "index.html:2:194 csp-weakened csp-script-source:'wasm-unsafe-eval' warning/warning: script-src now allows 'wasm-unsafe-eval' (WebAssembly compiled at run time).",
            "index.html:2:213 csp-weakened csp-script-source:'strict-dynamic' warning/warning: script-src now allows 'strict-dynamic' (any script a trusted script adds, from any host).",
        ])
    }

    @Test func effectiveUnsafeInlineIsReported() throws {
        #expect(try Self.findings(old: "script-src 'self' 'nonce-a' 'unsafe-inline'", new: "script-src 'self' 'unsafe-inline'") == [
            "index.html:2:71 csp-weakened csp-script-source:'unsafe-inline' warning/warning: script-src now allows 'unsafe-inline' (inline scripts and event handlers).",
        ])
    }

    @Test func theSamePolicyOtherwiseWrittenIsNotAWeakening() throws {
        // reordered, re-spelled, repeated
        #expect(try Self.findings(old: "script-src 'self' https://cdn.example.com 'unsafe-eval'",
                                  new: "script-src 'UNSAFE-EVAL' https://Cdn.Example.com/ 'self' 'self'").isEmpty)
        // moved from default-src to script-src, and into script-src-elem
        #expect(try Self.findings(old: "default-src 'self' https://cdn.example.com",
                                  new: "default-src 'none'; script-src 'self'; script-src-elem 'self' https://cdn.example.com").isEmpty)
    }

    @Test func sourcesTheOldPolicyAlreadyCoveredAreNotReported() throws {
        #expect(try Self.findings(old: "default-src *", new: "script-src 'self' https://cdn.example.com").isEmpty)
        #expect(try Self.findings(old: "script-src http:", new: "script-src https: http://cdn.example.com:8080/js/").isEmpty)
        #expect(try Self.findings(old: "script-src *.example.com", new: "script-src https://cdn.eu.example.com/lib/a.js https://*.eu.example.com").isEmpty)
        #expect(try Self.findings(old: "script-src https://cdn.example.com/lib/", new: "script-src https://cdn.example.com/lib/a.js").isEmpty)
        // ... but * never covered eval, inline script, data: or another scheme's host
        #expect(try Self.findings(old: "default-src *", new: "default-src * data: 'unsafe-eval'") == [
            "index.html:2:67 csp-weakened csp-script-source:data: warning/warning: default-src now allows data: (scripts in data: URLs).",
            "index.html:2:73 csp-weakened csp-script-source:'unsafe-eval' warning/warning: default-src now allows 'unsafe-eval' (eval() and new Function() on strings).",
        ])
        #expect(try Self.findings(old: "script-src https://cdn.example.com/lib/", new: "script-src https://cdn.example.com") == [
            "index.html:2:64 csp-weakened csp-script-source:https://cdn.example.com warning/warning: script-src now allows https://cdn.example.com (a remote script source).",
        ])
    }

    /// Without a script policy in the old bundle, scripts were unrestricted: any new policy restricts more.
    @Test func aPolicyWhereThereWasNoneIsNotAWeakening() throws {
        #expect(try Self.findings(old: nil, new: "script-src 'self' https://cdn.example.com 'unsafe-eval'").isEmpty)
        #expect(try Self.findings(old: "img-src 'self'", new: "script-src * 'unsafe-inline'").isEmpty)
        #expect(try Self.findings(old: nil, new: nil).isEmpty)
    }

    /// A report-only policy in a <meta> is ignored by browsers: it allows nothing.
    @Test func reportOnlyPoliciesAllowNothing() throws {
        let old = B.bundle("old", [B.file("index.html", Self.page("script-src 'self'"))])
        let new = B.bundle("new", [B.file("index.html", Self.page("script-src 'self'",
            "<meta http-equiv=\"Content-Security-Policy-Report-Only\" content=\"script-src * 'unsafe-eval'\">"))])
        #expect(try B.check(old, new).findings.isEmpty)
    }

    @Test func allowedOriginsAreNotReported() throws {
        let got = try Self.findings(old: "script-src 'self'", new: "script-src 'self' https://js.stripe.com https://cdn.example.com") {
            $0.allowLists = ["origins": ["js.stripe.com"]]
        }
        #expect(got == [
            "index.html:2:93 csp-weakened csp-script-source:https://cdn.example.com warning/warning: script-src now allows https://cdn.example.com (a remote script source).",
        ])
    }

    /// One finding per source for the whole bundle; the other pages adding it are related locations.
    @Test func aSourceAddedOnTwoPagesIsOneFindingWithBothLocations() throws {
        let old = B.bundle("old", [B.file("index.html", Self.page("script-src 'self'")), B.file("pay.html", Self.page("script-src 'self'"))])
        let new = B.bundle("new", [B.file("index.html", Self.page("script-src 'self' https:")), B.file("pay.html", Self.page("script-src https: 'self'"))])
        let findings = try B.check(old, new).findings
        #expect(findings.map { "\($0.factKey) \($0.location.path):\($0.location.line):\($0.location.column)" } == ["csp-script-source:https: index.html:2:71"])
        #expect(findings.first?.related.map { "\($0.side) \($0.location.path):\($0.location.line):\($0.location.column) \($0.message)" }
                == ["new pay.html:2:64 also here in the new bundle"])
    }
}
