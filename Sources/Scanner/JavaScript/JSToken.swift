/// One JavaScript token: 12 bytes, no text. The text is `bytes[start..<end]` of the buffer that
/// was tokenized (offsets are absolute in that buffer, also for sub-range tokenization).
///
/// `detail` holds the `JSPunctuator` of a punctuator, or the `JSKeyword` of a keyword or of a
/// contextual keyword spelled as an identifier (`let`, `async`, `of`, …); 0 otherwise.
public struct JSToken: Sendable, Equatable {
    /// UTF-8 byte offset of the first byte.
    public var start: UInt32
    /// Length in UTF-8 bytes (at least 1).
    public var length: UInt32
    public var kind: JSTokenKind
    public var detail: UInt8
    public var flags: JSTokenFlags

    @inlinable
    public init(kind: JSTokenKind, start: UInt32, length: UInt32, detail: UInt8 = 0, flags: JSTokenFlags = []) {
        self.start = start
        self.length = length
        self.kind = kind
        self.detail = detail
        self.flags = flags
    }

    /// UTF-8 byte offset one past the last byte.
    @inlinable public var end: Int { Int(start) + Int(length) }
    @inlinable public var range: Range<Int> { Int(start)..<end }

    /// The punctuator, when `kind == .punctuator`.
    @inlinable public var punctuator: JSPunctuator? {
        kind == .punctuator ? JSPunctuator(rawValue: detail) : nil
    }

    /// The keyword: a reserved word (`kind == .keyword`) or a contextual keyword such as `let`,
    /// `async`, `of`, `yield`, `await` (`kind == .identifier`). Words after `.` / `?.` are
    /// property names and carry no keyword.
    @inlinable public var keyword: JSKeyword? {
        (kind == .keyword || kind == .identifier) && detail != 0 ? JSKeyword(rawValue: detail) : nil
    }

    @inlinable public func isPunctuator(_ p: JSPunctuator) -> Bool {
        kind == .punctuator && detail == p.rawValue
    }

    @inlinable public func isKeyword(_ k: JSKeyword) -> Bool {
        (kind == .keyword || kind == .identifier) && detail == k.rawValue
    }

    /// Comments and the hashbang: tokens a matcher skips.
    @inlinable public var isTrivia: Bool { kind.isTrivia }
}

public enum JSTokenKind: UInt8, Sendable, CaseIterable {
    /// An identifier (possibly with `\u` escapes: flag `.hasEscapes`), or a contextual keyword.
    case identifier = 1
    /// A reserved word: `if`, `new`, `return`, `this`, `true`, `null`, … (see `JSKeyword.isReserved`).
    case keyword
    /// `#name`.
    case privateName
    /// Any numeric literal but BigInt: `1`, `.5`, `1e3`, `0x1F`, `0o7`, `0b1`, `1_000`, `017`, `08`.
    case number
    /// A BigInt literal: `10n`, `0xFFn`.
    case bigint
    /// `'…'` or `"…"`.
    case string
    /// A template without substitutions: `` `…` ``.
    case template
    /// `` `…${ ``
    case templateHead
    /// `}…${`
    case templateMiddle
    /// `` }…` ``
    case templateTail
    /// `/body/flags`.
    case regex
    /// Any punctuator; `detail` is its `JSPunctuator`.
    case punctuator
    /// `// …` (without the line terminator).
    case lineComment
    /// `/* … */`.
    case blockComment
    /// Annex B `<!-- …` or line-initial `--> …`, to the end of the line.
    case htmlComment
    /// `#! …` at the very start of the input.
    case hashbang
    /// A byte or scalar that cannot start a token (`@`, a stray `\`, invalid UTF-8, U+00A7 …).
    case invalid

    @inlinable public var isTrivia: Bool {
        switch self {
        case .lineComment, .blockComment, .htmlComment, .hashbang: return true
        default: return false
        }
    }

    /// The name used by the JSONL dump.
    public var name: String {
        switch self {
        case .identifier: return "identifier"
        case .keyword: return "keyword"
        case .privateName: return "privateName"
        case .number: return "number"
        case .bigint: return "bigint"
        case .string: return "string"
        case .template: return "template"
        case .templateHead: return "templateHead"
        case .templateMiddle: return "templateMiddle"
        case .templateTail: return "templateTail"
        case .regex: return "regex"
        case .punctuator: return "punctuator"
        case .lineComment: return "lineComment"
        case .blockComment: return "blockComment"
        case .htmlComment: return "htmlComment"
        case .hashbang: return "hashbang"
        case .invalid: return "invalid"
        }
    }
}

