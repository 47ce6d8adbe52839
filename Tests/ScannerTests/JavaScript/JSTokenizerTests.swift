import Testing
@testable import LivegateScanner

@Suite struct JSTokenLayoutTests {
    @Test func tokenIsTwelveBytes() {
        #expect(MemoryLayout<JSToken>.size == 12)
        #expect(MemoryLayout<JSToken>.stride == 12)
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(lex("") == [])
        #expect(lex(" \t\u{0B}\u{0C}\n\r\n\u{A0}\u{FEFF}\u{2003}\u{3000}\u{2028}\u{2029}") == [])
    }
}

@Suite struct JSIdentifierTests {
    /// Property names of up to 15 bytes are measured in the main loop when 16 bytes can be read,
    /// out of line near the end of the input: same tokens both ways, for every length around the
    /// word boundaries and every kind of byte after the name (one that continues it included).
    @Test func propertyNamesSameNearTheEndAndAwayFromIt() {
        let after = ["", ".", "(", " ", ")", "\\u0041", "é", "€", "1", "$", "_", "\n"]
        var compared = 0
        for length in 1...20 {
            let name = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            for next in after {
                let source = "x." + name + next
                let atEnd = JSTokenizer.tokenize(Array(source.utf8))
                let away = JSTokenizer.tokenize(Array((source + ";" + String(repeating: " ", count: 20)).utf8))
                #expect(Array(away.prefix(atEnd.count)) == atEnd, "\(source.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 240)
        #expect(lex("a.abcdefghijklmno(a.abcdefghijklmnop.q,a.bc\\u0064)") ==
                ["id a", "p .", "id abcdefghijklmno", "p (", "id a", "p .", "id abcdefghijklmnop", "p .", "id q", "p ,",
                 "id a", "p .", "id bc\\u0064", "p )"])
    }

    @Test func asciiIdentifiersAndKeywords() {
        #expect(lex("const Lo=ld") == ["kw const", "id Lo", "p =", "id ld"])
        #expect(lex("$ _ $x _y a1 return returns") == ["id $", "id _", "id $x", "id _y", "id a1", "kw return", "id returns"])
    }

    @Test func keywordIdsAndContextualKeywords() {
        let (t, _) = tokens("new let of instanceof implements x")
        #expect(t.map(\.kind) == [.keyword, .identifier, .identifier, .keyword, .identifier, .identifier])
        #expect(t.map(\.keyword) == [.new, .let, .of, .instanceof, .implements, nil])
        #expect(t[0].isKeyword(.new))
        #expect(JSKeyword.new.isReserved && !JSKeyword.let.isReserved)
    }

    @Test func everyKeywordIsRecognised() {
        for k in JSKeyword.allCases {
            let name = "\(k)"
            let (t, _) = tokens(name)
            #expect(t.count == 1)
            #expect(t.first?.keyword == k)
            #expect(t.first?.kind == (k.isReserved ? .keyword : .identifier))
        }
    }

    /// The keyword table is a perfect hash over eight-byte loads: each keyword with input after
    /// it (the load path), and words one byte off each keyword (shorter, longer, one byte
    /// changed, upper case) are plain identifiers.
    @Test func keywordsInLongInputAndNearMisses() {
        for k in JSKeyword.allCases {
            let name = "\(k)"
            let (t, _) = tokens("\(name) \(name)_ x\(name) \(name.dropLast()) \(name.uppercased()) \(name.dropLast())q ;;;;;;;;;;")
            #expect(t.first?.keyword == k, "\(name)")
            #expect(t.dropFirst().prefix(5).allSatisfy { $0.keyword == nil }, "\(name)")
        }
        #expect(tokens("interfacX instanceoF implementz protecteD").0.allSatisfy { $0.keyword == nil })
    }

    /// Names are measured eight bytes at a time from their first byte: lengths around the
    /// word size, at the very end of the input (the short path) and with eight bytes or more
    /// after them (the word path), followed by what continues a name on the word path (`$`,
    /// `_`, digits) or only past it (non-ASCII, `\u` escapes), as names and as property names.
    @Test func nameLengthsAroundEightBytes() {
        let continuations = ["$", "_", "9", "é", "·", "\u{200C}", #"\u0062"#, #"\u{62}"#]
        for n in [1, 2, 3, 7, 8, 9, 15, 16, 17, 24] {
            let name = n == 1 ? "q" : "q" + String(repeating: "a", count: n - 2) + "Z"
            #expect(name.utf8.count == n)
            for (prefix, head) in [("", [String]()), ("x.", ["id x", "p ."]), ("x?.", ["id x", "p ?."])] {
                for rest in ["", " ;;;;;;;;;;"] {
                    let after = rest.isEmpty ? [] : Array(repeating: "p ;", count: 10)
                    #expect(lex(prefix + name + rest) == head + ["id \(name)"] + after, "\(prefix)\(name)")
                    for c in continuations {
                        #expect(lex(prefix + name + c + rest) == head + ["id \(name)\(c)"] + after, "\(prefix)\(name)\(c)")
                    }
                }
            }
        }
    }

    /// The bytes around the ASCII ranges a name is made of end it, right after any length.
    @Test func namesEndAtTheBytesAroundTheirRanges() {
        for name in ["a", "abcdefg", "abcdefgh", "abcdefghi"] {
            for rest in ["", " ;;;;;;;;;;"] {
                let after = rest.isEmpty ? [] : Array(repeating: "p ;", count: 10)
                #expect(lex(name + "@" + rest) == ["id \(name)", "inv @"] + after)
                #expect(lex(name + "[" + rest) == ["id \(name)", "p ["] + after)
                #expect(lex(name + "{" + rest) == ["id \(name)", "p {"] + after)
                #expect(lex(name + "/" + rest) == ["id \(name)", "p /"] + after)
                #expect(lex(name + ":" + rest) == ["id \(name)", "p :"] + after)
                #expect(lex(name + "%" + rest) == ["id \(name)", "p %"] + after)
                #expect(lex(name + "\u{7F}" + rest) == ["id \(name)", "inv \u{7F}"] + after)
                #expect(lex(name + "\u{04}" + rest) == ["id \(name)", "inv \u{04}"] + after)
                #expect(lex(name + "\u{19}" + rest) == ["id \(name)", "inv \u{19}"] + after)
            }
        }
        #expect(lex("a`b`") == ["id a", "tpl `b`"])
    }

    /// A keyword followed by a byte that continues the name is no keyword, however long the
    /// input after it.
    @Test func keywordsGoingOnAreIdentifiers() {
        for k in ["if", "do", "in", "new", "this", "return", "function", "continue", "instanceof"] {
            for c in ["$", "_", "1", "é", #"\u0061"#] {
                for rest in ["", " ;;;;;;;;;;"] {
                    let (t, _) = tokens(k + c + rest)
                    #expect(t.first?.kind == .identifier && t.first?.keyword == nil && t.first?.end == (k + c).utf8.count,
                            "\(k)\(c)\(rest)")
                }
            }
        }
    }

    @Test func propertyNamesAfterDotAreIdentifiers() {
        let (t, _) = tokens("x.return /a/ y?.new")
        #expect(t.map(\.kind) == [.identifier, .punctuator, .identifier, .punctuator, .identifier, .punctuator,
                                  .identifier, .punctuator, .identifier])
        #expect(t[2].keyword == nil)
        #expect(lex("x.return /a/g") == ["id x", "p .", "id return", "p /", "id a", "p /", "id g"])
        #expect(lex("a.\n  if") == ["id a", "p .", "id if"])
    }

    @Test func unicodeIdentifiers() {
        #expect(lex("café = ñ + 名前 + 𝑥") == ["id café", "p =", "id ñ", "p +", "id 名前", "p +", "id 𝑥"])
        // ZWNJ continues an identifier; U+00B7 (middle dot) is ID_Continue.
        #expect(lex("a\u{200C}b l·l") == ["id a\u{200C}b", "id l·l"])
    }

    @Test func escapedIdentifiers() {
        let (t, b) = tokens(#"\u0061bc a\u{62}c \u{1D465} \u0069f"#)
        #expect(t.map(\.kind) == [.identifier, .identifier, .identifier, .identifier])
        #expect(t.allSatisfy { $0.flags.contains(.hasEscapes) })
        #expect(t.map { JSTokenizer.identifierName(of: $0, in: b) } == ["abc", "abc", "𝑥", "if"])
        #expect(t[3].keyword == nil)  // an escaped keyword is not a keyword
    }

    @Test func privateNames() {
        #expect(lex("class A{#x;m(){return #x in this}}") ==
                ["kw class", "id A", "p {", "priv #x", "p ;", "id m", "p (", "p )", "p {", "kw return", "priv #x",
                 "kw in", "kw this", "p }", "p }"])
        let (t, b) = tokens(#"#\u0078"#)
        #expect(t.map(\.kind) == [.privateName])
        #expect(JSTokenizer.identifierName(of: t[0], in: b) == "x")
        #expect(lex("# x") == ["inv #", "id x"])
    }
}

