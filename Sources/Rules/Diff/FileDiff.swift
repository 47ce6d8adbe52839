import LivegateScanner

/// The file-level difference between two bundles: which files were added, removed, changed or
/// left unchanged, and how each old file was paired with its new counterpart.
///
/// Pairing, in order, each step only among the files not yet paired:
/// 1. the same path (`match: .path`; `unchanged` when the bytes are equal, else `changed`);
/// 2. the same SHA-256 (a rename: `unchanged`, `match: .digest`), one-to-one in path order;
///    empty files are not paired this way, since every empty file has the same digest;
/// 3. the same `ChunkName.normalize` result, which keeps the directory (`changed`,
///    `match: .strippedName`). One old and one new file with that name pair directly; when several
///    share it (`*.chunk.js`), pairs are taken greedily by content similarity (shared
///    content-defined blocks), ties broken by closeness in size, then new path, then old path; only
///    pairs with some shared content are made there.
/// Everything left is `added` or `removed`.
///
/// A paired file whose bytes differ only in references to hashed file names of the two bundles
/// (`from "./index.DucWPHXi.js"` → `from "./index.Dlja0TUX.js"`) is `unchanged` with
/// `identical == false`: a rebuild changes every importer's bytes when one chunk's hash changes,
/// and the chunk that really changed is reported on its own.
public struct FileDiff: Sendable {
    public enum Status: String, Sendable, Codable { case added, removed, changed, unchanged }
    public enum Match: String, Sendable, Codable { case path, digest, strippedName = "stripped-name" }

    public struct Entry: Sendable {
        public let old: BundleFile?
        public let new: BundleFile?
        public let status: Status
        public let match: Match?
        /// Whether both files exist and their bytes are equal. An `unchanged` entry that is not
        /// `identical` differs only in references to hashed file names.
        public let identical: Bool

        public init(old: BundleFile?, new: BundleFile?, status: Status, match: Match?) {
            self.old = old
            self.new = new
            self.status = status
            self.match = match
            if let old, let new { identical = old.sha256 == new.sha256 } else { identical = false }
        }

        /// The new path, else the old one.
        public var path: String { new?.path ?? old?.path ?? "" }
    }

    /// Ordered by new path, else old path (byte order); a removed file sorts by its old path.
    public let entries: [Entry]

    public init(old: WebBundle, new: WebBundle) {
        var result: [Entry] = []
        result.reserveCapacity(max(old.files.count, new.files.count))

        // 1. Same path.
        var oldByPath: [String: BundleFile] = [:]
        for file in old.files { oldByPath[file.path] = file }
        var newLeft: [BundleFile] = []
        var oldPaired: Set<String> = []
        for file in new.files {
            if let before = oldByPath[file.path] {
                oldPaired.insert(file.path)
                result.append(Entry(old: before, new: file, status: before.sha256 == file.sha256 ? .unchanged : .changed,
                                    match: .path))
            } else {
                newLeft.append(file)
            }
        }
        var oldLeft = old.files.filter { !oldPaired.contains($0.path) }

        // 2. Same digest: a rename. Both lists are in path order, so pairing is deterministic.
        var oldByDigest: [String: [BundleFile]] = [:]
        for file in oldLeft where file.size > 0 { oldByDigest[file.sha256, default: []].append(file) }
        var digestTaken: [String: Int] = [:]
        var renamedOld: Set<String> = []
        var stillNew: [BundleFile] = []
        for file in newLeft {
            if file.size > 0, let candidates = oldByDigest[file.sha256] {
                let next = digestTaken[file.sha256, default: 0]
                if next < candidates.count {
                    digestTaken[file.sha256] = next + 1
                    renamedOld.insert(candidates[next].path)
                    result.append(Entry(old: candidates[next], new: file, status: .unchanged, match: .digest))
                    continue
                }
            }
            stillNew.append(file)
        }
        newLeft = stillNew
        oldLeft.removeAll { renamedOld.contains($0.path) }

        // 3. Same name once content hashes are stripped, in the same directory.
        var oldByName: [String: [BundleFile]] = [:]
        for file in oldLeft { oldByName[ChunkName.normalize(file.path), default: []].append(file) }
        var newByName: [String: [BundleFile]] = [:]
        for file in newLeft { newByName[ChunkName.normalize(file.path), default: []].append(file) }
        var pairedOld: Set<String> = []
        var pairedNew: Set<String> = []
        for name in newByName.keys.sorted() {
            guard let olds = oldByName[name], let news = newByName[name] else { continue }
            for (before, after) in Self.pair(olds: olds, news: news) {
                pairedOld.insert(before.path)
                pairedNew.insert(after.path)
                result.append(Entry(old: before, new: after, status: before.sha256 == after.sha256 ? .unchanged : .changed,
                                    match: .strippedName))
            }
        }

        // The rest.
        for file in newLeft where !pairedNew.contains(file.path) {
            result.append(Entry(old: nil, new: file, status: .added, match: nil))
        }
        for file in oldLeft where !pairedOld.contains(file.path) {
            result.append(Entry(old: file, new: nil, status: .removed, match: nil))
        }
        // A change that is only in references to renamed chunks is no change.
        let references = ReferenceNormalizer(bundles: [old, new])
        if !references.isEmpty {
            for (index, entry) in result.enumerated() where entry.status == .changed {
                guard let before = entry.old, let after = entry.new else { continue }
                if references.equivalent(before.bytes, after.bytes) {
                    result[index] = Entry(old: before, new: after, status: .unchanged, match: entry.match)
                }
            }
        }
        result.sort { a, b in
            if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
            return (a.old?.path ?? "").utf8.lexicographicallyPrecedes((b.old?.path ?? "").utf8)
        }
        entries = result
    }

