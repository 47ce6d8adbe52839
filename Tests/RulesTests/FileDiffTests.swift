import Foundation
import Testing
@testable import LivegateRules
import LivegateScanner

@Suite struct FileDiffTests {
    static func file(_ path: String, _ text: String) -> BundleFile {
        let bytes = Array(text.utf8)
        return BundleFile(path: path, bytes: bytes, sha256: SHA256.hex(of: bytes), kind: .javascript)
    }

    static func bundle(_ files: [(String, String)]) -> WebBundle {
        WebBundle(origin: "test", container: .directory, webRoot: "", files: files.map { file($0.0, $0.1) }, diagnostics: [])
    }

    /// "old -> new status match" per entry, in the diff's order.
    static func lines(_ diff: FileDiff) -> [String] {
        diff.entries.map { entry in
            "\(entry.old?.path ?? "-") -> \(entry.new?.path ?? "-") \(entry.status.rawValue) \(entry.match?.rawValue ?? "-")"
        }
    }

    /// Text that shares most of its content with `base` (minified-code-like, one long line).
    static func code(_ seed: Int, lines: Int = 60) -> String {
        (0..<lines).map { "function f\(seed)_\($0)(a,b){return a*\($0)+b-\(seed % 7)}" }.joined(separator: ";")
    }

    @Test func samePathUnchangedAndChanged() {
        let diff = FileDiff(old: Self.bundle([("index.html", "<html>"), ("app.js", "a()")]),
                            new: Self.bundle([("index.html", "<html>"), ("app.js", "b()")]))
        #expect(Self.lines(diff) == ["app.js -> app.js changed path", "index.html -> index.html unchanged path"])
        #expect(diff.count(of: .changed) == 1)
        #expect(diff.count(of: .unchanged) == 1)
        #expect(diff.count(matchedBy: .path) == 2)
        #expect(diff.bytesChanged == 3)
    }

