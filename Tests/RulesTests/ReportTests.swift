import Foundation
import LivegateScanner
import Testing
@testable import LivegateRules

struct ReportTests {
    typealias B = TestBundles

    func sampleResult() throws -> CheckResult {
        let old = B.bundle("Examples/old", [B.file("index.html", "<!doctype html>"), B.native("lib/old.so")])
        let new = B.bundle("Examples/new", [B.file("app.html", "<!doctype html>"), B.native("lib/libpay.so"), B.native("lib/old.so")],
                           diagnostics: [LoadDiagnostic(path: "../escape.js", problem: .unsafePath, message: "path leaves the bundle")])
        return try B.check(old, new)
    }

    @Test func textReportFollowsTheCompilerConvention() throws {
        let text = TextReport().render(try sampleResult())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "livegate Examples/old → Examples/new")
        #expect(lines[1] == "files: 2 → 3 (0 added, 0 removed, 0 changed, 0 unchanged)" || lines[1].hasPrefix("files: 2 → 3"))
        #expect(lines.contains("Apple App Store: BLOCK (3 errors, 0 warnings, 0 notes)"))
        #expect(lines.contains { $0.hasPrefix("  Examples/new/lib/libpay.so:1:1: error: lib/libpay.so is native code (elf)") && $0.hasSuffix("[native-code-added]") })
        #expect(lines.contains { $0.hasPrefix("  Examples/old/index.html:1:1: error: The new bundle has no index.html") })
        #expect(lines.last(where: { !$0.isEmpty }) == "3 errors, 0 warnings, 0 notes; exit 1")
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAsked() throws {
        #expect(TextReport(colour: true).render(try sampleResult()).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func reportsAreByteIdenticalAcrossRuns() throws {
        for format in ReportFormat.allCases {
            #expect(format.render(try sampleResult()) == format.render(try sampleResult()), "\(format)")
        }
    }

    @Test func jsonReportCarriesVerdictsAndFingerprints() throws {
        let json = try JSONParser.parse(JSONReport().render(try sampleResult()))
        guard case .object(let root) = json else { Issue.record("not an object"); return }
        let keys = root.map(\.key)
        #expect(keys == ["analysisComplete", "changes", "exitCode", "files", "findings", "new", "old", "tool", "verdicts"])
        let verdicts = root.first { $0.key == "verdicts" }!.value
        #expect(verdicts == .object([("apple", .string("block")), ("google-play", .string("block"))]))
    }

    @Test func sarifFingerprintsComeFromRuleAndKeyNotLines() throws {
        let result = try sampleResult()
        let finding = try #require(result.findings.first { $0.ruleId == "native-code-added" })
        #expect(finding.fingerprint == SHA256.hex(of: Array("native-code-added\u{0}native:lib/libpay.so".utf8)))
        let sarif = SARIFReport().render(result)
        #expect(sarif.contains(#""livegate/v1" : "\#(finding.fingerprint)""#))
        #expect(sarif.contains(#""uriBaseId" : "NEWROOT""#))
        #expect(sarif.contains(#""columnKind" : "utf16CodeUnits""#))
        #expect(sarif.contains(#""baselineState" : "absent""#))
    }

    @Test(.enabled(if: SARIFValidator.isAvailable, "needs ../shared/tools/validate-sarif and python3 with jsonschema"))
    func sarifPassesTheValidator() throws {
        for result in [try sampleResult(), try B.check(B.bundle("a", []), B.bundle("b", []))] {
            let (status, output) = try SARIFValidator.validate(SARIFReport().render(result))
            #expect(status == 0, "\(output)")
        }
    }
}
