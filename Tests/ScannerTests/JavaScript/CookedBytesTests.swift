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

    /// Invalid UTF-8 in an escaped string or template: one U+FFFD per maximal subpart, as the
    /// standard library (and a browser decoding the script) has it, also right after a `\`
    /// (a non-escape character stands for itself). Random bodies of lead bytes, continuation
    /// bytes at the edges of their ranges, `a` and `\`, after a `\x41` that forces cooking; the
    /// expected value decodes the body first, then drops each escaping `\`.
    @Test func invalidUTF8CooksToOneReplacementPerMaximalSubpart() {
        let alphabet: [UInt8] = [0x61, 0x5C, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
                                 0x80, 0x82, 0x8F, 0x90, 0x9F, 0xA0, 0xAC, 0xBF]
        var state: UInt64 = 5
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var replaced = 0
        for round in 0..<4000 {
            var body = (0..<next() % 12).map { _ in alphabet[next() % alphabet.count] }
            body.append(0x61)  // a trailing `\` would escape the closing quote
            let quote: UInt8 = round % 2 == 0 ? 0x27 : 0x60
            let source = [quote] + Array(#"\x41"#.utf8) + body + [quote]
            var expected = "A"
            var escaping = false
            for scalar in String(decoding: body, as: UTF8.self).unicodeScalars {
                if !escaping && scalar == "\\" { escaping = true; continue }
                escaping = false
                expected.unicodeScalars.append(scalar)
            }
            let tokens = JSTokenizer.tokenize(source)
            let value = source.withUnsafeBufferPointer { JSTokenizer.cookedBytes(of: tokens[0], in: $0) }
            #expect(tokens.count == 1 && value == Array(expected.utf8), "\(source.map { String($0, radix: 16) })")
            replaced += expected.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        }
        #expect(replaced > 1000)  // the bodies do hold invalid sequences
    }

    @Test func truncatedSequencesAreOneReplacementEach() {
        // `E2 82` (the start of `€`) then `A`; `E0 80` (no sequence starts so); `F0 9F 98` (three
        // bytes of an emoji) before `\n`.
        let bytes: [UInt8] = [0x27, 0x5C, 0x6E, 0xE2, 0x82, 0x41, 0xE0, 0x80, 0xF0, 0x9F, 0x98, 0x5C, 0x6E, 0x27]
        let tokens = JSTokenizer.tokenize(bytes)
        #expect(JSTokenizer.cookedValue(of: tokens[0], in: bytes) == "\n\u{FFFD}A\u{FFFD}\u{FFFD}\u{FFFD}\n")
    }

    @Test func cookedBytesOfEscapedAndPlainStrings() {
        let bytes = Array(#"'\x2Fhome\u{1F600}' "plain" 'a\uD800b'"#.utf8)
        let tokens = JSTokenizer.tokenize(bytes)
        let values = bytes.withUnsafeBufferPointer { b in tokens.map { JSTokenizer.cookedBytes(of: $0, in: b) } }
        #expect(values == [Array("/home😀".utf8), Array("plain".utf8), Array("a\u{FFFD}b".utf8)])
    }
}
