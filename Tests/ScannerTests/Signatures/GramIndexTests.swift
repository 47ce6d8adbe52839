import Testing
@testable import LivegateScanner

/// The gram index wakes a string pattern only when one of its words is really in the string:
/// at the start, the end, in either case when the word ignores case, and never for a near miss.
@Suite struct GramIndexTests {
    static let index = GramIndex([
        .init(bytes: Array("cdn.growthbook.io".utf8), offset: GramIndex.rareGramOffset(Array("cdn.growthbook.io".utf8)),
              ignoringCase: false, candidate: 0),
        .init(bytes: Array("coinhive.min.js".utf8), offset: GramIndex.rareGramOffset(Array("coinhive.min.js".utf8)),
              ignoringCase: true, candidate: 1),
        .init(bytes: Array("cryptonight".utf8), offset: GramIndex.rareGramOffset(Array("cryptonight".utf8)),
              ignoringCase: true, candidate: 70),
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
}