@Suite struct JSNumberTests {
    @Test func decimalForms() {
        #expect(lex("0 12 1.5 .5 5. 1e3 1E-3 2.5e+10 1_000_000 0.000_1") ==
                ["num 0", "num 12", "num 1.5", "num .5", "num 5.", "num 1e3", "num 1E-3", "num 2.5e+10",
                 "num 1_000_000", "num 0.000_1"])
        #expect(lex("1..toString()") == ["num 1.", "p .", "id toString", "p (", "p )"])
    }

    @Test func radixAndBigInt() {
        #expect(lex("0xFF 0Xab_cd 0o17 0O7 0b1010 0B1_0 10n 0xFFn 0b1n 1_0n") ==
                ["num 0xFF", "num 0Xab_cd", "num 0o17", "num 0O7", "num 0b1010", "num 0B1_0", "big 10n",
                 "big 0xFFn", "big 0b1n", "big 1_0n"])
    }

    @Test func legacyOctal() {
        let (t, b) = tokens("017 08 09.5 0.5")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["017", "08", "09.5", "0.5"])
        #expect(t.map { $0.flags.contains(.legacyOctal) } == [true, true, true, false])
        #expect(lex("017.5") == ["num 017", "num .5"])
    }

    /// Decimal integers are scanned in the main loop when nothing after them can extend them,
    /// out of line otherwise: both give the same tokens, before every ASCII byte and at the end.
    @Test func integersBeforeEveryByte() {
        for n in ["0", "7", "123"] {
            for b in UInt8(0)..<0x80 {
                let bytes = Array(n.utf8) + [b]
                let t = JSTokenizer.tokenize(bytes)
                let goesOn = JSChar.isASCIIIdentPart(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "\\")
                if goesOn { continue }
                #expect(t.first.map { "\($0.kind) \($0.start) \($0.length) \($0.flags.rawValue)" } == "number 0 \(n.utf8.count) 0",
                        "\(n) then byte \(b)")
            }
            #expect(lex(n) == ["num \(n)"])
        }
        #expect(lex("1.5 1e3 1n 1_0 0x1 07 08 0.5 12.") == ["num 1.5", "num 1e3", "big 1n", "num 1_0", "num 0x1", "num 07", "num 08",
                                                          "num 0.5", "num 12."])
        #expect(lex("x=10;y=[0,1,200]") == ["id x", "p =", "num 10", "p ;", "id y", "p =", "p [", "num 0", "p ,", "num 1", "p ,", "num 200", "p ]"])
    }

    @Test func malformedNumbers() {
        let (t, b) = tokens("0x 1__0 1_ 1e 0b2")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["0x", "1__0", "1_", "1e", "0b", "2"])
        #expect(t.map { $0.flags.contains(.malformed) } == [true, true, true, true, true, false])
    }
}

