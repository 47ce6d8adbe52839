import Foundation
import Testing
@testable import LivegateScanner

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == expected)
    }

    /// The hardware compression (where the CPU has it; every digest above used it) and the
    /// portable one agree on every length around the block and padding edges.
    @Test func hardwareAndPortableAgree() {
        var state: UInt32 = 88_172_645
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537] {
            var bytes = [UInt8](repeating: 0, count: length)
            for i in 0..<length {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                bytes[i] = UInt8(truncatingIfNeeded: state)
            }
            var portable = SHA256(portable: true)
            portable.update(bytes)
            var fast = SHA256()
            fast.update(bytes)
            #expect(SHA256.hexString(fast.finalize()) == SHA256.hexString(portable.finalize()), "length \(length)")
        }
        var abc = SHA256(portable: true)
        abc.update(Array("abc".utf8))
        #expect(SHA256.hexString(abc.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func millionAs() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingInOddPiecesEqualsOneShot() {
        let input = (0..<10_007).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var offset = 0
        for piece in [1, 63, 64, 65, 127, 3000, 10_007] {
            let end = min(offset + piece, input.count)
            hasher.update(input[offset..<end])
            offset = end
        }
        #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex(of: input))
    }

    @Test func agreesWithSha256sum() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        // Lengths around the 55/56/64-byte padding edges and a larger pseudo-random file.
        var state: UInt32 = 2_463_534_242
        for length in [55, 56, 64, 119, 120, 1_000_003] {
            var bytes = [UInt8](repeating: 0, count: length)
            for i in 0..<length {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                bytes[i] = UInt8(truncatingIfNeeded: state)
            }
            let path = dir.write("f\(length).bin", bytes)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sha256sum", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let line = String(decoding: output, as: UTF8.self)
            let expected = String(line.prefix(64))
            #expect(expected.count == 64)
            #expect(SHA256.hex(of: bytes) == expected, "length \(length)")
        }
    }
}
