import LivegateScanner
import Testing
@testable import LivegateRules

struct ConfigurationTests {
    typealias B = TestBundles

    func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(file: "livegate.json", text: text, baseDirectory: "proj")
    }

    @Test func parsesEverySetting() throws {
        let c = try parse("""
            {"stores": ["google-play"], "failOn": "warning",
             "rules": {"native-code-added": "off", "unreadable-file": "warning", "unanalysable-code": {"apple": "note"}},
             "rulesets": ["extra.json", "/abs/x.json"],
             "accept": [{"rule": "entry-point-removed", "key": "entry:index.html", "reason": "moved to app.html", "expires": "2027-01-31"}]}
            """)
        #expect(c.stores == [.googlePlay])
        #expect(c.failOn == .warning)
        #expect(c.rules["native-code-added"] == .off)
        #expect(c.rules["unreadable-file"] == .level(.warning))
        #expect(c.rules["unanalysable-code"] == .perStore([.apple: .note]))
        #expect(c.rulesets == ["proj/extra.json", "/abs/x.json"])
        #expect(c.accept == [Acceptance(rule: "entry-point-removed", key: "entry:index.html", reason: "moved to app.html", expires: "2027-01-31", origin: .config)])
    }

    @Test func strictAboutKeysValuesAndDates() {
        func path(_ text: String) -> String? {
            do { _ = try parse(text); return nil } catch let error as ConfigError { return error.path } catch { return "?" }
        }
        #expect(path(#"{"failon": "error"}"#) == "$.failon")
        #expect(path(#"{"stores": ["amazon"]}"#) == "$.stores")
        #expect(path(#"{"rules": {"x": "loud"}}"#) == "$.rules.x")
        #expect(path(#"{"accept": [{"rule": "x", "key": "k", "reason": "r", "expires": "31/01/2027"}]}"#) == "$.accept[0].expires")
        #expect(path(#"{"accept": [{"rule": "x", "key": "k"}]}"#) == "$.accept[0].reason")
    }

    @Test func unknownRuleIdsAreRejectedWithAHint() throws {
        let c = try parse(#"{"rules": {"native-code-add": "off"}}"#)
        #expect(throws: ConfigError(file: "livegate.json", path: "$.rules.native-code-add", message: #"no rule with this id (did you mean "native-code-added"?)"#)) {
            try c.validate(against: try RulesetLoader().loadShipped(), file: "livegate.json")
        }
    }

    @Test func settingsChangeLevelsAndDisableRules() throws {
        let c = try parse(#"{"rules": {"native-code-added": "off", "unreadable-file": {"apple": "warning", "google-play": "none"}}}"#)
        let rules = c.apply(to: try RulesetLoader().loadShipped())
        #expect(!rules.contains { $0.id == "native-code-added" })
        let unreadable = try #require(rules.first { $0.id == "unreadable-file" })
        #expect(unreadable.levels == [.apple: .warning])
    }

    @Test func acceptedFindingsAreSuppressedUntilTheyExpire() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x"), B.native("lib/x.so")])
        let accept = Acceptance(rule: "native-code-added", key: "native:lib/x.so", reason: "test fixture", expires: "2027-01-01", origin: .config)
        let before = try B.check(old, new) { $0.accept = [accept]; $0.today = "2026-12-31" }
        #expect(before.findings.count == 1)
        #expect(before.findings[0].suppression == Suppression(origin: .config, reason: "test fixture"))
        #expect(before.exitCode == ExitCode.passed)
        #expect(before.verdicts[.apple] == .pass)
        let after = try B.check(old, new) { $0.accept = [accept]; $0.today = "2027-01-01" }
        #expect(after.findings[0].suppression == nil)
        #expect(after.exitCode == ExitCode.findings)
    }

    @Test func aBaselineRoundTrips() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x"), B.native("lib/x.so"), B.native("lib/y.so")])
        let first = try B.check(old, new)
        let text = Baseline.render(first.findings)
        let accept = try Baseline.parse(file: "baseline.json", text: text)
        #expect(accept.map(\.key) == ["native:lib/x.so", "native:lib/y.so"])
        let second = try B.check(old, new) { $0.accept = accept }
        #expect(second.findings.allSatisfy { $0.suppression?.origin == .baseline })
        #expect(second.exitCode == ExitCode.passed)
    }
}