@Suite struct JSStringTests {
    /// The search for the end of a string, template or comment goes sixteen bytes, then eight,
    /// then one at a time: every position of the end around those strides is found.
    @Test func endsFoundAtEveryOffset() {
        for k in 0..<48 {
            let body = String(repeating: "a", count: k)
            #expect(lex("'\(body)'x") == ["str '\(body)'", "id x"], "string \(k)")
            #expect(lex("'\(body)\\'b'x") == ["str '\(body)\\'b'", "id x"], "escape \(k)")
            #expect(lex("`\(body)${y}`x") == ["head `\(body)${", "id y", "tail }`", "id x"], "template \(k)")
            #expect(lex("/*\(body)*/x// \(body)\nz", comments: true) == ["bc /*\(body)*/", "id x", "lc // \(body)", "id z"], "comment \(k)")
        }
    }

    /// Short strings are scanned in the main loop when 17 bytes can be read from their quote,
    /// out of line near the end of the input: the same strings give the same first token both
    /// ways, for every mix of quotes, backslashes and line breaks up to past 16 bytes.
    @Test func shortStringsSameNearTheEndAndAwayFromIt() {
        var seed: UInt64 = 0x5EED
        let alphabet = Array("ab'\"\\\n\r `$".utf8)
        var compared = 0
        for _ in 0..<4000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59)  // 0...31
            var content: [UInt8] = []
            for k in 0..<length {
                let r = (seed >> UInt64((k * 7) % 50)) ^ UInt64(k) &* 0x9E37_79B9
                // Mostly letters, so that many strings close.
                content.append(r % 4 == 0 ? alphabet[Int((r >> 8) % UInt64(alphabet.count))] : UInt8(ascii: "a") + UInt8(r % 26))
            }
            let quote = seed & 1 == 0 ? UInt8(ascii: "'") : UInt8(ascii: "\"")
            let string = [quote] + content + [quote]
            let atEnd = JSTokenizer.tokenize(string)
            // A line break first: a string left open (`'a\\'`) then ends where the input did.
            let padded = JSTokenizer.tokenize(string + [0x0A] + Array(repeating: UInt8(ascii: " "), count: 19))
            #expect(atEnd.first == padded.first, "\(String(decoding: string, as: UTF8.self).debugDescription)")
            compared += 1
        }
        #expect(compared == 4000)
        // Sixteen bytes after the quote: the last that closes in the main loop, then one more.
        let fifteen = String(repeating: "x", count: 15)
        #expect(lex("'\(fifteen)' + '\(fifteen)y' + \"a'b\" + 'a\\'b' + ''                 ") ==
                ["str '\(fifteen)'", "p +", "str '\(fifteen)y'", "p +", "str \"a'b\"", "p +", "str 'a\\'b'", "p +", "str ''"])
        let (t, b) = tokens("'abc\ndef' 'ok'                    ")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["'abc", "def", "' '", "ok", "'                    "])
        #expect(t.map { $0.flags.contains(.unterminated) } == [true, false, false, false, true])
    }

    @Test func quotesAndEscapes() {
        #expect(lex(#"'a' "b" 'it\'s' "q\"" '' """#) ==
                ["str 'a'", #"str "b""#, #"str 'it\'s'"#, #"str "q\"""#, "str ''", #"str """#])
    }

    @Test func cookedValues() {
        let source = #"'plain' "a\nb\tc" '\x41\u0042\u{43}\u{1F600}' '\0' '\101\7\08' '\8\9' 'a\"#
            + "\n" + #"b' '\uD83D\uDE00' '\q' "\r\n""#
        let (t, b) = tokens(source)
        #expect(t.map { JSTokenizer.cookedValue(of: $0, in: b) } ==
                ["plain", "a\nb\tc", "ABC😀", "\0", "A\u{7}\u{0}8", "89", "ab", "😀", "q", "\r\n"])
        #expect(t.map { $0.flags.contains(.hasEscapes) } == [false, true, true, true, true, true, true, true, true, true])
    }

    @Test func lineContinuationsAndSeparators() {
        let (t, b) = tokens("'a\\\r\nb' 'x\u{2028}y' 'c\\\u{2029}d'")
        #expect(t.count == 3)
        #expect(t.map { JSTokenizer.cookedValue(of: $0, in: b) } == ["ab", "x\u{2028}y", "cd"])
    }

    @Test func invalidEscapesHaveNoCookedValue() {
        let (t, b) = tokens(#"'\x4' '\u12' '\u{110000}'"#)
        #expect(t.count == 3)
        #expect(t.map { JSTokenizer.cookedValue(of: $0, in: b) } == [nil, nil, nil])
    }

    @Test func loneSurrogateBecomesReplacement() {
        let (t, b) = tokens(#"'\uD800x'"#)
        #expect(JSTokenizer.cookedValue(of: t[0], in: b) == "\u{FFFD}x")
    }

    @Test func unterminatedStrings() {
        let (t, b) = tokens("x = 'abc\ny = \"d")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["x", "=", "'abc", "y", "=", "\"d"])
        #expect(t[2].flags.contains(.unterminated) && t[5].flags.contains(.unterminated))
        #expect(t[3].flags.contains(.newlineBefore))
        #expect(JSTokenizer.cookedValue(of: t[2], in: b) == nil)
    }
}

