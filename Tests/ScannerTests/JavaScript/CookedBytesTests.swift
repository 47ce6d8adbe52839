import Testing
@testable import LivegateScanner

/// Cooked values are transcoded from UTF-16 by hand: the result must be what the standard
/// library gives, lone surrogates (U+FFFD) and pairs included.
@Suite struct CookedBytesTests {
    @Test func transcodingAgreesWithTheStandardLibrary() {
        let pieces: [[UInt16]] = [[0x41], [0x7F], [0x80], [0x7FF], [0x800], [0xFFFF], [0xD83D, 0xDE00], [0xD800],
                                  [0xDC00], [0xDBFF, 0xDFFF], [0xD800, 0xD800], [0xE000], [0x00]]
        var state: UInt64 = 11
        for _ in 0..<3000 {
            var units: [UInt16] = []
            for _ in 0..<Int(state % 7) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                units += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            #expect(JSTokenizer.utf8(units) == Array(String(decoding: units, as: UTF16.self).utf8), "\(units)")
        }
    }

    @Test func cookedBytesOfEscapedAndPlainStrings() {
        let bytes = Array(#"'\x2Fhome\u{1F600}' "plain" 'a\uD800b'"#.utf8)
        let tokens = JSTokenizer.tokenize(bytes)
        let values = bytes.withUnsafeBufferPointer { b in tokens.map { JSTokenizer.cookedBytes(of: $0, in: b) } }
        #expect(values == [Array("/home😀".utf8), Array("plain".utf8), Array("a\u{FFFD}b".utf8)])
    }
}
