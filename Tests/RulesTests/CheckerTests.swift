import LivegateScanner
import Testing
@testable import LivegateRules

struct CheckerTests {
    typealias B = TestBundles

    @Test func identicalBundlesPass() throws {
        let files = [B.file("index.html", "<!doctype html>"), B.file("main.js", "go()")]
        let result = try B.check(B.bundle("old", files), B.bundle("new", files))
        #expect(result.findings.isEmpty)
        #expect(result.verdicts == [.apple: .pass, .googlePlay: .pass])
        #expect(result.exitCode == ExitCode.passed)
    }

    @Test func aNewNativeLibraryBlocksBothStores() throws {
        let old = B.bundle("old", [B.file("index.html", "<!doctype html>")])
        let new = B.bundle("new", [B.file("index.html", "<!doctype html>"), B.native("lib/arm64/libpay.so")])
        let result = try B.check(old, new)
        #expect(result.findings.map(\.ruleId) == ["native-code-added"])
        let finding = result.findings[0]
        #expect(finding.location.path == "lib/arm64/libpay.so")
        #expect(finding.locationSide == .new)
        #expect(finding.change == .added)
        #expect(finding.message.hasPrefix("lib/arm64/libpay.so is native code (elf) that is added in the live update"))
        #expect(result.verdicts == [.apple: .block, .googlePlay: .block])
        #expect(result.exitCode == ExitCode.findings)
    }

    @Test func aChangedNativeLibraryIsReportedAnUnchangedOneIsNot() throws {
        let old = B.bundle("old", [B.native("a.so"), B.native("b.so")])
        let new = B.bundle("new", [B.native("a.so", B.elf + [1]), B.native("b.so")])
        let result = try B.check(old, new)
        #expect(result.findings.map(\.factKey) == ["native:a.so"])
        #expect(result.findings[0].change == .changed)
    }

    @Test func hermesBytecodeFailsClosedWithExit3() throws {
        let old = B.bundle("old", [B.file("index.android.bundle", "__r(0)")], container: .singleFile)
        let new = B.bundle("new", [B.hermesFile("index.android.bundle")], container: .singleFile)
        let result = try B.check(old, new)
        #expect(result.findings.map(\.ruleId) == ["unanalysable-code"])
        #expect(!result.analysisComplete)
        #expect(result.exitCode == ExitCode.incomplete)
    }

    @Test func allowUnanalysedTurnsItIntoANote() throws {
        let old = B.bundle("old", [B.file("index.android.bundle", "__r(0)")], container: .singleFile)
        let new = B.bundle("new", [B.hermesFile("index.android.bundle")], container: .singleFile)
        let result = try B.check(old, new) { $0.allowUnanalysed = true }
        #expect(result.findings.map { $0.level(for: .apple) } == [.note])
        #expect(result.analysisComplete)
        #expect(result.exitCode == ExitCode.passed)
        #expect(result.verdicts[.apple] == .pass)
    }

    @Test func blockingFindingsWinOverIncompleteAnalysis() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x"), B.native("x.so"), B.hermesFile("a.hbc")])
        #expect(try B.check(old, new).exitCode == ExitCode.findings)
    }

    @Test func aRemovedEntryPointIsReportedAtItsOldLocation() throws {
        let old = B.bundle("old", [B.file("index.html", "<!doctype html>")])
        let new = B.bundle("new", [B.file("app.html", "<!doctype html>")])
        let result = try B.check(old, new)
        #expect(result.findings.map(\.ruleId) == ["entry-point-removed"])
        #expect(result.findings[0].locationSide == .old)
        #expect(result.findings[0].location.path == "index.html")
        #expect(result.findings[0].change.baselineState == "absent")
    }

    @Test func loadProblemsBecomeFindingsByKind() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x")], diagnostics: [
            LoadDiagnostic(path: "../evil.js", problem: .unsafePath, message: "path leaves the bundle"),
            LoadDiagnostic(path: "secret.js", problem: .encrypted, message: "entry is encrypted"),
        ])
        let result = try B.check(old, new)
        #expect(result.findings.map(\.ruleId).sorted() == ["unreadable-file", "unsafe-archive-entry"])
        #expect(result.exitCode == ExitCode.findings)
    }

    @Test func onlyAnUnreadableFileGivesExit3() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x")], diagnostics: [
            LoadDiagnostic(path: "big.js", problem: .fileTooLarge, message: "file is larger than 256 MiB"),
        ])
        #expect(try B.check(old, new).exitCode == ExitCode.incomplete)
    }

    @Test func failOnWarningAndStoreSelection() throws {
        let old = B.bundle("old", [B.file("index.html", "x")])
        let new = B.bundle("new", [B.file("index.html", "x"), B.native("x.so")])
        let apple = try B.check(old, new) { $0.stores = [.apple] }
        #expect(apple.verdicts.keys.sorted() == [.apple])
        #expect(apple.exitCode == ExitCode.findings)
    }
}

struct InventoryChangesTests {
    @Test func groupsKeysAndOrigins() throws {
        func f(_ kind: String, _ key: String, _ attributes: [String: String] = [:]) -> Fact {
            Fact(kind: kind, key: key, attributes: attributes, location: .wholeFile("main.js"))
        }
        let empty = WebBundle(origin: "b", container: .directory, webRoot: "", files: [], diagnostics: [])
        let old = Inventory(bundle: empty, facts: [
            f("plugin-registration", "capacitor:App"), f("route", "route:/"), f("feature-flag", "flag:app:old"),
            f("remote-resource", "remote-resource://a.example/x.js", ["host": "a.example"]),
        ])
        let new = Inventory(bundle: empty, facts: [
            f("plugin-registration", "capacitor:App"), f("plugin-registration", "capacitor:Camera"), f("route", "route:/"),
            f("route", "route:/wallet"), f("remote-code", "remote-script:https://B.example/sdk.js", ["url": "https://B.example/sdk.js"]),
        ])
        let changes = InventoryChanges(FactDiff(old: old, new: new))
        #expect(changes.groups.map(\.name) == ["Plugins", "Native calls", "Routes", "Feature flags", "Remote origins"])
        #expect(changes.groups[0] == .init(name: "Plugins", added: ["capacitor:Camera"], removed: [], unchanged: ["capacitor:App"]))
        #expect(changes.groups[1].isEmpty)
        #expect(changes.groups[2].added == ["route:/wallet"])
        #expect(changes.groups[3].removed == ["flag:app:old"])
        #expect(changes.groups[4] == .init(name: "Remote origins", added: ["b.example"], removed: ["a.example"], unchanged: []))
    }
}
