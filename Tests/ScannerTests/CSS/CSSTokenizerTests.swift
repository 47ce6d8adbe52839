import Testing
@testable import LivegateScanner

/// `kind(text)` per token, for exact comparisons.
private func kinds(_ css: String) -> [String] {
    let t = CSSTokenizer(bytes: Array(css.utf8))
    return t.tokenize().map { "\($0.kind.name)(\(t.text(of: $0)))" }
}

private func tokens(_ css: String) -> (CSSTokenizer, [CSSToken]) {
    let t = CSSTokenizer(bytes: Array(css.utf8))
    return (t, t.tokenize())
}

@Test func everySimpleTokenType() {
    #expect(kinds("a{b:c;d,e}[x](y)<!-- -->") == [
        "ident(a)", "{({)", "ident(b)", "colon(:)", "ident(c)", "semicolon(;)", "ident(d)", "comma(,)",
        "ident(e)", "}(})", "[([)", "ident(x)", "](])", "((()", "ident(y)", ")())", "CDO(<!--)",
        "whitespace( )", "CDC(-->)",
    ])
}

@Test func functionsAtKeywordsHashes() {
    let (t, toks) = tokens("@media #id #1x rgb(")
    #expect(toks.map(\.kind) == [.atKeyword, .whitespace, .hash, .whitespace, .hash, .whitespace, .function])
    #expect(t.name(of: toks[0]) == "media")
    #expect(toks[2].isIDHash == true)
    #expect(t.name(of: toks[2]) == "id")
    #expect(toks[4].isIDHash == false)
    #expect(t.name(of: toks[4]) == "1x")
    #expect(t.name(of: toks[6]) == "rgb")
}

@Test func numbersPercentagesDimensions() {
    let (t, toks) = tokens("+.5e-3 1e 12px 50% -7 1.0 --custom 3e+2em")
    let significant = toks.filter { $0.kind != .whitespace }
    #expect(significant.map(\.kind) == [.number, .dimension, .dimension, .percentage, .number, .number, .ident, .dimension])
    #expect(t.numericValue(of: significant[0]) == 0.0005)
    #expect(significant[0].isInteger == false)
    #expect(t.numericValue(of: significant[1]) == 1)
    #expect(t.name(of: significant[1]) == "e")
    #expect(significant[1].isInteger == true)
    #expect(t.name(of: significant[2]) == "px")
    #expect(t.numericValue(of: significant[3]) == 50)
    #expect(t.numericValue(of: significant[4]) == -7)
    #expect(significant[4].isInteger == true)
    #expect(significant[5].isInteger == false)
    #expect(t.name(of: significant[6]) == "--custom")
    #expect(t.numericValue(of: significant[7]) == 300)
    #expect(t.name(of: significant[7]) == "em")
}

@Test func delims() {
    #expect(kinds("+ - . < @ # \\\n!") == [
        "delim(+)", "whitespace( )", "delim(-)", "whitespace( )", "delim(.)", "whitespace( )", "delim(<)",
        "whitespace( )", "delim(@)", "whitespace( )", "delim(#)", "whitespace( )", "delim(\\)", "whitespace(\n)", "delim(!)",
    ])
}

@Test func stringsAndBadStrings() {
    let (t, toks) = tokens("'a\\'b' \"x\ny \"c\\\nd\" 'eof")
    #expect(toks.map(\.kind) == [.string, .whitespace, .badString, .whitespace, .ident, .whitespace, .string, .whitespace, .string])
    #expect(t.value(of: toks[0]) == "a'b")
    #expect(t.text(of: toks[2]) == "\"x")
    #expect(t.value(of: toks[2]) == "x")
    #expect(t.value(of: toks[6]) == "cd")
    #expect(t.value(of: toks[8]) == "eof")
    #expect(toks[8].isUnclosed == true)
}

@Test func urlTokensAndFunctions() {
    let (t, toks) = tokens("url(a.png) url( \"x\" ) URL(  b c ) url( d.png  ) url(e\"f) url(g\\)h) url(i")
    #expect(toks.map { "\($0.kind.name)(\(t.text(of: $0)))" } == [
        "url(url(a.png))", "whitespace( )",
        "function(url()", "whitespace( )", "string(\"x\")", "whitespace( )", ")())", "whitespace( )",
        "bad-url(URL(  b c ))", "whitespace( )",
        "url(url( d.png  ))", "whitespace( )",
        "bad-url(url(e\"f))", "whitespace( )",
        "url(url(g\\)h))", "whitespace( )",
        "url(url(i)",
    ])
    #expect(t.value(of: toks[0]) == "a.png")
    #expect(t.name(of: toks[2]) == "url")
    #expect(t.value(of: toks[10]) == "d.png")
    #expect(t.value(of: toks[14]) == "g)h")
    #expect(t.value(of: toks[16]) == "i")
    #expect(toks[16].isUnclosed == true)
}

@Test func escapes() {
    let (t, toks) = tokens("\\31 0 a\\\nb \\")
    // `\31 ` is "1" and the space is part of the escape, so the ident is "10".
    #expect(toks.map(\.kind) == [.ident, .whitespace, .ident, .delim, .whitespace, .ident, .whitespace, .ident])
    #expect(t.name(of: toks[0]) == "10")
    #expect(t.text(of: toks[0]) == "\\31 0")
    #expect(t.name(of: toks[2]) == "a")
    #expect(t.name(of: toks[5]) == "b")
    // `\` at EOF is a valid escape: U+FFFD.
    #expect(t.name(of: toks[7]) == "\u{FFFD}")
    let (u, more) = tokens("\\0  \\110000  \\D800  \\41x \\e9t\\C9")
    let names = more.filter { $0.kind == .ident }.map { u.name(of: $0) }
    #expect(names == ["\u{FFFD}", "\u{FFFD}", "\u{FFFD}", "Ax", "étÉ"])
}

@Test func commentsAndPreprocessing() {
    let (t, toks) = tokens("a/* x */b\r\n\u{0C}c\u{0}d /* open")
    #expect(toks.map(\.kind) == [.ident, .comment, .ident, .whitespace, .ident, .whitespace, .comment])
    #expect(t.text(of: toks[3]) == "\r\n\u{0C}")
    #expect(t.name(of: toks[4]) == "c\u{FFFD}d")
    #expect(toks[6].isUnclosed == true)
    #expect(toks[6].end == 23)
}

@Test func stringEscapedCRLFAndUnicodeRangeish() {
    let (t, toks) = tokens("'a\\\r\nb' U+0025-00FF u+4??")
    #expect(t.value(of: toks[0]) == "ab")
    #expect(toks.map { "\($0.kind.name)(\(t.text(of: $0)))" } == [
        "string('a\\\r\nb')", "whitespace( )", "ident(U)", "number(+0025)", "dimension(-00FF)",
        "whitespace( )", "ident(u)", "number(+4)", "delim(?)", "delim(?)",
    ])
}

@Test func urlNameWithEscapeAndNonASCII() {
    let (t, toks) = tokens("u\\72l(x) é{ }")
    #expect(toks[0].kind == .url)
    #expect(t.value(of: toks[0]) == "x")
    #expect(toks[2].kind == .ident)
    #expect(t.name(of: toks[2]) == "é")
}

@Test func tokensCoverInputWithinARange() {
    let bytes = Array("<style>a{color:red}</style>".utf8)
    let t = CSSTokenizer(bytes: bytes, range: 7..<19)
    let toks = t.tokenize()
    #expect(toks.first?.start == 7)
    #expect(toks.last?.end == 19)
    #expect(toks.count == 6)
}
