import Testing
@testable import LivegateScanner

/// Cooked values are decoded straight into UTF-8: the result must be what the standard
/// library makes of the string's UTF-16 code units, lone surrogates (U+FFFD) and pairs included.
@Suite struct CookedBytesTests {
    /// Random strings of escapes, literal text (runs shorter and longer than eight bytes,
    /// non-ASCII, an invalid byte) and line continuations, against the code units each piece
    /// stands for, decoded by the standard library.
    @Test func cookedBytesAgreeWithTheStandardLibrary() {
        let pieces: [(source: [UInt8], units: [UInt16])] = [
            (Array("a".utf8), [0x61]), (Array("abcdefghijklm".utf8), Array("abcdefghijklm".utf16)),
            (Array("é".utf8), [0xE9]), (Array("😀".utf8), [0xD83D, 0xDE00]), ([0xFF], [0xFFFD]),
            (Array(#"\uD83D"#.utf8), [0xD83D]), (Array(#"\uDE00"#.utf8), [0xDE00]), (Array(#"\u{1F600}"#.utf8), [0xD83D, 0xDE00]),
            (Array(#"\u{DBFF}"#.utf8), [0xDBFF]), (Array(#"\x41"#.utf8), [0x41]), (Array(#"\xE9"#.utf8), [0xE9]),
            (Array(#"\n"#.utf8), [0x0A]), (Array("\\\n".utf8), []), (Array(#"\101"#.utf8), [0x41]), (Array(#"\0"#.utf8), [0]),
            (Array(#"\'"#.utf8), [0x27]), (Array(#"\\"#.utf8), [0x5C]), (Array(#"\q"#.utf8), [0x71]), (Array(#"\é"#.utf8), [0xE9]),
        ]
        var state: UInt64 = 11
        for _ in 0..<3000 {
            // An escape first: a string without one is its raw bytes (invalid UTF-8 included).
            var source: [UInt8] = Array(#"'\x41"#.utf8), units: [UInt16] = [0x41]
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let piece = pieces[Int(state >> 33) % pieces.count]
                source += piece.source
                units += piece.units
            }
            source.append(UInt8(ascii: "'"))
            let tokens = JSTokenizer.tokenize(source)
            let value = source.withUnsafeBufferPointer { JSTokenizer.cookedBytes(of: tokens[0], in: $0) }
            #expect(tokens.count == 1 && value == Array(String(decoding: units, as: UTF16.self).utf8),
                    "\(String(decoding: source, as: UTF8.self).debugDescription)")
        }
    }

    @Test func cookedBytesOfEscapedAndPlainStrings() {
        let bytes = Array(#"'\x2Fhome\u{1F600}' "plain" 'a\uD800b'"#.utf8)
        let tokens = JSTokenizer.tokenize(bytes)
        let values = bytes.withUnsafeBufferPointer { b in tokens.map { JSTokenizer.cookedBytes(of: $0, in: b) } }
        #expect(values == [Array("/home😀".utf8), Array("plain".utf8), Array("a\u{FFFD}b".utf8)])
    }
}