    /// Pairs files that share a stripped name: one-to-one directly, several by similarity.
    static func pair(olds: [BundleFile], news: [BundleFile]) -> [(BundleFile, BundleFile)] {
        if olds.count == 1 && news.count == 1 { return [(olds[0], news[0])] }
        let oldSketches = olds.map { ContentSketch($0.bytes) }
        let newSketches = news.map { ContentSketch($0.bytes) }
        struct Candidate {
            let old: Int, new: Int
            let shared: Double
            let sizeGap: Int
        }
        var candidates: [Candidate] = []
        for (n, newSketch) in newSketches.enumerated() {
            for (o, oldSketch) in oldSketches.enumerated() {
                let shared = newSketch.similarity(to: oldSketch)
                guard shared > 0 else { continue }
                candidates.append(Candidate(old: o, new: n, shared: shared, sizeGap: abs(olds[o].size - news[n].size)))
            }
        }
        candidates.sort { a, b in
            if a.shared != b.shared { return a.shared > b.shared }
            if a.sizeGap != b.sizeGap { return a.sizeGap < b.sizeGap }
            if news[a.new].path != news[b.new].path { return news[a.new].path.utf8.lexicographicallyPrecedes(news[b.new].path.utf8) }
            return olds[a.old].path.utf8.lexicographicallyPrecedes(olds[b.old].path.utf8)
        }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var pairs: [(BundleFile, BundleFile)] = []
        for candidate in candidates where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
            usedOld.insert(candidate.old)
            usedNew.insert(candidate.new)
            pairs.append((olds[candidate.old], news[candidate.new]))
        }
        return pairs
    }

    // MARK: counts

    public func count(of status: Status) -> Int { entries.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }

    public func count(matchedBy match: Match) -> Int { entries.reduce(0) { $0 + ($1.match == match ? 1 : 0) } }

    /// Unchanged entries whose bytes differ only in references to hashed file names.
    public var countReferencesOnly: Int { entries.reduce(0) { $0 + ($1.status == .unchanged && !$1.identical ? 1 : 0) } }

    /// Bytes of the files only in the new bundle.
    public var bytesAdded: Int { entries.reduce(0) { $0 + ($1.status == .added ? $1.new?.size ?? 0 : 0) } }
    /// Bytes of the files only in the old bundle.
    public var bytesRemoved: Int { entries.reduce(0) { $0 + ($1.status == .removed ? $1.old?.size ?? 0 : 0) } }
    /// Bytes, in the new bundle, of the files that changed.
    public var bytesChanged: Int { entries.reduce(0) { $0 + ($1.status == .changed ? $1.new?.size ?? 0 : 0) } }
}

/// A bottom-k sketch of a file's content-defined blocks: boundaries come from a gear rolling hash
/// (about one every 64 bytes, between 16 and 256), so an insertion only changes the blocks around
/// it; similarity is the estimated Jaccard index of the two block sets.
struct ContentSketch {
    static let size = 128
    /// The smallest block hashes, sorted ascending, unique.
    let hashes: [UInt64]

    static let gear: [UInt64] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<256).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }()

    init(_ bytes: [UInt8]) {
        var all = Set<UInt64>()
        let gear = Self.gear
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            var rolling: UInt64 = 0
            var block: UInt64 = 0xCBF2_9CE4_8422_2325
            for i in 0..<b.count {
                let byte = b[i]
                rolling = (rolling << 1) &+ gear[Int(byte)]
                block = (block ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                let length = i - start + 1
                if (length >= 16 && rolling >> 58 == 0) || length >= 256 || i == b.count - 1 {
                    all.insert(block)
                    block = 0xCBF2_9CE4_8422_2325
                    start = i + 1
                }
            }
        }
        hashes = Array(all.sorted().prefix(Self.size))
    }

    /// Estimated Jaccard similarity from the two bottom-k sketches, in 0...1.
    func similarity(to other: ContentSketch) -> Double {
        if hashes.isEmpty || other.hashes.isEmpty { return 0 }
        // The k smallest of the union, and how many of them are in both.
        var i = 0, j = 0, taken = 0, shared = 0
        while taken < Self.size && (i < hashes.count || j < other.hashes.count) {
            if j >= other.hashes.count || (i < hashes.count && hashes[i] < other.hashes[j]) {
                i += 1
            } else if i >= hashes.count || other.hashes[j] < hashes[i] {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
            taken += 1
        }
        return Double(shared) / Double(taken)
    }
}