@Suite struct JSTemplateTests {
    @Test func noSubstitution() {
        let (t, b) = tokens("`a\\n${'{'}` `x\r\ny` `plain`")
        #expect(t.map(\.kind) == [.templateHead, .string, .templateTail, .template, .template])
        #expect(JSTokenizer.cookedValue(of: t[3], in: b) == "x\ny")
        #expect(JSTokenizer.cookedValue(of: t[4], in: b) == "plain")
        #expect(JSTokenizer.cookedValue(of: t[0], in: b) == "a\n")
    }

    @Test func substitutionsAndNesting() {
        #expect(lex("`a${b}c${d}e`") == ["head `a${", "id b", "mid }c${", "id d", "tail }e`"])
        #expect(lex("`a${`b${c}`}`") == ["head `a${", "head `b${", "id c", "tail }`", "tail }`"])
    }

    @Test func bracesInsideSubstitutions() {
        #expect(lex("`${{a:1}.a}x${() => { return {b} }}`") ==
                ["head `${", "p {", "id a", "p :", "num 1", "p }", "p .", "id a", "mid }x${", "p (", "p )", "p =>",
                 "p {", "kw return", "p {", "id b", "p }", "p }", "tail }`"])
        #expect(lex("`${ {} }`/2") == ["head `${", "p {", "p }", "tail }`", "p /", "num 2"])
    }

    @Test func invalidEscapeInTemplateHasNoCookedValue() {
        let (t, b) = tokens(#"`\01` `\8` `\0`"#)
        #expect(t.map { JSTokenizer.cookedValue(of: $0, in: b) } == [nil, nil, "\0"])
    }

    @Test func unterminatedTemplates() {
        let (t, b) = tokens("`abc${x")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["`abc${", "x"])
        let (u, c) = tokens("`abc${x}def")
        #expect(u.map { JSTokenizer.text(of: $0, in: c) } == ["`abc${", "x", "}def"])
        #expect(u[2].kind == .templateTail && u[2].flags.contains(.unterminated))
        #expect(JSTokenizer.cookedValue(of: u[2], in: c) == nil)
    }
}