public struct JSTokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A line terminator (possibly inside a comment) lies between the previous significant
    /// token and this one: what automatic semicolon insertion looks at.
    public static let newlineBefore = JSTokenFlags(rawValue: 1 << 0)
    /// A string, template, regex or block comment that reached the end of its line / the input
    /// without its closing delimiter.
    public static let unterminated = JSTokenFlags(rawValue: 1 << 1)
    /// A string or template containing `\` or a CR (its cooked value differs from its raw text),
    /// or an identifier / private name spelled with `\u` escapes.
    public static let hasEscapes = JSTokenFlags(rawValue: 1 << 2)
    /// A legacy octal-like number: `017`, `08`, `09.5`.
    public static let legacyOctal = JSTokenFlags(rawValue: 1 << 3)
    /// Not well-formed although its extent is known: `0x`, `1__0`, `1_`, `1e`, a bad
    /// `\u` escape in an identifier.
    public static let malformed = JSTokenFlags(rawValue: 1 << 4)
}

/// Every ECMAScript 2025 punctuator. Raw values are stable within a build only.
public enum JSPunctuator: UInt8, Sendable, CaseIterable {
    case leftBrace = 1, rightBrace, leftParen, rightParen, leftBracket, rightBracket
    case dot, ellipsis, semicolon, comma, questionDot
    case less, greater, lessEqual, greaterEqual, equal2, notEqual, equal3, notEqual2
    case plus, minus, star, slash, percent, star2, plus2, minus2
    case shiftLeft, shiftRight, shiftRightUnsigned, ampersand, bar, caret
    case bang, tilde, ampersand2, bar2, question2, question, colon
    case assign, plusAssign, minusAssign, starAssign, slashAssign, percentAssign, star2Assign
    case shiftLeftAssign, shiftRightAssign, shiftRightUnsignedAssign
    case ampersandAssign, barAssign, caretAssign, ampersand2Assign, bar2Assign, question2Assign
    case arrow

    /// The punctuator's spelling.
    public var text: String {
        switch self {
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .dot: return "."
        case .ellipsis: return "..."
        case .semicolon: return ";"
        case .comma: return ","
        case .questionDot: return "?."
        case .less: return "<"
        case .greater: return ">"
        case .lessEqual: return "<="
        case .greaterEqual: return ">="
        case .equal2: return "=="
        case .notEqual: return "!="
        case .equal3: return "==="
        case .notEqual2: return "!=="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .star2: return "**"
        case .plus2: return "++"
        case .minus2: return "--"
        case .shiftLeft: return "<<"
        case .shiftRight: return ">>"
        case .shiftRightUnsigned: return ">>>"
        case .ampersand: return "&"
        case .bar: return "|"
        case .caret: return "^"
        case .bang: return "!"
        case .tilde: return "~"
        case .ampersand2: return "&&"
        case .bar2: return "||"
        case .question2: return "??"
        case .question: return "?"
        case .colon: return ":"
        case .assign: return "="
        case .plusAssign: return "+="
        case .minusAssign: return "-="
        case .starAssign: return "*="
        case .slashAssign: return "/="
        case .percentAssign: return "%="
        case .star2Assign: return "**="
        case .shiftLeftAssign: return "<<="
        case .shiftRightAssign: return ">>="
        case .shiftRightUnsignedAssign: return ">>>="
        case .ampersandAssign: return "&="
        case .barAssign: return "|="
        case .caretAssign: return "^="
        case .ampersand2Assign: return "&&="
        case .bar2Assign: return "||="
        case .question2Assign: return "??="
        case .arrow: return "=>"
        }
    }
}

/// Reserved words and the contextual keywords a matcher cares about. `isReserved` words are
/// tokenized with kind `.keyword`; the others are identifiers carrying this id in `detail`.
public enum JSKeyword: UInt8, Sendable, CaseIterable {
    // Reserved words (ECMAScript 2025 ReservedWord).
    case `break` = 1, `case`, `catch`, `class`, `const`, `continue`, `debugger`, `default`
    case `delete`, `do`, `else`, `enum`, `export`, `extends`, `false`, `finally`, `for`
    case `function`, `if`, `import`, `in`, `instanceof`, `new`, `null`, `return`, `super`
    case `switch`, `this`, `throw`, `true`, `try`, `typeof`, `var`, `void`, `while`, `with`
    // Contextual keywords and strict-mode reserved words: identifiers to the tokenizer.
    case `as`, `async`, `await`, `from`, `get`, `let`, `meta`, `of`, `set`, `static`, `target`
    case `yield`, `implements`, `interface`, `package`, `private`, `protected`, `public`

    @inlinable public var isReserved: Bool { rawValue <= JSKeyword.with.rawValue }
}