    @Test func digestMatchIsARename() {
        let diff = FileDiff(old: Self.bundle([("img/logo.a1b2c3d4.png", "PNGDATA"), ("copy1.txt", "same"), ("copy2.txt", "same")]),
                            new: Self.bundle([("media/logo.png", "PNGDATA"), ("b.txt", "same"), ("a.txt", "same"), ("c.txt", "same")]))
        #expect(Self.lines(diff) == [
            "copy1.txt -> a.txt unchanged digest",
            "copy2.txt -> b.txt unchanged digest",
            "- -> c.txt added -",
            "img/logo.a1b2c3d4.png -> media/logo.png unchanged digest",
        ])
        #expect(diff.count(matchedBy: .digest) == 3)
        #expect(diff.count(of: .added) == 1)
        #expect(diff.bytesAdded == 4)
    }

    @Test func emptyFilesAreNotPairedByDigest() {
        let diff = FileDiff(old: Self.bundle([("a/.keep", "")]), new: Self.bundle([("b/.keep", "")]))
        #expect(Self.lines(diff) == ["a/.keep -> - removed -", "- -> b/.keep added -"])
    }

    @Test func strippedNamePairsHashedChunksInTheSameDirectory() {
        let diff = FileDiff(
            old: Self.bundle([("assets/index-Dvm9KEU2.js", "old index"), ("assets/vendor-AB12cd34.js", "v1"),
                              ("js/app.5c3a8eec.js", "app 1"), ("other/index-Qw3rTy12.js", "elsewhere")]),
            new: Self.bundle([("assets/index-Xy7zWq01.js", "new index"), ("assets/vendor-ZZ99yy00.js", "v1"),
                              ("js/app.0badf00d.js", "app 2"), ("moved/index-Ab12Cd34.js", "moved")]))
        #expect(Self.lines(diff) == [
            "assets/index-Dvm9KEU2.js -> assets/index-Xy7zWq01.js changed stripped-name",
            "assets/vendor-AB12cd34.js -> assets/vendor-ZZ99yy00.js unchanged digest",
            "js/app.5c3a8eec.js -> js/app.0badf00d.js changed stripped-name",
            "- -> moved/index-Ab12Cd34.js added -",
            "other/index-Qw3rTy12.js -> - removed -",
        ])
        #expect(diff.count(matchedBy: .strippedName) == 2)
        #expect(diff.count(of: .removed) == 1)
        #expect(diff.bytesRemoved == 9)
    }

    @Test func manyChunksSharingOneNamePairBySimilarity() {
        // Three old chunks, each edited a little in the new build, plus one new chunk unlike any old one.
        let a = Self.code(1), b = Self.code(2), c = Self.code(3)
        let old = Self.bundle([
            ("js/1111aaaa.chunk.js", a), ("js/2222bbbb.chunk.js", b), ("js/3333cccc.chunk.js", c),
        ])
        let new = Self.bundle([
            ("js/9999dddd.chunk.js", c + ";extra()"),
            ("js/8888eeee.chunk.js", "x" + a),
            ("js/7777ffff.chunk.js", b.replacingOccurrences(of: "f2_30(", with: "g2_30(")),
            ("js/6666abcd.chunk.js", String(repeating: "zzzzqqqq", count: 400)),
        ])
        let diff = FileDiff(old: old, new: new)
        #expect(Self.lines(diff) == [
            "- -> js/6666abcd.chunk.js added -",
            "js/2222bbbb.chunk.js -> js/7777ffff.chunk.js changed stripped-name",
            "js/1111aaaa.chunk.js -> js/8888eeee.chunk.js changed stripped-name",
            "js/3333cccc.chunk.js -> js/9999dddd.chunk.js changed stripped-name",
        ])
        #expect(diff.count(matchedBy: .strippedName) == 3)
        #expect(diff.count(of: .added) == 1)
    }

    @Test func manyToManyWithoutSharedContentStaysAddedAndRemoved() {
        let diff = FileDiff(
            old: Self.bundle([("1234abcd.chunk.js", String(repeating: "a", count: 100)), ("5678abcd.chunk.js", String(repeating: "b", count: 100))]),
            new: Self.bundle([("90abcdef.chunk.js", String(repeating: "c", count: 100)), ("12ab34cd.chunk.js", String(repeating: "d", count: 100))]))
        #expect(Self.lines(diff) == [
            "1234abcd.chunk.js -> - removed -",
            "- -> 12ab34cd.chunk.js added -",
            "5678abcd.chunk.js -> - removed -",
            "- -> 90abcdef.chunk.js added -",
        ])
    }

    @Test func similarityTiesBreakBySizeThenPath() {
        // Identical-looking content in both old files; the new file is closer in size to old2.
        let base = Self.code(5)
        let old = Self.bundle([("aaaa1111.chunk.js", base + String(repeating: "#", count: 300)),
                               ("bbbb2222.chunk.js", base + "#")])
        let new = Self.bundle([("cccc3333.chunk.js", base + "##")])
        let diff = FileDiff(old: old, new: new)
        #expect(Self.lines(diff) == [
            "aaaa1111.chunk.js -> - removed -",
            "bbbb2222.chunk.js -> cccc3333.chunk.js changed stripped-name",
        ])
    }

    @Test func pathMatchWinsOverDigest() {
        // b.js keeps its path even though its old content now lives at c.js.
        let diff = FileDiff(old: Self.bundle([("b.js", "one")]),
                            new: Self.bundle([("b.js", "two"), ("c.js", "one")]))
        #expect(Self.lines(diff) == ["b.js -> b.js changed path", "- -> c.js added -"])
    }

    @Test func contentSketchSimilarity() {
        let a = ContentSketch(Array(Self.code(1, lines: 400).utf8))
        #expect(a.similarity(to: a) == 1)
        #expect(a.similarity(to: ContentSketch([])) == 0)
        let edited = ContentSketch(Array(("prefix;" + Self.code(1, lines: 400)).utf8))
        let similarity = edited.similarity(to: a)
        #expect(similarity > 0.8 && similarity < 1)
    }
}

