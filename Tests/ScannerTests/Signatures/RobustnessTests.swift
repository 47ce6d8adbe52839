import Foundation
import Testing
@testable import LivegateScanner

/// Matches never happen inside comments or strings; keys survive a rebuild.
struct RobustnessTests {
    /// Fixtures whose facts come from token patterns (not from string values or file paths).
    static let codeFixtures: [(String, [String: String])] = [
        ("capacitorVite", SignatureFixtures.capacitorVite), ("capacitorWebpack4", SignatureFixtures.capacitorWebpack4),
        ("capacitorWebpack5", SignatureFixtures.capacitorWebpack5),
        ("capacitorWebpack5Exports", SignatureFixtures.capacitorWebpack5Exports), ("capacitorEsbuild", SignatureFixtures.capacitorEsbuild),
        ("capacitorDirect", SignatureFixtures.capacitorDirect), ("transports", SignatureFixtures.transports),
        ("cordovaPluginFile", SignatureFixtures.cordovaPluginFile), ("cordovaMinified", SignatureFixtures.cordovaMinified),
        ("cordovaClobbers", SignatureFixtures.cordovaClobbers),
        ("ionicNative", SignatureFixtures.ionicNative),
        ("ionicNativeMethodsES5", SignatureFixtures.ionicNativeMethodsES5), ("ionicNativeMethodsES5Source", SignatureFixtures.ionicNativeMethodsES5Source),
        ("ionicNativeMethodsES2015", SignatureFixtures.ionicNativeMethodsES2015),
        ("ionicNativeMethodsES2015Source", SignatureFixtures.ionicNativeMethodsES2015Source),
        ("ionicNativeDecorators", SignatureFixtures.ionicNativeDecorators), ("reactNativeMetro", SignatureFixtures.reactNativeMetro),
        ("expo", SignatureFixtures.expo), ("capgo", SignatureFixtures.capgo), ("appflowWebView", SignatureFixtures.appflowWebView),
        ("codePushChcpExpo", SignatureFixtures.codePushChcpExpo), ("reactRouter", SignatureFixtures.reactRouter),
        ("reactRouterManifest", SignatureFixtures.reactRouterManifest),
        ("reactRouterManifestFormatted", SignatureFixtures.reactRouterManifestFormatted),
        ("remixManifest", SignatureFixtures.remixManifest),
        ("vueRouter", SignatureFixtures.vueRouter), ("angularRouter", SignatureFixtures.angularRouter),
        ("angularNavigation", SignatureFixtures.angularNavigation),
        ("expoRouter", SignatureFixtures.expoRouter), ("routerHooks", SignatureFixtures.routerHooks), ("buildEnv", SignatureFixtures.buildEnv), ("appFlags", SignatureFixtures.appFlags),
        ("dynamicSinks", SignatureFixtures.dynamicSinks), ("benignEmitters", SignatureFixtures.benignEmitters),
        ("obfuscation", SignatureFixtures.obfuscation), ("permissions", SignatureFixtures.permissions),
        ("updatePrompts", SignatureFixtures.updatePrompts),
    ]

