import Foundation
import LivegateScanner

/// `livegate-bench skeleton FILE [N]`: how fast the other design for dense minified code could
/// be at most. The tokenizer pays for one data-dependent jump per token; a table-driven automaton
/// pays for none: one table load per byte whose result is the next state, with token starts
/// written unconditionally and the output index advanced by a flag (as in fast CSV and JSON
/// scanners). Its speed does not depend on how often the token kind changes, only on the load
/// latency of that one chain.
///
/// This is a skeleton of such a tokenizer, not one. The automaton knows names, numbers, white
/// space, comments, and strings and templates with escapes (templates without substitutions);
/// every other byte is a one-byte token: no `===`, no regex literals, no brackets' state. A
/// second pass turns the starts into 12-byte tokens with a keyword lookup, without branches on
/// the length. Everything a real tokenizer adds (operators, regex and template context, flags,
/// marks) costs more, so its figures are upper bounds for that design. Runs alternate with
/// `JSTokenizer` on the same bytes, since this machine's speed swings from minute to minute.
enum BranchFreeSkeleton {
    /// Byte classes (the automaton's input alphabet).
    enum Class: UInt8 {
        case other, name, digit, space, newline, dquote, squote, backtick, slash, star, backslash, dot
    }

    /// States; an entry of `table` holds the next state times 16 (so it indexes the table directly)
    /// plus `startsToken` and `startsSpace`.
    enum State: UInt8 {
        case between, name, number, dstring, dstringEscape, sstring, sstringEscape, template, templateEscape
        case slash, lineComment, blockComment, blockCommentStar, punctuator, space
    }
    static let startsToken: UInt8 = 1
    static let startsSpace: UInt8 = 2

