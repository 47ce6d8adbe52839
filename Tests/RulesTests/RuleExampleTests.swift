import LivegateScanner
import Testing
@testable import LivegateRules

/// Every rule's examples are tests: a triggering example produces exactly that rule (at the
/// stated path), a non-triggering one produces no finding at all, with every shipped rule active.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: Rule
        let example: RuleExample
        var testDescription: String { "\(rule.id) \(example.jsonPath)" }
    }

    static let rules: [Rule] = (try? RulesetLoader().loadShipped()) ?? []
    static let cases: [Case] = rules.flatMap { rule in rule.examples.map { Case(rule: rule, example: $0) } }

    static func bundle(_ files: [ExampleFile], _ origin: String) -> WebBundle {
        BundleLoader().load(entries: files.map { .init(path: $0.path, bytes: $0.bytes, problem: $0.problem) }, origin: origin)
    }

    @Test func shippedRulesLoadAndHaveExamples() {
        #expect(!Self.rules.isEmpty)
        #expect(Self.cases.count >= Self.rules.count * 2)
    }

    @Test(arguments: cases)
    func example(_ c: Case) {
        let result = Checker(rules: Self.rules, options: CheckOptions())
            .check(old: Self.bundle(c.example.old, "old"), new: Self.bundle(c.example.new, "new"))
        if c.example.triggers {
            // Exactly this rule (possibly on several facts of the example), and no other.
            #expect(Set(result.findings.map(\.ruleId)) == Set([c.rule.id] + c.example.alsoTriggers),
                    "\(c.rule.source) \(c.example.jsonPath): \(result.findings.map { "\($0.ruleId): \($0.message)" })")
            if let at = c.example.expectedPath {
                #expect(result.findings.first { $0.ruleId == c.rule.id }?.location.path == at, "\(c.rule.source) \(c.example.jsonPath)")
            }
        } else {
            #expect(result.findings.isEmpty, "\(c.rule.source) \(c.example.jsonPath): \(result.findings.map(\.message))")
        }
    }
}
