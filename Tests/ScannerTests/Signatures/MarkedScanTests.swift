import Testing
@testable import LivegateScanner

/// The matcher jumps between the tokens the tokenizer marked while no alias or binding is live.
/// These tests hold it to the full walk: same facts, and the marks are exactly the tokens the
/// interest describes.
@Suite struct MarkedScanTests {
    static let fixtures: [[String: String]] = {
        typealias F = SignatureFixtures
        return [
            F.capacitorVite, F.capacitorWebpack4, F.capacitorWebpack5, F.capacitorEsbuild, F.capacitorDirect,
            F.transports, F.cordovaPluginFile, F.cordovaMinified, F.cordovaPlugins, F.ionicNative,
            F.reactNativeMetro, F.expo, F.capgo, F.appflowWebView, F.codePushChcpExpo, F.reactRouter,
            F.vueRouter, F.angularRouter, F.sveltekit, F.nextjs, F.expoRouter, F.launchDarkly,
            F.flagsWithoutFingerprint, F.buildEnv, F.appFlags, F.dynamicSinks, F.benignEmitters, F.remoteCode,
            F.obfuscation, F.payments, F.miners, F.permissions, F.updatePrompts, F.nativeUrls, F.manifests,
            F.corpusFalsePositives,
        ]
    }()

