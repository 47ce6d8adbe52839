/// The yardstick the tokenizer's speed target was set against: "a bare byte-classification loop
/// in Swift", one table load and one `switch` (a jump table) per byte, doing next to nothing in
/// each case. `tokenize` runs it on the same bytes in alternation with the tokenizer, so that
/// both see the same state of this shared machine, whose speed swings by a third from one minute
/// to the next; their ratio is steadier than either figure. The loop's own speed moves with code
/// layout (a different build of the same loop ran 155 instead of 175 MB/s), so the ratio tracks
/// the machine within one build; builds are compared by running them alternately.
enum ByteClassLoop {
    /// What each byte starts in JavaScript, coarsely: 0 space, 1 line break, 2 letter, 3 digit,
    /// 4 quote, 5 opening bracket, 6 closing bracket, 7 operator, 8 anything else.
    static let table: [UInt8] = (0..<256).map { b -> UInt8 in
        switch UInt8(b) {
        case 0x20, 0x09: return 0
        case 0x0A, 0x0D: return 1
        case 0x41...0x5A, 0x61...0x7A, 0x24, 0x5F: return 2
        case 0x30...0x39: return 3
        case 0x22, 0x27, 0x60: return 4
        case 0x28, 0x5B, 0x7B: return 5
        case 0x29, 0x5D, 0x7D: return 6
        case 0x21, 0x25, 0x26, 0x2A, 0x2B, 0x2D, 0x2E, 0x2F, 0x3C, 0x3D, 0x3E, 0x3F, 0x7C: return 7
        default: return 8
        }
    }

    /// Classifies every byte and returns a checksum of the per-class work (so that nothing is
    /// optimised away). Each case does something different, which keeps the `switch` a jump.
    @inline(never)
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var spaces = 0, lines = 0, letters = 0, digits = 0, quotes = 0, depth = 0, ops = 0, other = 0
        var hash = 0
        table.withUnsafeBufferPointer { classes in
            for (i, b) in bytes.enumerated() {
                switch classes[Int(b)] {
                case 0: spaces &+= 1
                case 1: lines &+= 1; hash = hash &* 31 &+ i
                case 2: letters &+= Int(b)
                case 3: digits = digits &* 10 &+ Int(b &- 0x30)
                case 4: quotes ^= i
                case 5: depth &+= 1
                case 6: depth &-= 1
                case 7: ops = ops << 1 ^ Int(b)
                default: other &+= i
                }
            }
        }
        return spaces ^ lines ^ letters ^ digits ^ quotes ^ depth ^ ops ^ other ^ hash
    }
}
