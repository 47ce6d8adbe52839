import Testing
@testable import LivegateScanner

/// Each of the ten flag SDKs: a minified call with its key (and literal default) is a flag of
/// that SDK only when the SDK's endpoint string is in the bundle.
struct FlagSDKTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sdk: String
        let call: String
        let fingerprint: String
        let expected: [String]
        var testDescription: String { sdk }
    }

    static let cases: [Case] = [
        Case(sdk: "launchdarkly", call: #"t.variation("new-checkout",!1)"#, fingerprint: "https://app.launchdarkly.com",
             expected: ["1:1 feature-flag flag:launchdarkly:new-checkout {default=false, flag=new-checkout, method=variation, sdk=launchdarkly}"]),
        Case(sdk: "unleash", call: #"c.isEnabled("beta-search");c.getVariant("theme")"#, fingerprint: "unleash:repository",
             expected: ["1:1 feature-flag flag:unleash:beta-search {flag=beta-search, method=isEnabled, sdk=unleash}",
                        "1:28 feature-flag flag:unleash:theme {flag=theme, method=getVariant, sdk=unleash}"]),
        Case(sdk: "configcat", call: #"await e.getValueAsync("isAwesomeFeatureEnabled",!1)"#, fingerprint: "https://cdn-global.configcat.com",
             expected: ["1:7 feature-flag flag:configcat:isAwesomeFeatureEnabled {default=false, flag=isAwesomeFeatureEnabled, method=getValueAsync, sdk=configcat}"]),
        Case(sdk: "growthbook", call: #"g.isOn("dark-mode");g.getFeatureValue("button-color","blue")"#, fingerprint: "https://cdn.growthbook.io/api/features/",
             expected: ["1:1 feature-flag flag:growthbook:dark-mode {flag=dark-mode, method=isOn, sdk=growthbook}",
                        "1:21 feature-flag flag:growthbook:button-color {default=blue, flag=button-color, method=getFeatureValue, sdk=growthbook}"]),
        Case(sdk: "firebase-remote-config", call: #"(0,r.getValue)(n,"welcome_message");(0,r.getBoolean)(n,"promo")"#,
             fingerprint: "https://firebaseremoteconfig.googleapis.com/v1/projects/",
             expected: ["1:1 feature-flag flag:firebase-remote-config:welcome_message {flag=welcome_message, method=getValue, sdk=firebase-remote-config}",
                        "1:37 feature-flag flag:firebase-remote-config:promo {flag=promo, method=getBoolean, sdk=firebase-remote-config}"]),
        Case(sdk: "split", call: #"s.getTreatment("new_onboarding")"#, fingerprint: "https://sdk.split.io/api",
             expected: ["1:1 feature-flag flag:split:new_onboarding {flag=new_onboarding, method=getTreatment, sdk=split}"]),
        Case(sdk: "optimizely", call: #"o.isFeatureEnabled("price_filter",u);o.decide("checkout_flow")"#, fingerprint: "https://cdn.optimizely.com/datafiles/%s.json",
             expected: ["1:1 feature-flag flag:optimizely:price_filter {flag=price_filter, method=isFeatureEnabled, sdk=optimizely}",
                        "1:38 feature-flag flag:optimizely:checkout_flow {flag=checkout_flow, method=decide, sdk=optimizely}"]),
        Case(sdk: "statsig", call: #"r.checkGate("new_homepage");r.getExperiment("pricing")"#, fingerprint: "https://featureassets.org/v1/initialize",
             expected: ["1:1 feature-flag flag:statsig:new_homepage {flag=new_homepage, method=checkGate, sdk=statsig}",
                        "1:29 feature-flag flag:statsig:pricing {flag=pricing, method=getExperiment, sdk=statsig}"]),
        Case(sdk: "flagsmith", call: #"f.hasFeature("chat")"#, fingerprint: "https://edge.api.flagsmith.com/api/v1/",
             expected: ["1:1 feature-flag flag:flagsmith:chat {flag=chat, method=hasFeature, sdk=flagsmith}"]),
        Case(sdk: "posthog", call: #"p.isFeatureEnabled("new-ui");p.getFeatureFlag("variant-test")"#, fingerprint: "$feature_flag_called",
             expected: ["1:1 feature-flag flag:posthog:new-ui {flag=new-ui, method=isFeatureEnabled, sdk=posthog}",
                        "1:30 feature-flag flag:posthog:variant-test {flag=variant-test, method=getFeatureFlag, sdk=posthog}"]),
    ]

    @Test(arguments: cases)
    func confirmedByItsEndpoint(_ c: Case) {
        let files = ["app.js": c.call, "vendor.js": "var u=\"\(c.fingerprint)\";"]
        let flags = inventory(files).filter { $0.kind == "feature-flag" && $0.location.path == "app.js" }.map { describeSignatureFact($0) }
        #expect(flags == c.expected)
        let fingerprints = inventory(files).filter { $0.kind == "sdk-fingerprint" }.map(\.key)
        #expect(fingerprints == ["sdk:\(c.sdk)"])
        // Without the endpoint string the same calls are not flags of that SDK.
        #expect(inventory(["app.js": c.call]).filter { $0.key.hasPrefix("flag:\(c.sdk):") }.isEmpty)
    }
}
