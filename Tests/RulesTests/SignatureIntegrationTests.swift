import Testing
@testable import LivegateRules
import LivegateScanner

/// The shipped signatures as the rules side sees them: compiled once, their kinds in the
/// catalog, used by the checker, printed by `livegate inventory`.
struct SignatureIntegrationTests {
    @Test func shippedSignaturesCompile() throws {
        let set = try ShippedSignatures.compiled.get()
        #expect(ShippedSignatures.files.map(\.path) == [
            "signatures/dynamic-code.json", "signatures/feature-flags.json", "signatures/live-updates.json",
            "signatures/miners.json", "signatures/native-bridges.json", "signatures/native-code-urls.json",
            "signatures/obfuscation.json", "signatures/payments.json", "signatures/permission-apis.json",
            "signatures/remote-code.json", "signatures/routes.json", "signatures/update-prompts.json",
        ])
        #expect(set.files.count == 12)
    }

    @Test func catalogKnowsTheSignatureKinds() {
        let catalog = FactKindCatalog.shipped
        #expect(catalog.attributes["bridge-call"] == ["framework", "plugin", "method", "guarded", "via", "service", "action", "module"])
        #expect(catalog.attributes["native-binary"] == ["format", "sha256", "size"])
        #expect(catalog.attributes["route"] == ["framework", "via", "route", "id"])
        #expect(catalog.knows("updater-call") && catalog.knows("dynamic-code") && catalog.knows("app-config"))
        #expect(!FactKindCatalog.builtIn.knows("bridge-call"))
    }

    @Test func aRuleMayNameASignatureKindAndAttribute() throws {
        let text = rulesetJSON(ruleJSON(
            when: #"{"fact": "bridge-call", "change": ["added"], "attributes": {"guarded": {"notIn": ["true"]}}}"#,
            message: "new bridge call {plugin}.{method}"))
        let rules = try RulesetLoader().parse(file: "r.json", text: text)
        #expect(rules.map(\.id) == ["sample-rule"])
        #expect(throws: ConfigError.self) { try RulesetLoader(catalog: .builtIn).parse(file: "r.json", text: text) }
    }

    @Test func shippedRulesetsSkipSignatureFiles() throws {
        let rules = try RulesetLoader().loadShipped()
        #expect(rules.contains { $0.id == "native-code-added" })
        #expect(rules.allSatisfy { !$0.source.hasPrefix("Rulesets/signatures/") })
    }

    @Test func inventoryReportText() {
        let bundle = BundleLoader().load(entries: [
            .init(path: "index.html", bytes: Array("<html></html>".utf8)),
            .init(path: "app.js", bytes: Array("const C=registerPlugin(\"Camera\");\nC.getPhoto();\n".utf8)),
        ], origin: "b")
        let inventory = InventoryBuilder(signatures: ShippedSignatures.set).build(bundle)
        #expect(InventoryReport.text(inventory) == """
            app.js:1:9: plugin-registration capacitor:Camera {framework=capacitor, plugin=Camera, via=registerPlugin} | const C=registerPlugin("Camera");
            app.js:2:1: bridge-call capacitor:Camera.getPhoto {framework=capacitor, method=getPhoto, plugin=Camera, via=plugin-variable} | C.getPhoto();
            index.html:1:1: entry-point entry:index.html {container=directory}
            3 facts in 2 files: bridge-call 1, entry-point 1, plugin-registration 1

            """)
        let json = InventoryReport.json(inventory)
        #expect(json.contains(#""key" : "capacitor:Camera.getPhoto""#))
        #expect(json.contains(#""counts" : {"#))
        #expect(json == InventoryReport.json(InventoryBuilder(signatures: ShippedSignatures.set).build(bundle)))
    }

    /// A method added to an Ionic Native wrapper the reviewed bundle already had is a new native
    /// method; a route added to a React Router manifest is a new route; the unchanged ones are not.
    @Test func wrapperMethodsAndManifestRoutesAreComparedByKey() throws {
        func wrapper(_ methods: [String]) -> String {
            "var w=function(e){function t(){return e.apply(this,arguments)||this}return "
                + methods.map { "t.prototype.\($0)=function(){return(0,o.DZ)(this,\"\($0)\",{},arguments)}," }.joined()
                + "t.pluginName=\"Camera\",t.plugin=\"cordova-plugin-camera\",t.pluginRef=\"navigator.camera\",t}(o.KY);"
        }
        func manifest(_ routes: [String]) -> String {
            "window.__reactRouterManifest={\"routes\":{\"root\":{\"id\":\"root\",\"path\":\"\"},"
                + routes.map { "\"routes/\($0)\":{\"id\":\"routes/\($0)\",\"parentId\":\"root\",\"path\":\"\($0)\"}" }.joined(separator: ",")
                + "}};"
        }
        let old = TestBundles.bundle("old", [TestBundles.file("index.html", "<!doctype html>"),
                                             TestBundles.file("main.11111111.js", wrapper(["getPicture"])),
                                             TestBundles.file("assets/manifest-1a2b3c4d.js", manifest(["wallet"]))])
        let new = TestBundles.bundle("new", [TestBundles.file("index.html", "<!doctype html>"),
                                             TestBundles.file("main.22222222.js", wrapper(["getPicture", "cleanup"])),
                                             TestBundles.file("assets/manifest-5e6f7a8b.js", manifest(["wallet", "send"]))])
        let result = try TestBundles.check(old, new)
        // (The whole files are new code too: the code-share measure is not what this test is about.)
        #expect(result.findings.filter { ["bridge-call", "route", "plugin-wrapper"].contains($0.factKind) }.map { "\($0.ruleId) \($0.factKey)" } == [
            "route-added route:/send", "bridge-call-new-method ionic-native:Camera.cleanup",
        ])
    }

    @Test func checkerScansIdenticalFilesOnce() {
        let js = Array("eval(x)".utf8)
        let old = BundleLoader().load(entries: [.init(path: "index.html", bytes: []), .init(path: "a.js", bytes: js)], origin: "old")
        let new = BundleLoader().load(entries: [.init(path: "index.html", bytes: []), .init(path: "a.js", bytes: js)], origin: "new")
        var cache = ScanCache()
        let builder = InventoryBuilder(signatures: ShippedSignatures.set)
        let a = builder.build(old, cache: &cache)
        let b = builder.build(new, cache: &cache)
        #expect(cache.hits == 1)
        #expect(a.facts.map(\.key) == b.facts.map(\.key))
        #expect(a.facts.map(\.key) == ["eval:non-literal", "entry:index.html"])
    }
}
