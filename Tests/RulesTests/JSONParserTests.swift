import Testing
@testable import LivegateRules

struct JSONParserTests {
    @Test func parsesEveryValueKindAndKeepsKeyOrder() throws {
        let v = try JSONParser.parse(#"{"b": [1, -2.5e1, true, false, null], "a": "x\u00e9\ud83d\ude00\n"}"#)
        guard case .object(let members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        #expect(members[0].value == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(members[1].value == .string("xé😀\n"))
    }

    @Test func rejectsWhatRFC8259Rejects() {
        for bad in ["{\"a\":1,}", "[01]", "{'a':1}", "\"\u{01}\"", "[1 2]", "{\"a\":1,\"a\":2}", "tru", "1.", "\"\\x\""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { _ = try JSONParser.parse(bad) }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { _ = try JSONParser.parse(deep) }
    }
}