    @Test func markedScanFindsWhatTheFullWalkFinds() {
        let matcher = SignatureMatcher(Shipped.set)
        var compared = 0
        var sources: [String] = []
        for fixture in Self.fixtures {
            for (path, source) in fixture.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".js") {
                sources.append(source)
                let bytes = Array(source.utf8)
                let marked = matcher.scan(bytes, path: path).map { describeSignatureFact($0.fact) }
                let full = matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: path).map { describeSignatureFact($0.fact) }
                #expect(marked == full, "\(path)")
                compared += marked.count
            }
        }
        // All fixtures in one file: aliases and bindings from one stay live into the next.
        let joined = Array(sources.joined(separator: "\n;\n").utf8)
        #expect(matcher.scan(joined, path: "all.js").map { describeSignatureFact($0.fact) }
                == matcher.scan(joined, tokens: JSTokenizer.tokenize(joined), path: "all.js").map { describeSignatureFact($0.fact) })
        // Invalid UTF-8 and non-ASCII names between matches change nothing either.
        let broken = Array("var café=1;".utf8) + [0xFF, 0xC3, 0x28] + Array(";eval(x);ñ=window.eval;ñ(y)".utf8) + [0xE2, 0x82]
        let brokenMarked = matcher.scan(broken, path: "b.js").map { describeSignatureFact($0.fact) }
        #expect(brokenMarked == matcher.scan(broken, tokens: JSTokenizer.tokenize(broken), path: "b.js").map { describeSignatureFact($0.fact) })
        #expect(brokenMarked.contains { $0.contains("eval:non-literal") })
        #expect(compared > 50)
    }

    @Test func marksAreExactlyTheTokensOfInterest() {
        var masks = [UInt64](repeating: 0, count: 256)
        masks[Int(UInt8(ascii: "e"))] = 1 << 4          // "eval" and any 4-byte word on e
        masks[Int(UInt8(ascii: "f"))] = 1 << 63          // words of 63 bytes or more on f
        let dot = UInt64(1) << UInt64(JSPunctuator.dot.rawValue)
        let interest = JSTokenInterest(wordMasks: masks, punctuators: dot)
        let long = "f" + String(repeating: "x", count: 70)
        let source = "eval(a.else, 'str', `t`, `h${x}`, evil, \(long), else.eval); // eval"
        let bytes = Array(source.utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: interest) }
        #expect(tokens == JSTokenizer.tokenize(bytes))
        let text = marked.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) }
        #expect(text == ["eval", ".", "else", "'str'", "`t`", "evil", long, "else", ".", "eval"])

        // With last-byte masks: four-byte words on `e` ending in `l` (eval, evil), not `else`.
        var last = [UInt64](repeating: 0, count: 256)
        last[Int(UInt8(ascii: "l"))] = 1 << 4
        last[Int(UInt8(ascii: "x"))] = 1 << 63
        let narrower = JSTokenInterest(wordMasks: masks, lastByteMasks: last, punctuators: 0)
        let (_, marked2) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: narrower) }
        #expect(marked2.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) } == ["eval", "'str'", "`t`", "evil", long, "eval"])
    }

    /// A punctuator with next-token kinds is marked only when the byte after it can start one of
    /// them, or white space or a comment (which the matcher then looks past), or when nothing
    /// follows it.
    @Test func punctuatorsMarkedByTheTokenAfterThem() {
        var next = [UInt32](repeating: 0, count: 64)
        next[Int(JSPunctuator.leftParen.rawValue)] = 1 << UInt32(JSTokenKind.number.rawValue)
        let interest = JSTokenInterest(wordMasks: [UInt64](repeating: 0, count: 256),
                                       punctuators: 1 << UInt64(JSPunctuator.leftParen.rawValue), punctuatorNext: next)
        let bytes = Array("f(0,a.b)(x);g((1));'s'(2)( x)(".utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: interest) }
        // `(0`, `(1`, `( x` and the last `(` are marked, `(x` and `((` are not; strings always are.
        #expect(marked.map { Int(tokens[Int($0)].start) } == [1, 14, 19, 22, 25, 29])
    }

    /// A reserved word that anchors a pattern is marked only before a byte the pattern's next
    /// element can start with: `( this , $str` marks `this,` and `this ,`, not `this.x`.
    @Test func reservedWordsMarkedByTheByteAfterThem() throws {
        let set = try signatureSet(#"{"pattern": "( this , $str:m , $any , arguments )", "emit": {"kind": "t", "key": "{m}"}}"#)
        #expect(SignatureSet.keywordFollowers(set.signatures, [[.word(Array("this".utf8), back: 1)]]) == [.this: [UInt8(ascii: ",")]])
        let bytes = Array("f(this,'a',{},arguments);this.x;g(this ,'b',1,arguments);this".utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: set.interest) }
        // No pattern starts at a string here: the strings are not marked.
        #expect(marked.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) } == ["this", "this", "this"])
        #expect(scan(String(decoding: bytes, as: UTF8.self), set: set) == ["1:2 t a", "1:34 t b"])
    }

    /// A contextual keyword (an identifier to the tokenizer, marked from `keywordRows` without
    /// hashing) follows the identifier rules: marked before a byte its pattern can go on with,
    /// before white space, and at the end of the input; other keywords and look-alikes never.
    @Test func contextualKeywordsMarkedByTheByteAfterThem() throws {
        let set = try signatureSet(#"{"pattern": "static = $str:u", "emit": {"kind": "t", "key": "s:{u}"}}"#)
        let bytes = Array("static='a';x.static.y;static ='b';statid='c';yield='d';get=1;static".utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: set.interest) }
        #expect(marked.map { Int(tokens[Int($0)].start) } == [0, 22, 61])
        #expect(tokens[0].keyword == .static)
        #expect(scan(String(decoding: bytes, as: UTF8.self), set: set) == ["1:1 t s:a", "1:23 t s:b"])
        // The rows are the word test's answers: `static` wants `=` and the separators only.
        let row = (0..<256).filter { b in set.interest.keywordRows[Int(JSKeyword.static.rawValue) << 2 | b >> 6] & (1 << UInt64(b & 63)) != 0 }
        #expect(row.contains(Int(UInt8(ascii: "="))) && row.contains(Int(UInt8(ascii: " "))) && !row.contains(Int(UInt8(ascii: "."))))
        #expect(set.interest.keywordRows[Int(JSKeyword.yield.rawValue) << 2 ..< Int(JSKeyword.yield.rawValue + 1) << 2].allSatisfy { $0 == 0 })
        #expect(set.interest.keywordAtEnd == 1 << UInt64(JSKeyword.static.rawValue))
    }

    /// Second-byte masks narrow words of two bytes or more; a one-byte word is not tested on a
    /// second byte (nor read past the end of the input for it).
    @Test func secondByteMasksNarrowWords() {
        var first = [UInt64](repeating: 0, count: 256), second = [UInt64](repeating: 0, count: 256)
        first[Int(UInt8(ascii: "e"))] = 1 << 4
        first[Int(UInt8(ascii: "x"))] = 1 << 1
        second[Int(UInt8(ascii: "v"))] = 1 << 4
        let interest = JSTokenInterest(wordMasks: first, punctuators: 0, secondByteMasks: second)
        let bytes = Array("eval(else, evil, exit, x)+x".utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: interest) }
        #expect(marked.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) } == ["eval", "evil", "x", "x"])
    }

    /// The Bloom filter of wanted words drops look-alikes that pass every byte mask (`evil` for
    /// `eval`: same length, same first, second and last bytes), property names and keywords
    /// included; the wanted word is marked wherever it stands, up to the end of the input.
    @Test func wordBloomDropsLookAlikes() {
        var first = [UInt64](repeating: 0, count: 256), last = [UInt64](repeating: 0, count: 256)
        var second = [UInt64](repeating: 0, count: 256)
        first[Int(UInt8(ascii: "e"))] = 1 << 4 | 1 << 10
        last[Int(UInt8(ascii: "l"))] = 1 << 4
        last[Int(UInt8(ascii: "e"))] = 1 << 4
        last[Int(UInt8(ascii: "r"))] = 1 << 10
        second[Int(UInt8(ascii: "v"))] = 1 << 4
        second[Int(UInt8(ascii: "l"))] = 1 << 4
        second[Int(UInt8(ascii: "x"))] = 1 << 10
        let words = ["eval", "else", "exportHelper"].map { WordHash.of(Array($0.utf8)) }
        let interest = JSTokenInterest(wordMasks: first, lastByteMasks: last, punctuators: 0, secondByteMasks: second,
                                       wordHashes: words)
        let bytes = Array("evil(a.eval, else, elle, exportHelpe, exportHelpeR, eval)||eval".utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: interest) }
        #expect(marked.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) } == ["eval", "else", "eval", "eval"])
        // Without the filter the look-alikes are marked too.
        let unfiltered = JSTokenInterest(wordMasks: first, lastByteMasks: last, punctuators: 0, secondByteMasks: second)
        let (_, all) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: unfiltered) }
        #expect(all.count == 6)
    }

    /// Strings are marked when their raw text can wake a string pattern (by its first and last
    /// byte, and for `contains` words by its length), when a word table may hold their text,
    /// and always when they have escapes or no closing quote; the marked scan then finds what
    /// the full walk finds.
    @Test func stringsMarkedByWhatTheirTextCanWake() throws {
        let set = try signatureSet(#"""
            {"pattern": "$str:u", "where": {"u": {"prefix": "/api/", "suffix": ".js"}}, "emit": {"kind": "t", "key": "u:{u}"}},
            {"pattern": "$str:e", "where": {"e": {"contains": "cdn.growthbook.io"}}, "emit": {"kind": "t", "key": "e:{e}"}},
            {"pattern": "$str:m", "where": {"m": {"oneOf": ["RNIapModule"]}}, "emit": {"kind": "t", "key": "m:{m}"}}
            """#)
        let source = #"""
            a("/api/x.js", "/api/x.json", "div", `/api/t.js`, "x cdn.growthbook.io", "cdn.growthbook", "RNIapModule",
              "RNIapModulf", "\/api\/y.js", '', "/api/z.js
            """#
        let bytes = Array(source.utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: set.interest) }
        #expect(marked.map { JSTokenizer.text(of: tokens[Int($0)], in: bytes) } == [
            #""/api/x.js""#, "`/api/t.js`", #""x cdn.growthbook.io""#, #""RNIapModule""#, #""\/api\/y.js""#, #""/api/z.js"#,
        ])
        let matcher = SignatureMatcher(set)
        let facts = matcher.scan(bytes, path: "a.js").map { $0.fact.key }
        #expect(facts == matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: "a.js").map { $0.fact.key })
        // The escaped `"\/api\/y.js"` is tested on its value, `/api/y.js`.
        #expect(facts == ["u:/api/x.js", "u:/api/t.js", "e:x cdn.growthbook.io", "m:RNIapModule", "u:/api/y.js"])
        // Invalid UTF-8 inside and around strings: marked as their raw bytes say, same facts.
        let broken = Array("f(\"/api/".utf8) + [0xFF, 0xC3] + Array(".js\",'\\x2Fapi/".utf8) + [0xE2, 0x82] + Array(".js');".utf8) + [0xFF]
        let brokenFacts = matcher.scan(broken, path: "b.js").map { $0.fact.key }
        #expect(brokenFacts == matcher.scan(broken, tokens: JSTokenizer.tokenize(broken), path: "b.js").map { $0.fact.key })
        #expect(brokenFacts.count == 2)
    }

    /// An identifier that anchors patterns is marked only before a byte the element after it can
    /// start with (or white space, a comment, or the end); a `$callee` anchor before any byte.
    @Test func identifiersMarkedByTheByteAfterThem() throws {
        let set = try signatureSet(#"""
            {"pattern": ". p = $str:u", "emit": {"kind": "t", "key": "p:{u}"}},
            {"pattern": "$callee(boot) (", "emit": {"kind": "t", "key": "boot"}}
            """#)
        let followers = SignatureSet.wordFollowers(set.signatures, AnchorChoice.anchors(for: set.signatures))
        #expect(followers.count == 2)
        #expect(followers[Array("p".utf8)] == .some([UInt8(ascii: "=")]))
        #expect(followers[Array("boot".utf8)] == .some(nil))
        let source = "n.p=\"https://cdn.example/\";n.p.x(p,p);n.p =\"/a/\";boot;x.boot)(1);n.p"
        let bytes = Array(source.utf8)
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: set.interest) }
        #expect(marked.map { Int(tokens[Int($0)].start) } == [2, 40, 49, 56, 67])  // p=, p =, boot, boot), p at the end
        let matcher = SignatureMatcher(set)
        #expect(matcher.scan(bytes, path: "a.js").map(\.fact.key) == matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: "a.js").map(\.fact.key))
    }

    /// An escaped string longer than `cookedStringLimit` is tested on its raw text first and on
    /// its value only for the patterns that pass: a word in it is found (and its value checked),
    /// an escape at its first byte hides a prefix (the documented limit); a short one is tested
    /// on its value outright.
    @Test func longEscapedStringsAreTestedRawFirst() throws {
        let set = try signatureSet(#"""
            {"pattern": "$str:u", "where": {"u": {"prefix": "/api/"}}, "emit": {"kind": "t", "key": "u"}},
            {"pattern": "$str:e", "where": {"e": {"contains": "cdn.growthbook.io"}}, "emit": {"kind": "t", "key": "e"}}
            """#)
        let filler = String(repeating: "a\\n", count: MatchRun.cookedStringLimit / 3)
        let js = "f('\\/api/short');g('\\/api/" + filler + "');h('" + filler + " cdn.growthbook.io')"
        let bytes = Array(js.utf8)
        let matcher = SignatureMatcher(set)
        let facts = matcher.scan(bytes, path: "a.js").map { "\($0.fact.location.column) \($0.fact.key)" }
        // `f`'s short string is cooked (`/api/short`); `g`'s long one starts with `\/` raw; `h`'s
        // word is found raw, then its value checked.
        let h = js.distance(from: js.startIndex, to: js.range(of: "h('")!.lowerBound) + 3
        #expect(facts == ["3 u", "\(h) e"])
        #expect(facts == matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: "a.js").map { "\($0.fact.location.column) \($0.fact.key)" })
    }
}