@Suite struct FileDiffReferenceTests {
    @Test func changeOnlyInHashedReferencesIsUnchanged() {
        let f = FileDiffTests.file
        let old = WebBundle(origin: "old", container: .directory, webRoot: "", files: [
            f("index.html", "<script src=\"./assets/index-Dvm9KEU2.js\"></script>"),
            f("assets/index-Dvm9KEU2.js", "import{a}from\"./vendor-AB12cd34.js\";a(1)"),
            f("assets/vendor-AB12cd34.js", "export const a=x=>x"),
            f("manifest.json", "{\"_vendor-AB12cd34.js\":{\"file\":\"assets/vendor-AB12cd34.js\"}}"),
        ], diagnostics: [])
        let new = WebBundle(origin: "new", container: .directory, webRoot: "", files: [
            f("index.html", "<script src=\"./assets/index-Qq7rT0pL.js\"></script>"),
            f("assets/index-Qq7rT0pL.js", "import{a}from\"./vendor-Zx98yw76.js\";a(1)"),
            f("assets/vendor-Zx98yw76.js", "export const a=x=>x+1"),
            f("manifest.json", "{\"_vendor-Zx98yw76.js\":{\"file\":\"assets/vendor-Zx98yw76.js\"}}"),
        ], diagnostics: [])
        let diff = FileDiff(old: old, new: new)
        #expect(diff.entries.map { "\($0.path) \($0.status.rawValue) \($0.match?.rawValue ?? "-") \($0.identical)" } == [
            "assets/index-Qq7rT0pL.js unchanged stripped-name false",
            "assets/vendor-Zx98yw76.js changed stripped-name false",
            "index.html unchanged path false",
            "manifest.json unchanged path false",
        ])
        #expect(diff.count(of: .changed) == 1)
        #expect(diff.countReferencesOnly == 3)
    }

    @Test func aReferenceToADifferentChunkIsAChange() {
        let f = FileDiffTests.file
        let old = WebBundle(origin: "old", container: .directory, webRoot: "", files: [
            f("app.js", "import(\"./good.5c3a8eec.js\")"), f("good.5c3a8eec.js", "g"), f("evil.0badf00d.js", "e"),
        ], diagnostics: [])
        let new = WebBundle(origin: "new", container: .directory, webRoot: "", files: [
            f("app.js", "import(\"./evil.0badf00d.js\")"), f("good.5c3a8eec.js", "g"), f("evil.0badf00d.js", "e"),
        ], diagnostics: [])
        let diff = FileDiff(old: old, new: new)
        #expect(diff.entries.first { $0.path == "app.js" }?.status == .changed)
        #expect(diff.countReferencesOnly == 0)
    }

    @Test func normalizerRewritesOnlyKnownNames() {
        let bundle = WebBundle(origin: "b", container: .directory, webRoot: "", files: [
            FileDiffTests.file("a/index-Dvm9KEU2.js", "x"), FileDiffTests.file("plain.js", "y"),
        ], diagnostics: [])
        let normalizer = ReferenceNormalizer(bundles: [bundle])
        let input = "from\"./index-Dvm9KEU2.js\";\"_index-Dvm9KEU2.js\";other-Dvm9KEU2.js;plain.js;index-Dvm9KEU2.json"
        #expect(String(decoding: normalizer.normalize(Array(input.utf8)), as: UTF8.self)
                == "from\"./index-*.js\";\"_index-*.js\";other-Dvm9KEU2.js;plain.js;index-Dvm9KEU2.json")
    }

    @Test func webpackRuntimeHashMapsAreNormalised() {
        let f = FileDiffTests.file
        let old = WebBundle(origin: "old", container: .directory, webRoot: "", files: [
            f("main.580360276a959490.js", "u=e=>e+\".\"+{2237:\"4186e666374f47cf\",79:\"504725712e8f37cb\"}[e]+\".js\""),
            f("2237.4186e666374f47cf.js", "chunk A v1"), f("79.504725712e8f37cb.js", "chunk B"),
        ], diagnostics: [])
        let new = WebBundle(origin: "new", container: .directory, webRoot: "", files: [
            f("main.efd36b46f3b45eb8.js", "u=e=>e+\".\"+{2237:\"0123456789abcdef\",79:\"504725712e8f37cb\"}[e]+\".js\""),
            f("2237.0123456789abcdef.js", "chunk A v2"), f("79.504725712e8f37cb.js", "chunk B"),
        ], diagnostics: [])
        let diff = FileDiff(old: old, new: new)
        #expect(diff.entries.map { "\($0.path) \($0.status.rawValue) \($0.match?.rawValue ?? "-")" } == [
            "2237.0123456789abcdef.js changed stripped-name",
            "79.504725712e8f37cb.js unchanged path",
            "main.efd36b46f3b45eb8.js unchanged stripped-name",
        ])
        // An unknown hex string is left alone.
        let normalizer = ReferenceNormalizer(bundles: [old])
        #expect(String(decoding: normalizer.normalize(Array("\"4186e666374f47cf\" \"deadbeefdeadbeef\"".utf8)), as: UTF8.self)
                == "\"*\" \"deadbeefdeadbeef\"")
    }

    /// `equivalent` normalizes only between the common prefix and suffix; it must answer what
    /// normalizing both files whole answers, whatever the edits and wherever they fall.
    @Test func equivalentAgreesWithNormalizingEverything() {
        let bundle = WebBundle(origin: "b", container: .directory, webRoot: "", files: [
            FileDiffTests.file("index-Dvm9KEU2.js", "x"), FileDiffTests.file("index-Ab12Cd34.js", "y"),
            FileDiffTests.file("app.5c3a8eec.js", "z"), FileDiffTests.file("app.0f1e2d3c.js", "w"),
        ], diagnostics: [])
        let normalizer = ReferenceNormalizer(bundles: [bundle])
        let pieces = ["import{a}from\"./index-Dvm9KEU2.js\";", "import{a}from\"./index-Ab12Cd34.js\";",
                      "e.exports=1;", "\"5c3a8eec\"", "\"0f1e2d3c\"", "x.index-Dvm9KEU2.jsx", "a", "app.5c3a8eec.js",
                      "app.0f1e2d3c.js", "", "index-Dvm9KEU2", "index-Ab12Cd34"]
        var state: UInt32 = 12345
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return Int(state % UInt32(n))
        }
        var agreed = 0, equivalentPairs = 0
        for _ in 0..<600 {
            let a = (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }
            var b = a
            // One to three edits: swap a piece for another, insert or delete one.
            // Twins: the same reference under the other build's hash.
            let twins = [0: 1, 1: 0, 3: 4, 4: 3, 7: 8, 8: 7, 10: 11, 11: 10]
            for _ in 0..<(1 + next(3)) {
                switch next(4) {
                case 0 where !b.isEmpty: b[next(b.count)] = pieces[next(pieces.count)]
                case 1: b.insert(pieces[next(pieces.count)], at: next(b.count + 1))
                case 2 where !b.isEmpty: b.remove(at: next(b.count))
                default:
                    for (k, piece) in b.enumerated() {
                        if let i = pieces.firstIndex(of: piece), let twin = twins[i] { b[k] = pieces[twin]; break }
                    }
                }
            }
            let x = Array(a.joined().utf8), y = Array(b.joined().utf8)
            let whole = normalizer.normalize(x) == normalizer.normalize(y)
            #expect(normalizer.equivalent(x, y) == whole, "\(a.joined()) vs \(b.joined())")
            agreed += 1
            if whole && x != y { equivalentPairs += 1 }
        }
        #expect(agreed == 600)
        #expect(equivalentPairs > 20)  // the interesting case: different bytes, same references
    }
}
