import Dispatch

extension InventoryBuilder {
    /// Tokenizes and matches every distinct JavaScript file of `bundles` on all cores, biggest
    /// first, and files the facts in `cache`: `build` then only assembles inventories. `extra`
    /// runs on each file's tokens in the same pass (the code share's shingles), so no file is
    /// tokenized twice; its results are returned by SHA-256.
    public func prescan<Extra: Sendable>(_ bundles: [WebBundle], cache: inout ScanCache,
                                         extra: (@Sendable (BundleFile, [JSToken]) -> Extra)? = nil) -> [String: Extra] {
        var jobs: [(key: String, file: BundleFile)] = []
        var queued = Set<String>()
        for bundle in bundles {
            for file in bundle.files where file.kind == .javascript {
                let key = ScanCache.key(for: file, signatures: signatures)
                guard !cache.contains(key), queued.insert(key).inserted else { continue }
                jobs.append((key, file))
            }
        }
        jobs.sort { $0.file.size > $1.file.size || ($0.file.size == $1.file.size && $0.key < $1.key) }
        let files = jobs.map(\.file)
        let matcher = SignatureMatcher(signatures)
        let matching = !signatures.signatures.isEmpty
        let slots = ResultSlots<([SignatureFact], Extra?)>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let file = files[index]
            let (tokens, marked) = file.bytes.withUnsafeBufferPointer {
                JSTokenizer.tokenize($0, marking: signatures.interest)
            }
            let facts = matching ? matcher.scan(file.bytes, tokens: tokens, marked: marked, path: file.path) : []
            slots.store((facts, extra?(file, tokens)), at: index)
        }
        var extras: [String: Extra] = [:]
        for (index, result) in slots.values().enumerated() {
            guard let (facts, value) = result else { continue }
            cache.store(facts, key: jobs[index].key)
            if let value { extras[jobs[index].file.sha256] = value }
        }
        return extras
    }
}
