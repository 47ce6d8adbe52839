import LivegateScanner
import Testing
@testable import LivegateRules

/// `fetched-code-evaluated`: downloaded text run as code is remote code, an error for both stores,
/// where another non-literal sink is only a `dynamic-code-added` warning.
struct FetchedCodeEvaluatedTests {
    typealias B = TestBundles

    static func findings(old: String, new: String) throws -> [String] {
        let result = try B.check(B.bundle("old", [B.file("main.js", old)]), B.bundle("new", [B.file("main.js", new)]))
        return result.findings.map { f in
            "\(f.location.line):\(f.location.column) \(f.ruleId) \(f.factKey) \(f.level(for: .apple).rawValue)/\(f.level(for: .googlePlay).rawValue): \(f.message)"
        }
    }

    @Test func fetchedTextIsAnErrorForBothStores() throws {
        let new = """
            go();
            fetch(u).then(r=>r.text()).then(eval);
            xhr.onload=function(){setTimeout(xhr.responseText)};
            $.getScript(cdn+"/plugin.js");
            """
        let got = try Self.findings(old: "go();", new: new)
        #expect(got == [
            "2:9 fetched-code-evaluated eval:fetched error/error: eval:fetched: eval runs text downloaded at run time, code that is in no bundle.",
            "3:23 fetched-code-evaluated settimeout:fetched error/error: settimeout:fetched: setTimeout runs text downloaded at run time, code that is in no bundle.",
            "4:1 fetched-code-evaluated getscript:fetched error/error: getscript:fetched: jQuery.getScript runs text downloaded at run time, code that is in no bundle.",
        ])
    }

    /// A callback that evaluates its argument: the error for the chain, and the sink's own warning.
    @Test func aCallbackSinkIsAlsoADynamicCodeWarning() throws {
        let got = try Self.findings(old: "go();", new: "fetch(u).then(e=>e.text()).then(function(t){new Function(t)()});")
        #expect(got == [
            "1:9 fetched-code-evaluated function:fetched error/error: function:fetched: Function runs text downloaded at run time, code that is in no bundle.",
            "1:49 dynamic-code-added function:non-literal warning/warning: function:non-literal: Function runs code built at run time.",
        ])
    }

    @Test func otherSinksStayWarningsAndLiteralsNothing() throws {
        let got = try Self.findings(old: "go();", new: "go();function run(c){return eval(c)}eval(\"1+1\");fetch(u).then(r=>r.json()).then(render);")
        #expect(got == [
            "1:29 dynamic-code-added eval:non-literal warning/warning: eval:non-literal: eval runs code built at run time.",
        ])
    }

    /// Keys carry no position: the same kind of fetched code already in the old bundle is not new.
    @Test func alreadyInTheOldBundle() throws {
        #expect(try Self.findings(old: "eval(await (await fetch(a)).text());", new: "go();x.onload=function(){eval(this.responseText)};").isEmpty)
    }
}
