/// The `contains` words of string patterns, found in one strided pass over a string.
///
/// Every word is at least `minWordLength` bytes long, so it holds `minWordLength - 3` four-byte
/// windows ("grams"). The index files `stride` consecutive grams of each word (at most eight)
/// under a 16-bit hash; the scan hashes only every `stride`-th window of the string. Whatever
/// its alignment, an occurrence of a word has exactly one filed gram on a scanned window, and a
/// hit is compared with the word at the place it would start. So a pattern is woken only by a
/// string that really holds one of its words, and a half-megabyte string of inlined data costs
/// one load, one multiply and one bit test per eight bytes (the words are 11 bytes or more).
struct GramIndex: Sendable {
    struct Word: Sendable {
        let bytes: [UInt8]
        let ignoringCase: Bool
        /// Bit number of the pattern in the result (its index in `StringAnchors.signatures`, < 128).
        let candidate: Int
    }

    /// One filed gram: the word, and where the gram starts in it.
    struct Entry: Sendable {
        let word: Int32
        let offset: Int32
    }

    let words: [Word]
    /// Bit `g` set when some filed gram hashes to `g` (2^16 bits).
    let bits: [UInt64]
    /// Entries sorted by gram hash; those of hash `g` are `entries[start[g]..<start[g + 1]]`.
    let entries: [Entry]
    let start: [Int32]
    /// The shortest word: a shorter string is not searched.
    let minWordLength: Int
    /// Windows scanned: every `stride`-th (1...8).
    let stride: Int

    init(_ list: [Word]) {
        words = list
        let shortest = list.map(\.bytes.count).min() ?? Int.max
        minWordLength = shortest
        let stride = list.isEmpty ? 1 : max(1, min(8, shortest - 3))
        self.stride = stride
        var filed: [(hash: Int, entry: Entry)] = []
        for (n, w) in list.enumerated() {
            let from = Self.rarestRun(w.bytes, grams: stride)
            for j in from..<(from + stride) {
                filed.append((Self.gram(w.bytes, at: j), Entry(word: Int32(n), offset: Int32(j))))
            }
        }
        filed.sort { $0.hash < $1.hash || ($0.hash == $1.hash && ($0.entry.word, $0.entry.offset) < ($1.entry.word, $1.entry.offset)) }
        var bits = [UInt64](repeating: 0, count: 1024)
        var start = [Int32](repeating: 0, count: 65537)
        for (g, _) in filed {
            bits[g >> 6] |= 1 << UInt64(g & 63)
            start[g + 1] += 1
        }
        for g in 0..<65536 { start[g + 1] += start[g] }
        self.bits = bits
        self.start = start
        entries = filed.map(\.entry)
    }

    /// The patterns (bit n: `StringAnchors.signatures[n]`) with a word in `v`.
    func candidates(in v: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard v.count >= max(4, minWordLength) else { return (0, 0) }
        var found: (UInt64, UInt64) = (0, 0)
        bits.withUnsafeBufferPointer { bits in
            let raw = UnsafeRawPointer(v.baseAddress!)
            let last = v.count - 4
            var q = 0
            while q <= last {
                let g = Self.hash(raw.loadUnaligned(fromByteOffset: q, as: UInt32.self))
                if bits[g >> 6] & (1 << UInt64(g & 63)) != 0 {
                    verify(v, windowAt: q, hash: g, into: &found)
                }
                q += stride
            }
        }
        return found
    }

    /// Compares the words whose filed gram hashes to `g` with `v`, aligned so that the gram
    /// sits at `at`.
    func verify(_ v: UnsafeBufferPointer<UInt8>, windowAt at: Int, hash g: Int, into found: inout (UInt64, UInt64)) {
        for e in Int(start[g])..<Int(start[g + 1]) {
            let entry = entries[e]
            let word = words[Int(entry.word)]
            let n = word.candidate
            let bit: UInt64 = 1 << UInt64(n & 63)
            if (n < 64 ? found.0 : found.1) & bit != 0 { continue }
            let from = at - Int(entry.offset)
            let count = word.bytes.count
            guard from >= 0, from + count <= v.count else { continue }
            var m = 0
            if word.ignoringCase {
                while m < count && Bytes.fold(v[from + m]) == word.bytes[m] { m += 1 }
            } else {
                while m < count && v[from + m] == word.bytes[m] { m += 1 }
            }
            guard m == count else { continue }
            if n < 64 { found.0 |= bit } else { found.1 |= bit }
        }
    }

    /// Where the word's most distinctive run of `grams` consecutive grams starts: the run with
    /// the most bytes that are not lower-case letters (`.`, `-`, `_`, `:`, digits), so that
    /// common words (`config`, `remove`) in a string do not hit the index at every turn.
    static func rarestRun(_ w: [UInt8], grams: Int) -> Int {
        var best = 0, bestScore = -1
        for o in 0...(w.count - 3 - grams) {
            var score = 0
            for b in w[o..<(o + grams + 3)] where !(b >= 0x61 && b <= 0x7A) { score += 1 }
            if score > bestScore { best = o; bestScore = score }
        }
        return best
    }

    /// The hash of the four bytes of `w` at `j`, as the scan computes it.
    static func gram(_ w: [UInt8], at j: Int) -> Int {
        hash(UInt32(w[j]) | UInt32(w[j + 1]) << 8 | UInt32(w[j + 2]) << 16 | UInt32(w[j + 3]) << 24)
    }

    /// A 16-bit hash of four bytes (little-endian), blind to case: bit 5 of every byte is set
    /// first, which folds A–Z onto a–z (and merges a few other pairs of bytes, which the
    /// comparison with the word then tells apart).
    @inline(__always)
    static func hash(_ fourBytes: UInt32) -> Int {
        Int(((UInt32(littleEndian: fourBytes) | 0x2020_2020) &* 0x9E37_79B1) >> 16)
    }
}
