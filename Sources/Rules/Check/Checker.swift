import Dispatch
import LivegateScanner

/// `livegate check OLD NEW` as a library call: inventory both bundles, diff, apply rules,
/// decide verdicts. No I/O beyond what the bundles already hold.
public struct Checker: Sendable {
    public let rules: [Rule]
    public let options: CheckOptions
    public let signatures: SignatureSet

    public init(rules: [Rule], options: CheckOptions, signatures: SignatureSet = ShippedSignatures.set) {
        self.rules = rules.filter { rule in options.stores.contains { rule.level(for: $0) != .none } }
        self.options = options
        self.signatures = signatures
    }

    public func check(old: WebBundle, new: WebBundle) -> CheckResult {
        var timings = CheckTimings()
        return check(old: old, new: new, timings: &timings)
    }

    /// `check(old:new:)`, recording how long each phase took.
    public func check(old: WebBundle, new: WebBundle, timings: inout CheckTimings) -> CheckResult {
        let builder = InventoryBuilder(signatures: signatures)
        let wantsCodeShare = rules.contains { $0.condition.measure?.measure == .newCodeShare }
        // 1. Every distinct JavaScript file of both bundles is tokenized once, on all cores: its
        //    signature facts go to the cache, its shingles to the code share.
        var cache = ScanCache()
        var shingling: (@Sendable (BundleFile, [JSToken]) -> [UInt64])?
        if wantsCodeShare {
            shingling = { file, tokens in CodeShare.shingles(file.bytes, tokens: tokens) }
        }
        var start = ContinuousClock.now
        let shingles = builder.prescan([old, new], cache: &cache, extra: shingling)
        timings.record("tokenize and match JavaScript", since: start)
        // 2. Two independent halves side by side: the inventories (HTML, CSS, manifests; the
        //    JavaScript facts come from the cache) and their diff; the file diff and the code share.
        let parts = Parts()
        let frozenCache = cache
        start = .now
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                var cache = frozenCache
                let oldInventory = builder.build(old, cache: &cache)
                let newInventory = builder.build(new, cache: &cache)
                parts.diff = FactDiff(old: oldInventory, new: newInventory)
            } else {
                parts.fileDiff = FileDiff(old: old, new: new)
                if wantsCodeShare { parts.codeShare = CodeShare(old: old, new: new, shingles: shingles) }
            }
        }
        timings.record("inventories, file diff, code share", since: start)
        let diff = parts.diff!
        let fileDiff = parts.fileDiff!
        var context = EvaluationContext()
        context.thresholds = options.thresholds
        context.allowLists = options.allowLists
        context.codeShare = parts.codeShare
        start = .now
        var findings = RuleEngine(rules: rules).evaluate(diff, context: context).map(accepting)
        timings.record("rules", since: start)

        let incomplete = findings.contains { $0.category == .analysisIncomplete && $0.suppression == nil }
        if options.allowUnanalysed {
            findings = findings.map { finding in
                guard finding.category == .analysisIncomplete else { return finding }
                return finding.relevelled(finding.levels.mapValues { _ in .note })
            }
        }
        var verdicts: [Store: Verdict] = [:]
        for store in options.stores { verdicts[store] = Verdict.of(findings, for: store) }

        return CheckResult(
            old: Self.summary(old), new: Self.summary(new), files: Self.changes(fileDiff), changes: InventoryChanges(diff),
            findings: findings, rules: rules, options: options, verdicts: verdicts,
            analysisComplete: !incomplete || options.allowUnanalysed)
    }

    /// Results of the two halves of a check; each field is written by one half only and read
    /// after both have finished.
    private final class Parts: @unchecked Sendable {
        var diff: FactDiff?
        var fileDiff: FileDiff?
        var codeShare: CodeShare?
    }

    /// The finding, suppressed if an acceptance for its rule and key still holds.
    func accepting(_ finding: Finding) -> Finding {
        let matches = options.accept.filter { $0.rule == finding.ruleId && $0.key == finding.factKey }
        guard let holding = matches.first(where: { $0.holds(on: options.today) }) else { return finding }
        return finding.suppressed(Suppression(origin: holding.origin, reason: holding.reason))
    }

    static func summary(_ bundle: WebBundle) -> CheckResult.BundleSummary {
        var digests: [String: String] = [:]
        for file in bundle.files { digests[file.path] = file.sha256 }
        return CheckResult.BundleSummary(
            origin: bundle.origin, container: bundle.container, webRoot: bundle.webRoot,
            fileCount: bundle.files.count, byteCount: bundle.files.reduce(0) { $0 + $1.size },
            problems: bundle.diagnostics, digests: digests)
    }

    static func changes(_ diff: FileDiff) -> CheckResult.FileChanges {
        var added = 0, removed = 0, changed = 0, unchanged = 0
        var bytesAdded = 0, bytesRemoved = 0, bytesChanged = 0
        var byPath = 0, byDigest = 0, byName = 0
        for entry in diff.entries {
            switch entry.status {
            case .added: added += 1; bytesAdded += entry.new?.size ?? 0
            case .removed: removed += 1; bytesRemoved += entry.old?.size ?? 0
            case .changed: changed += 1; bytesChanged += entry.new?.size ?? 0
            case .unchanged: unchanged += 1
            }
            switch entry.match {
            case .path: byPath += 1
            case .digest: byDigest += 1
            case .strippedName: byName += 1
            case nil: break
            }
        }
        return CheckResult.FileChanges(
            added: added, removed: removed, changed: changed, unchanged: unchanged,
            bytesAdded: bytesAdded, bytesRemoved: bytesRemoved, bytesChanged: bytesChanged,
            matchedByPath: byPath, matchedByDigest: byDigest, matchedByStrippedName: byName)
    }
}
