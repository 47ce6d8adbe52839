/// Bundles given as a list of (path, bytes) — rule examples, tests and tools that hold files in
/// memory — go through the same path checks, limits, kind detection and hashing as a loaded one.
extension BundleLoader {
    public struct MemoryEntry: Sendable, Hashable {
        public let path: String
        public let bytes: [UInt8]
        /// Stands for an entry that could not be read, with this problem.
        public let problem: LoadDiagnostic.Problem?

        public init(path: String, bytes: [UInt8], problem: LoadDiagnostic.Problem? = nil) {
            self.path = path
            self.bytes = bytes
            self.problem = problem
        }
    }

    public func load(entries: [MemoryEntry], origin: String, container: WebBundle.Container = .directory) -> WebBundle {
        var collector = Collector(limits: limits)
        var named: [(entry: MemoryEntry, path: String)] = []
        for entry in entries {
            switch SafePath.normalize(rawName: Array(entry.path.utf8)) {
            case .safe(let path): named.append((entry, path))
            case .empty: continue
            case .unsafe(let reason):
                collector.report(entry.path, .unsafePath, "'\(entry.path)' \(reason); it would escape the bundle and was refused")
            }
        }
        named.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for (index, item) in named.enumerated() {
            if let problem = item.entry.problem {
                collector.report(item.path, problem, "'\(item.path)' could not be read (\(problem.rawValue))")
                continue
            }
            let candidate = Candidate(path: item.path, size: item.entry.bytes.count, order: index)
            if collector.admit(candidate, remaining: named.count - index - 1) {
                collector.add(path: item.path, bytes: item.entry.bytes)
            }
        }
        let files = collector.finish()
        return WebBundle(origin: origin, container: container, webRoot: "", files: files, diagnostics: collector.diagnostics)
    }
}
