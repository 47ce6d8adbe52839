import Foundation
import LivegateScanner
@testable import LivegateRules

/// Bundles built in memory for tests (the loader is tested on its own).
enum TestBundles {
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    static let hermes: [UInt8] = [0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F, 0x60, 0, 0, 0]

    static func file(_ path: String, _ text: String) -> BundleFile {
        let bytes = Array(text.utf8)
        let kind: FileKind = path.hasSuffix(".html") ? .html : path.hasSuffix(".js") ? .javascript : .text
        return BundleFile(path: path, bytes: bytes, sha256: SHA256.hex(of: bytes), kind: kind)
    }

    static func native(_ path: String, _ bytes: [UInt8] = elf) -> BundleFile {
        BundleFile(path: path, bytes: bytes, sha256: SHA256.hex(of: bytes), kind: .nativeCode, nativeFormat: .elf)
    }

    static func hermesFile(_ path: String) -> BundleFile {
        BundleFile(path: path, bytes: hermes, sha256: SHA256.hex(of: hermes), kind: .hermesBytecode)
    }

    static func bundle(_ origin: String, _ files: [BundleFile], diagnostics: [LoadDiagnostic] = [],
                       container: WebBundle.Container = .directory) -> WebBundle {
        WebBundle(origin: origin, container: container, webRoot: "", files: files, diagnostics: diagnostics)
    }

    static func check(_ old: WebBundle, _ new: WebBundle, configure: (inout CheckOptions) -> Void = { _ in }) throws -> CheckResult {
        var options = CheckOptions()
        configure(&options)
        return Checker(rules: try RulesetLoader().loadShipped(), options: options).check(old: old, new: new)
    }

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
