import CHints

/// An ECMAScript 2025 tokenizer over UTF-8 bytes: one pass, no recursion, no `String` on the
/// hot path, never fails (problems become `.invalid` tokens or flags), tolerates invalid UTF-8.
///
/// ## Comments
/// Comments (`//`, `/* */`, Annex B `<!--` and line-initial `-->`) and the hashbang are dropped
/// by default — what a matcher wants — and kept as trivia tokens with `keepComments: true` (what
/// the debug dump shows). White space is never materialised; `.newlineBefore` records line breaks.
///
/// ## Regular expression or division, without a parser
/// Whether `/` starts a regex is decided from the previous significant token and a stack of
/// open brackets (`(`, `[`, `{`, `${`), each remembering what it is:
/// - after an identifier, a literal, `]`, `++`/`--` (taken as postfix), `this`, `super`, `null`,
///   `true`, `false` → division; after a property name (a word after `.` or `?.`, even
///   `x.return`) → division;
/// - after any other keyword (`return`, `typeof`, `case`, `do`, `else`, `in`, `new`, `delete`,
///   `void`, `throw`, `instanceof`, …) and the contextual `of`, `yield`, `await` → regex;
/// - after any other punctuator (`(`, `,`, `=`, `:`, `[`, `!`, `&&`, `?`, `{`, `;`, `=>`, …) → regex;
/// - after `)`: regex when the `(` followed `if`, `while`, `for`, `with` (or `for await`),
///   division otherwise;
/// - after `}`: regex when it closes a block, division when it closes an object literal; a `}`
///   closing a `${` substitution resumes the template instead.
/// Whether a `{` opens a block or an object literal is decided the same way: a block at the
/// start, after `;`, `{`, `}`, `)`, `]`, `=>`, an identifier, `else`, `do`, `try`, `finally`,
/// `class`, and after a `:` that ends a label or a `case` (a `:` not matching a `?` of the same
/// bracket level, directly in a block); an object literal after operators, `(`, `[`, `,`, `?`,
/// a ternary `:`, a `:` inside an object literal or brackets, `return` and other keywords.
///
/// The body of a `function` or `class` in expression position (after an operator, `(`, `,`,
/// `return`, …) closes like an object literal: `x = function(){} / 2` is a division, while
/// `function f(){} /re/` (a declaration) is followed by a regex.
///
/// Known limits (all need a parser, none seen in minified bundles): an `async function`
/// expression's body is taken as a declaration's (regex after it), an `export default
/// function(){}` / `class{}` body as an expression's (division after it);
/// `yield`, `await` and `of` used as plain identifiers before a division;
/// `let` / `async` never start a regex; `a++ /x/` (prefix `++` applied to a regex is
/// meaningless anyway). Scripts are tokenized as scripts: `<!--` and line-initial `-->` are
/// comments (in a module they would be operators).
///
/// Inputs longer than `UInt32.max` bytes are tokenized up to that offset only.
public enum JSTokenizer {
    public struct Options: Sendable, Equatable {
        /// Emit comments and the hashbang as trivia tokens (default: skip them).
        public var keepComments: Bool
        public init(keepComments: Bool = false) {
            self.keepComments = keepComments
        }
    }

    /// Tokenizes `bytes[range]` (the whole buffer by default). Offsets in the tokens are
    /// absolute in `bytes`: tokenizing an inline `<script>` inside an HTML file with its
    /// range gives positions in the HTML file. A hashbang is recognised at `range.lowerBound`.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil,
                                options: Options = Options()) -> [JSToken] {
        tokenize(bytes, range: range, options: options, reserve: nil)
    }

    /// `reserve`: the tokens reserved up front (nil: one per byte, at most 16 M), and
    /// `scratch`, the tokens the lexer keeps past them before moving them on; tests make both
    /// small.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>?, options: Options,
                         reserve: Int?, scratch: Int = 1 << 16) -> [JSToken] {
        let whole = 0..<bytes.count
        let r = (range ?? whole).clamped(to: whole)
        guard let base = bytes.baseAddress, !r.isEmpty else { return [] }
        let end = min(r.upperBound, Int(UInt32.max))
        // Tokens are written straight into the result's storage, reserved at one token per byte
        // (every token has at least one): capacity never written stays virtual, not resident,
        // and nothing is ever copied. Past 16 M tokens (a 200 MB reservation) the rest continues
        // in an overflow array appended at the end (see `JSLexer.run`).
        let capacity = reserve ?? min(end - r.lowerBound, 1 << 24) + 16
        var overflow: [JSToken] = []
        var tokens = [JSToken](unsafeUninitializedCapacity: capacity) { buffer, count in
            TokenStorage.preferHugePages(buffer, inputBytes: end - r.lowerBound)
            var lexer = JSLexer(base: base, start: r.lowerBound, end: end, keepComments: options.keepComments,
                                output: buffer.baseAddress!, capacity: capacity)
            lexer.scratchCapacity = scratch
            lexer.run()
            lexer.frames.deallocate()
            lexer.marked.deallocate()
            count = lexer.resultCount
            overflow = lexer.overflow
        }
        if !overflow.isEmpty { tokens.append(contentsOf: overflow) }
        return tokens
    }

    /// Tokenizes `bytes[range]` like `tokenize(_:range:options:)` and, in the same pass, marks the
    /// tokens `interest` asks for (their indices, ascending). A consumer that only reacts to some
    /// tokens (the signature matcher) then jumps from mark to mark instead of reading every token
    /// back from memory: the bytes and the token are still in registers when the test is made.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil,
                                marking interest: JSTokenInterest) -> (tokens: [JSToken], marked: [UInt32]) {
        tokenize(bytes, range: range, marking: interest, reserve: nil)
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>?, marking interest: JSTokenInterest,
                         reserve: Int?, scratch: Int = 1 << 16) -> (tokens: [JSToken], marked: [UInt32]) {
        let whole = 0..<bytes.count
        let r = (range ?? whole).clamped(to: whole)
        guard let base = bytes.baseAddress, !r.isEmpty else { return ([], []) }
        let end = min(r.upperBound, Int(UInt32.max))
        let capacity = reserve ?? min(end - r.lowerBound, 1 << 24) + 16
        var overflow: [JSToken] = []
        var marked: [UInt32] = []
        let tokens = interest.masks.withUnsafeBufferPointer { masks in
            var tokens = [JSToken](unsafeUninitializedCapacity: capacity) { buffer, count in
                TokenStorage.preferHugePages(buffer, inputBytes: end - r.lowerBound)
                var lexer = JSLexer(base: base, start: r.lowerBound, end: end, keepComments: false,
                                    output: buffer.baseAddress!, capacity: capacity)
                lexer.scratchCapacity = scratch
                lexer.marking = masks.count == 768
                lexer.wordMasks = masks.baseAddress
                lexer.punctuatorMask = interest.punctuators
                interest.nextBytes.withUnsafeBufferPointer { next in
                    interest.keywordNextBytes.withUnsafeBufferPointer { keywordNext in
                        interest.wordBloom.withUnsafeBufferPointer { bloom in
                            (interest.strings?.table ?? []).withUnsafeBufferPointer { strings in
                              interest.wordFollow.withUnsafeBufferPointer { follow in
                               interest.keywordRows.withUnsafeBufferPointer { keywordRows in
                                lexer.keywordRows = keywordRows.baseAddress
                                lexer.wordFollow = follow.isEmpty ? nil : follow.baseAddress
                                lexer.keywordAtEnd = interest.keywordAtEnd
                                lexer.punctuatorNextBytes = next.baseAddress
                                lexer.keywordNextBytes = keywordNext.baseAddress
                                lexer.wordBloom = bloom.baseAddress
                                lexer.stringTable = interest.strings == nil ? nil : strings.baseAddress
                                lexer.run()
                               }
                              }
                            }
                        }
                    }
                }
                lexer.frames.deallocate()
                count = lexer.resultCount
                overflow = lexer.overflow
                marked = Array(UnsafeBufferPointer(start: lexer.marked.base, count: lexer.marked.count))
                lexer.marked.deallocate()
            }
            if !overflow.isEmpty { tokens.append(contentsOf: overflow) }
            return tokens
        }
        return (tokens, marked)
    }

    /// Tokenizes `bytes[range]` (the whole array by default); see the pointer variant.
    public static func tokenize(_ bytes: [UInt8], range: Range<Int>? = nil, options: Options = Options()) -> [JSToken] {
        bytes.withUnsafeBufferPointer { tokenize($0, range: range, options: options) }
    }

    /// The token's source text (invalid UTF-8 repaired to U+FFFD).
    public static func text(of token: JSToken, in bytes: [UInt8]) -> String {
        let r = token.range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    public static func text(of token: JSToken, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let r = token.range.clamped(to: 0..<bytes.count)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }
}

