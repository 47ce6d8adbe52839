import Testing
@testable import LivegateRules

/// A valid rule as JSON text; tests change one thing and expect the loader to name it.
func ruleJSON(
    id: String = "sample-rule", name: String = "SampleRule", category: String = "native-code",
    levels: String = #"{"apple": "error", "google-play": "warning"}"#,
    when: String = #"{"fact": "native-binary", "change": ["added"]}"#,
    message: String = "{path} is {format}",
    extra: String = "", examples: String? = nil
) -> String {
    let examples = examples ?? #"{"trigger": [{"old": {}, "new": {"a.so": {"hex": "7f454c46"}}}], "pass": [{"old": {}, "new": {}}]}"#
    return """
    {"id": "\(id)", "name": "\(name)", "summary": "A sample.", "category": "\(category)", "levels": \(levels),
     "references": [
       {"store": "apple", "clause": "DPLA 3.3.1(B)", "excerpt": "x", "url": "https://example.com/a", "version": "2025-06"},
       {"store": "google-play", "clause": "Device and Network Abuse", "excerpt": "y", "url": "https://example.com/g", "version": "2025-06"}],
     "when": \(when), "message": "\(message)", "help": "Fix it."\(extra), "examples": \(examples)}
    """
}

func rulesetJSON(_ rules: String...) -> String {
    #"{"ruleset": "test", "rules": ["# + rules.joined(separator: ",") + "]}"
}

struct RulesetLoaderTests {
    let loader = RulesetLoader()

    func error(_ text: String) -> ConfigError? {
        do {
            _ = try loader.parse(file: "test.json", text: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func shippedRulesetsLoad() throws {
        let rules = try loader.loadShipped()
        #expect(rules.map(\.id) == rules.map(\.id).sorted())
        #expect(Set(rules.map(\.id)).isSuperset(of: ["entry-point-removed", "native-code-added", "new-code-share", "unanalysable-code",
                                                      "unreadable-file", "unsafe-archive-entry", "bridge-call-new-plugin", "route-share"]))
        #expect(Set(rules.map(\.category)) == Set(Category.allCases))
        let native = try #require(rules.first { $0.id == "native-code-added" })
        #expect(native.level(for: .apple) == .error)
        #expect(native.level(for: .googlePlay) == .error)
        #expect(native.condition.changes == [.added, .changed])
        #expect(native.examples.filter(\.triggers).count == 3)
        #expect(native.source == "Rulesets/common.json")
    }

    @Test func aValidRuleParses() throws {
        let rules = try loader.parse(file: "test.json", text: rulesetJSON(ruleJSON()))
        #expect(rules.count == 1)
        #expect(rules[0].levels == [.apple: .error, .googlePlay: .warning])
        #expect(rules[0].message.placeholders == ["path", "format"])
    }