/// Which tokens `JSTokenizer.tokenize(_:range:marking:)` marks: identifiers and keywords whose
/// first byte `b` and length `n` have bit `min(n, 63)` set in `wordMasks[b]`, whose last byte
/// `z` has the same bit set in `lastByteMasks[z]` and, when two bytes or longer, whose second
/// byte `c` has it in `secondByteMasks[c]` (256 masks each), the punctuators whose raw
/// value has its bit set in `punctuators` (only when the byte after one can start a token whose
/// kind has its bit set in `punctuatorNext[raw value]`, or white space or a comment; or when
/// nothing follows), reserved words only when the byte after them is one of
/// `keywordFollowers[keyword]` (or white space or a comment), words only when `wordHashes`
/// (when given) holds their `WordHash`, and the strings and templates without substitutions
/// that `strings` wants (all of them when it is nil).
public struct JSTokenInterest: Sendable {
    /// The 256 first-byte masks, the 256 last-byte masks, then the 256 second-byte masks (of
    /// words of two bytes or more): one table for the lexer.
    let masks: [UInt64]
    public let punctuators: UInt64
    /// Per punctuator: the bytes that may follow a marked one (4 × 64 bits), from the kinds of
    /// next token its patterns need. `( $num , …` is wanted at `(0,` and not at every `(`.
    let nextBytes: [UInt64]
    /// The same per reserved word (by `JSKeyword` raw value): `( this , $str` wants `this,`, not
    /// every `this.`.
    let keywordNextBytes: [UInt64]
    /// A Bloom filter of the words wanted (2^16 bits, one per `WordHash`): a word that passes the
    /// byte masks is hashed and marked only when its bit is set. Most words that share an
    /// anchor's length and first, second and last bytes are no anchor (seven in ten on
    /// jupyterlab), and each such mark costs the matcher a token read from memory.
    let wordBloom: [UInt64]
    static let bloomWords = 1024
    let strings: JSStringInterest?
    /// The bytes that may follow a wanted identifier (`. p = $str` wants `p=`, not `p.`), hashed:
    /// 1024 words of bits for the words any byte may follow (by `bloomBit`), 1024 for the pairs
    /// of a word and a byte that may follow it (by `followBit`), then 4 for the separator bytes
    /// (white space and comments may come between). Empty: no filter.
    let wordFollow: [UInt64]
    /// Per keyword (reserved or contextual, by `JSKeyword` raw value): the bytes after which it is
    /// wanted (4 × 64 bits), and in `keywordAtEnd` whether it is wanted at the end of the input.
    /// A keyword's text is fixed, so the masks, the Bloom filter and the follower tables above
    /// reduce to these bits for it: the tokenizer marks a keyword with one load instead of
    /// hashing it (`this` alone is 3 % of a minified bundle's tokens).
    let keywordRows: [UInt64]
    let keywordAtEnd: UInt64