@Suite struct JSRegexDivisionTests {
    @Test(arguments: [
        ("a = b / c / d", ["id a", "p =", "id b", "p /", "id c", "p /", "id d"]),
        ("x = /=/g", ["id x", "p =", "re /=/g"]),
        ("a /= 2", ["id a", "p /=", "num 2"]),
        ("if (a) /re/.test(b)", ["kw if", "p (", "id a", "p )", "re /re/", "p .", "id test", "p (", "id b", "p )"]),
        ("while(x)/a/g.exec(s)", ["kw while", "p (", "id x", "p )", "re /a/g", "p .", "id exec", "p (", "id s", "p )"]),
        ("for(;;)/a/", ["kw for", "p (", "p ;", "p ;", "p )", "re /a/"]),
        ("with(o)/a/", ["kw with", "p (", "id o", "p )", "re /a/"]),
        ("f(a) / 2", ["id f", "p (", "id a", "p )", "p /", "num 2"]),
        ("if (f(a) / 2) /b/", ["kw if", "p (", "id f", "p (", "id a", "p )", "p /", "num 2", "p )", "re /b/"]),
        ("{}\n/foo/g", ["p {", "p }", "re /foo/g"]),
        ("x = {}\n/foo/g", ["id x", "p =", "p {", "p }", "p /", "id foo", "p /", "id g"]),
        ("function f(){}/a/", ["kw function", "id f", "p (", "p )", "p {", "p }", "re /a/"]),
        ("a++ / 2", ["id a", "p ++", "p /", "num 2"]),
        ("a-- / 2", ["id a", "p --", "p /", "num 2"]),
        ("`${a}`/2", ["head `${", "id a", "tail }`", "p /", "num 2"]),
        ("return /x/", ["kw return", "re /x/"]),
        ("yield /x/", ["id yield", "re /x/"]),
        ("await /x/", ["id await", "re /x/"]),
        ("typeof /x/", ["kw typeof", "re /x/"]),
        ("x = y => /z/", ["id x", "p =", "id y", "p =>", "re /z/"]),
        ("[/]/]", ["p [", "re /]/", "p ]"]),
        ("x = /[/]/", ["id x", "p =", "re /[/]/"]),
        ("x = /a\\/b/", ["id x", "p =", "re /a\\/b/"]),
        ("x = /[\\]/]/u", ["id x", "p =", "re /[\\]/]/u"]),
        ("a\n/b/g", ["id a", "p /", "id b", "p /", "id g"]),
        ("a[0] / 2", ["id a", "p [", "num 0", "p ]", "p /", "num 2"]),
        ("1 / 2", ["num 1", "p /", "num 2"]),
        ("'s' / 2", ["str 's'", "p /", "num 2"]),
        ("this / 2", ["kw this", "p /", "num 2"]),
        ("x.return / 2", ["id x", "p .", "id return", "p /", "num 2"]),
        ("case /x/:", ["kw case", "re /x/", "p :"]),
        ("do /x/.exec(a); while(0)", ["kw do", "re /x/", "p .", "id exec", "p (", "id a", "p )", "p ;", "kw while",
                                     "p (", "num 0", "p )"]),
        ("else /x/", ["kw else", "re /x/"]),
        ("a in /x/", ["id a", "kw in", "re /x/"]),
        ("for (x of /a/g.y) ;", ["kw for", "p (", "id x", "id of", "re /a/g", "p .", "id y", "p )", "p ;"]),
        ("x = a ? /b/ : /c/", ["id x", "p =", "id a", "p ?", "re /b/", "p :", "re /c/"]),
        ("f(/a/, /b/)", ["id f", "p (", "re /a/", "p ,", "re /b/", "p )"]),
        ("!/a/.test(b)", ["p !", "re /a/", "p .", "id test", "p (", "id b", "p )"]),
        ("x = /a/dgimsuyv", ["id x", "p =", "re /a/dgimsuyv"]),
        ("for await (x of y) /r/", ["kw for", "id await", "p (", "id x", "id of", "id y", "p )", "re /r/"]),
        ("x = {a: {}} / 2", ["id x", "p =", "p {", "id a", "p :", "p {", "p }", "p }", "p /", "num 2"]),
        ("switch(x){case 1:{}/a/}", ["kw switch", "p (", "id x", "p )", "p {", "kw case", "num 1", "p :", "p {",
                                     "p }", "re /a/", "p }"]),
        ("x = a ? {} / 2 : 1", ["id x", "p =", "id a", "p ?", "p {", "p }", "p /", "num 2", "p :", "num 1"]),
        ("l: {}/a/", ["id l", "p :", "p {", "p }", "re /a/"]),
        ("`${/a/.test(b)}${/c/}`", ["head `${", "re /a/", "p .", "id test", "p (", "id b", "p )", "mid }${", "re /c/",
                                    "tail }`"]),
        ("x = function(){} / 2", ["id x", "p =", "kw function", "p (", "p )", "p {", "p }", "p /", "num 2"]),
        ("x = class{} / 2", ["id x", "p =", "kw class", "p {", "p }", "p /", "num 2"]),
        ("f(function(a = {}){ if(a){} }/2)", ["id f", "p (", "kw function", "p (", "id a", "p =", "p {", "p }", "p )",
                                               "p {", "kw if", "p (", "id a", "p )", "p {", "p }", "p }", "p /",
                                               "num 2", "p )"]),
        ("class A extends B{}/a/", ["kw class", "id A", "kw extends", "id B", "p {", "p }", "re /a/"]),
        ("x = () => {}\n/a/", ["id x", "p =", "p (", "p )", "p =>", "p {", "p }", "re /a/"]),
    ])
    func regexOrDivision(source: String, expected: [String]) {
        #expect(lex(source) == expected)
    }

    @Test func unterminatedRegex() {
        let (t, b) = tokens("x = /abc\ny")
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["x", "=", "/abc", "y"])
        #expect(t[2].kind == .regex && t[2].flags.contains(.unterminated))
    }
}

