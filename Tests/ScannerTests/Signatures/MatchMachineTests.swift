import Testing
@testable import LivegateScanner

/// The backtracking machine that runs compiled patterns: the order it tries alternatives in,
/// captures undone when it backs up, constraints that send it back, and its step budget.
struct MatchMachineTests {
    func run(_ signature: String, _ js: String) throws -> [String] {
        scan(js, set: try signatureSet(signature))
    }

    /// Branches become jumps: an `alt` with one target per part (each part ends in a jump past
    /// the last), an `opt` that names where to go without its part, a `skip` with its limit.
    @Test func programLayout() throws {
        let set = try signatureSet(#"{"pattern": "a $alt( b | c $str:s ) $opt( d ) $skip(4) e", "emit": {"kind": "t", "key": "k"}}"#)
        let program = set.signatures[0].program
        typealias C = MatchProgram.Code
        #expect(program.ops.map(\.code) == [C.word, .alt, .word, .jump, .word, .string, .jump, .opt, .word, .skip, .word, .match])
        #expect(program.targets == [2, 4])
        #expect(program.ops[3].a == 7 && program.ops[6].a == 7)
        #expect(program.ops[7].a == 9)
        #expect(program.ops[9].a == 4)
        #expect(program.ops[5].a == 0)  // the capture slot of `s`
        #expect(String(decoding: program.words, as: UTF8.self) == "abcde")
    }

    /// A part that fails after capturing leaves nothing behind: the next part starts from the
    /// captures as they were before the alternation.
    @Test func backingOutOfAnAlternativeUndoesItsCaptures() throws {
        let sig = #"{"pattern": "f ( $alt( $str:a , $str:b | $str:b ) )", "emit": {"kind": "t", "key": "{a}|{b}"}}"#
        #expect(try run(sig, "f('x'); f('y','z')") == ["1:1 t |x", "1:9 t y|z"])
    }

    /// An `$opt` part is tried before its absence, and the absence when the rest fails with it.
    @Test func optionalPartFirstThenWithout() throws {
        let sig = #"{"pattern": "a $opt( ( $str:x ) ) . $ident:m", "emit": {"kind": "t", "key": "{x}.{m}"}}"#
        #expect(try run(sig, "a('p').q; a.r; a('s')") == ["1:1 t p.q", "1:11 t .r"])
    }

    /// A constraint that fails at the end sends the machine back to its latest choice: here one
    /// more skipped unit, up to the string the constraint accepts.
    @Test func failingConstraintBacksIntoTheSkip() throws {
        let sig = #"{"pattern": "f ( $skip(16) $str:a", "where": {"a": {"oneOf": ["y"]}}, "emit": {"kind": "t", "key": "{a}"}}"#
        #expect(try run(sig, "f(1, 'x', [2, 'y'], 'y'); f('x', 3)") == ["1:1 t y"])
    }

    /// Escaped strings are cooked once for their capture; invalid UTF-8 reads as its repair in
    /// constraints as in the emitted value.
    @Test func capturesOfEscapedAndInvalidText() throws {
        let sig = #"{"pattern": "f ( $str:a", "where": {"a": {"prefix": ["e"]}}, "emit": {"kind": "t", "key": "{a}"}}"#
        #expect(try run(sig, #"f("\x65val"); f('eva\u006C'); f("x")"#) == ["1:1 t eval", "1:15 t eval"])
        var bytes = Array("f('e".utf8)
        bytes.append(0xFF)
        bytes += Array("');".utf8)
        let facts = SignatureMatcher(try signatureSet(sig)).scan(bytes, path: "a.js")
        #expect(facts.map(\.fact.key) == ["e\u{FFFD}"])
    }

    /// A step is one attempt to go on from a position. `a $skip(16384) b` takes one step per
    /// token skipped, so the budget of 4096 steps bounds how far it reaches whatever its limit.
    @Test func stepBudgetBoundsAMatch() throws {
        let sig = #"{"pattern": "a $skip(16384) b", "emit": {"kind": "t", "key": "k"}}"#
        let near = "a " + String(repeating: "x ", count: 4092) + "b"
        let far = "a " + String(repeating: "x ", count: 4093) + "b"
        #expect(try run(sig, near) == ["1:1 t k"])
        #expect(try run(sig, far) == [])
    }

    /// The quick check spells out leading alternations and optional parts of one-token
    /// elements, so `(0,r.f)(a)` is rejected before the machine runs for a pattern that needs
    /// `) ( "…"` after them; combinations are spelled out only as far as they stay few.
    @Test func quickCheckSpellsOutLeadingAlternatives() throws {
        let set = try signatureSet(#"""
            {"pattern": "( $num , $alt( $ident . $ident:f | $ident ( $num ) . $ident:f ) ) ( $str:p", "emit": {"kind": "t", "key": "{f}:{p}"}},
            {"pattern": "a $opt( . b ) ( $str:x", "emit": {"kind": "t", "key": "{x}"}},
            {"pattern": "c $alt( d | e | f ) $alt( d | e | f ) $alt( d | e ) ( $str:y", "emit": {"kind": "t", "key": "{y}"}}
            """#)
        #expect(set.signatures[0].quickExpansions.map(\.count) == [9, 12])
        #expect(set.signatures[1].quickExpansions.map(\.count) == [5, 3])
        #expect(set.signatures[2].quickExpansions.map(\.count) == [2, 2, 2])
        #expect(scan(#"(0,r.fo)("A"); (0,r.fo)(a); (0,t(9).go)("B"); a.b("x"); a("y"); c e d e("z")"#, set: set)
                == ["1:1 t fo:A", "1:29 t go:B", "1:47 t x", "1:57 t y", "1:65 t z"])
    }
}
