import Foundation
import Testing
@testable import LivegateRules

struct RuleDocsTests {
    @Test func docsRulesMarkdownIsUpToDate() throws {
        let committed = try String(contentsOf: TestBundles.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let generated = RuleDocs.markdown(try RulesetLoader().loadShipped())
        #expect(committed == generated, "docs/rules.md is stale: run `swift run livegate rules --format markdown > docs/rules.md`")
    }

    @Test func everyRuleHasASectionTheHelpUriPointsAt() throws {
        let rules = try RulesetLoader().loadShipped()
        let markdown = RuleDocs.markdown(rules)
        for rule in rules {
            #expect(markdown.contains("\n## \(rule.id)\n"))
            #expect(ToolInfo.rulesDocURI(rule.id).hasSuffix("docs/rules.md#\(rule.id)"))
        }
    }
}