@Suite struct JSPunctuatorTests {
    @Test func longestMatch() {
        #expect(lex("a ??= b **= c >>>= d &&= e ||= f => ... ?. >>> >>= << <<= === !== ** ++ --") ==
                ["id a", "p ??=", "id b", "p **=", "id c", "p >>>=", "id d", "p &&=", "id e", "p ||=", "id f",
                 "p =>", "p ...", "p ?.", "p >>>", "p >>=", "p <<", "p <<=", "p ===", "p !==", "p **", "p ++",
                 "p --"])
    }

    @Test func optionalChainingVersusConditionalDecimal() {
        #expect(lex("a?.b") == ["id a", "p ?.", "id b"])
        #expect(lex("a?.5:1") == ["id a", "p ?", "num .5", "p :", "num 1"])
        #expect(lex("a?.[0]") == ["id a", "p ?.", "p [", "num 0", "p ]"])
    }

    @Test func everyPunctuatorRoundTrips() {
        for p in JSPunctuator.allCases where p != .slash && p != .slashAssign {
            let (t, _) = tokens("a \(p.text) b")
            #expect(t.count == 3)
            #expect(t[1].punctuator == p)
        }
        let (t, _) = tokens("a / b /= c")
        #expect(t[1].punctuator == .slash && t[3].punctuator == .slashAssign)
    }

    @Test func strayCharacters() {
        let (t, b) = tokens("a @ b \\ c \u{A7}")
        #expect(t.map { "\(shortName($0.kind)) \(JSTokenizer.text(of: $0, in: b))" } ==
                ["id a", "inv @", "id b", "inv \\", "id c", "inv \u{A7}"])
    }
}

@Suite struct JSCommentTests {
    @Test func commentsKeptOrSkipped() {
        let source = "a // line\n/* block */ b /* multi\nline */ c"
        #expect(lex(source) == ["id a", "id b", "id c"])
        #expect(lex(source, comments: true) ==
                ["id a", "lc // line", "bc /* block */", "id b", "bc /* multi\nline */", "id c"])
        let (t, _) = tokens(source)
        #expect(t.map { $0.flags.contains(.newlineBefore) } == [false, true, true])
    }

    @Test func htmlLikeComments() {
        #expect(lex("x = 1 <!-- comment\n--> also\n  /* c */ --> too\ny-->0", comments: true) ==
                ["id x", "p =", "num 1", "html <!-- comment", "html --> also", "bc /* c */", "html --> too",
                 "id y", "p --", "p >", "num 0"])
        #expect(lex("--> at start", comments: true) == ["html --> at start"])
        #expect(lex("a /*\n*/ --> x", comments: true) == ["id a", "bc /*\n*/", "html --> x"])
    }

    @Test func hashbang() {
        #expect(lex("#!/usr/bin/env node\nx", comments: true) == ["hb #!/usr/bin/env node", "id x"])
        #expect(lex("#!/usr/bin/env node\nx") == ["id x"])
        #expect(lex(" #!x") == ["inv #", "p !", "id x"])
    }

    @Test func unterminatedBlockComment() {
        let (t, b) = tokens("a /* never", comments: true)
        #expect(t.map { JSTokenizer.text(of: $0, in: b) } == ["a", "/* never"])
        #expect(t[1].flags.contains(.unterminated))
    }

    @Test func lineTerminators() {
        let (t, _) = tokens("a\rb\r\nc\u{2028}d\u{2029}e // x\u{2028}f")
        #expect(t.count == 6)
        #expect(t.map { $0.flags.contains(.newlineBefore) } == [false, true, true, true, true, true])
    }
}

@Suite struct JSMinifiedShapeTests {
    @Test func capacitorVite() {
        #expect(lex(#"const Lo=ld("Camera",{web:()=>new Y$})"#) ==
                ["kw const", "id Lo", "p =", "id ld", "p (", #"str "Camera""#, "p ,", "p {", "id web", "p :", "p (",
                 "p )", "p =>", "kw new", "id Y$", "p }", "p )"])
    }

    @Test func webpack5RegisterPlugin() {
        #expect(lex(#"(0,A.registerPlugin)("Geolocation",{web:()=>e.A(76340).then(e=>new e.GeolocationWeb)})"#) ==
                ["p (", "num 0", "p ,", "id A", "p .", "id registerPlugin", "p )", "p (", #"str "Geolocation""#,
                 "p ,", "p {", "id web", "p :", "p (", "p )", "p =>", "id e", "p .", "id A", "p (", "num 76340",
                 "p )", "p .", "id then", "p (", "id e", "p =>", "kw new", "id e", "p .", "id GeolocationWeb", "p )",
                 "p }", "p )"])
    }

    @Test func reactRouterJSX() {
        #expect(lex(#"u.jsx(yc,{path:"/auth",element:u.jsx(I4,{})})"#) ==
                ["id u", "p .", "id jsx", "p (", "id yc", "p ,", "p {", "id path", "p :", #"str "/auth""#, "p ,",
                 "id element", "p :", "id u", "p .", "id jsx", "p (", "id I4", "p ,", "p {", "p }", "p )", "p }",
                 "p )"])
    }

    @Test func esbuildDynamicImport() {
        #expect(lex(#"var App = registerPlugin("App", { web: () => import("./web-7BG4A6LK.js").then((m) => new m.AppWeb()) });"#) ==
                ["kw var", "id App", "p =", "id registerPlugin", "p (", #"str "App""#, "p ,", "p {", "id web", "p :",
                 "p (", "p )", "p =>", "kw import", "p (", #"str "./web-7BG4A6LK.js""#, "p )", "p .", "id then", "p (",
                 "p (", "id m", "p )", "p =>", "kw new", "id m", "p .", "id AppWeb", "p (", "p )", "p )", "p }", "p )",
                 "p ;"])
    }

    @Test func webpack4AndComputedGlobals() {
        #expect(lex(#"Object(i["b"])("App",{});window["ev"+"al"](s)"#) ==
                ["id Object", "p (", "id i", "p [", #"str "b""#, "p ]", "p )", "p (", #"str "App""#, "p ,", "p {", "p }",
                 "p )", "p ;", "id window", "p [", #"str "ev""#, "p +", #"str "al""#, "p ]", "p (", "id s", "p )"])
    }

    @Test func metroModule() {
        #expect(lex("__d((function(g,r,i,a,m,e,d){e.x=r(d[0])/2}),2,[3]);") ==
                ["id __d", "p (", "p (", "kw function", "p (", "id g", "p ,", "id r", "p ,", "id i", "p ,", "id a",
                 "p ,", "id m", "p ,", "id e", "p ,", "id d", "p )", "p {", "id e", "p .", "id x", "p =", "id r",
                 "p (", "id d", "p [", "num 0", "p ]", "p )", "p /", "num 2", "p }", "p )", "p ,", "num 2", "p ,",
                 "p [", "num 3", "p ]", "p )", "p ;"])
    }
}

