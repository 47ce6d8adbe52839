import Testing
@testable import LivegateScanner

/// The word index's hash reads eight bytes at a time and masks a short tail; a word hashes the
/// same on its own (the index is built from arrays) and inside a file with bytes after it.
struct WordHashTests {
    @Test func sameHashAloneAndInsideABuffer() {
        let text = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        for length in 0...20 {
            let word = Array(text[3..<(3 + length)])
            let alone = WordHash.of(word)
            let inside = text.withUnsafeBufferPointer { WordHash.of($0, 3, 3 + length) }
            #expect(alone == inside, "length \(length)")
            // At the very end of a buffer the tail is read byte by byte.
            let atEnd = Array(text[0..<(3 + length)]).withUnsafeBufferPointer { WordHash.of($0, 3, 3 + length) }
            #expect(alone == atEnd, "length \(length)")
        }
    }

    @Test func lengthAndEveryByteCount() {
        let words = ["", "a", "b", "ab", "ba", "a\u{0}", "abcdefgh", "abcdefgi", "abcdefghi", "bbcdefghi"].map { Array($0.utf8) }
        #expect(Set(words.map { WordHash.of($0) }).count == words.count)
    }

    @Test func lookupInAFile() throws {
        let set = try signatureSet(#"{"pattern": "registerPlugin ( $str:p", "emit": {"kind": "t", "key": "{p}"}}"#)
        #expect(scan("registerPlugin('A');x.registerPluginX('B');registerPlugi('C')", set: set) == ["1:1 t A"])
    }
}
