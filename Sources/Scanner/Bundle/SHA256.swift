import CSHA256

/// SHA-256 (FIPS 180-4), written here so the scanner needs nothing beyond Foundation and zlib.
/// Streaming (`update` any number of times, then `finalize`) or one-shot (`SHA256.hex(of:)`).
/// Blocks are compressed with the x86 SHA extensions when the CPU has them (about ten times
/// faster: digests were most of a bundle's loading time), else by the portable code below.
public struct SHA256: Sendable {
    /// Whether this CPU has the SHA extensions (asked once).
    static let hardware = livegate_sha256_hardware_available() != 0

    /// The round constants (one copy, in the C target).
    nonisolated(unsafe) private static let k: UnsafePointer<UInt32> = livegate_sha256_round_constants()

    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// Bytes of an incomplete block waiting for more input.
    private var pending: [UInt8] = []
    private var totalBytes: UInt64 = 0

    /// The portable compression even where the hardware one exists (tests compare the two).
    let portable: Bool

    public init() { portable = false }

    init(portable: Bool) { self.portable = portable }

    public mutating func update<C: Collection>(_ data: C) where C.Element == UInt8 {
        if let done: Void = data.withContiguousStorageIfAvailable({ update(buffer: $0) }) {
            return done
        }
        let copy = Array(data)
        copy.withUnsafeBufferPointer { update(buffer: $0) }
    }

    public mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        totalBytes &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
            offset = take
            guard pending.count == 64 else { return }
            let block = pending
            block.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (buffer.count - offset) / 64
        if whole > 0 {
            compress(base + offset, blocks: whole)
            offset += whole * 64
        }
        if offset < buffer.count {
            pending.append(contentsOf: UnsafeBufferPointer(start: base + offset, count: buffer.count - offset))
        }
    }

    /// The 32-byte digest. The value is consumed: call on a copy to keep hashing.
    public mutating func finalize() -> [UInt8] {
        let bitLength = totalBytes &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: tail.count / 64) }
        pending.removeAll()
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Lower-case hexadecimal SHA-256 of `bytes`.
    public static func hex(of bytes: [UInt8]) -> String {
        hexString(digest(bytes))
    }

    static func hexString(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var chars: [UInt8] = []
        chars.reserveCapacity(digest.count * 2)
        for byte in digest {
            chars.append(digits[Int(byte >> 4)])
            chars.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        d = d &+ t1
        h = t1 &+ t2
    }

    private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
        if Self.hardware && !portable {
            withUnsafeMutableBytes(of: &h) { state in
                livegate_sha256_hardware_blocks(state.bindMemory(to: UInt32.self).baseAddress!, data, blocks)
            }
            return
        }
        var (a0, b0, c0, d0, e0, f0, g0, h0) = h
        do {
            let k = Self.k
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { wBuffer in
                let w = wBuffer.baseAddress!
                let raw = UnsafeRawPointer(data)
                for block in 0..<blocks {
                    let p = raw + block * 64
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let s0 = Self.rotr(x, 7) ^ Self.rotr(x, 18) ^ (x >> 3)
                        let s1 = Self.rotr(y, 17) ^ Self.rotr(y, 19) ^ (y >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var a = a0, b = b0, c = c0, d = d0, e = e0, f = f0, g = g0, hh = h0
                    var i = 0
                    while i < 64 {
                        Self.round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
                        Self.round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                        Self.round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                        Self.round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                        Self.round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
                        Self.round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
                        Self.round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
                        Self.round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
                        i += 8
                    }
                    a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
                    e0 = e0 &+ e; f0 = f0 &+ f; g0 = g0 &+ g; h0 = h0 &+ hh
                }
            }
        }
        h = (a0, b0, c0, d0, e0, f0, g0, h0)
    }
}
