import Testing
@testable import LivegateRules

struct MessageTemplateTests {
    @Test func rendersPlaceholdersAndEscapedBraces() throws {
        let t = try MessageTemplate("{path} has {{literal}} {count}")
        #expect(t.placeholders == ["path", "count"])
        #expect(t.render(["path": "a.js", "count": "2"]) == "a.js has {literal} 2")
    }

    @Test func absentValuesStayVisible() throws {
        #expect(try MessageTemplate("x {missing}").render([:]) == "x {missing}")
    }

    @Test func malformedTemplatesAreErrors() {
        for bad in ["{unclosed", "lone } brace", "{}", "{bad name}"] {
            #expect(throws: MessageTemplateError.self, "\(bad)") { _ = try MessageTemplate(bad) }
        }
    }
}
