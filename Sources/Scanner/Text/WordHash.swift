/// The hash of a name or a string's text that the signature tables are keyed by. The
/// tokenizer computes it too, to mark only the words that some table holds.
enum WordHash {
    /// A hash of `p[from..<to]` (a name or a string's text), eight bytes per multiply: a word of
    /// up to eight bytes is one unaligned load, masked to its length. Bytes past `to` are read
    /// only when the buffer holds them (never past its end) and are masked off.
    @inline(__always)
    static func of(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        let k1: UInt64 = 0x9E37_79B9_7F4A_7C15, k2: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var h = k1 &* UInt64(truncatingIfNeeded: to - from &+ 1)
        var k = from
        while to - k >= 8 {
            h = (h ^ UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)) &* k2
            h ^= h >> 29
            k += 8
        }
        let rest = to - k
        if rest > 0 {
            var w: UInt64 = 0
            if k + 8 <= p.count {
                w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                // Little-endian: the word's first `rest` bytes are its low bits.
                w = UInt64(littleEndian: w) & ((1 << UInt64(rest * 8)) &- 1)
            } else {
                for j in 0..<rest { w |= UInt64(base[k + j]) << UInt64(j * 8) }
            }
            h = (h ^ w) &* k2
        }
        h ^= h >> 32
        return h &* k1
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0, 0, $0.count) }
    }
}