/// The state machine behind `JSTokenizer`. Positions are absolute offsets from `p`.
struct JSLexer {
    let p: UnsafePointer<UInt8>
    let end: Int
    var pos: Int
    /// Where tokens go: `count` written of `capacity`. First the result's storage (`result`);
    /// once that is full (past 16 M tokens), a scratch buffer emptied into `overflow` whenever
    /// it fills.
    var output: UnsafeMutablePointer<JSToken>
    let result: UnsafeMutablePointer<JSToken>
    var capacity: Int
    var count = 0
    /// The tokens in the result's storage, once `run` is done.
    var resultCount = 0
    /// Set once the result's storage is full, with room for `scratchCapacity` tokens.
    var scratch: UnsafeMutablePointer<JSToken>?
    var scratchCapacity = 1 << 16
    var overflow: [JSToken] = []
    /// The tokens stored before `output[0]`: a token's index is `tokensBefore + count`.
    var tokensBefore = 0
    let keepComments: Bool
    /// `ByteClass.table`, loaded once (a global's lazy-init check stays off the hot path).
    let classes: UnsafePointer<UInt8>
    /// `JSKeywordTable.table`, loaded once for the same reason.
    let keywords: (slots: UnsafePointer<JSKeywordTable.Slot>, multiplier: UInt64)
    /// `WordEffect.table`, likewise.
    let wordEffects: UnsafePointer<UInt8>

    /// Marking (see `JSTokenInterest`): off for plain tokenizing, where the test folds to one
    /// well-predicted branch per token.
    var marking = false
    var wordMasks: UnsafePointer<UInt64>?
    var punctuatorMask: UInt64 = 0
    /// `JSTokenInterest.nextBytes`: per punctuator, the bytes that may follow it; the same per
    /// reserved word.
    var punctuatorNextBytes: UnsafePointer<UInt64>?
    var keywordNextBytes: UnsafePointer<UInt64>?
    /// `JSTokenInterest.wordBloom`.
    var wordBloom: UnsafePointer<UInt64>?
    /// `JSTokenInterest.wordFollow`; nil: no filter.
    var wordFollow: UnsafePointer<UInt64>?
    /// `JSTokenInterest.keywordRows` and `keywordAtEnd`.
    var keywordRows: UnsafePointer<UInt64>?
    var keywordAtEnd: UInt64 = 0
    /// `JSTokenInterest.strings`' table; nil: every string is marked.
    var stringTable: UnsafePointer<UInt64>?
    /// Indices of the marked tokens, on a raw buffer (an array here would cost reference counting
    /// in the hot loop even when not marking).
    var marked = RawStack(capacity: 16)

    /// A line terminator was seen since the last significant token.
    var newline = false
    /// A `/` here starts a regex.
    var regexOK = true
    /// A `{` here opens a block (else an object literal).
    var braceIsBlock = true
    /// The `JSKeyword` of the previous significant token (0 if none). `for await` counts as
    /// `for`, so that the `(` after it opens a condition.
    var prevKeyword: UInt8 = 0

    /// What every token reads or writes. `run()` keeps it in a local, in registers: as stored
    /// properties it would go through memory at every token (an out-of-line scanner may change
    /// them). The out-of-line scanners work on the stored properties; `outOfLine` hands over.
    struct Cursor {
        var pos: Int
        var count: Int
        var newline: Bool
        var regexOK: Bool
        var braceIsBlock: Bool
        var prevKeyword: UInt8
    }

    var cursor: Cursor {
        @inline(__always) get {
            Cursor(pos: pos, count: count, newline: newline, regexOK: regexOK,
                   braceIsBlock: braceIsBlock, prevKeyword: prevKeyword)
        }
        @inline(__always) set {
            pos = newValue.pos
            count = newValue.count
            newline = newValue.newline
            regexOK = newValue.regexOK
            braceIsBlock = newValue.braceIsBlock
            prevKeyword = newValue.prevKeyword
        }
    }

    /// Open brackets: low 3 bits the frame kind, the rest the count of `?` awaiting their `:`
    /// at this level. `frames[0]` is the top level (a block) and is never popped.
    var frames: RawStack = {
        var stack = RawStack(capacity: 64)
        stack.push(Frame.block)
        return stack
    }()
    /// `frames.count` where the body of a function / class expression is expected, or -1.
    var functionBodyDepth = -1

    /// What a byte starts, for the main dispatch: one table load and one jump.
    enum ByteClass: UInt8 {
        case space, newline, identStart, digit, quote, backtick, dot
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case semicolon, comma, tilde, colon, question, less, greater, equal, bang
        case plus, minus, star, percent, ampersand, bar, caret, slash, hash, backslash
        case nonASCII, invalid

