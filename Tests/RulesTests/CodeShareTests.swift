import LivegateScanner
import Testing
@testable import LivegateRules

struct CodeShareTests {
    static func js(_ path: String, _ text: String) -> BundleLoader.MemoryEntry { .init(path: path, bytes: Array(text.utf8)) }

    static func bundle(_ entries: [BundleLoader.MemoryEntry]) -> WebBundle {
        BundleLoader().load(entries: entries, origin: "b")
    }

    /// Code with many property names and strings, with local names made from `prefix`. Each
    /// function's structure holds its own number, so the windows without a property or a string
    /// are distinct too: sampling by hash keeps a fair share of them (a structure repeated 200
    /// times is one window, kept or dropped as a whole).
    static func program(_ prefix: String, properties: String = "p", count: Int = 200) -> String {
        (0..<count).map { i in
            "function \(prefix)\(i)(\(prefix)a,\(prefix)b){if(\(prefix)a>\(i)&&\(prefix)b<\(i * 7))return;return \(prefix)a.\(properties)\(i)(\(prefix)b,\"k\(i)\")+\(prefix)b.q\(i)}"
        }.joined(separator: ";")
    }

    /// Code of another shape: object literals, loops and template literals.
    static func otherProgram(_ prefix: String, count: Int = 200) -> String {
        (0..<count).map { i in
            "for(let \(prefix)i=0;\(prefix)i<\(i);\(prefix)i++){\(prefix)s.push({wallet\(i):`c${\(prefix)i}`,limit:[\(i),\(i + 1)]})}"
        }.joined(separator: "\n")
    }

    @Test func aRebuildWithOtherLocalNamesReadsAsUnchanged() {
        let old = Self.bundle([Self.js("index-AAAA1111.js", Self.program("x"))])
        let new = Self.bundle([Self.js("index-BBBB2222.js", Self.program("yy"))])
        let share = CodeShare(old: old, new: new)
        #expect(share.filesCompared == 1)
        #expect(share.share == 0)
    }

    @Test func codeWithOtherPropertiesAndStringsIsNew() {
        let old = Self.bundle([Self.js("a.js", Self.program("x"))])
        let new = Self.bundle([Self.js("a.js", Self.otherProgram("x"))])
        #expect(CodeShare(old: old, new: new).share > 0.95)
        // Same shape, other literals: only the windows holding a literal or property are new.
        let relabelled = Self.bundle([Self.js("a.js", Self.program("x", properties: "other").replacingAll("\"k", "\"z").replacingAll(".q", ".w"))])
        let partly = CodeShare(old: old, new: relabelled).share
        #expect(partly > 0.2 && partly < 0.95, "share \(partly)")
    }

    @Test func identicalFilesCountAsOldAndSharesAreSizeWeighted() {
        let kept = Self.js("vendor.js", Self.program("v"))
        let added = Self.js("wallet.js", Self.otherProgram("w"))
        let old = Self.bundle([kept])
        let new = Self.bundle([kept, added])
        let share = CodeShare(old: old, new: new)
        #expect(share.filesCompared == 1)
        #expect(share.totalBytes == kept.bytes.count + added.bytes.count)
        let expected = Double(added.bytes.count) / Double(share.totalBytes)
        #expect(abs(share.share - expected) < 0.05, "share \(share.share), expected about \(expected)")
        #expect(share.percentText.count >= 3)
    }

    @Test func percentTextHasOneDecimal() {
        #expect(CodeShare(totalBytes: 1000, newBytes: 125, filesCompared: 1).percentText == "12.5")
        #expect(CodeShare(totalBytes: 0, newBytes: 0, filesCompared: 0).percentText == "0.0")
    }
}