@Suite struct JSRobustnessTests {
    @Test func deepTemplateNesting() {
        let depth = 100_000
        let source = String(repeating: "`${", count: depth) + "x" + String(repeating: "}`", count: depth)
        let (t, _) = tokens(source)
        #expect(t.count == 2 * depth + 1)
        #expect(t.first?.kind == .templateHead && t.last?.kind == .templateTail)
        #expect(t.filter { $0.kind == .templateTail }.count == depth)
    }

    @Test func deepBracketNesting() {
        let depth = 100_000
        let source = String(repeating: "([{", count: depth) + String(repeating: "}])", count: depth) + "/x/"
        let (t, _) = tokens(source)
        #expect(t.count == 6 * depth + 3)
        // The outermost `)` is an ordinary paren: division follows.
        #expect(t.suffix(3).map(\.kind) == [.punctuator, .identifier, .punctuator])
    }

    @Test func denseInputKeepsItsOrder() {
        // One token per byte, the densest input there is.
        let source = String(repeating: "(", count: 300) + String(repeating: ")", count: 300)
        let (t, _) = tokens(source)
        #expect(t.count == 600)
        #expect(t.map(\.start) == (0..<600).map { UInt32($0) })
        #expect(t.prefix(300).allSatisfy { $0.isPunctuator(.leftParen) })
        #expect(t.suffix(300).allSatisfy { $0.isPunctuator(.rightParen) })
    }

    /// Past the 16 M tokens reserved up front, tokens continue in the overflow array, in order.
    @Test func moreTokensThanTheReservationContinueInOrder() {
        let count = (1 << 24) + 40
        let bytes = [UInt8](repeating: UInt8(ascii: ";"), count: count - 1) + [UInt8(ascii: "x")]
        let t = JSTokenizer.tokenize(bytes)
        #expect(t.count == count)
        #expect(t[(1 << 24) + 15].start == UInt32((1 << 24) + 15))
        #expect(t[(1 << 24) + 16].start == UInt32((1 << 24) + 16))
        #expect(t.last?.kind == .identifier && t.last?.start == UInt32(count - 1))
        #expect(t.dropLast().allSatisfy { $0.isPunctuator(.semicolon) })
    }

