import Testing
@testable import LivegateScanner

/// Damaged archives must give errors or diagnostics, never a crash: every truncation and a few
/// thousand deterministic byte mutations of a small archive (stored, deflate, ZIP64, descriptors).
@Suite struct ZipRobustnessTests {
    static func sample(zip64: Bool) -> [UInt8] {
        var zip = TestZip()
        zip.zip64 = zip64
        zip.add("www/index.html", "<!doctype html><script src=app.js></script>")
        zip.add("www/app.js", String(repeating: "console.log('hi');", count: 40))
        zip.add("www/raw.bin", [0, 1, 2, 3, 4, 5], method: 0)
        zip.add(TestZip.Entry(name: Array("www/dd.css".utf8), data: Array("a{b:c}".utf8), dataDescriptor: true))
        return zip.build()
    }

    /// Reads every entry the way the loader does; returns how many loaded.
    static func readAll(_ bytes: [UInt8]) -> Int {
        guard let archive = try? ZipArchive(bytes: bytes) else { return -1 }
        var loaded = 0
        let limits = LoadLimits(maxTotalBytes: 1 << 20, maxFiles: 100, maxFileBytes: 1 << 16, maxCompressionRatio: 50, ratioFloorBytes: 1024)
        for entry in archive.entries {
            _ = SafePath.normalize(rawName: entry.rawName)
            if case .success(let data) = archive.data(of: entry, limits: limits) {
                _ = KindDetector.detect(path: entry.name, bytes: data)
                loaded += 1
            }
        }
        return loaded
    }

    @Test(arguments: [false, true])
    func everyTruncationFailsCleanly(zip64: Bool) {
        let bytes = Self.sample(zip64: zip64)
        #expect(Self.readAll(bytes) == 4)
        var readable = 0
        for length in 0..<bytes.count {
            if Self.readAll(Array(bytes.prefix(length))) >= 0 { readable += 1 }
        }
        // Without its end record a zip is unreadable: no prefix is.
        #expect(readable == 0)
    }

    @Test(arguments: [false, true])
    func mutationsNeverCrash(zip64: Bool) {
        let original = Self.sample(zip64: zip64)
        var state: UInt64 = zip64 ? 0x1234_5678_9ABC_DEF0 : 0x0FED_CBA9_8765_4321
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        var outcomes = [Int: Int]()
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(1 + next() % 4) {
                let position = Int(next() % UInt64(bytes.count))
                bytes[position] = next() % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: next())
            }
            outcomes[Self.readAll(bytes), default: 0] += 1
        }
        // Most mutations hit entry data and leave the other entries readable.
        #expect(outcomes.values.reduce(0, +) == 3000)
        #expect((outcomes[4] ?? 0) + (outcomes[3] ?? 0) > 1000)
    }
}
