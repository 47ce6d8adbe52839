import Testing
@testable import LivegateScanner

/// Which string patterns a string wakes: the leading capture's constraints give first and last
/// bytes, and gated patterns need one of their words in the string.
struct StringAnchorsTests {
    static let set: SignatureSet = {
        let json = #"""
            {"pattern": "$str:u", "where": {"u": {"prefix": ["/"]}}, "emit": {"kind": "t", "key": "route"}},
            {"pattern": "$str:x", "where": {"x": {"suffix": [".so", ".dex"], "pathLike": true}}, "emit": {"kind": "t", "key": "native"}},
            {"pattern": "$str:c", "where": {"c": {"contains": ["stratum+tcp"]}}, "emit": {"kind": "t", "key": "miner"}},
            {"pattern": "$str:m", "where": {"m": {"maxLength": 3}}, "emit": {"kind": "t", "key": "short"}},
            {"pattern": "$str:h", "where": {"h": {"isRemoteURL": true, "startsLower": true}}, "emit": {"kind": "t", "key": "remote"}}
            """#
        return try! signatureSet(json)
    }()

    func woken(_ text: String) -> [Int] {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { b in
            var bits = Self.set.strings.candidates(UnsafeBufferPointer(b))
            var out: [Int] = []
            while let n = bits.popFirst() { out.append(n) }
            return out
        }
    }

    /// Pattern 3 (`maxLength`) implies no byte, so every string wakes it; the test that
    /// rejects is then its constraint.
    @Test func firstAndLastBytesRuleOutPatterns() {
        #expect(woken("/a.so") == [0, 1, 3])
        #expect(woken("lib.dex") == [1, 3])
        #expect(woken("/x") == [0, 1, 3])
        #expect(woken("abc") == [3])
        #expect(woken("https://e.com/m.js") == [3, 4])
        #expect(woken("") == [3])
    }

    @Test func gatedPatternsNeedTheirWord() {
        #expect(Self.set.strings.grams.minWordLength == 11)
        #expect(woken("stratum+tcp://pool:3333") == [2, 3])
        #expect(woken("stratum+tc") == [3])
        #expect(woken("x stratum+tcp") == [2, 3])
    }

    @Test func byteFiltersOfConstraints() {
        #expect(Constraint.prefix([Array("ab".utf8), Array("c".utf8)]).firstBytes == [0x61, 0x63])
        #expect(Constraint.prefix([[], Array("c".utf8)]).firstBytes == nil)
        #expect(Constraint.suffix([Array(".so".utf8)]).lastBytes == [0x6F])
        #expect(Constraint.startsUpper.firstBytes?.count == 26)
        #expect(Constraint.isRemoteURL.firstBytes == [0x68, 0x77, 0x2F])
        #expect(Constraint.minLength(1).allowsEmpty == false)
        #expect(Constraint.maxLength(3).allowsEmpty)
        #expect(Constraint.notPrefix([Array("x".utf8)]).allowsEmpty)
    }

    /// End to end: the filters keep every match the constraints allow.
    @Test func matchesAreKept() {
        let js = #"a("/home"); b("libx.so"); c("https://e.com/x"); d("stratum+tcp://p:1"); e("no")"#
        #expect(scan(js, set: Self.set) == ["1:3 t route", "1:15 t native", "1:29 t remote", "1:51 t miner", "1:75 t short"])
    }
}
