import Foundation

/// Runs ../shared/tools/validate-sarif (next to the checkout, or $LIVEGATE_VALIDATE_SARIF)
/// when it and python3 with jsonschema are present.
enum SARIFValidator {
    static var script: String? {
        if let path = ProcessInfo.processInfo.environment["LIVEGATE_VALIDATE_SARIF"] { return path }
        let candidate = TestBundles.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/tools/validate-sarif").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    static var isAvailable: Bool {
        guard script != nil else { return false }
        return run(["/usr/bin/env", "python3", "-c", "import jsonschema"]).status == 0
    }

    /// Validates `text` as a SARIF file; returns the validator's exit status and output.
    static func validate(_ text: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("livegate-\(UUID().uuidString).sarif")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return run(["/usr/bin/env", "python3", script!, file.path])
    }

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
