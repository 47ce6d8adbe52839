/// The `contains` words of string patterns, indexed by a hash of each word's rarest four bytes
/// (ASCII case folded). One pass over a string hashes every four-byte window; a window whose
/// hash is indexed is compared with the words filed there, at the place the word would start.
/// So a pattern is woken only by a string that really holds one of its words, and the word is
/// never searched for again: a half-megabyte string of inlined data costs one pass, not one
/// search per word.
struct GramIndex: Sendable {
    struct Word: Sendable {
        let bytes: [UInt8]
        /// Where the indexed four bytes start in the word.
        let offset: Int
        let ignoringCase: Bool
        /// Bit number of the pattern in the result (its index in `StringAnchors.signatures`, < 128).
        let candidate: Int
    }

    /// Bit `g` set when some word's gram hashes to `g` (2^16 bits).
    let bits: [UInt64]
    /// Bit `c << 8 | d` set when some word's gram ends in the bytes `c d` (in either case, so
    /// the raw bytes are tested without folding): a first test per byte, one load and one bit,
    /// that most windows fail before any folding or hashing. A string of half a megabyte of
    /// inlined code is otherwise hashed at every byte.
    let pairs: [UInt64]
    /// Words sorted by gram hash; those of hash `g` are `words[start[g]..<start[g + 1]]`.
    let words: [Word]
    let start: [Int32]
    /// The shortest word: a shorter string is not searched.
    let minWordLength: Int

    init(_ list: [Word]) {
        let hashed = list.map { w in
            (Self.gram(Bytes.fold(w.bytes[w.offset]), Bytes.fold(w.bytes[w.offset + 1]),
                       Bytes.fold(w.bytes[w.offset + 2]), Bytes.fold(w.bytes[w.offset + 3])), w)
        }.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.candidate < $1.1.candidate) }
        var bits = [UInt64](repeating: 0, count: 1024)
        var pairs = [UInt64](repeating: 0, count: 1024)
        var start = [Int32](repeating: 0, count: 65537)
        for (g, w) in hashed {
            bits[g >> 6] |= 1 << UInt64(g & 63)
            start[g + 1] += 1
            for c in Self.cases(w.bytes[w.offset + 2]) {
                for d in Self.cases(w.bytes[w.offset + 3]) {
                    let pair = Int(c) << 8 | Int(d)
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        self.pairs = pairs
        for g in 0..<65536 { start[g + 1] += start[g] }
        self.bits = bits
        self.words = hashed.map(\.1)
        self.start = start
        self.minWordLength = list.map(\.bytes.count).min() ?? Int.max
    }

    /// The patterns (bit n: `StringAnchors.signatures[n]`) with a word in `v`.
    func candidates(in v: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard v.count >= max(4, minWordLength) else { return (0, 0) }
        var found: (UInt64, UInt64) = (0, 0)
        bits.withUnsafeBufferPointer { bits in
            pairs.withUnsafeBufferPointer { pairs in
                Self.foldTable.withUnsafeBufferPointer { fold in
                    var k = 3
                    let count = v.count
                    while k < count {
                        // Two loads, no value carried from the previous byte: iterations overlap.
                        let pair = Int(v[k - 1]) << 8 | Int(v[k])
                        if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                            // The window's four folded bytes, oldest lowest: `gram(a, b, c, d)`.
                            let w = UInt32(fold[Int(v[k - 3])]) | UInt32(fold[Int(v[k - 2])]) << 8
                                | UInt32(fold[Int(v[k - 1])]) << 16 | UInt32(fold[Int(v[k])]) << 24
                            let g = Int((w &* 0x9E3779B1) >> 16)
                            if bits[g >> 6] & (1 << UInt64(g & 63)) != 0 {
                                verify(v, gramAt: k - 3, hash: g, into: &found)
                            }
                        }
                        k += 1
                    }
                }
            }
        }
        return found
    }

    /// Compares the words filed under gram hash `g` with `v`, aligned so that their indexed
    /// bytes sit at `at`.
    func verify(_ v: UnsafeBufferPointer<UInt8>, gramAt at: Int, hash g: Int, into found: inout (UInt64, UInt64)) {
        for w in Int(start[g])..<Int(start[g + 1]) {
            let word = words[w]
            let n = word.candidate
            let bit: UInt64 = 1 << UInt64(n & 63)
            if (n < 64 ? found.0 : found.1) & bit != 0 { continue }
            let from = at - word.offset
            guard from >= 0, from + word.bytes.count <= v.count else { continue }
            var m = 0
            let count = word.bytes.count
            if word.ignoringCase {
                while m < count && Bytes.fold(v[from + m]) == word.bytes[m] { m += 1 }
            } else {
                while m < count && v[from + m] == word.bytes[m] { m += 1 }
            }
            guard m == count else { continue }
            if n < 64 { found.0 |= bit } else { found.1 |= bit }
        }
    }

    /// Where the word's most distinctive four bytes start: the gram with the most bytes that are
    /// not lower-case letters (`.`, `-`, `_`, `:`, digits), so that common words (`config`,
    /// `remove`) do not wake the pattern up on every string.
    static func rareGramOffset(_ w: [UInt8]) -> Int {
        var best = 0, bestScore = -1
        for o in 0...(w.count - 4) {
            var score = 0
            for b in w[o..<(o + 4)] where !(b >= 0x61 && b <= 0x7A) { score += 1 }
            if score >= bestScore { best = o; bestScore = score }
        }
        return best
    }

    /// A folded byte and its upper-case form (one value for a byte that is no letter).
    static func cases(_ folded: UInt8) -> [UInt8] {
        folded >= 0x61 && folded <= 0x7A ? [folded, folded & ~0x20] : [folded]
    }

    /// `Bytes.fold` as a table.
    static let foldTable: [UInt8] = (0..<256).map { Bytes.fold(UInt8($0)) }

    /// A 16-bit hash of four (lower-cased) bytes.
    @inline(__always)
    static func gram(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        let v = UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24
        return Int((v &* 0x9E3779B1) >> 16)
    }
}
