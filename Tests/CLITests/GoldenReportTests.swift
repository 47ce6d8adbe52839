import Foundation
import Testing

/// The example check's report in every format, compared byte for byte with the committed golden
/// files. Regenerate them after an intended change with:
///
///     LIVEGATE_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests
struct GoldenReportTests {
    static let formats = ["text", "json", "sarif", "markdown", "github", "html"]
    static let golden = CLITests.root.appendingPathComponent("Tests/CLITests/Golden")

    static func file(_ format: String) -> URL {
        let ext = ["text": "txt", "markdown": "md"][format] ?? format
        return golden.appendingPathComponent("capacitor-app.\(ext)")
    }

    @Test(arguments: formats)
    func exampleReportMatchesItsGoldenFile(_ format: String) throws {
        let run = try CLITests.run(["check", CLITests.old, CLITests.new, "--format", format, "--color", "never"])
        #expect(run.status == 1)
        let url = Self.file(format)
        if ProcessInfo.processInfo.environment["LIVEGATE_UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(run.stdout == expected, "\(url.lastPathComponent) is stale: LIVEGATE_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests")
    }

    /// The golden SARIF passes ../shared/tools/validate-sarif when it and python3 with jsonschema exist.
    @Test func goldenSARIFPassesTheValidator() throws {
        let validator = CLITests.root.deletingLastPathComponent().appendingPathComponent("shared/tools/validate-sarif").path
        guard FileManager.default.isExecutableFile(atPath: validator) else { return }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema"]
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator, Self.file("sarif").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("1 passed, 0 failed"))
    }
}
