// swift-tools-version:6.0
// livegate: checks that a live update of a hybrid app's web bundle stays within
// the App Store's and Google Play's rules. Foundation, libxml2 and zlib only.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "livegate",
    products: [
        .executable(name: "livegate", targets: ["livegate"]),
        .library(name: "LivegateScanner", targets: ["LivegateScanner"]),
        .library(name: "LivegateRules", targets: ["LivegateRules"]),
    ],
    targets: [
        // System libraries: a module map and a shim header each. `providers` lets SwiftPM
        // tell a user which package to install when the headers are missing.
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"]), .yum(["zlib-devel"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"]), .yum(["libxml2-devel"])]),

        // SHA-256 with the x86 SHA extensions when the CPU has them (file digests are most of
        // the loading time otherwise); the Swift implementation is the fallback.
        .target(name: "CSHA256", path: "Sources/CSHA256"),

        // What Swift cannot spell: prefetching the matcher's next tokens, and classifying sixteen
        // bytes with one SSE2 compare (Swift's SIMD compares compile to a loop over the lanes).
        .target(name: "CHints", path: "Sources/CHints"),

        // Bundle loading, tokenizers, extractors and the per-bundle inventory.
        // Not named `Scanner`: Foundation has a class of that name.
        .target(
            name: "LivegateScanner", dependencies: ["CZlib", "CLibXML2", "CSHA256", "CHints"],
            path: "Sources/Scanner", swiftSettings: strict),

        // Diff, rulesets, rule engine, findings, verdicts and report writers.
        // The shipped rulesets are embedded at build time so a copied binary works alone.
        .target(
            name: "LivegateRules", dependencies: ["LivegateScanner"],
            path: "Sources/Rules", swiftSettings: strict,
            plugins: ["EmbedRulesets"]),

        // The command-line tool: arguments, I/O and exit codes. Thin.
        .executableTarget(
            name: "livegate", dependencies: ["LivegateScanner", "LivegateRules"],
            path: "Sources/cli", swiftSettings: strict),

        // Benchmarks (run in release mode): throughput of loading, tokenizing and checking.
        .executableTarget(
            name: "livegate-bench", dependencies: ["LivegateScanner", "LivegateRules"],
            path: "Sources/Bench", swiftSettings: strict),

        // Build-time tool and plugin that turn Rulesets/**/*.json into Swift string literals.
        .executableTarget(name: "embed-rulesets", path: "Sources/embed-rulesets"),
        .plugin(
            name: "EmbedRulesets", capability: .buildTool(),
            dependencies: ["embed-rulesets"], path: "Plugins/EmbedRulesets"),

        .testTarget(
            name: "ScannerTests", dependencies: ["LivegateScanner", "CHints"],
            path: "Tests/ScannerTests", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RulesTests", dependencies: ["LivegateRules", "LivegateScanner"],
            path: "Tests/RulesTests"),
        // End-to-end: runs the built `livegate` binary.
        .testTarget(
            name: "CLITests", dependencies: ["livegate"],
            path: "Tests/CLITests", exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