    /// `lastByteMasks` nil: any last byte; `punctuatorNext` nil: any next token; `wordHashes`
    /// nil: no Bloom filter (every word that passes the masks).
    public init(wordMasks: [UInt64], lastByteMasks: [UInt64]? = nil, punctuators: UInt64, punctuatorNext: [UInt32]? = nil,
                keywordFollowers: [JSKeyword: Set<UInt8>] = [:], secondByteMasks: [UInt64]? = nil, wordHashes: [UInt64]? = nil,
                strings: JSStringInterest? = nil, wordFollowers: [(hash: UInt64, followers: Set<UInt8>?)]? = nil) {
        self.strings = strings
        if let wordFollowers {
            var table = [UInt64](repeating: 0, count: 2 * Self.bloomWords + 4)
            for (h, followers) in wordFollowers {
                if let followers {
                    for b in followers {
                        let bit = Self.followBit(h, b)
                        table[Self.bloomWords + bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                } else {
                    let bit = Self.bloomBit(h)
                    table[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            for b in Self.separatorBytes { table[2 * Self.bloomWords + b >> 6] |= 1 << UInt64(b & 63) }
            wordFollow = table
        } else {
            wordFollow = []
        }
        precondition(wordMasks.count == 256 && (lastByteMasks?.count ?? 256) == 256, "one mask per byte value")
        precondition((punctuatorNext?.count ?? 64) == 64, "one mask per punctuator")
        masks = wordMasks + (lastByteMasks ?? [UInt64](repeating: ~0, count: 256)) + (secondByteMasks ?? [UInt64](repeating: ~0, count: 256))
        self.punctuators = punctuators
        var bytes = [UInt64](repeating: 0, count: 256)
        for (p, kinds) in (punctuatorNext ?? [UInt32](repeating: ~0, count: 64)).enumerated() {
            for b in Self.firstBytes(of: kinds) { bytes[p << 2 | b >> 6] |= 1 << UInt64(b & 63) }
        }
        nextBytes = bytes
        var words = [UInt64](repeating: ~0, count: 256)
        for (k, followers) in keywordFollowers where Int(k.rawValue) < 64 {
            let at = Int(k.rawValue) << 2
            for w in 0..<4 { words[at + w] = 0 }
            for b in followers.map(Int.init) + Self.separatorBytes { words[at | b >> 6] |= 1 << UInt64(b & 63) }
        }
        keywordNextBytes = words
        if let wordHashes {
            var bloom = [UInt64](repeating: 0, count: Self.bloomWords)
            for h in wordHashes {
                let bit = Self.bloomBit(h)
                bloom[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            wordBloom = bloom
        } else {
            wordBloom = [UInt64](repeating: ~0, count: Self.bloomWords)
        }
        (keywordRows, keywordAtEnd) = Self.keywordTables(masks: masks, bloom: wordBloom, keywordNext: keywordNextBytes,
                                                         follow: wordFollow)
    }

    /// `keywordRows` and `keywordAtEnd`, by asking the lexer's own word test about each keyword
    /// followed by each byte (and by nothing): the two can never disagree.
    static func keywordTables(masks: [UInt64], bloom: [UInt64], keywordNext: [UInt64],
                              follow: [UInt64]) -> (rows: [UInt64], atEnd: UInt64) {
        var rows = [UInt64](repeating: 0, count: 64 * 4)
        var atEnd: UInt64 = 0
        for k in JSKeyword.allCases where Int(k.rawValue) < 64 {
            let word = Array(String(describing: k).utf8)
            func wanted(_ text: [UInt8]) -> Bool {
                let bit: UInt64 = 1 << UInt64(min(word.count, 63))
                guard masks[Int(word[0])] & bit != 0, masks[256 + Int(word[word.count - 1])] & bit != 0 else { return false }
                return masks.withUnsafeBufferPointer { m in
                    bloom.withUnsafeBufferPointer { b in
                        keywordNext.withUnsafeBufferPointer { kn in
                            follow.withUnsafeBufferPointer { f in
                                text.withUnsafeBufferPointer { t in
                                    JSLexer.wantsWord(m.baseAddress!, b.baseAddress!, k.isReserved ? kn.baseAddress : nil,
                                                      k.isReserved || f.isEmpty ? nil : f.baseAddress, k.rawValue,
                                                      t.baseAddress!, 0, word.count, t.count)
                                }
                            }
                        }
                    }
                }
            }
            if wanted(word) { atEnd |= 1 << UInt64(k.rawValue) }
            for b in 0..<256 where wanted(word + [UInt8(b)]) {
                rows[Int(k.rawValue) << 2 | b >> 6] |= 1 << UInt64(b & 63)
            }
        }
        return (rows, atEnd)
    }

    /// The filter bit of a word hash: its top 16 bits (the word tables use the low ones).
    @inline(__always)
    static func bloomBit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 48) }

    /// The filter bit of a word hash and a byte that follows the word.
    @inline(__always)
    static func followBit(_ hash: UInt64, _ byte: UInt8) -> Int {
        Int(truncatingIfNeeded: ((hash ^ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD) >> 48)
    }

    /// White space and comments may come between two tokens (non-ASCII: also white space and
    /// line separators).
    static let separatorBytes: [Int] = " \t\n\r\u{0B}\u{0C}/<-".utf8.map(Int.init) + Array(0x80...0xFF)

    /// The bytes a token of one of `kinds` (bits) can start with, and those of white space and
    /// comments, which may come between (non-ASCII: also white space and line separators).
    static func firstBytes(of kinds: UInt32) -> [Int] {
        func has(_ k: JSTokenKind...) -> Bool { k.contains { kinds & (1 << UInt32($0.rawValue)) != 0 } }
        func bytes(_ s: String) -> [Int] { s.utf8.map(Int.init) }
        var out = separatorBytes
        let letters = bytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_\\")
        if has(.identifier, .keyword) { out += letters }
        if has(.privateName) { out += bytes("#") }
        if has(.number, .bigint) { out += bytes("0123456789.") }
        if has(.string) { out += bytes("'\"") }
        if has(.template, .templateHead) { out += bytes("`") }
        if has(.templateMiddle, .templateTail) { out += bytes("}") }
        if has(.punctuator, .regex) { out += bytes("{}()[];,<>+-*/%&|^!~?:=.") }
        if has(.invalid) { out += Array(0..<0x80) }
        return out
    }
}
