import Testing
@testable import LivegateRules

@Test func shippedRulesetsAreEmbedded() {
    #expect(ShippedRulesets.files.contains { $0.path == "common.json" })
}