    static let classes: [UInt8] = (0..<256).map { b -> UInt8 in
        let c: Class
        switch UInt8(b) {
        case 0x41...0x5A, 0x61...0x7A, 0x24, 0x5F, 0x80...0xFF: c = .name
        case 0x30...0x39: c = .digit
        case 0x20, 0x09: c = .space
        case 0x0A, 0x0D: c = .newline
        case 0x22: c = .dquote
        case 0x27: c = .squote
        case 0x60: c = .backtick
        case 0x2F: c = .slash
        case 0x2A: c = .star
        case 0x5C: c = .backslash
        case 0x2E: c = .dot
        default: c = .other
        }
        return c.rawValue
    }

    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 16 * 16)
        func set(_ s: State, _ c: Class, _ next: State, _ flags: UInt8 = 0) {
            t[Int(s.rawValue) * 16 + Int(c.rawValue)] = next.rawValue << 4 | flags
        }
        let all: [Class] = [.other, .name, .digit, .space, .newline, .dquote, .squote, .backtick, .slash, .star, .backslash, .dot]
        // Between tokens, and after a name, number, one-byte token or white space.
        for s: State in [.between, .name, .number, .punctuator, .space] {
            for c in all {
                switch c {
                case .name: set(s, c, .name, s == .name ? 0 : startsToken)
                case .digit: set(s, c, s == .name ? .name : .number, s == .name || s == .number ? 0 : startsToken)
                case .dot: set(s, c, s == .number ? .number : .punctuator, s == .number ? 0 : startsToken)
                case .space, .newline: set(s, c, .space, s == .space ? 0 : startsSpace)
                case .dquote: set(s, c, .dstring, startsToken)
                case .squote: set(s, c, .sstring, startsToken)
                case .backtick: set(s, c, .template, startsToken)
                case .slash: set(s, c, .slash, startsToken)
                default: set(s, c, .punctuator, startsToken)
                }
            }
        }
        for c in all {
            set(.dstring, c, c == .dquote ? .between : c == .backslash ? .dstringEscape : .dstring)
            set(.dstringEscape, c, .dstring)
            set(.sstring, c, c == .squote ? .between : c == .backslash ? .sstringEscape : .sstring)
            set(.sstringEscape, c, .sstring)
            set(.template, c, c == .backtick ? .between : c == .backslash ? .templateEscape : .template)
            set(.templateEscape, c, .template)
            set(.lineComment, c, .lineComment)
            set(.blockComment, c, c == .star ? .blockCommentStar : .blockComment)
            set(.blockCommentStar, c, c == .slash ? .between : c == .star ? .blockCommentStar : .blockComment)
            // After `/`: a comment, or the `/` was a one-byte token and this byte starts the next.
            switch c {
            case .slash: set(.slash, c, .lineComment)
            case .star: set(.slash, c, .blockComment)
            case .name: set(.slash, c, .name, startsToken)
            case .digit: set(.slash, c, .number, startsToken)
            case .space, .newline: set(.slash, c, .space, startsSpace)
            case .dquote: set(.slash, c, .dstring, startsToken)
            case .squote: set(.slash, c, .sstring, startsToken)
            case .backtick: set(.slash, c, .template, startsToken)
            default: set(.slash, c, .punctuator, startsToken)
            }
        }
        set(.lineComment, .newline, .space, startsSpace)
        return t
    }()

    /// `table` split in two: the next state (times 16) and the flags. The chain from one byte to
    /// the next is then one OR and one load; the flags are a second load off that chain.
    static let nextStates: [UInt8] = table.map { $0 & 0xF0 }
    static let flags: [UInt8] = table.map { $0 & 0x0F }

    /// Phase 1: writes the offset of every token start and white-space start (bit 31 set) to
    /// `out`, one store per byte, and returns how many there are. No branch depends on the data.
    @inline(never)
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ classes: UnsafePointer<UInt8>,
                        _ next: UnsafePointer<UInt8>, _ flags: UnsafePointer<UInt8>,
                        into out: UnsafeMutablePointer<UInt32>) -> Int {
        let p = bytes.baseAddress!
        var state = 0
        var k = 0
        for i in 0..<bytes.count {
            let index = state | Int(classes[Int(p[i])])
            state = Int(next[index])
            let f = flags[index]
            out[k] = UInt32(truncatingIfNeeded: i) | UInt32(f & startsSpace) << 30
            k &+= Int((f | f >> 1) & 1)  // arithmetic, not a select: the compiler made that a branch
        }
        out[k] = UInt32(truncatingIfNeeded: bytes.count) | 1 << 31
        return k
    }

    struct Token {
        var start: UInt32
        var length: UInt32
        var kind: UInt8
        var detail: UInt8
        var flags: UInt16
    }

    /// Phase 2: one 12-byte token per token start (white space skipped by not advancing), its
    /// kind from its first byte, a keyword looked up in a 256-slot perfect-hash-style table.
    @inline(never)
    static func build(_ bytes: UnsafeBufferPointer<UInt8>, starts: UnsafePointer<UInt32>, count: Int,
                      classes: UnsafePointer<UInt8>, keywords: UnsafePointer<UInt64>, masks: UnsafePointer<UInt64>,
                      into tokens: UnsafeMutablePointer<Token>) -> Int {
        let p = bytes.baseAddress!
        let last = bytes.count - 8  // eight bytes readable from here on; the file has at least eight
        var m = 0
        for j in 0..<count {
            let a = starts[j]
            let s = Int(a & 0x7FFF_FFFF), e = Int(starts[j + 1] & 0x7FFF_FFFF)
            let length = e &- s
            // Eight bytes from the start (from the last eight, shifted, near the end), masked to
            // the token by a table of masks: no branch on the length.
            let from = Swift.min(s, last)
            let raw = UnsafeRawPointer(p + from).loadUnaligned(as: UInt64.self) >> UInt64(8 &* (s &- from) & 63)
            let word = raw & masks[Swift.min(length, 8)]
            let slot = Int(truncatingIfNeeded: ((word ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
            // All ones for a keyword, else zero, by arithmetic (a select became a branch).
            let keyword = UInt8(truncatingIfNeeded: ((keywords[slot] ^ word) | (0 &- (keywords[slot] ^ word))) >> 63) &- 1
            tokens[m] = Token(start: UInt32(truncatingIfNeeded: s), length: UInt32(truncatingIfNeeded: length),
                              kind: classes[Int(p[s])] | keyword, detail: UInt8(truncatingIfNeeded: slot), flags: 0)
            m &+= Int(a >> 31 ^ 1)
        }
        return m
    }

    /// The keywords by the build pass's hash. Two that share a slot keep the later one: this
    /// prices a lookup (one load, one compare), it is not the tokenizer's collision-free table.
    static func keywordTable() -> [UInt64] {
        var slots = [UInt64](repeating: 1, count: 256)  // 1: no eight-byte word equals it
        let words = ["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
                     "else", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof",
                     "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while",
                     "with", "yield", "let", "static", "async", "await", "of", "null", "true", "false"]
        for w in words {
            var word: UInt64 = 0
            for (i, b) in w.utf8.prefix(8).enumerated() { word |= UInt64(b) << UInt64(8 * i) }
            slots[Int(truncatingIfNeeded: ((word ^ UInt64(w.utf8.count)) &* 0x9E37_79B9_7F4A_7C15) >> 56)] = word
        }
        return slots
    }

    static func run(_ arguments: [String]) {
        guard let path = arguments.first, let bytes = TokenizeBenchmark.readFile(path) else {
            print("usage: livegate-bench skeleton FILE [N]")
            return
        }
        guard bytes.count >= 8 else {
            print("\(path): fewer than eight bytes")
            return
        }
        let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10)
        let starts = UnsafeMutablePointer<UInt32>.allocate(capacity: bytes.count + 1)
        let tokens = UnsafeMutablePointer<Token>.allocate(capacity: bytes.count + 1)
        defer { starts.deallocate(); tokens.deallocate() }
        let keywords = keywordTable()
        let masks: [UInt64] = (0...8).map { $0 == 8 ? ~0 : (1 << UInt64(8 * $0)) - 1 }
        var tokenizer = 0.0, segmenting = 0.0, both = 0.0
        var tokenizerCount = 0, skeletonCount = 0
        let clock = ContinuousClock()
        bytes.withUnsafeBufferPointer { buffer in
            _ = JSTokenizer.tokenize(buffer)  // one-time tables (byte classes, keywords) outside the clock
            classes.withUnsafeBufferPointer { classes in
                nextStates.withUnsafeBufferPointer { next in
                  flags.withUnsafeBufferPointer { flags in
                    keywords.withUnsafeBufferPointer { keywords in
                      masks.withUnsafeBufferPointer { masks in
                        for _ in 0..<rounds {
                            tokenizer += TokenizeBenchmark.seconds(clock.measure { tokenizerCount = JSTokenizer.tokenize(buffer).count })
                            var n = 0
                            segmenting += TokenizeBenchmark.seconds(clock.measure {
                                n = segment(buffer, classes.baseAddress!, next.baseAddress!, flags.baseAddress!, into: starts)
                            })
                            both += TokenizeBenchmark.seconds(clock.measure {
                                n = segment(buffer, classes.baseAddress!, next.baseAddress!, flags.baseAddress!, into: starts)
                                skeletonCount = build(buffer, starts: starts, count: n, classes: classes.baseAddress!,
                                                      keywords: keywords.baseAddress!, masks: masks.baseAddress!,
                                                      into: tokens)
                            })
                        }
                      }
                    }
                  }
                }
            }
        }
        let mb = Double(bytes.count) / 1_000_000, r = Double(rounds)
        print("file: \(path)")
        print("bytes: \(bytes.count)  rounds: \(rounds) (alternating; wall-clock means)")
        print(String(format: "JSTokenizer:                 %7.1f MB/s  (%d tokens)", mb / (tokenizer / r), tokenizerCount))
        print(String(format: "skeleton, automaton alone:   %7.1f MB/s", mb / (segmenting / r)))
        print(String(format: "skeleton, automaton + build: %7.1f MB/s  (%d tokens)", mb / (both / r), skeletonCount))
        // Without regex and template context the skeleton can lose sync (a quote inside a regex
        // or a substitution opens a "string" that swallows code) and build far fewer tokens. The
        // automaton's time does not depend on that (one step per byte); the builder's does, so
        // it is scaled to the tokenizer's token count for a like-for-like bound.
        let perToken = (both - segmenting) / r / Double(max(skeletonCount, 1))
        let projected = segmenting / r + perToken * Double(tokenizerCount)
        print(String(format: "skeleton at the tokenizer's token count (%.1f ns/token to build): %7.1f MB/s",
                     perToken * 1e9, mb / projected))
    }
}