    @Test(arguments: codeFixtures.map(\.0))
    func wrappedInACommentMatchesNothing(_ name: String) {
        let files = Self.codeFixtures.first { $0.0 == name }!.1
        #expect(!inventory(files).isEmpty)
        let block = files.mapValues { "/* " + $0.replacingOccurrences(of: "*/", with: "* /") + " */" }
        #expect(inventory(block).map { describeSignatureFact($0) } == [])
        let line = files.mapValues { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }.joined(separator: "\n") }
        #expect(inventory(line).map { describeSignatureFact($0) } == [])
    }

    /// Token patterns never look inside a string; only `$str`-first patterns (fingerprints,
    /// URLs) read string values, and none of these fixtures' strings is one.
    @Test(arguments: codeFixtures.map(\.0))
    func wrappedInAStringMatchesNothing(_ name: String) throws {
        let files = Self.codeFixtures.first { $0.0 == name }!.1
        var quoted: [String: String] = [:]
        for (path, source) in files {
            let json = String(decoding: try JSONEncoder().encode(source), as: UTF8.self)
            quoted[path] = "var s = " + json + ";\nvar t = `" + source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`").replacingOccurrences(of: "${", with: "\\${") + "`;\n"
        }
        #expect(inventory(quoted).map { describeSignatureFact($0) } == [])
    }

    /// The same code minified with other identifier names and chunk hashes gives the same keys.
    @Test func keysAreStableAcrossRebuilds() {
        let first = """
            import{r as Br}from"./index-Dvm9KEU2.js";var Qa=1,ld=Br;const Lo=ld("Camera",{web:()=>import("./web-BqK3Z1a2.js").then(e=>new e.CameraWeb)});
            async function Jo(){await Lo.getPhoto({quality:90});window.Capacitor.isPluginAvailable("Haptics")}
            u.jsx(yc,{path:"/wallet",element:u.jsx(I4,{})});eval(x);n.variation("new-checkout",!1);const L="https://clientsdk.launchdarkly.com";
            """.replacingOccurrences(of: "ld=Br", with: "ld=Xr.registerPlugin")
        let second = """
            import{q as Zz}from"./index-B7aQ9xY2.js";var M=2,sn=Yt.registerPlugin;const Ab=sn("Camera",{web:()=>import("./web-Ck81LmNo.js").then(t=>new t.CameraWeb)});
            async function Pq(){await Ab.getPhoto({quality:90});self.Capacitor.isPluginAvailable("Haptics")}
            c.jsx(Qe,{path:"/wallet",element:c.jsx(R2,{})});eval(y);r.variation("new-checkout",!1);const K="https://clientsdk.launchdarkly.com";
            """
        let a = inventory(["assets/index-Dvm9KEU2.js": first]).map { "\($0.kind) \($0.key)" }
        let b = inventory(["assets/index-C3pQ9rT1.js": second]).map { "\($0.kind) \($0.key)" }
        #expect(a == b)
        #expect(a == [
            "plugin-registration capacitor:Camera", "dynamic-code import:literal", "bridge-call capacitor:Camera.getPhoto",
            "plugin-check capacitor-available:Haptics", "route route:/wallet", "dynamic-code eval:non-literal",
            "feature-flag flag:launchdarkly:new-checkout", "sdk-fingerprint sdk:launchdarkly",
        ])
    }

    /// Ionic Native wrapper methods and React Router manifest routes keep their keys when the
    /// locals, the helper's export name and the chunk hashes change.
    @Test func wrapperAndManifestKeysAreStableAcrossRebuilds() {
        let first = [
            "main.3b9d2c1a8e7f6a50.js": #"var s=function(e){function t(){return e.apply(this,arguments)||this}return(0,r.ZT)(t,e),t.prototype.scan=function(e){return(0,o.DZ)(this,"scan",{},arguments)},t.pluginName="BarcodeScanner",t.plugin="phonegap-plugin-barcodescanner",t}(o.KY);"#,
            "assets/manifest-3f2a91bc.js": #"window.__reactRouterManifest={"routes":{"root":{"id":"root","path":"","module":"/assets/root-C4z9Ab1x.js"},"routes/a":{"id":"routes/a","parentId":"root","path":"a","module":"/assets/a-Zq81lPo2.js"}},"version":"3f2a91bc"};"#,
        ]
        let second = [
            "main.9f8e7d6c5b4a3210.js": #"var q=function(n){function a(){return n.apply(this,arguments)||this}return(0,i.__extends)(a,n),a.prototype.scan=function(n){return(0,c.cordova)(this,"scan",{},arguments)},a.pluginName="BarcodeScanner",a.plugin="phonegap-plugin-barcodescanner",a}(c.AwesomeCordovaNativePlugin);"#,
            "assets/manifest-0a1b2c3d.js": #"window.__reactRouterManifest={"routes":{"root":{"id":"root","path":"","module":"/assets/root-Yy7uU6tT.js"},"routes/a":{"id":"routes/a","parentId":"root","path":"a","module":"/assets/a-Rr5eE4wW.js"}},"version":"0a1b2c3d"};"#,
        ]
        let a = inventory(first).map { "\($0.kind) \($0.key)" }.sorted()
        let b = inventory(second).map { "\($0.kind) \($0.key)" }.sorted()
        #expect(a == b)
        #expect(a == ["bridge-call ionic-native:BarcodeScanner.scan", "plugin-wrapper ionic-native:BarcodeScanner", "route route:/", "route route:/a"])
    }

    /// Scripts inside another file report host-file positions.
    @Test func hostFileRangesReportHostPositions() throws {
        let html = "<html>\n<script>\neval(x)\n</script>\n</html>\n"
        let bytes = Array(html.utf8)
        let start = Array("<html>\n<script>".utf8).count
        let end = start + Array("\neval(x)\n".utf8).count
        let facts = SignatureMatcher(Shipped.set).scan(bytes, range: start..<end, path: "index.html").map(\.fact)
        #expect(facts.map { describeSignatureFact($0, path: true) } == ["index.html:3:1 dynamic-code eval:non-literal {argument=non-literal, sink=eval}"])
        #expect(facts.first?.location.snippet == "eval(x)")
    }

    /// Files with identical bytes are scanned once.
    @Test func identicalFilesAreScannedOnce() {
        let entries = [BundleLoader.MemoryEntry(path: "a.js", bytes: Array("eval(x)".utf8)),
                       BundleLoader.MemoryEntry(path: "b/c.js", bytes: Array("eval(x)".utf8))]
        let bundle = BundleLoader().load(entries: entries, origin: "test")
        var cache = ScanCache()
        let facts = InventoryBuilder(signatures: Shipped.set).build(bundle, cache: &cache).facts
        #expect(cache.hits == 1)
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "a.js:1:1 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "b/c.js:1:1 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
        ])
        // The copy keeps everything but the path: the matched text too (reports mark it).
        #expect(facts.map(\.location.match) == ["eval(x", "eval(x"])
        #expect(facts.map(\.location.snippet) == ["eval(x)", "eval(x)"])
    }

    /// The prescan matches every distinct file once, on all cores, and `build` then only reads
    /// the cache: same facts as scanning file by file, each distinct file scanned once.
    @Test func prescanFillsTheCacheOnce() {
        let entries = [BundleLoader.MemoryEntry(path: "a.js", bytes: Array("eval(x)".utf8)),
                       BundleLoader.MemoryEntry(path: "b/c.js", bytes: Array("eval(x)".utf8)),
                       BundleLoader.MemoryEntry(path: "d.js", bytes: Array("new Function(y)".utf8))]
        let bundle = BundleLoader().load(entries: entries, origin: "test")
        let builder = InventoryBuilder(signatures: Shipped.set)
        var cache = ScanCache()
        let sizes: [String: Int] = builder.prescan([bundle, bundle], cache: &cache, extra: { file, tokens in tokens.count })
        #expect(cache.scans == 2)
        #expect(sizes.count == 2 && sizes.values.sorted() == [4, 5])
        let prescanned = builder.build(bundle, cache: &cache).facts
        #expect(cache.scans == 2 && cache.hits == 3)
        let direct = builder.build(bundle).facts
        #expect(prescanned.map { describeSignatureFact($0, path: true) } == direct.map { describeSignatureFact($0, path: true) })
        #expect(prescanned.map(\.location) == direct.map(\.location))
    }
}

