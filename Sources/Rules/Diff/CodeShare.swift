import LivegateScanner

/// How much of the new bundle's JavaScript is new code, measured on shingles of tokens that
/// survive minification: keywords, punctuators, literals and property names. Local identifiers
/// all read as one symbol, so a rebuild that renames every variable reads as unchanged.
///
/// Each new JS file contributes its size times the fraction of its (sampled) shingles that occur
/// nowhere in the old bundle's JavaScript; files whose bytes are in the old bundle contribute 0.
public struct CodeShare: Sendable, Equatable {
    /// Bytes of JavaScript in the new bundle.
    public let totalBytes: Int
    /// Size-weighted bytes of new code (0…totalBytes).
    public let newBytes: Double
    /// JS files of the new bundle that were tokenized (the others have an identical old twin).
    public let filesCompared: Int
    /// The new file holding the most new code (evidence for a finding), if any.
    public let largestContributor: String?

    /// 0…1.
    public var share: Double { totalBytes == 0 ? 0 : newBytes / Double(totalBytes) }

    /// The share as a percentage with one decimal, for messages ("12.5").
    public var percentText: String { Self.percent(share) }

    /// A share (0…1) as a percentage with one decimal: 0.125 → "12.5".
    public static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static let shingleLength = 8
    /// Keep one shingle in `sampleModulus` (by hash), which bounds memory on large bundles.
    static let sampleModulus: UInt64 = 16
    /// The shift that leaves the top log2(`sampleModulus`) bits of a 64-bit hash.
    static let sampleShift = UInt64(64 - sampleModulus.trailingZeroBitCount)

    public init(totalBytes: Int, newBytes: Double, filesCompared: Int, largestContributor: String? = nil) {
        self.totalBytes = totalBytes
        self.newBytes = newBytes
        self.filesCompared = filesCompared
        self.largestContributor = largestContributor
    }

    /// Measures from scratch: tokenizes the old bundle's JavaScript and the new bundle's
    /// changed JavaScript.
    public init(old: WebBundle, new: WebBundle) {
        let oldDigests = Set(old.files.map(\.sha256))
        var shingles: [String: [UInt64]] = [:]
        let needed = old.files.filter { $0.kind == .javascript }
            + new.files.filter { $0.kind == .javascript && !oldDigests.contains($0.sha256) }
        for file in needed where shingles[file.sha256] == nil {
            shingles[file.sha256] = Self.shingles(file.bytes, tokens: JSTokenizer.tokenize(file.bytes))
        }
        self.init(old: old, new: new, shingles: shingles)
    }

    /// Measures from the sampled shingles of each JavaScript file (by SHA-256; see `shingles`),
    /// computed while the files were tokenized for the inventory. A file missing from
    /// `shingles` contributes nothing.
    public init(old: WebBundle, new: WebBundle, shingles: [String: [UInt64]]) {
        let oldDigests = Set(old.files.map(\.sha256))
        var oldShingles = ShingleSet(expected: old.files.reduce(0) { $0 + ($1.kind == .javascript ? $1.size : 0) } / 48)
        var seen = Set<String>()
        for file in old.files where file.kind == .javascript && seen.insert(file.sha256).inserted {
            for shingle in shingles[file.sha256] ?? [] { oldShingles.insert(shingle) }
        }
        var total = 0
        var newBytes = 0.0
        var compared = 0
        var largest: (path: String, bytes: Double)? = nil
        for file in new.files where file.kind == .javascript {
            total += file.size
            if oldDigests.contains(file.sha256) { continue }
            compared += 1
            let list = shingles[file.sha256] ?? []
            let unseen = list.reduce(0) { $0 + (oldShingles.contains($1) ? 0 : 1) }
            let fileNew = list.isEmpty ? 0 : Double(file.size) * Double(unseen) / Double(list.count)
            newBytes += fileNew
            if fileNew > 0, largest == nil || fileNew > largest!.bytes { largest = (file.path, fileNew) }
        }
        self.init(totalBytes: total, newBytes: newBytes, filesCompared: compared, largestContributor: largest?.path)
    }