    /// The main loop stops while there is room for its next step, so that it stores tokens
    /// without a test; past the reservation the tokens go through a scratch buffer that is
    /// emptied whenever it fills. Tiny reservations and scratch buffers give the same tokens
    /// (comments kept or not) and the same marks as one run with room for everything.
    @Test func tinyReservationsGiveTheSameTokensAndMarks() {
        let source = "/*c*/--> x\n#!no\n a.b?.c(`t${d}e`, /re/g, 'str', 0x1F, ...f) // end\n"
            + "if (a) /x/.test(b); else { c = d / e } <!-- old\n x.y = `${`${1}`}`; eval(z.w);"
        let bytes = Array(source.utf8)
        for keepComments in [false, true] {
            let options = JSTokenizer.Options(keepComments: keepComments)
            let whole = JSTokenizer.tokenize(bytes, options: options)
            // `-->` after nothing but a comment is a comment too.
            #expect(whole.first?.kind == (keepComments ? .blockComment : .invalid))
            #expect(whole.filter { $0.kind == .htmlComment }.count == (keepComments ? 2 : 0))
            #expect(whole.first { !$0.isTrivia }?.start == 11)
            for reserve in 1...6 {
                for scratch in 1...4 {
                    let t = bytes.withUnsafeBufferPointer {
                        JSTokenizer.tokenize($0, range: nil, options: options, reserve: reserve, scratch: scratch)
                    }
                    #expect(t == whole, "reserve \(reserve), scratch \(scratch)")
                }
            }
        }
        var masks = [UInt64](repeating: 0, count: 256)
        for c in "abcdexyz" { masks[Int(c.asciiValue!)] = 1 << 1 }
        masks[Int(UInt8(ascii: "e"))] |= 1 << 4
        let interest = JSTokenInterest(wordMasks: masks, punctuators: UInt64(1) << UInt64(JSPunctuator.dot.rawValue))
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: interest) }
        #expect(marked.count > 10)
        for reserve in [1, 2, 5, 9] {
            for scratch in [1, 3, 7] {
                let (t, m) = bytes.withUnsafeBufferPointer {
                    JSTokenizer.tokenize($0, range: nil, marking: interest, reserve: reserve, scratch: scratch)
                }
                #expect(t == tokens && m == marked, "reserve \(reserve), scratch \(scratch)")
            }
        }
    }

    @Test func invalidUTF8() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x22, 0xE2, 0x82, 0x41, 0xF0, 0x9F, 0x98]
        let t = JSTokenizer.tokenize(bytes)
        #expect(t.map(\.kind) == [.identifier, .invalid, .identifier, .invalid, .string])
        #expect(t.map(\.range) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<11])
        #expect(t[4].flags.contains(.unterminated))
    }

    @Test func stringWithInvalidUTF8HasRepairedCookedValue() {
        let bytes: [UInt8] = [0x27, 0x61, 0xFF, 0x5C, 0x6E, 0x27]
        let t = JSTokenizer.tokenize(bytes)
        #expect(JSTokenizer.cookedValue(of: t[0], in: bytes) == "a\u{FFFD}\n")
    }

    @Test func strayClosersDoNotUnbalance() {
        #expect(lex(") ] } /a/") == ["p )", "p ]", "p }", "re /a/"])
        #expect(lex("`${(}`/2") == ["head `${", "p (", "tail }`", "p /", "num 2"])
    }
}

@Suite struct JSSubRangeTests {
    @Test func inlineScriptKeepsHostOffsets() {
        let html = Array("<p>hi</p><script>let a = /x/;</script>".utf8)
        let start = 17, end = 29
        let t = JSTokenizer.tokenize(html, range: start..<end)
        #expect(t.map { JSTokenizer.text(of: $0, in: html) } == ["let", "a", "=", "/x/", ";"])
        #expect(t.map(\.start) == [17, 21, 23, 25, 28])
        let table = LineTable(html)
        #expect(table.position(of: Int(t[3].start)) == (1, 26))
    }

    @Test func rangeIsClamped() {
        let bytes = Array("abc".utf8)
        #expect(JSTokenizer.tokenize(bytes, range: 1..<10).map(\.range) == [1..<3])
        #expect(JSTokenizer.tokenize(bytes, range: 5..<10) == [])
    }
}

@Suite struct TokenDumpTests {
    @Test func jsonLines() {
        let source = Array("x = \"a\\\"é\"\n  // c\n/re/g\u{1F600}y".utf8)
        let dump = TokenDump.jsonLines(source: source)
        #expect(dump == """
            {"kind":"identifier","start":0,"end":1,"line":1,"col":1,"text":"x"}
            {"kind":"punctuator","start":2,"end":3,"line":1,"col":3,"text":"="}
            {"kind":"string","start":4,"end":11,"line":1,"col":5,"text":"\\"a\\\\\\"é\\"","flags":["hasEscapes"]}
            {"kind":"lineComment","start":14,"end":18,"line":2,"col":3,"text":"// c","flags":["newlineBefore"]}
            {"kind":"punctuator","start":19,"end":20,"line":3,"col":1,"text":"/","flags":["newlineBefore"]}
            {"kind":"identifier","start":20,"end":22,"line":3,"col":2,"text":"re"}
            {"kind":"punctuator","start":22,"end":23,"line":3,"col":4,"text":"/"}
            {"kind":"identifier","start":23,"end":24,"line":3,"col":5,"text":"g"}
            {"kind":"invalid","start":24,"end":28,"line":3,"col":6,"text":"😀"}
            {"kind":"identifier","start":28,"end":29,"line":3,"col":8,"text":"y"}

            """)
    }

    @Test func controlCharactersAndInvalidUTF8AreEscaped() {
        let source: [UInt8] = [0x27, 0x01, 0x09, 0xFF, 0x27]
        #expect(TokenDump.jsonLines(source: source) ==
                "{\"kind\":\"string\",\"start\":0,\"end\":5,\"line\":1,\"col\":1,\"text\":\"'\\u0001\\t\u{FFFD}'\"}\n")
    }

    @Test func streamsInChunksOfWholeLines() {
        let source = Array(String(repeating: "a;", count: 5000).utf8)
        var chunks: [String] = []
        TokenDump.writeJSONLines(source: source, chunkSize: 4096) { chunks.append($0) }
        #expect(chunks.count > 10)
        #expect(chunks.allSatisfy { $0.hasSuffix("}\n") })
        #expect(chunks.joined().split(separator: "\n").count == 10_000)
    }
}
