import LivegateScanner

/// Everything a report needs from one `livegate check`: what was compared, the findings,
/// the verdict per store and the exit code. Reports are pure functions of this value.
public struct CheckResult: Sendable {
    public struct BundleSummary: Sendable {
        public let origin: String
        public let container: WebBundle.Container
        public let webRoot: String
        public let fileCount: Int
        public let byteCount: Int
        /// Files that could not be loaded or analysed, with the reason.
        public let problems: [LoadDiagnostic]
        /// path → SHA-256, for SARIF artifacts.
        public let digests: [String: String]
    }

    public struct FileChanges: Sendable {
        public let added: Int
        public let removed: Int
        public let changed: Int
        public let unchanged: Int
        public let bytesAdded: Int
        public let bytesRemoved: Int
        public let bytesChanged: Int
        public let matchedByPath: Int
        public let matchedByDigest: Int
        public let matchedByStrippedName: Int
    }

    public let old: BundleSummary
    public let new: BundleSummary
    public let files: FileChanges
    /// Plugins, native calls, routes, flags and remote origins: added, removed, unchanged.
    public let changes: InventoryChanges
    /// In report order.
    public let findings: [Finding]
    /// The rules that were active (for SARIF `tool.driver.rules`), sorted by id.
    public let rules: [Rule]
    public let options: CheckOptions
    public let verdicts: [Store: Verdict]
    /// False when something could not be analysed (and `--allow-unanalysed` was not given).
    public let analysisComplete: Bool

    /// 0 gate passed, 1 gate failed on findings, 3 analysis incomplete.
    public var exitCode: Int32 {
        let active = findings.filter { $0.suppression == nil }
        let failing = active.filter { $0.maxLevel(in: options.stores) >= options.failOn && options.failOn != .none }
        if failing.contains(where: { $0.category != .analysisIncomplete }) { return ExitCode.findings }
        if !analysisComplete { return ExitCode.incomplete }
        return failing.isEmpty ? ExitCode.passed : ExitCode.findings
    }

    public func verdict(for store: Store) -> Verdict { verdicts[store] ?? .pass }
}

/// The process exit codes, as documented in README.
public enum ExitCode {
    public static let passed: Int32 = 0
    public static let findings: Int32 = 1
    public static let usage: Int32 = 2
    public static let incomplete: Int32 = 3
}
