/// Which strings (and templates without substitutions) `JSTokenizer.tokenize(_:range:marking:)`
/// marks, when a `JSTokenInterest` has one: those whose raw text between the quotes can wake a
/// string pattern, judged as `StringAnchors` judges it (first and last byte, and for patterns
/// gated on `contains` words, a length that can hold one), those whose text a word table may
/// hold (the word masks and Bloom filter of the interest), and every string with escapes or
/// without its closing quote. Half the strings of a minified bundle are short words such as
/// `"div"` or `"click"`, and each mark costs the matcher a token read from memory.
public struct JSStringInterest: Sendable {
    /// One table for the lexer: two words per byte value (a set of up to 128 patterns) for the
    /// first byte at `2b`, the same for the last byte at `512 + 2b`, then the gated patterns
    /// (two words), the shortest gated word's length and whether an empty text wakes a pattern.
    let table: [UInt64]
    static let gatedAt = 1024, shortestAt = 1026, emptyAt = 1027

    /// `first` and `last`: 256 entries each (bit n of the pair: pattern n).
    public init(first: [(low: UInt64, high: UInt64)], last: [(low: UInt64, high: UInt64)],
                gated: (low: UInt64, high: UInt64), shortestGatedWord: Int, emptyWakes: Bool) {
        precondition(first.count == 256 && last.count == 256, "one pattern set per byte value")
        table = first.flatMap { [$0.low, $0.high] } + last.flatMap { [$0.low, $0.high] }
            + [gated.low, gated.high, UInt64(clamping: shortestGatedWord), emptyWakes ? 1 : 0]
    }

    /// Whether the raw text `p[from..<to]` can wake a pattern of `table` (the word tables aside).
    @inline(__always)
    static func wakes(_ table: UnsafePointer<UInt64>, _ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to > from else { return table[emptyAt] != 0 }
        let f = Int(p[from]) << 1, l = 512 + Int(p[to - 1]) << 1
        let low = table[f] & table[l], high = table[f + 1] & table[l + 1]
        let gatedLow = table[gatedAt], gatedHigh = table[gatedAt + 1]
        if low & ~gatedLow | high & ~gatedHigh != 0 { return true }
        return UInt64(to - from) >= table[shortestAt] && low & gatedLow | high & gatedHigh != 0
    }
}
