/// Runs of ASCII identifier parts (`[A-Za-z0-9_$]`), measured eight bytes at a time.
///
/// Most names in minified code are one to three bytes long, so a byte loop's exit branch is
/// taken after an unpredictable number of iterations and mispredicts on nearly every name.
/// Classifying a whole 64-bit word at once (SWAR: per-byte range tests by carry-free adds on
/// the low seven bits) leaves no data-dependent branch until a name reaches eight bytes.
enum IdentifierRun {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p` as one little-endian word (byte k in bits 8k...8k+7).
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Bit 7 of byte k is set where byte k of `w` is not an ASCII identifier part (non-ASCII
    /// bytes included, so that a name continuing in UTF-8 or with `\u` stops here too).
    @inline(__always)
    static func stops(in w: UInt64) -> UInt64 {
        // Bytes 0...127 only: `x + c` with x, c < 128 never carries into the next byte, and
        // its bit 7 tells whether x + c >= 128. Setting bit 5 folds A-Z onto a-z (and nothing
        // else into a-z), for one range test instead of two.
        let low = w & ~highBits
        let folded = low | (ones &* 0x20)
        let letter = (ones &* (0x7F + 0x7B) &- folded) & (folded &+ ones &* (0x7F - 0x60))  // a-z
        let digit = (ones &* (0x7F + 0x3A) &- low) & (low &+ ones &* (0x7F - 0x2F))  // 0-9
        // x + 0x7F has bit 7 clear only for x == 0: the byte equals `$` (resp. `_`).
        let neitherDollarNorUnderscore = ((low ^ (ones &* 0x24)) &+ ones &* 0x7F)
            & ((low ^ (ones &* 0x5F)) &+ ones &* 0x7F)
        let part = (letter | digit | ~neitherDollarNorUnderscore) & ~w
        return ~part & highBits
    }

    /// The name at `p` (eight readable bytes, the first an identifier start) when it is shorter
    /// than eight bytes and the byte after it cannot continue it (ASCII, not `\`): its length
    /// and its bytes, zero-padded (for the keyword table). Length 0 for any other name.
    @inline(__always)
    static func shortName(at p: UnsafePointer<UInt8>) -> (length: Int, word: UInt64) {
        let w = load(p)
        let stop = stops(in: w)
        let n = stop.trailingZeroBitCount >> 3
        guard stop != 0 && p[n] < 0x80 && p[n] != 0x5C else { return (0, 0) }
        // The lowest stop bit is bit 8n + 7: shifted down to bit 8n, minus one, the name's mask.
        return (n, w & (((stop & (0 &- stop)) >> 7) &- 1))
    }

    /// The length of the name at `p` (sixteen readable bytes, the first an identifier start) when
    /// it is shorter than sixteen bytes and the byte after it cannot continue it, else 0. For
    /// property names, which need no keyword lookup: half of them are eight bytes or longer
    /// (`prototype`, `createElement`).
    @inline(__always)
    static func nameUnder16(at p: UnsafePointer<UInt8>) -> Int {
        var n = 0
        let a = stops(in: load(p))
        if a != 0 {
            n = a.trailingZeroBitCount >> 3
        } else {
            let b = stops(in: load(p + 8))
            if b != 0 { n = 8 + b.trailingZeroBitCount >> 3 }
        }
        // n == 0: sixteen name bytes (p[0] is a name's first byte, refused below).
        return n != 0 && p[n] < 0x80 && p[n] != 0x5C ? n : 0
    }

    /// The first offset at or after `i` (`i <= end`) that is not an ASCII identifier part,
    /// or `end`. Never reads at or past `end`.
    @inline(__always)
    static func end(of p: UnsafePointer<UInt8>, from i0: Int, end: Int) -> Int {
        var i = i0
        while end - i >= 8 {
            let stop = stops(in: load(p + i))
            if stop != 0 { return i + stop.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end && JSChar.isASCIIIdentPart(p[i]) { i += 1 }
        return i
    }
}
