import CHints
import Testing

/// The SSE2 byte classification of `ByteMasks16.h` (signed compares stand for unsigned ranges)
/// against the per-byte definitions, on random blocks rich in the bytes at the ranges' edges.
@Suite struct ByteMasks16Tests {
    @Test func masksMatchThePerByteDefinitions() {
        let edges: [UInt8] = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x0E, 0x20, 0x22, 0x24, 0x27, 0x5C, 0x60, 0x7F,
                              0x80, 0xA8, 0xBF, 0xC0, 0xE2, 0xEF, 0xF0, 0xF7, 0xFF]
        var state: UInt64 = 0x1234_5678
        var checked = 0
        for _ in 0..<5000 {
            var block = [UInt8](repeating: 0, count: 16)
            for k in 0..<16 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let r = state >> 33
                block[k] = r & 1 == 0 ? edges[Int(r >> 1) % edges.count] : UInt8(truncatingIfNeeded: r >> 8)
            }
            func bits(_ test: (UInt8) -> Bool) -> UInt32 {
                block.enumerated().reduce(0) { $0 | (test($1.element) ? 1 << UInt32($1.offset) : 0) }
            }
            block.withUnsafeBytes { raw in
                let p = raw.baseAddress!
                #expect(livegate_special16(p) == bits { $0 < 0x0E || $0 >= 0x80 })
                let m = livegate_masks16_at(p)
                #expect(m.lf == bits { $0 == 0x0A } && m.cr == bits { $0 == 0x0D } && m.e2 == bits { $0 == 0xE2 })
                #expect(m.lead == bits { $0 & 0xC0 != 0x80 } && m.four == bits { $0 >= 0xF0 }, "\(block)")
                #expect(livegate_find4_16(p, 0x22, 0x5C, 0x0A, 0xE2) == bits { [0x22, 0x5C, 0x0A, 0xE2].contains($0) })
            }
            checked += 1
        }
        #expect(checked == 5000)
    }
}
