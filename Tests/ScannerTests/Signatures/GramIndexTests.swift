import Testing
@testable import LivegateScanner

/// The gram index wakes a string pattern only when one of its words is really in the string:
/// at the start, the end, in either case when the word ignores case, and never for a near miss.
@Suite struct GramIndexTests {
    static let index = GramIndex([
        .init(bytes: Array("cdn.growthbook.io".utf8), ignoringCase: false, candidate: 0),
        .init(bytes: Array("coinhive.min.js".utf8), ignoringCase: true, candidate: 1),
        .init(bytes: Array("cryptonight".utf8), ignoringCase: true, candidate: 70),
    ])

    func woken(_ s: String) -> [Int] {
        let (a, b) = Array(s.utf8).withUnsafeBufferPointer { Self.index.candidates(in: $0) }
        return (0..<128).filter { n in (n < 64 ? a >> UInt64(n) : b >> UInt64(n - 64)) & 1 != 0 }
    }

    @Test func wordsAnywhereAndInEitherCase() {
        #expect(woken("cdn.growthbook.io") == [0])
        #expect(woken("https://cdn.growthbook.io/api") == [0])
        #expect(woken("x CDN.GROWTHBOOK.IO") == [])  // case-sensitive word
        #expect(woken("load COINHIVE.MIN.JS") == [1])
        #expect(woken("CoinHive.min.js") == [1])
        #expect(woken("a CryptoNight b cdn.growthbook.io") == [0, 70])
        #expect(woken("cdn.growthbook.i") == [])
        #expect(woken("coinhive.min.j") == [])
        #expect(woken("cryptonigh") == [])
        #expect(woken("") == [] && woken("abc") == [])
    }

    @Test func aLongStringIsSearchedToTheEnd() {
        let filler = String(repeating: "var a=b.c(d,\"e\")+f[g];", count: 40_000)
        #expect(woken(filler) == [])
        #expect(woken(filler + "cryptonight") == [70])
        #expect(woken("coinhive.min.js" + filler) == [1])
    }

    @Test func theStrideFollowsTheShortestWord() {
        #expect(Self.index.stride == 8)  // 11-byte words: eight grams each
        #expect(GramIndex([.init(bytes: Array("abcd".utf8), ignoringCase: false, candidate: 0)]).stride == 1)
        #expect(GramIndex([.init(bytes: Array("update".utf8), ignoringCase: true, candidate: 0),
                           .init(bytes: Array("cdn.growthbook.io".utf8), ignoringCase: false, candidate: 1)]).stride == 3)
    }

    /// Only every `stride`-th window is hashed: a word is found at every alignment, and at the
    /// very end of the string.
    @Test func everyAlignmentIsFound() {
        for pad in 0..<20 {
            let before = String(repeating: "x", count: pad)
            #expect(woken(before + "cryptonight") == [70], "at \(pad)")
            #expect(woken(before + "cdn.growthbook.io" + "!!") == [0], "at \(pad)")
            #expect(woken(before + "cryptonigh") == [], "near miss at \(pad)")
        }
    }

    /// Against a plain search, on random strings with words planted at random places, in random
    /// case, and cut short.
    @Test(arguments: [
        [("update", true), ("remoteEntry", false), ("stratum+tcp://", false)],  // stride 3
        [("remoteEntry", false), ("stratum+tcp://", false), ("coin-hive.com", true)],  // stride 8
        [("abcd", true), ("update", true), ("remoteEntry", false)],  // stride 1
    ])
    func randomizedAgainstAPlainSearch(_ words: [(String, Bool)]) {
        let index = GramIndex(words.enumerated().map { n, w in
            .init(bytes: Array(w.0.utf8), ignoringCase: w.1, candidate: n * 40)
        })
        var rng = SplitMix(seed: 7)
        let alphabet = Array("abcdeoprtu+:/- .ETUPD".utf8)
        var found = 0
        for _ in 0..<3000 {
            var s = (0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for (w, ignoring) in words where rng.next() % 3 == 0 {
                var b = Array(w.utf8)
                if rng.next() % 4 == 0 { b.removeLast() }
                if ignoring && rng.next() % 2 == 0 { b = b.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 } }
                s.insert(contentsOf: b, at: Int(rng.next() % UInt64(s.count + 1)))
            }
            let expected = words.enumerated().filter { _, w in
                let hay = w.1 ? s.map(Bytes.fold) : s
                let needle = Array(w.0.utf8)
                return hay.count >= needle.count && (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
            }.map { $0.offset * 40 }
            let (a, b) = s.withUnsafeBufferPointer { index.candidates(in: $0) }
            let got = (0..<128).filter { n in (n < 64 ? a >> UInt64(n) : b >> UInt64(n - 64)) & 1 != 0 }
            #expect(got == expected, "\(String(decoding: s, as: UTF8.self))")
            found += expected.count
        }
        #expect(found > 1000)  // the planted words are really there, most of the time
    }
}

/// A seeded generator: the randomized test sees the same strings on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