    /// The hashes of the file's sampled shingles (one in `sampleModulus`) of significant tokens,
    /// in order, repeats kept (a file's share counts each occurrence).
    public static func shingles(_ bytes: [UInt8], tokens: [JSToken]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(tokens.count / Int(sampleModulus) + 16)
        forEachShingle(bytes, tokens: tokens) { out.append($0) }
        return out
    }

    /// Calls `body` with the hash of every sampled shingle of the file's significant tokens.
    @inline(__always)
    static func forEachShingle(_ bytes: [UInt8], tokens: [JSToken], _ body: (UInt64) -> Void) {
        let k = shingleLength
        guard tokens.count >= k else { return }
        let base: UInt64 = 0x100000001B3
        var power: UInt64 = 1
        for _ in 1..<k { power = power &* base }
        // A ring of the last k symbols (k is a power of two).
        var window: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var hash: UInt64 = 0
        bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { tokens in
                withUnsafeMutableBytes(of: &window) { raw in
                    let ring = raw.bindMemory(to: UInt64.self)
                    for index in 0..<tokens.count {
                        let symbol = Self.symbol(tokens, index, buffer)
                        let slot = index & (k - 1)
                        if index >= k { hash = hash &- ring[slot] &* power }
                        hash = hash &* base &+ symbol
                        ring[slot] = symbol
                        // Sampled on the top bits of one multiply (they depend on every bit of
                        // the window); only a kept shingle pays for the full mix.
                        if index >= k - 1, (hash &* 0x9E37_79B9_7F4A_7C15) >> sampleShift == 0 { body(mix(hash)) }
                    }
                }
            }
        }
    }

    /// What a token contributes to a shingle: its identity if minification keeps it, else its class.
    @inline(__always)
    static func symbol(_ tokens: UnsafeBufferPointer<JSToken>, _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let token = tokens[index]
        switch token.kind {
        case .keyword, .punctuator:
            return UInt64(token.kind.rawValue) << 8 | UInt64(token.detail)
        case .identifier:
            if token.detail != 0 { return UInt64(JSTokenKind.keyword.rawValue) << 8 | UInt64(token.detail) }
            guard index > 0 else { return 0x3000 }
            let previous = tokens[index - 1]
            guard previous.kind == .punctuator else { return 0x3000 }
            switch JSPunctuator(rawValue: previous.detail) {
            case .dot?, .questionDot?:
                return fnv(token, bytes)  // a property name
            case .leftBrace?, .comma?:
                // A key in an object literal.
                let isKey = index + 1 < tokens.count && tokens[index + 1].isPunctuator(.colon)
                return isKey ? fnv(token, bytes) : 0x3000
            default:
                return 0x3000
            }
        case .lineComment, .blockComment, .htmlComment, .hashbang:
            return 0  // never produced: comments are not kept
        default:
            return fnv(token, bytes)
        }
    }

    @inline(__always)
    static func fnv(_ token: JSToken, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF29CE484222325 ^ UInt64(token.kind.rawValue)
        var i = Int(token.start)
        let end = min(token.end, bytes.count)
        while i < end {
            h = (h ^ UInt64(bytes[i])) &* 0x100000001B3
            i += 1
        }
        return h
    }

    /// A finaliser so that sampling by `hash % n` is uniform (splitmix64).
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// An open-addressing set of shingle hashes (already uniformly mixed, so no further hashing):
/// linear probing, 0 marks an empty slot (a hash of 0 is stored as 1).
struct ShingleSet {
    private var slots: [UInt64]
    private var mask: Int
    private var count = 0

    init(expected: Int) {
        var capacity = 1024
        while capacity < max(expected, 1) * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    mutating func insert(_ value: UInt64) {
        let v = value == 0 ? 1 : value
        if count * 2 >= slots.count { grow() }
        var i = Int(truncatingIfNeeded: v) & mask
        while true {
            let s = slots[i]
            if s == v { return }
            if s == 0 { slots[i] = v; count += 1; return }
            i = (i + 1) & mask
        }
    }

    func contains(_ value: UInt64) -> Bool {
        let v = value == 0 ? 1 : value
        var i = Int(truncatingIfNeeded: v) & mask
        while true {
            let s = slots[i]
            if s == v { return true }
            if s == 0 { return false }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for v in old where v != 0 { insert(v) }
    }
}
