// libFuzzer target for the JavaScript tokenizer. Built by fuzz/run-js-tokenizer.sh together
// with Sources/Scanner/JavaScript/*.swift and Sources/Scanner/Text/LineTable.swift (one
// module, so internal helpers are visible). Checks invariants, not just "does not crash".

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let all = JSTokenizer.tokenize(bytes, options: .init(keepComments: true))

    // Tokens are non-empty, in order, non-overlapping, within bounds; every byte outside them
    // is white space or a line terminator.
    var covered = 0
    for t in all {
        precondition(t.length > 0, "empty token")
        precondition(Int(t.start) >= covered, "tokens overlap or are out of order")
        precondition(t.end <= size, "token past the end")
        checkWhitespace(bytes, from: covered, to: Int(t.start))
        covered = t.end
        switch t.kind {
        case .punctuator:
            precondition(t.punctuator != nil, "punctuator without id")
            precondition(JSTokenizer.text(of: t, in: bytes) == t.punctuator!.text, "punctuator text")
        case .keyword:
            precondition(t.keyword?.isReserved == true, "keyword without reserved id")
        case .string, .template, .templateHead, .templateMiddle, .templateTail:
            _ = JSTokenizer.cookedValue(of: t, in: bytes)
            if !t.flags.contains(.hasEscapes) && !t.flags.contains(.unterminated) {
                precondition(JSTokenizer.cookedValue(of: t, in: bytes) != nil, "plain literal without value")
            }
        case .identifier, .privateName:
            precondition(JSTokenizer.identifierName(of: t, in: bytes) != nil, "identifier without name")
        default:
            break
        }
    }
    checkWhitespace(bytes, from: covered, to: size)

    // Skipping comments drops exactly the trivia tokens.
    let significant = JSTokenizer.tokenize(bytes)
    precondition(significant == all.filter { !$0.isTrivia }, "comment skipping changes the stream")

    // Marking (every word of any length, every punctuator before any byte, keyword rows, the
    // string table) changes no token, and marks ascending indices of words, punctuators,
    // strings and templates.
    let (markedTokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: fuzzInterest) }
    precondition(markedTokens == significant, "marking changes the stream")
    precondition(zip(marked, marked.dropFirst()).allSatisfy { $0 < $1 }, "marks out of order")
    for m in marked {
        precondition(Int(m) < markedTokens.count, "mark past the tokens")
        let kind = markedTokens[Int(m)].kind
        precondition([.identifier, .keyword, .punctuator, .string, .template].contains(kind), "marked \(kind)")
    }

    // Tiny reservations and scratch buffers (the main loop stores without a room test, so
    // a step that emits more tokens than `tokensPerStep` would write past them: ASan reports
    // it) give the same tokens and marks.
    let reserve = 1 + size % 5, scratch = 1 + size % 3
    let tiny = bytes.withUnsafeBufferPointer {
        JSTokenizer.tokenize($0, range: nil, options: .init(keepComments: true), reserve: reserve, scratch: scratch)
    }
    precondition(tiny == all, "a tiny reservation changes the stream")
    let (tinyMarked, tinyMarks) = bytes.withUnsafeBufferPointer {
        JSTokenizer.tokenize($0, range: nil, marking: fuzzInterest, reserve: reserve, scratch: scratch)
    }
    precondition(tinyMarked == significant && tinyMarks == marked, "a tiny reservation changes the marks")

    // A sub-range keeps absolute offsets and stays inside the range.
    if size > 2 {
        let range = 1..<(size - 1)
        for t in JSTokenizer.tokenize(bytes, range: range) {
            precondition(range.contains(Int(t.start)) && t.end <= range.upperBound, "token outside its range")
        }
    }

    if size < 512 {
        var lines = 0
        TokenDump.writeJSONLines(source: bytes, chunkSize: 256) { chunk in
            lines += chunk.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        precondition(lines == all.count, "one dump line per token")
    }
    return 0
}

func checkWhitespace(_ bytes: [UInt8], from: Int, to: Int) {
    var i = from
    bytes.withUnsafeBufferPointer { b in
        let p = b.baseAddress!
        while i < to {
            let c = p[i]
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                i += 1
                continue
            }
            let (s, n) = JSChar.decode(p, i, to)
            precondition(c >= 0x80 && s != nil
                         && (JSChar.isNonASCIIWhitespace(s!) || JSChar.isLineSeparator(s!)),
                         "byte \(i) is neither covered by a token nor white space")
            i += n
        }
    }
}

/// Wants every word and punctuator, and (with a string table holding one prefix) the strings
/// whose text starts with `/` or that have escapes.
let fuzzInterest: JSTokenInterest = {
    var first = [(low: UInt64, high: UInt64)](repeating: (0, 0), count: 256)
    first[Int(UInt8(ascii: "/"))] = (1, 0)
    let strings = JSStringInterest(first: first, last: [(low: UInt64, high: UInt64)](repeating: (~0, ~0), count: 256),
                                   gated: (0, 0), shortestGatedWord: 0, empty: (0, 0))
    return JSTokenInterest(wordMasks: [UInt64](repeating: ~0, count: 256), punctuators: ~0,
                           keywordFollowers: [.this: [UInt8(ascii: ",")]], strings: strings)
}()
