/// Which strings (and templates without substitutions) `JSTokenizer.tokenize(_:range:marking:)`
/// marks, when a `JSTokenInterest` has one: those whose raw text between the quotes can wake a
/// string pattern, judged as `StringAnchors` judges it (first and last byte, and for patterns
/// gated on `contains` words, a length that can hold one), those whose text a word table may
/// hold (the word masks and Bloom filter of the interest), and every string with escapes or
/// without its closing quote. Half the strings of a minified bundle are short words such as
/// `"div"` or `"click"`, and each mark costs the matcher a token read from memory.
public struct JSStringInterest: Sendable {
    /// One table, for the lexer and for `StringAnchors`: two words per byte value (a set of up
    /// to 128 patterns) for the first byte at `2b`, the same for the last byte at `512 + 2b`,
    /// then the gated patterns (two words), the shortest gated word's length, and the patterns
    /// an empty text can wake (two words).
    let table: [UInt64]
    static let gatedAt = 1024, shortestAt = 1026, emptyAt = 1027

    /// `first` and `last`: 256 entries each (bit n of the pair: pattern n).
    public init(first: [(low: UInt64, high: UInt64)], last: [(low: UInt64, high: UInt64)],
                gated: (low: UInt64, high: UInt64), shortestGatedWord: Int, empty: (low: UInt64, high: UInt64)) {
        precondition(first.count == 256 && last.count == 256, "one pattern set per byte value")
        table = first.flatMap { [$0.low, $0.high] } + last.flatMap { [$0.low, $0.high] }
            + [gated.low, gated.high, UInt64(clamping: shortestGatedWord), empty.low, empty.high]
    }

    /// The patterns a text whose first byte is `f` and last byte `l` can wake by those bytes
    /// (gated ones included: their words are looked for next).
    @inline(__always)
    static func byBytes(_ table: UnsafePointer<UInt64>, _ f: UInt8, _ l: UInt8) -> (low: UInt64, high: UInt64) {
        let f = Int(f) << 1, l = 512 + Int(l) << 1
        return (table[f] & table[l], table[f + 1] & table[l + 1])
    }

    /// Whether the raw text `p[from..<to]` can wake a pattern of `table` (the word tables aside):
    /// by its bytes, and a gated pattern only when the text can hold one of its words.
    @inline(__always)
    static func wakes(_ table: UnsafePointer<UInt64>, _ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to > from else { return table[emptyAt] | table[emptyAt + 1] != 0 }
        let (low, high) = byBytes(table, p[from], p[to - 1])
        let gatedLow = table[gatedAt], gatedHigh = table[gatedAt + 1]
        if low & ~gatedLow | high & ~gatedHigh != 0 { return true }
        return UInt64(to - from) >= table[shortestAt] && low & gatedLow | high & gatedHigh != 0
    }
}
