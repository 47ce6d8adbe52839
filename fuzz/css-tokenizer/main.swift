// libFuzzer target: the CSS tokenizer and extractor. Built by fuzz/run-html-css.sh.
// Invariants: tokens are non-empty, contiguous and cover the input (or the sub-range asked
// for) exactly; every value decodes; every fact's range lies in the input.

func checkTokens(_ bytes: [UInt8], _ range: Range<Int>) {
    let t = CSSTokenizer(bytes: bytes, range: range)
    var position = range.lowerBound
    t.forEachToken { token in
        precondition(token.start == position, "gap or overlap at \(position)")
        precondition(token.end > token.start, "empty token at \(position)")
        precondition(token.end <= range.upperBound, "token past the end")
        precondition(token.unitStart >= token.start && token.unitStart <= token.end, "unit outside token")
        _ = t.name(of: token)
        _ = t.value(of: token)
        _ = t.numericValue(of: token)
        _ = t.nameMatches(token, "url")
        position = token.end
    }
    precondition(position == range.upperBound, "tokens end at \(position), input at \(range.upperBound)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkTokens(bytes, 0..<size)
    checkTokens(bytes, (size / 3)..<(2 * size / 3))
    let result = CSSScanner.scan(BundleFile(path: "a/b.css", bytes: bytes, sha256: "", kind: .css))
    for f in result.facts {
        precondition(f.location.byteStart >= 0 && f.location.byteStart <= f.location.byteEnd && f.location.byteEnd <= size, "fact range")
        precondition(f.location.line >= 1 && f.location.column >= 1, "fact position")
    }
    var out = 0
    CSSTokenDump.writeJSONLines(source: bytes) { out += $0.utf8.count }
    return 0
}