    @Test func unknownRuleKeyIsNamedWithItsPath() {
        let e = error(rulesetJSON(ruleJSON(extra: #", "severity": "high""#)))
        #expect(e == ConfigError(file: "test.json", path: "$.rules[0].severity", message: "unknown key"))
    }

    @Test func misspelledKeyGetsAHint() {
        let e = error(rulesetJSON(ruleJSON(extra: #", "exmples": {}"#)))
        #expect(e?.path == "$.rules[0].exmples")
        #expect(e?.message == #"unknown key (did you mean "examples"?)"#)
    }

    @Test func unknownCategory() {
        let e = error(rulesetJSON(ruleJSON(category: "native")))
        #expect(e?.path == "$.rules[0].category")
        #expect(e?.message.hasPrefix(#"unknown value "native" (expected one of: native-bridge, native-code"#) == true)
    }

    @Test func unknownLevelAndStore() {
        #expect(error(rulesetJSON(ruleJSON(levels: #"{"apple": "fatal"}"#)))?.path == "$.rules[0].levels.apple")
        #expect(error(rulesetJSON(ruleJSON(levels: #"{"amazon": "error"}"#)))?.path == "$.rules[0].levels.amazon")
    }

    @Test func unknownPlaceholder() {
        let e = error(rulesetJSON(ruleJSON(message: "{path} is {fromat}")))
        #expect(e?.path == "$.rules[0].message")
        #expect(e?.message == "unknown placeholder {fromat} (did you mean {format}?)")
    }

    @Test func unknownFactKindAndChange() {
        let kind = error(rulesetJSON(ruleJSON(when: #"{"fact": "native-binaries", "change": ["added"]}"#)))
        #expect(kind?.path == "$.rules[0].when.fact")
        #expect(kind?.message == #"unknown fact kind "native-binaries" (did you mean "native-binary"?)"#)
        let change = error(rulesetJSON(ruleJSON(when: #"{"fact": "native-binary", "change": ["new"]}"#)))
        #expect(change?.path == "$.rules[0].when.change")
    }

    @Test func attributeFilterOnAnUnknownAttribute() {
        let e = error(rulesetJSON(ruleJSON(when: #"{"fact": "native-binary", "change": ["added"], "attributes": {"colour": "red"}}"#)))
        #expect(e?.path == "$.rules[0].when.attributes.colour")
    }

    @Test func duplicateIdsAcrossFiles() {
        #expect(throws: ConfigError.self) {
            _ = try loader.load(files: [("a.json", rulesetJSON(ruleJSON())), ("b.json", rulesetJSON(ruleJSON()))])
        }
        do {
            _ = try loader.load(files: [("a.json", rulesetJSON(ruleJSON())), ("b.json", rulesetJSON(ruleJSON()))])
        } catch {
            #expect(error.file == "b.json")
            #expect(error.message == "duplicate rule id, already defined in a.json")
        }
    }

    @Test func aRuleNeedsBothKindsOfExample() {
        let noPass = error(rulesetJSON(ruleJSON(examples: #"{"trigger": [{"old": {}, "new": {}}], "pass": []}"#)))
        #expect(noPass?.path == "$.rules[0].examples.pass")
        let noTrigger = error(rulesetJSON(ruleJSON(examples: #"{"pass": [{"old": {}, "new": {}}]}"#)))
        #expect(noTrigger?.path == "$.rules[0].examples.trigger")
    }

    @Test func idsAreKebabCase() {
        #expect(error(rulesetJSON(ruleJSON(id: "Native_Code")))?.path == "$.rules[0].id")
        #expect(error(rulesetJSON(ruleJSON(id: "native--code")))?.path == "$.rules[0].id")
        #expect(RulesetLoader.isKebabCase("native-code-2"))
        #expect(!RulesetLoader.isKebabCase("-native"))
    }

    @Test func everyStoreWithALevelNeedsAReference() {
        let text = rulesetJSON(ruleJSON()).replacingOccurrences(
            of: #"{"store": "google-play", "clause": "Device and Network Abuse", "excerpt": "y", "url": "https://example.com/g", "version": "2025-06"}"#,
            with: #"{"store": "apple", "clause": "2.5.2", "excerpt": "y", "url": "https://example.com/g", "version": "2025-06"}"#)
        let e = error(text)
        #expect(e?.message == "the rule applies to google-play but cites no google-play policy clause")
    }

    @Test func jsonSyntaxErrorsGiveLineAndColumn() {
        let e = error("{\n  \"rules\": [,]\n}")
        #expect(e?.path == "$")
        #expect(e?.message == "invalid JSON at line 2, column 13: unexpected character ','")
    }

    @Test func hexAndProblemFilesInExamples() throws {
        let rules = try loader.parse(file: "t.json", text: rulesetJSON(ruleJSON(examples:
            #"{"trigger": [{"old": {}, "new": {"a.so": {"hex": "7f 45 4c 46"}, "b.js": {"problem": "corrupt"}}}], "pass": [{"old": {}, "new": {}}]}"#)))
        let files = rules[0].examples[0].new
        #expect(files[0].bytes == [0x7F, 0x45, 0x4C, 0x46])
        #expect(files[1].problem == .corrupt)
        #expect(error(rulesetJSON(ruleJSON(examples: #"{"trigger": [{"old": {}, "new": {"a": {"hex": "7f4"}}}], "pass": [{"old": {}, "new": {}}]}"#)))?.path
                == "$.rules[0].examples.trigger[0].new.a.hex")
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
