import LivegateScanner
import Testing
@testable import LivegateRules

/// The richer conditions: related facts in the old bundle, changes alongside, lowered levels,
/// allow-lists and bundle-level measures.
struct RuleConditionTests {
    static let catalog = FactKindCatalog(attributes: [
        "bridge-call": ["plugin", "method", "guarded"],
        "plugin-registration": ["plugin"],
        "payment": ["provider", "type"],
        "route": ["route"],
        "source": ["source", "covered-by"],
    ])

    static func rule(_ when: String, levels: String = #"{"apple": "error"}"#, message: String = "{key}") throws -> Rule {
        let text = rulesetJSON(ruleJSON(category: "native-bridge", levels: levels, when: when, message: message))
            .replacingOccurrences(of: #"{"store": "google-play", "clause": "Device and Network Abuse", "excerpt": "y", "url": "https://example.com/g", "version": "2025-06"}"#, with: "")
            .replacingOccurrences(of: "\"2025-06\"},\n", with: "\"2025-06\"}\n")
        return try RulesetLoader(catalog: catalog).parse(file: "t.json", text: text)[0]
    }

    static func fact(_ kind: String, _ key: String, _ attributes: [String: String], line: Int = 1) -> Fact {
        Fact(kind: kind, key: key, attributes: attributes,
             location: SourceLocation(path: "main.js", line: line, column: 1, endLine: line, endColumn: 2, byteStart: line, byteEnd: line + 1, snippet: "x"))
    }

    static func diff(old: [Fact], new: [Fact]) -> FactDiff {
        let empty = WebBundle(origin: "b", container: .directory, webRoot: "", files: [], diagnostics: [])
        return FactDiff(old: Inventory(bundle: empty, facts: old), new: Inventory(bundle: empty, facts: new))
    }

    static let cameraRegistration = fact("plugin-registration", "capacitor:Camera", ["plugin": "Camera"])
    static let getPhoto = fact("bridge-call", "capacitor:Camera.getPhoto", ["plugin": "Camera", "method": "getPhoto", "guarded": "false"], line: 2)
    static let pickImages = fact("bridge-call", "capacitor:Camera.pickImages", ["plugin": "Camera", "method": "pickImages", "guarded": "false"], line: 3)
    static let share = fact("bridge-call", "capacitor:Share.share", ["plugin": "Share", "method": "share", "guarded": "true"], line: 4)

    @Test func newPluginVersusNewMethodOnAPluginInUse() throws {
        let newPlugin = try Self.rule(#"{"fact": "bridge-call", "change": ["added"], "oldLacks": {"fact": ["bridge-call", "plugin-registration"], "same": ["plugin"]}}"#)
        let newMethod = try Self.rule(#"{"fact": "bridge-call", "change": ["added"], "oldHas": {"fact": ["bridge-call", "plugin-registration"], "same": ["plugin"]}}"#)
        let d = Self.diff(old: [Self.cameraRegistration, Self.getPhoto], new: [Self.cameraRegistration, Self.getPhoto, Self.pickImages, Self.share])
        #expect(RuleEngine(rules: [newPlugin]).evaluate(d).map(\.factKey) == ["capacitor:Share.share"])
        #expect(RuleEngine(rules: [newMethod]).evaluate(d).map(\.factKey) == ["capacitor:Camera.pickImages"])
    }

    @Test func guardedCallsAreOneLevelLower() throws {
        let rule = try Self.rule(#"{"fact": "bridge-call", "change": ["added"], "lowerWhen": {"guarded": "true"}}"#,
                                 levels: #"{"apple": "error"}"#)
        let findings = RuleEngine(rules: [rule]).evaluate(Self.diff(old: [], new: [Self.getPhoto, Self.share]))
        #expect(findings.map { $0.level(for: .apple) } == [.error, .warning])
    }

    @Test func alongsideNeedsThePartnerChangeAndCitesIt() throws {
        let rule = try Self.rule(#"{"fact": "payment", "change": ["added"], "attributes": {"type": "web"}, "alongside": {"fact": "payment", "change": ["removed"], "attributes": {"type": "iap"}}}"#)
        let stripe = Self.fact("payment", "payment:stripe", ["provider": "stripe", "type": "web"], line: 5)
        let iap = Self.fact("payment", "payment:revenuecat", ["provider": "revenuecat", "type": "iap"], line: 6)
        let both = RuleEngine(rules: [rule]).evaluate(Self.diff(old: [iap], new: [stripe]))
        #expect(both.map(\.factKey) == ["payment:stripe"])
        #expect(both[0].related.map(\.side) == [.old])
        #expect(both[0].related[0].location.line == 6)
        #expect(RuleEngine(rules: [rule]).evaluate(Self.diff(old: [iap], new: [iap, stripe])).isEmpty)
    }

    @Test func allowListsSilenceListedValues() throws {
        let rule = try Self.rule(#"{"fact": "bridge-call", "change": ["added"], "allow": {"list": "plugins", "attribute": "plugin"}}"#)
        var context = EvaluationContext()
        context.allowLists = ["plugins": ["Camera"]]
        let findings = RuleEngine(rules: [rule]).evaluate(Self.diff(old: [], new: [Self.getPhoto, Self.share]), context: context)
        #expect(findings.map(\.factKey) == ["capacitor:Share.share"])
    }

    @Test func addedShareOfRoutesAgainstAConfigurableThreshold() throws {
        let rule = try Self.rule(#"{"fact": "route", "measure": {"name": "added-share", "threshold": "newRouteShare", "default": 0.25, "minimumCount": 2}}"#,
                                 message: "{count} of {total} routes are new ({share} % > {threshold} %)")
        let routes = (1...4).map { Self.fact("route", "route:/r\($0)", ["route": "/r\($0)"], line: $0) }
        let d = Self.diff(old: Array(routes.prefix(2)), new: routes)
        let findings = RuleEngine(rules: [rule]).evaluate(d)
        #expect(findings.map(\.message) == ["2 of 4 routes are new (50.0 % > 25.0 %)"])
        #expect(findings[0].location.line == 3)
        var context = EvaluationContext()
        context.thresholds = ["newRouteShare": 0.6]
        #expect(RuleEngine(rules: [rule]).evaluate(d, context: context).isEmpty)
    }

    @Test func strictAboutTheNewConditionKeys() {
        func message(_ when: String) -> String? {
            do { _ = try Self.rule(when); return nil } catch let e as ConfigError { return e.path + ": " + e.message } catch { return "?" }
        }
        #expect(message(#"{"fact": "bridge-call", "change": ["added"], "oldHas": {"fact": "route", "same": ["plugin"]}}"#)
                == #"$.rules[0].when.oldHas.same: "plugin" is not an attribute of both the matched and the related fact kinds"#)
        #expect(message(#"{"fact": "bridge-call", "change": ["added"], "allow": {"list": "plugins", "attribute": "colour"}}"#)
                == "$.rules[0].when.allow.attribute: no fact of kind bridge-call has this attribute")
        #expect(message(#"{"fact": "route", "measure": {"name": "added-share", "threshold": "t", "default": 25}}"#)
                == "$.rules[0].when.measure.default: required share between 0 and 1 (e.g. 0.25)")
        #expect(message(#"{"fact": "source", "change": ["added"], "oldLacks": {"fact": "source", "same": []}}"#)
                == "$.rules[0].when.oldLacks.same: give at least one attribute, or leave same out")
        #expect(message(#"{"fact": "source", "change": ["added"], "oldLacks": {"fact": "route", "in": {"source": "covered-by"}}}"#)
                == "$.rules[0].when.oldLacks.in.source: no fact of kind route has this attribute")
        #expect(message(#"{"fact": "source", "change": ["added"], "oldLacks": {"fact": "source", "in": {"source": "colour"}}}"#)
                == #"$.rules[0].when.oldLacks.in.source: "colour" is not an attribute of source"#)
        #expect(message(#"{"fact": "source", "change": ["added"], "oldLacks": {"fact": "source", "in": {}}}"#)
                == "$.rules[0].when.oldLacks.in: give at least one attribute, or leave in out")
    }

    /// `oldHas` without `same`: any fact of the kinds; `oldLacks` with `in`: no old fact whose
    /// attribute is among the values the matched fact lists (a source an old wildcard covers).
    @Test func relatedFactsAnyOrListedInAnAttribute() throws {
        let rule = try Self.rule(#"{"fact": "source", "change": ["added"], "oldHas": {"fact": "source"}, "oldLacks": {"fact": "source", "in": {"source": "covered-by"}}}"#)
        func source(_ s: String, _ coveredBy: String? = nil) -> Fact {
            Self.fact("source", "s:" + s, coveredBy.map { ["source": s, "covered-by": $0] } ?? ["source": s])
        }
        let host = source("https://cdn.example.com", "* https: *.example.com")
        func keys(old: [Fact], new: [Fact]) -> [String] {
            RuleEngine(rules: [rule]).evaluate(Self.diff(old: old, new: new)).map(\.factKey)
        }
        #expect(keys(old: [source("'self'")], new: [source("'self'"), host, source("'unsafe-eval'")]) == ["s:'unsafe-eval'", "s:https://cdn.example.com"])
        #expect(keys(old: [source("https:")], new: [host, source("'unsafe-eval'")]) == ["s:'unsafe-eval'"])
        #expect(keys(old: [source("*.example.com")], new: [host]).isEmpty)
        #expect(keys(old: [], new: [host, source("'unsafe-eval'")]).isEmpty)
        #expect(keys(old: [source("*.example.org")], new: [host]) == ["s:https://cdn.example.com"])
    }
}