        /// The class of each byte value.
        nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
            let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            for b in 0..<256 {
                let c = UInt8(b)
                let k: ByteClass
                switch c {
                case 0x20, 0x09, 0x0B, 0x0C: k = .space
                case 0x0A, 0x0D: k = .newline
                case 0x41...0x5A, 0x61...0x7A, 0x24, 0x5F: k = .identStart
                case 0x30...0x39: k = .digit
                case 0x22, 0x27: k = .quote
                case 0x60: k = .backtick
                case 0x2E: k = .dot
                case 0x28: k = .leftParen
                case 0x29: k = .rightParen
                case 0x5B: k = .leftBracket
                case 0x5D: k = .rightBracket
                case 0x7B: k = .leftBrace
                case 0x7D: k = .rightBrace
                case 0x3B: k = .semicolon
                case 0x2C: k = .comma
                case 0x7E: k = .tilde
                case 0x3A: k = .colon
                case 0x3F: k = .question
                case 0x3C: k = .less
                case 0x3E: k = .greater
                case 0x3D: k = .equal
                case 0x21: k = .bang
                case 0x2B: k = .plus
                case 0x2D: k = .minus
                case 0x2A: k = .star
                case 0x25: k = .percent
                case 0x26: k = .ampersand
                case 0x7C: k = .bar
                case 0x5E: k = .caret
                case 0x2F: k = .slash
                case 0x23: k = .hash
                case 0x5C: k = .backslash
                case 0x80...0xFF: k = .nonASCII
                default: k = .invalid
                }
                t[b] = k.rawValue
            }
            return UnsafePointer(t)
        }()

    }

    /// What may follow a keyword or contextual keyword: bits of `wordEffects`, by raw value.
    enum WordEffect {
        /// A `/` starts a regex.
        static let regex: UInt8 = 1
        /// A `{` opens a block.
        static let block: UInt8 = 2
        /// `function` / `class`: see `noteFunctionOrClass`.
        static let functionOrClass: UInt8 = 4

        /// A table instead of a `switch` in `emitWord`: no jump per keyword, and small enough
        /// for `emitWord` to be inlined into `run()`.
        nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
            let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            t.initialize(repeating: 0, count: 256)
            for k in JSKeyword.allCases {
                let effect: UInt8
                switch k {
                case .this, .super, .null, .true, .false: effect = block
                case .else, .do, .try, .finally: effect = regex | block
                case .class: effect = regex | block | functionOrClass
                case .function: effect = regex | functionOrClass
                case .yield, .await, .of: effect = regex
                default: effect = k.isReserved ? regex : block
                }
                t[Int(k.rawValue)] = effect
            }
            return UnsafePointer(t)
        }()
    }

    /// A growable stack of `UInt32` on a raw buffer: no uniqueness checks, no reference
    /// counting, no recursion. The bracket frames and the marked token indices.
    struct RawStack {
        var base: UnsafeMutablePointer<UInt32>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(1, capacity)
            base = .allocate(capacity: self.capacity)
        }

        var top: UInt32 {
            @inline(__always) get { base[count - 1] }
            @inline(__always) set { base[count - 1] = newValue }
        }

        @inline(__always) subscript(i: Int) -> UInt32 { base[i] }

        @inline(__always)
        mutating func push(_ value: UInt32) {
            if count == capacity { grow() }
            base[count] = value
            count += 1
        }

        @inline(never)
        mutating func grow() {
            let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }

        func deallocate() { base.deallocate() }
    }

    enum Frame {
        static let block: UInt32 = 0
        static let object: UInt32 = 1
        static let paren: UInt32 = 2
        static let conditionParen: UInt32 = 3
        static let bracket: UInt32 = 4
        static let template: UInt32 = 5
        /// The body of a function or class expression.
        static let functionBody: UInt32 = 6
        static let ternaryUnit: UInt32 = 8
    }

    init(base: UnsafePointer<UInt8>, start: Int, end: Int, keepComments: Bool,
         output: UnsafeMutablePointer<JSToken>, capacity: Int) {
        self.p = base
        self.pos = start
        self.end = end
        self.keepComments = keepComments
        self.output = output
        self.result = output
        self.capacity = capacity
        self.classes = ByteClass.table
        self.keywords = JSKeywordTable.table
        self.wordEffects = WordEffect.table
    }

    // MARK: Emitting

    /// Writes `token` as token `cur.count`, with no test for room: `run` stops its loop early
    /// enough (see `room`).
    @inline(__always)
    mutating func store(_ token: JSToken, _ cur: inout Cursor) {
        assert(cur.count < capacity, "the main loop must stop while there is room")
        (output + cur.count).initialize(to: token)
        cur.count += 1
    }

    @inline(__always)
    mutating func emit(_ kind: JSTokenKind, from start: Int, detail: UInt8 = 0, flags: JSTokenFlags = JSTokenFlags(),
                       markable: Bool = true, _ cur: inout Cursor) {
        if markable && marking { mark(kind, from: start, to: cur.pos, detail: detail, index: cur.count + tokensBefore) }
        var f = flags
        if cur.newline { f.insert(.newlineBefore) }
        store(JSToken(kind: kind, start: UInt32(truncatingIfNeeded: start),
                      length: UInt32(truncatingIfNeeded: cur.pos - start), detail: detail, flags: f), &cur)
        cur.newline = false
    }

    @inline(__always)
    mutating func emit(_ kind: JSTokenKind, from start: Int, detail: UInt8 = 0, flags: JSTokenFlags = JSTokenFlags()) {
        var cur = cursor
        emit(kind, from: start, detail: detail, flags: flags, &cur)
        cursor = cur
    }

    @inline(__always)
    mutating func emitTrivia(_ kind: JSTokenKind, from start: Int, flags: JSTokenFlags = JSTokenFlags(), _ cur: inout Cursor) {
        guard keepComments else { return }
        var f = flags
        if cur.newline { f.insert(.newlineBefore) }
        store(JSToken(kind: kind, start: UInt32(truncatingIfNeeded: start),
                      length: UInt32(truncatingIfNeeded: cur.pos - start), flags: f), &cur)
    }

    @inline(__always)
    mutating func emitTrivia(_ kind: JSTokenKind, from start: Int, flags: JSTokenFlags = JSTokenFlags()) {
        var cur = cursor
        emitTrivia(kind, from: start, flags: flags, &cur)
        cursor = cur
    }

    /// Marks the token `start..<stop` about to be stored as token `index` when
    /// `JSTokenInterest` asks for it (strings: `emitString`). `kind` is a constant at every call site,
    /// so only one of the two tests is compiled into each.
    @inline(__always)
    mutating func mark(_ kind: JSTokenKind, from start: Int, to stop: Int, detail: UInt8, index: Int) {
        let wanted: Bool
        switch kind {
        case .identifier, .keyword:
            let bit: UInt64 = 1 << UInt64(min(stop - start, 63))
            wanted = wordMasks![Int(p[start])] & bit != 0 && wordMasks![256 + Int(p[stop - 1])] & bit != 0
                && Self.wantsWord(wordMasks!, wordBloom!, kind == .keyword ? keywordNextBytes : nil,
                                  kind == .keyword ? nil : wordFollow, detail, p, start, stop, end)
        case .punctuator:
            wanted = punctuatorMask & (1 << UInt64(detail & 63)) != 0 && Self.mayFollow(punctuatorNextBytes!, detail, p, stop, end)
        default:
            wanted = false
        }
        if wanted { marked.push(UInt32(truncatingIfNeeded: index)) }
    }

    /// Whether the byte at `stop` can start a token that a pattern anchored at the punctuator or
    /// reserved word `detail` needs next (or nothing follows), by its row of `table`
    /// (`punctuatorNextBytes` or `keywordNextBytes`). Out of line: it runs only for wanted
    /// tokens, and inlined it would make `emit` too big for the inliner in `run()`. Static: a
    /// method would get a copy of the whole lexer.
    @inline(never)
    static func mayFollow(_ table: UnsafePointer<UInt64>, _ detail: UInt8, _ p: UnsafePointer<UInt8>, _ stop: Int, _ end: Int) -> Bool {
        guard stop < end else { return true }
        let b = p[stop]
        return table[Int(detail & 63) << 2 | Int(b >> 6)] & (1 << UInt64(b & 63)) != 0
    }

    /// The tests of a word that passed the first- and last-byte masks: its second byte (words of
    /// two bytes or more; a one-byte word reads its only byte again and passes: `bit & 3`), its
    /// bit in the Bloom filter `bloom` (see `JSTokenInterest.wordBloom`), and the byte after it:
    /// for a reserved word by `keywordNext`, for an identifier by `follow` (see
    /// `JSTokenInterest.wordFollow`). Out of line and static, as `mayFollow`: inlined, they
    /// would make `emit` too big for the inliner in `run()`.
    @inline(never)
    static func wantsWord(_ masks: UnsafePointer<UInt64>, _ bloom: UnsafePointer<UInt64>, _ keywordNext: UnsafePointer<UInt64>?,
                          _ follow: UnsafePointer<UInt64>?, _ detail: UInt8, _ p: UnsafePointer<UInt8>,
                          _ start: Int, _ stop: Int, _ end: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(min(stop - start, 63))
        guard masks[512 + Int(p[min(start + 1, stop - 1)])] & bit | (bit & 3) != 0 else { return false }
        let h = WordHash.of(UnsafeBufferPointer(start: p, count: end), start, stop)
        let b = JSTokenInterest.bloomBit(h)
        guard bloom[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return false }
        if let keywordNext { return mayFollow(keywordNext, detail, p, stop, end) }
        guard let follow, stop < end, follow[b >> 6] & (1 << UInt64(b & 63)) == 0 else { return true }
        let c = p[stop]
        if follow[2 * JSTokenInterest.bloomWords + Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 { return true }
        let f = JSTokenInterest.followBit(h, c)
        return follow[JSTokenInterest.bloomWords + f >> 6] & (1 << UInt64(f & 63)) != 0
    }

    /// Emits a string or a template without substitutions, marked (strings are not marked by
    /// `mark`) when `stringTable` wants it, or always without a table.
    @inline(__always)
    mutating func emitString(_ kind: JSTokenKind, from start: Int, flags: JSTokenFlags, _ cur: inout Cursor) {
        if marking && (stringTable == nil || Self.wantsString(stringTable!, wordMasks!, wordBloom!, p, start, cur.pos, end, flags)) {
            marked.push(UInt32(truncatingIfNeeded: cur.count + tokensBefore))
        }
        emit(kind, from: start, flags: flags, &cur)
    }

    @inline(__always)
    mutating func emitString(_ kind: JSTokenKind, from start: Int, flags: JSTokenFlags) {
        var cur = cursor
        emitString(kind, from: start, flags: flags, &cur)
        cursor = cur
    }

    /// Whether the string or template `p[start..<stop]` is one `stringTable` wants: by its raw
    /// text between the delimiters, or by the word tests (string values such as `oneOf` lists
    /// and `x["NAME"]` are in the word tables); always when it has escapes or is unterminated,
    /// since its raw text then is not its value. Out of line: strings are scanned out of line.
    /// Static, as `mayFollow`: a method would get a copy of the whole lexer.
    @inline(never)
    static func wantsString(_ table: UnsafePointer<UInt64>, _ masks: UnsafePointer<UInt64>, _ bloom: UnsafePointer<UInt64>,
                            _ p: UnsafePointer<UInt8>, _ start: Int, _ stop: Int, _ end: Int, _ flags: JSTokenFlags) -> Bool {
        guard !flags.contains(.hasEscapes) && !flags.contains(.unterminated) else { return true }
        let from = start + 1, to = stop - 1
        if JSStringInterest.wakes(table, p, from, to) { return true }
        guard to > from else { return false }
        let bit: UInt64 = 1 << UInt64(min(to - from, 63))
        return masks[Int(p[from])] & bit != 0 && masks[256 + Int(p[to - 1])] & bit != 0
            && wantsWord(masks, bloom, nil, nil, 0, p, from, to, end)
    }

    /// Records what the token just emitted allows next.
    @inline(__always)
    func after(regex: Bool, block: Bool, keyword: UInt8 = 0, _ cur: inout Cursor) {
        cur.regexOK = regex
        cur.braceIsBlock = block
        cur.prevKeyword = keyword
    }

    @inline(__always)
    mutating func after(regex: Bool, block: Bool, keyword: UInt8 = 0) {
        regexOK = regex
        braceIsBlock = block
        prevKeyword = keyword
    }

    @inline(__always)
    mutating func punct(_ p: JSPunctuator, length: Int, regex: Bool = true, block: Bool = false, _ cur: inout Cursor) {
        let start = cur.pos
        cur.pos += length
        emit(.punctuator, from: start, detail: p.rawValue, &cur)
        after(regex: regex, block: block, &cur)
    }

    @inline(__always)
    mutating func punct(_ p: JSPunctuator, length: Int, regex: Bool = true, block: Bool = false) {
        var cur = cursor
        punct(p, length: length, regex: regex, block: block, &cur)
        cursor = cur
    }

    /// The byte at `i`, or 0 at and past the end.
    @inline(__always) func byte(at i: Int) -> UInt8 {
        i < end ? p[i] : 0
    }

    // MARK: Main loop

    /// Tokenizes everything, in runs of the main loop that each fit the room left in `output`;
    /// between them (past 16 M tokens) the tokens go on to a scratch buffer and `overflow`.
    mutating func run() {
        if end - pos >= 2 && p[pos] == 0x23 && p[pos + 1] == 0x21 {  // #!
            let start = pos
            pos = lineEnd(from: pos + 2)
            emitTrivia(.hashbang, from: start)
        }
        while true {
            let room = capacity - count - Self.tokensPerStep
            if room > 0 { scanTokens(until: min(end, pos + room)) }
            if pos >= end { break }
            spill()
        }
        if let scratch {
            overflow.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
            scratch.deallocate()
        } else {
            resultCount = count
        }
    }

    /// The most tokens one step of the main loop emits (`.` and the property name after it).
    /// Every token covers at least one byte, so a loop that starts no step at or past
    /// `pos + room` emits at most `room - 1 + tokensPerStep` tokens: no test per token.
    static let tokensPerStep = 2

    /// Makes room: the first time, the result's storage is full and a scratch buffer takes
    /// over; later, the scratch buffer's tokens move to `overflow`.
    @inline(never)
    mutating func spill() {
        if let scratch {
            overflow.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
        } else {
            resultCount = count
            capacity = max(scratchCapacity, Self.tokensPerStep + 1)
            scratch = .allocate(capacity: capacity)
            output = scratch!
        }
        tokensBefore += count
        count = 0
    }

    /// Whether a significant token (not a comment) was emitted before: a `-->` at the very start
    /// of the input, after comments only, is a comment. Looked up, newest token first (one step
    /// unless comments are kept), instead of tracked at every token.
    func sawSignificantToken(_ cur: Cursor) -> Bool {
        func any(_ tokens: UnsafePointer<JSToken>, _ n: Int) -> Bool {
            var i = n - 1
            while i >= 0 {
                if !tokens[i].isTrivia { return true }
                i -= 1
            }
            return false
        }
        if any(output, cur.count) { return true }
        // Past the reservation, `output` is the scratch buffer: the older tokens are elsewhere.
        guard scratch != nil else { return false }
        return overflow.reversed().contains { !$0.isTrivia } || any(result, resultCount)
    }

    /// The main loop: one step per token (or run of white space), starting none at or past `limit`.
    mutating func scanTokens(until limit: Int) {
        var cur = cursor
        while cur.pos < limit {
            let before = cur.pos
            let countBefore = cur.count
            let first = p[cur.pos]
            switch unsafeBitCast(classes[Int(first)], to: ByteClass.self) {
            case .space, .newline:
                // Runs of white space (indentation) in a tight loop, not one dispatch per byte.
                var i = cur.pos
                var sawNewline = false
                while i < end {
                    let b = p[i]
                    if b == 0x20 || b == 0x09 {
                        i += 1
                    } else if b == 0x0A || b == 0x0D {
                        sawNewline = true
                        i += 1
                    } else if b == 0x0B || b == 0x0C {
                        i += 1
                    } else {
                        break
                    }
                }
                cur.pos = i
                if sawNewline { cur.newline = true }
            case .identStart:
                let start = cur.pos
                let name = scanName(from: start)
                cur.pos = name.end
                if let k = name.keyword {
                    emitWord(k, from: start, &cur)
                } else {
                    emit(.identifier, from: start, flags: name.flags, &cur)
                    after(regex: false, block: true, &cur)
                }
            case .digit:
                // Decimal integers with nothing after them that could extend them (`0`, `1`, `200`:
                // most numbers in minified code) here; fractions, exponents, radix prefixes,
                // BigInts, separators and legacy octals (`0` then a digit) out of line.
                let start = cur.pos
                var i = start + 1
                if first != 0x30 { while i < end && JSChar.isDigit(p[i]) { i += 1 } }
                if i < end && Self.numberGoesOn & (1 << UInt64(classes[Int(p[i])])) != 0 {
                    outOfLine(&cur) { $0.scanNumber() }
                } else {
                    cur.pos = i
                    emit(.number, from: start, &cur)
                    after(regex: false, block: true, &cur)
                }
            case .quote:
                // Strings of up to 15 bytes without escapes (most of them) here, the rest out of line.
                let start = cur.pos
                let close = end - start > 16 ? Self.shortStringEnd(p + start, quote: first) : 0
                if close == 0 {
                    outOfLine(&cur) { $0.scanString(quote: first) }
                } else {
                    cur.pos = start + close
                    emitString(.string, from: start, flags: JSTokenFlags(), &cur)
                    after(regex: false, block: true, &cur)
                }
            case .backtick:
                outOfLine(&cur) { $0.scanTemplate(from: $0.pos, continuation: false) }
            case .dot:
                let c1 = byte(at: cur.pos + 1)
                if JSChar.isDigit(c1) {
                    outOfLine(&cur) { $0.scanNumber() }
                } else if c1 == 0x2E && byte(at: cur.pos + 2) == 0x2E {
                    punct(.ellipsis, length: 3, &cur)
                } else {
                    let start = cur.pos
                    cur.pos += 1
                    emit(.punctuator, from: start, detail: JSPunctuator.dot.rawValue, &cur)
                    after(regex: false, block: false, &cur)
                    scanPropertyName(&cur)
                }
            case .leftParen:
                let k = cur.prevKeyword
                let condition = k == JSKeyword.if.rawValue || k == JSKeyword.while.rawValue
                    || k == JSKeyword.for.rawValue || k == JSKeyword.with.rawValue
                frames.push(condition ? Frame.conditionParen : Frame.paren)
                punct(.leftParen, length: 1, &cur)
            case .rightParen:
                var regex = false
                if let f = popFrame(kinds: 1 << Frame.paren | 1 << Frame.conditionParen) {
                    regex = f == Frame.conditionParen
                }
                punct(.rightParen, length: 1, regex: regex, block: true, &cur)
            case .leftBracket:
                frames.push(Frame.bracket)
                punct(.leftBracket, length: 1, &cur)
            case .rightBracket:
                _ = popFrame(kinds: 1 << Frame.bracket)
                punct(.rightBracket, length: 1, regex: false, block: true, &cur)
            case .leftBrace:
                if frames.count == functionBodyDepth {
                    frames.push(Frame.functionBody)
                    functionBodyDepth = -1
                } else {
                    frames.push(cur.braceIsBlock ? Frame.block : Frame.object)
                }
                punct(.leftBrace, length: 1, regex: true, block: true, &cur)
            case .rightBrace:
                // A `}` closing a block, an object literal or a function body here; one that
                // resumes a template, or a stray one, out of line.
                let top = frames.top & 7
                if frames.count > 1 && (1 << Frame.block | 1 << Frame.object | 1 << Frame.functionBody) >> top & 1 != 0 {
                    frames.count -= 1
                    punct(.rightBrace, length: 1, regex: top == Frame.block, block: true, &cur)
                } else {
                    outOfLine(&cur) { $0.closeBrace() }
                }
            case .semicolon:
                punct(.semicolon, length: 1, regex: true, block: true, &cur)
            case .comma:
                punct(.comma, length: 1, &cur)
            case .tilde:
                punct(.tilde, length: 1, &cur)
            case .colon:
                let top = frames.top
                var block = false
                if top >= Frame.ternaryUnit {
                    frames.top = top - Frame.ternaryUnit
                } else {
                    block = top == Frame.block
                }
                punct(.colon, length: 1, regex: true, block: block, &cur)
            case .question:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x3F {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.question2Assign, length: 3, &cur) } else { punct(.question2, length: 2, &cur) }
                } else if c1 == 0x2E && !JSChar.isDigit(byte(at: cur.pos + 2)) {
                    punct(.questionDot, length: 2, regex: false, &cur)
                    scanPropertyName(&cur)
                } else {
                    frames.top += Frame.ternaryUnit
                    punct(.question, length: 1, &cur)
                }
            case .less:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x21 && byte(at: cur.pos + 2) == 0x2D && byte(at: cur.pos + 3) == 0x2D {  // <!--
                    let start = cur.pos
                    cur.pos = lineEnd(from: cur.pos + 4)
                    emitTrivia(.htmlComment, from: start, &cur)
                } else if c1 == 0x3C {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.shiftLeftAssign, length: 3, &cur) } else { punct(.shiftLeft, length: 2, &cur) }
                } else if c1 == 0x3D {
                    punct(.lessEqual, length: 2, &cur)
                } else {
                    punct(.less, length: 1, &cur)
                }
            case .greater:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x3E {
                    let c2 = byte(at: cur.pos + 2)
                    if c2 == 0x3E {
                        if byte(at: cur.pos + 3) == 0x3D { punct(.shiftRightUnsignedAssign, length: 4, &cur) } else { punct(.shiftRightUnsigned, length: 3, &cur) }
                    } else if c2 == 0x3D {
                        punct(.shiftRightAssign, length: 3, &cur)
                    } else {
                        punct(.shiftRight, length: 2, &cur)
                    }
                } else if c1 == 0x3D {
                    punct(.greaterEqual, length: 2, &cur)
                } else {
                    punct(.greater, length: 1, &cur)
                }
            case .equal:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x3D {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.equal3, length: 3, &cur) } else { punct(.equal2, length: 2, &cur) }
                } else if c1 == 0x3E {
                    punct(.arrow, length: 2, regex: true, block: true, &cur)
                } else {
                    punct(.assign, length: 1, &cur)
                }
            case .bang:
                if byte(at: cur.pos + 1) == 0x3D {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.notEqual2, length: 3, &cur) } else { punct(.notEqual, length: 2, &cur) }
                } else {
                    punct(.bang, length: 1, &cur)
                }
            case .plus:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x2B { punct(.plus2, length: 2, regex: false, block: true, &cur) }
                else if c1 == 0x3D { punct(.plusAssign, length: 2, &cur) }
                else { punct(.plus, length: 1, &cur) }
            case .minus:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x2D {
                    if byte(at: cur.pos + 2) == 0x3E && (cur.newline || !sawSignificantToken(cur)) {  // line-initial -->
                        let start = cur.pos
                        cur.pos = lineEnd(from: cur.pos + 3)
                        emitTrivia(.htmlComment, from: start, &cur)
                    } else {
                        punct(.minus2, length: 2, regex: false, block: true, &cur)
                    }
                } else if c1 == 0x3D { punct(.minusAssign, length: 2, &cur) }
                else { punct(.minus, length: 1, &cur) }
            case .star:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x2A {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.star2Assign, length: 3, &cur) } else { punct(.star2, length: 2, &cur) }
                } else if c1 == 0x3D { punct(.starAssign, length: 2, &cur) }
                else { punct(.star, length: 1, &cur) }
            case .percent:
                if byte(at: cur.pos + 1) == 0x3D { punct(.percentAssign, length: 2, &cur) } else { punct(.percent, length: 1, &cur) }
            case .ampersand:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x26 {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.ampersand2Assign, length: 3, &cur) } else { punct(.ampersand2, length: 2, &cur) }
                } else if c1 == 0x3D { punct(.ampersandAssign, length: 2, &cur) }
                else { punct(.ampersand, length: 1, &cur) }
            case .bar:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x7C {
                    if byte(at: cur.pos + 2) == 0x3D { punct(.bar2Assign, length: 3, &cur) } else { punct(.bar2, length: 2, &cur) }
                } else if c1 == 0x3D { punct(.barAssign, length: 2, &cur) }
                else { punct(.bar, length: 1, &cur) }
            case .caret:
                if byte(at: cur.pos + 1) == 0x3D { punct(.caretAssign, length: 2, &cur) } else { punct(.caret, length: 1, &cur) }
            case .slash:
                let c1 = byte(at: cur.pos + 1)
                if c1 == 0x2F {
                    let start = cur.pos
                    cur.pos = lineEnd(from: cur.pos + 2)
                    emitTrivia(.lineComment, from: start, &cur)
                } else if c1 == 0x2A {
                    outOfLine(&cur) { $0.scanBlockComment() }
                } else if cur.regexOK {
                    outOfLine(&cur) { $0.scanRegex() }
                } else if c1 == 0x3D {
                    punct(.slashAssign, length: 2, &cur)
                } else {
                    punct(.slash, length: 1, &cur)
                }
            case .hash:
                outOfLine(&cur) { $0.scanPrivateName() }
            case .backslash:
                outOfLine(&cur) { $0.scanEscapedIdentifierOrInvalid() }
            case .nonASCII:
                outOfLine(&cur) { $0.scanNonASCII() }
            case .invalid:
                outOfLine(&cur) { $0.invalid(length: 1) }
            }
            assert(cur.pos > before, "the tokenizer must advance")
            assert(cur.count - countBefore <= Self.tokensPerStep, "a step emits at most tokensPerStep tokens")
        }
        cursor = cur
    }

    /// The byte classes that can continue a decimal integer's token (`.5`, `e3`, `n`, `_0`, `x1`
    /// after `0`, a digit after `0`) or make it malformed (an identifier part right after it).
    /// A computed constant: a stored one would be a lazy global, checked at every number.
    @inline(__always) static var numberGoesOn: UInt64 {
        1 << UInt64(ByteClass.identStart.rawValue) | 1 << UInt64(ByteClass.digit.rawValue) | 1 << UInt64(ByteClass.dot.rawValue)
            | 1 << UInt64(ByteClass.backslash.rawValue) | 1 << UInt64(ByteClass.nonASCII.rawValue)
    }

    /// Runs a scanner that works on the lexer's stored state, handing `cur` over and back.
    @inline(__always)
    mutating func outOfLine(_ cur: inout Cursor, _ scan: (inout JSLexer) -> Void) {
        cursor = cur
        scan(&self)
        cur = cursor
    }

    /// Pops the innermost frame when its kind is in the bit set `kinds`, or — to recover from a
    /// mismatched closer such as `(}` — a matching frame at most 8 levels down, with the
    /// frames above it. Returns the popped kind, or nil (stray closer: nothing popped).
    @inline(__always)
    mutating func popFrame(kinds: UInt32) -> UInt32? {
        var i = frames.count - 1
        let lowest = max(1, i - 8)
        while i >= lowest {
            let kind = frames[i] & 7
            if (kinds >> kind) & 1 != 0 {
                frames.count = i
                return kind
            }
            i -= 1
        }
        return nil
    }

    @inline(never)
    mutating func closeBrace() {
        let top = frames.top & 7
        if top == Frame.template && frames.count > 1 {
            scanTemplate(from: pos, continuation: true)
            return
        }
        let kind = popFrame(kinds: 1 << Frame.block | 1 << Frame.object | 1 << Frame.template
                                   | 1 << Frame.functionBody)
        if kind == Frame.template {
            // `${ ( }`: the unclosed brackets inside the substitution were dropped.
            frames.push(Frame.template)
            scanTemplate(from: pos, continuation: true)
            return
        }
        punct(.rightBrace, length: 1, regex: kind != Frame.object && kind != Frame.functionBody, block: true)
    }

    @inline(never)
    mutating func invalid(length: Int) {
        let start = pos
        pos = min(end, pos + max(1, length))
        emit(.invalid, from: start)
        after(regex: true, block: false)
    }

    /// The length of the string at `s` (its opening `quote` at `s[0]`, 17 readable bytes) when it
    /// closes within the next 16 bytes with no backslash or line break before its closing quote,
    /// else 0. Two words tested at once, no loop: one branch for the common short string.
    @inline(__always)
    static func shortStringEnd(_ s: UnsafePointer<UInt8>, quote: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func stops(_ w: UInt64) -> UInt64 {
            let xq = w ^ (ones &* UInt64(quote)), xb = w ^ (ones &* 0x5C), xl = w ^ (ones &* 0x0A), xr = w ^ (ones &* 0x0D)
            return ((xq &- ones) & ~xq | (xb &- ones) & ~xb | (xl &- ones) & ~xl | (xr &- ones) & ~xr) & highs
        }
        // In each word the lowest flagged byte is a true match; bytes after it may be false ones.
        let a = stops(IdentifierRun.load(s + 1)), b = stops(IdentifierRun.load(s + 9))
        let at = a != 0 ? a.trailingZeroBitCount >> 3 : b != 0 ? 8 + b.trailingZeroBitCount >> 3 : 16
        return at < 16 && s[1 + at] == quote ? at + 2 : 0
    }

    /// The first offset at or after `i0` holding one of the four bytes, or `end`. Sixteen bytes
    /// at a time, then eight (the classic "has a zero byte" bit trick on `word ^
    /// broadcast(target)`: the lowest flagged byte is always a true match, so the trailing zero
    /// count finds it), then one.
    @inline(__always)
    func skip(from i0: Int, until a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        var i = i0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ma = ones &* UInt64(a), mb = ones &* UInt64(b), mc = ones &* UInt64(c), md = ones &* UInt64(d)
        // Sixteen bytes a step (SSE2 compares, see ByteMasks16.h), then eight, then one.
        while i + 16 <= end {
            let m = livegate_find4_16(p + i, a, b, c, d)
            if m != 0 { return i + m.trailingZeroBitCount }
            i += 16
        }
        while i + 8 <= end {
            let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let xa = w ^ ma, xb = w ^ mb, xc = w ^ mc, xd = w ^ md
            let m = ((xa &- ones) & ~xa) | ((xb &- ones) & ~xb) | ((xc &- ones) & ~xc) | ((xd &- ones) & ~xd)
            let hit = m & highs
            if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end {
            let x = p[i]
            if x == a || x == b || x == c || x == d { return i }
            i += 1
        }
        return end
    }

    /// The offset of the next line terminator (LF, CR, LS, PS) at or after `i`, or `end`.
    @inline(__always)
    func lineEnd(from i0: Int) -> Int {
        var i = i0
        while true {
            i = skip(from: i, until: 0x0A, 0x0D, 0xE2, 0x0A)
            guard i < end else { break }
            let c = p[i]
            if c == 0x0A || c == 0x0D { return i }
            if c == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) { return i }
            i += 1
        }
        return end
    }

    // MARK: Identifiers

    /// Measures the name at `start` (its first byte an ASCII identifier start): its end, its
    /// flags (`.hasEscapes`) and the keyword it spells (none when it goes on past ASCII).
    /// Inline only for the common case, an ASCII name of up to seven bytes followed by ASCII.
    @inline(__always)
    mutating func scanName(from start: Int) -> (end: Int, keyword: JSKeyword?, flags: JSTokenFlags) {
        if end - start >= 8 {
            let name = IdentifierRun.shortName(at: p + start)
            if name.length != 0 {
                return (start &+ name.length, JSKeywordTable.keyword(word: name.word, length: name.length, table: keywords),
                        JSTokenFlags())
            }
        }
        return scanLongName(from: start)
    }

    /// `scanName` for names of eight bytes or more, in the last eight bytes of the input, or
    /// going on past ASCII.
    @inline(never)
    mutating func scanLongName(from start: Int) -> (end: Int, keyword: JSKeyword?, flags: JSTokenFlags) {
        let i = IdentifierRun.end(of: p, from: start + 1, end: end)
        if i < end && (p[i] >= 0x80 || p[i] == 0x5C) {
            var flags: JSTokenFlags = JSTokenFlags()
            return (Self.scanIdentifierTail(p, end, from: i, flags: &flags), nil, flags)
        }
        return (i, JSKeywordTable.lookup(p + start, i - start, readableUpTo: p + end, table: keywords), JSTokenFlags())
    }

    /// `function` / `class` where an expression is expected (`x = function(){}`): its body,
    /// the next `{` at this bracket depth, closes like an object literal (division follows).
    @inline(__always)
    mutating func noteFunctionOrClass(_ cur: Cursor) {
        functionBodyDepth = cur.braceIsBlock ? -1 : frames.count
    }

    @inline(never)
    mutating func emitWord(_ k: JSKeyword, from start: Int, _ cur: inout Cursor) {
        if marking {
            let wanted: Bool
            if cur.pos < end {
                let b = p[cur.pos]
                wanted = keywordRows![Int(k.rawValue) << 2 | Int(b >> 6)] & (1 << UInt64(b & 63)) != 0
            } else {
                wanted = keywordAtEnd & (1 << UInt64(k.rawValue & 63)) != 0
            }
            if wanted { marked.push(UInt32(truncatingIfNeeded: cur.count + tokensBefore)) }
        }
        emit(k.isReserved ? .keyword : .identifier, from: start, detail: k.rawValue, markable: false, &cur)
        let effect = wordEffects[Int(k.rawValue)]
        if effect & WordEffect.functionOrClass != 0 { noteFunctionOrClass(cur) }
        let forAwait = k == .await && cur.prevKeyword == JSKeyword.for.rawValue
        after(regex: effect & WordEffect.regex != 0, block: effect & WordEffect.block != 0,
              keyword: forAwait ? cur.prevKeyword : k.rawValue, &cur)
    }

    /// After `.` / `?.`: a word is a property name (never a keyword), even `x.return`.
    /// Inline only for the common case, an ASCII name of up to 15 bytes right after the dot.
    @inline(__always)
    mutating func scanPropertyName(_ cur: inout Cursor) {
        let start = cur.pos
        let shortLength = end - start >= 16 && classes[Int(p[start])] == ByteClass.identStart.rawValue
            ? IdentifierRun.nameUnder16(at: p + start) : 0
        let name = shortLength != 0 ? (start, start &+ shortLength, JSTokenFlags(), false)
                                    : scanSpacedOrLongPropertyName(from: start)
        if name.newline { cur.newline = true }
        cur.pos = name.start
        guard let nameEnd = name.end else { return }  // no name: the main loop goes on
        cur.pos = nameEnd
        emit(.identifier, from: name.start, flags: name.flags, &cur)
        after(regex: false, block: true, &cur)
    }

    /// `scanPropertyName` past white space, for names of eight bytes or more, in the last eight
    /// bytes of the input, or going on past ASCII. Returns where the name starts, its end (nil
    /// when what follows is no name), its flags and whether a line break preceded it.
    @inline(never)
    mutating func scanSpacedOrLongPropertyName(from i0: Int) -> (start: Int, end: Int?, flags: JSTokenFlags, newline: Bool) {
        var i = i0
        var newline = false
        while i < end {
            let c = p[i]
            if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C { i += 1; continue }
            if c == 0x0A || c == 0x0D { newline = true; i += 1; continue }
            break
        }
        guard i < end, JSChar.isASCIIIdentStart(p[i]) else { return (i, nil, JSTokenFlags(), newline) }
        let start = i
        i = IdentifierRun.end(of: p, from: i + 1, end: end)
        var flags: JSTokenFlags = JSTokenFlags()
        if i < end && (p[i] >= 0x80 || p[i] == 0x5C) {
            i = Self.scanIdentifierTail(p, end, from: i, flags: &flags)
        }
        return (start, i, flags, newline)
    }

    /// Continues an identifier through ASCII parts, `\u` escapes and non-ASCII ID_Continue. Static:
    /// called from the lexer's mutating methods, a method would get a copy of the whole lexer.
    static func scanIdentifierTail(_ p: UnsafePointer<UInt8>, _ end: Int, from i0: Int, flags: inout JSTokenFlags) -> Int {
        var i = i0
        while i < end {
            let c = p[i]
            if c < 0x80 {
                if JSChar.isASCIIIdentPart(c) { i += 1; continue }
                if c == 0x5C {
                    let (v, n) = JSChar.unicodeEscape(p, i, end)
                    if let v, JSChar.isIdentPart(v) {
                        flags.insert(.hasEscapes)
                        i += n
                        continue
                    }
                }
                return i
            }
            let (s, n) = JSChar.decode(p, i, end)
            guard let s, JSChar.isIdentPart(s) else { return i }
            i += n
        }
        return i
    }

    @inline(never)
    mutating func scanEscapedIdentifierOrInvalid() {
        let (v, n) = JSChar.unicodeEscape(p, pos, end)
        guard let v, JSChar.isIdentStart(v) else {
            invalid(length: 1)
            return
        }
        let start = pos
        var flags: JSTokenFlags = [.hasEscapes]
        pos = Self.scanIdentifierTail(p, end, from: pos + n, flags: &flags)
        emit(.identifier, from: start, flags: flags)
        after(regex: false, block: true)
    }

    @inline(never)
    mutating func scanPrivateName() {
        let start = pos
        let i = pos + 1
        var flags: JSTokenFlags = JSTokenFlags()
        var bodyStart = -1
        if i < end {
            let c = p[i]
            if JSChar.isASCIIIdentStart(c) {
                bodyStart = i + 1
            } else if c == 0x5C {
                let (v, n) = JSChar.unicodeEscape(p, i, end)
                if let v, JSChar.isIdentStart(v) {
                    bodyStart = i + n
                    flags.insert(.hasEscapes)
                }
            } else if c >= 0x80 {
                let (s, n) = JSChar.decode(p, i, end)
                if let s, JSChar.isIdentStart(s) { bodyStart = i + n }
            }
        }
        guard bodyStart >= 0 else {
            invalid(length: 1)
            return
        }
        pos = Self.scanIdentifierTail(p, end, from: bodyStart, flags: &flags)
        emit(.privateName, from: start, flags: flags)
        after(regex: false, block: true)
    }

    @inline(never)
    mutating func scanNonASCII() {
        let (s, n) = JSChar.decode(p, pos, end)
        if let s {
            if JSChar.isLineSeparator(s) {
                pos += n
                newline = true
                return
            }
            if JSChar.isNonASCIIWhitespace(s) {
                pos += n
                return
            }
            if JSChar.isIdentStart(s) {
                let start = pos
                var flags: JSTokenFlags = JSTokenFlags()
                pos = Self.scanIdentifierTail(p, end, from: pos + n, flags: &flags)
                emit(.identifier, from: start, flags: flags)
                after(regex: false, block: true)
                return
            }
        }
        invalid(length: n)
    }

    // MARK: Numbers

    /// Digits of `radix` (2, 8, 10, 16) with numeric separators; a misplaced `_` sets `.malformed`.
    @inline(__always)
    func scanDigits(from i0: Int, radix: UInt32, flags: inout JSTokenFlags) -> Int {
        var i = i0
        while i < end {
            let c = p[i]
            if c == 0x5F {
                let prevOK = i > i0 && p[i - 1] != 0x5F
                let next = i + 1 < end ? p[i + 1] : 0
                let nextOK = next != 0x5F && (JSChar.hexValue(next).map { $0 < radix } ?? false)
                if !prevOK || !nextOK { flags.insert(.malformed) }
                i += 1
                continue
            }
            if radix == 16 {
                guard JSChar.hexValue(c) != nil else { break }
            } else {
                guard c &- 0x30 < radix else { break }
            }
            i += 1
        }
        return i
    }

    mutating func scanNumber() {
        let start = pos
        var i = pos
        var flags: JSTokenFlags = JSTokenFlags()
        var kind = JSTokenKind.number
        defer {
            pos = i
            emit(kind, from: start, flags: flags)
            after(regex: false, block: true)
        }
        if p[i] == 0x30 && i + 1 < end {
            let c1 = p[i + 1] | 0x20
            let radix: UInt32 = c1 == 0x78 ? 16 : c1 == 0x6F ? 8 : c1 == 0x62 ? 2 : 0
            if radix != 0 {
                i += 2
                let digits = i
                i = scanDigits(from: i, radix: radix, flags: &flags)
                if i == digits { flags.insert(.malformed) }
                if i < end && p[i] == 0x6E { kind = .bigint; i += 1 }
                return
            }
            if JSChar.isDigit(p[i + 1]) {
                // Legacy octal (017) or non-octal decimal (08, 09.5): no separators, no BigInt.
                flags.insert(.legacyOctal)
                i += 1
                var octal = true
                while i < end && JSChar.isDigit(p[i]) {
                    if p[i] >= 0x38 { octal = false }
                    i += 1
                }
                if octal { return }
                scanFractionAndExponent(&i, &flags)
                return
            }
        }
        if p[i] != 0x2E {
            i = scanDigits(from: i, radix: 10, flags: &flags)
            if i < end && p[i] == 0x6E {
                kind = .bigint
                i += 1
                return
            }
        }
        scanFractionAndExponent(&i, &flags)
    }

    @inline(__always)
    func scanFractionAndExponent(_ i: inout Int, _ flags: inout JSTokenFlags) {
        if i < end && p[i] == 0x2E {
            i += 1
            if i < end && p[i] == 0x5F { flags.insert(.malformed) }
            i = scanDigits(from: i, radix: 10, flags: &flags)
        }
        if i < end && p[i] | 0x20 == 0x65 {
            var j = i + 1
            if j < end && (p[j] == 0x2B || p[j] == 0x2D) { j += 1 }
            if j < end && JSChar.isDigit(p[j]) {
                i = scanDigits(from: j, radix: 10, flags: &flags)
            } else {
                flags.insert(.malformed)
                i = j
            }
        }
    }

    // MARK: Strings, templates, regexes, comments

    mutating func scanString(quote: UInt8) {
        let start = pos
        var i = pos + 1
        var flags: JSTokenFlags = JSTokenFlags()
        while true {
            i = skip(from: i, until: quote, 0x5C, 0x0A, 0x0D)
            guard i < end else {
                flags.insert(.unterminated)
                break
            }
            let c = p[i]
            if c == quote { i += 1; break }
            if c == 0x5C {
                flags.insert(.hasEscapes)
                i += 1
                if i < end {
                    if p[i] == 0x0D && i + 1 < end && p[i + 1] == 0x0A { i += 2 } else { i += 1 }
                }
                continue
            }
            if c == 0x0A || c == 0x0D {
                flags.insert(.unterminated)
                break
            }
            i += 1
        }
        pos = i
        emitString(.string, from: start, flags: flags)
        after(regex: false, block: true)
    }

    /// Scans a template part starting at `` ` `` (`continuation == false`) or at the `}` that
    /// closes a substitution (`continuation == true`, the template frame is on top).
    mutating func scanTemplate(from start: Int, continuation: Bool) {
        var i = start + 1
        var flags: JSTokenFlags = JSTokenFlags()
        var opensSubstitution = false
        while true {
            i = skip(from: i, until: 0x60, 0x24, 0x5C, 0x0D)
            guard i < end else {
                flags.insert(.unterminated)
                break
            }
            let c = p[i]
            if c == 0x60 { i += 1; break }
            if c == 0x24 && i + 1 < end && p[i + 1] == 0x7B {
                i += 2
                opensSubstitution = true
                break
            }
            if c == 0x5C {
                flags.insert(.hasEscapes)
                i = min(end, i + 2)
                continue
            }
            if c == 0x0D { flags.insert(.hasEscapes) }
            i += 1
        }
        pos = i
        if opensSubstitution {
            if !continuation { frames.push(Frame.template) }
            emit(continuation ? .templateMiddle : .templateHead, from: start, flags: flags)
            after(regex: true, block: false)
        } else {
            if continuation && frames.count > 1 { frames.count -= 1 }
            if continuation { emit(.templateTail, from: start, flags: flags) } else { emitString(.template, from: start, flags: flags) }
            after(regex: false, block: true)
        }
    }

    @inline(never)
    mutating func scanRegex() {
        let start = pos
        var i = pos + 1
        var inClass = false
        var flags: JSTokenFlags = JSTokenFlags()
        while true {
            guard i < end else {
                flags.insert(.unterminated)
                break
            }
            let c = p[i]
            if c == 0x0A || c == 0x0D
                || (c == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
                flags.insert(.unterminated)
                break
            }
            if c == 0x5C {
                i += 1
                if i < end && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                continue
            }
            if c == 0x5B {
                inClass = true
            } else if c == 0x5D {
                inClass = false
            } else if c == 0x2F && !inClass {
                i += 1
                // Flags: identifier parts (`dgimsuyv` are the valid ones; others are kept so
                // that the token boundary matches the grammar's).
                var ignored: JSTokenFlags = JSTokenFlags()
                if i < end && (JSChar.isASCIIIdentPart(p[i]) || p[i] >= 0x80) {
                    i = Self.scanIdentifierTail(p, end, from: i, flags: &ignored)
                }
                break
            }
            i += 1
        }
        pos = i
        emit(.regex, from: start, flags: flags)
        after(regex: false, block: true)
    }

    @inline(never)
    mutating func scanBlockComment() {
        let start = pos
        var i = pos + 2
        var flags: JSTokenFlags = JSTokenFlags()
        var lineBreak = false
        while true {
            i = skip(from: i, until: 0x2A, 0x0A, 0x0D, 0xE2)
            guard i < end else {
                flags.insert(.unterminated)
                break
            }
            let c = p[i]
            if c == 0x2A {
                if i + 1 < end && p[i + 1] == 0x2F { i += 2; break }
            } else if c == 0x0A || c == 0x0D {
                lineBreak = true
            } else if c == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
                lineBreak = true
            }
            i += 1
        }
        pos = i
        // The comment's own `.newlineBefore` tells the breaks before it; the next token's
        // includes the breaks inside it.
        emitTrivia(.blockComment, from: start, flags: flags)
        if lineBreak { newline = true }
    }
}