/// The matcher's forward position walker agrees with LineTable on every offset.
struct PositionWalkerTests {
    @Test func agreesWithLineTable() {
        let text = "abcdefghij klmnop\r\nqrstuvwxyz é😀 abcdefgh\rxyz\u{2028}0123456789abcdef\n\nend of the text, long enough"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        var walker = PositionWalker(bytes)
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let (line, column) = walker.position(of: offset)
            let expected = table.position(of: offset)
            #expect(line == expected.line && column == expected.column, "offset \(offset)")
        }
    }

    /// Random text of long ASCII runs, CR, LF, CRLF, two-, three- and four-byte characters and
    /// separators, walked to random increasing offsets: the same positions as LineTable.
    @Test(arguments: [
        ["a", "abcdefghijklmnopqrstuvwxyz0123456789", "\n", "\r", "\r\n", "é", "€", "😀", "\u{2028}", "\u{2029}", " "],
        // No CR and no U+2028 / U+2029 (whose first byte, 0xE2, € shares): the walker counts
        // line feeds and UTF-8 sixteen bytes at a time.
        ["a", "abcdefghijklmnopqrstuvwxyz0123456789", "\n", "é", "😀", "\t", "ab\ncd", "\u{1}", "ĳĳĳĳĳĳĳĳ"],
        // 0xE2 in text (€, …) and in line separators, which may straddle sixteen-byte blocks.
        ["abcdefghijklmnopqrstuvwxyz", "a", "\n", "€", "…", "\u{2028}", "\u{2029}"],
    ])
    func randomTextAgreesWithLineTable(pieces: [String]) {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let table = LineTable(bytes)
            var walker = PositionWalker(bytes)
            let starts = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
            // Dense targets (the walker steps byte by byte) and sparse ones (it strides).
            let every = Bool.random(using: &rng) ? 2 : 40
            for offset in starts.filter({ _ in Int.random(in: 0..<every, using: &rng) == 0 }) {
                let (line, column) = walker.position(of: offset)
                let expected = table.position(of: offset)
                #expect(line == expected.line && column == expected.column, "offset \(offset) in \(Array(text.unicodeScalars.map(\.value)))")
            }
        }
    }
}
