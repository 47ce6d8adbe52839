/// Signature files compiled once into an index by first fixed token, so that the matcher looks
/// at each token once and tries only the patterns that can start there. Immutable, and a class:
/// the matcher's mutating methods would otherwise copy the whole struct (and retain each of its
/// arrays) wherever they read one of its tables.
public final class SignatureSet: Sendable {
    public let signatures: [Signature]
    /// Fact kinds declared by the files, with their attributes (for the rules' catalog).
    public let kinds: [String: Set<String>]
    /// The files the set was compiled from, in order.
    public let files: [String]

    /// What is anchored at one word (or string value). Immutable once built: a class so that the
    /// hot loop passes a reference, with `let`s so that reading it needs no exclusivity check.
    final class WordEntry: Sendable {
        let text: [UInt8]
        let words: [(signature: Int, back: Int)]
        let callees: [Int]
        let stringValues: [Int]
        /// Punctuators that can follow the word for some callee pattern (bit = raw value), or
        /// `anyNext` when some callee pattern accepts any next token.
        let calleeNext: UInt64
        let calleeAnyNext: Bool
        /// Some callee pattern calls the word directly (`NAME(`): only then can an alias of it
        /// (`f = x.NAME; f(…)`) match, so only then is an alias worth recording.
        let calleeCalled: Bool

        init(_ d: Draft) {
            text = d.text
            words = d.words
            callees = d.callees
            stringValues = d.stringValues
            calleeNext = d.calleeNext
            calleeAnyNext = d.calleeAnyNext
            calleeCalled = d.calleeCalled
        }

        /// A `WordEntry` while the set is built.
        struct Draft {
            let text: [UInt8]
            var words: [(signature: Int, back: Int)] = []
            var callees: [Int] = []
            var stringValues: [Int] = []
            var calleeNext: UInt64 = 0
            var calleeAnyNext = false
            var calleeCalled = false
        }
    }

    /// Word (and string value) index by the bytes' hash (`hash`).
    let wordTable: WordTable
    /// `lengthMask[firstByte]` has bit `min(length, 63)` set when some indexed word could match.
    let lengthMask: [UInt64]
    /// The same for the word's last byte: `lastByteMask[lastByte]`.
    let lastByteMask: [UInt64]
    let punctIndex: [[Int]]
    /// Bit n set when `punctIndex[n]` is not empty.
    let punctMask: UInt64
    /// For `punctIndex[n]`: the token kinds (bit = `JSTokenKind` raw value) that may follow the
    /// punctuator in one of its patterns. `( $num , …` is not tried at a `(` followed by a name.
    let punctNextKinds: [UInt32]
    /// The tokens a match can start at, for `JSTokenizer.tokenize(_:range:marking:)`.
    public let interest: JSTokenInterest
    /// Patterns anchored at any string token, and what picks those a string can wake.
    let strings: StringAnchors
    /// Whether some pattern is anchored at a string value.
    let hasStringValues: Bool
    let boundIndex: [String: [Int]]
    /// Every file-path filter used by some signature (for the scan cache key).
    let pathFilters: [String]
    /// Plain-data copies of each signature's quick checks (whole pattern and rest after a
    /// leading `$callee`/`$bound`), so the hot loop never touches a `Signature` reference.
    let flat: FlatQuick

    public static let empty = SignatureSet(
        signatures: [], kinds: [:], files: [], wordTable: WordTable([]), lengthMask: Array(repeating: 0, count: 256), lastByteMask: Array(repeating: 0, count: 256),
        punctIndex: Array(repeating: [], count: 64), strings: StringAnchors([], indices: [], gates: [], grams: GramIndex([])),
        hasStringValues: false, boundIndex: [:], pathFilters: [], flat: FlatQuick([]))

    /// Compiles signature files (name for messages, JSON text). Ids and kinds are per file;
    /// a `$bound(class)` needs a signature that binds `class` somewhere in the set.
    public static func compile(files: [(name: String, text: String)]) throws(ConfigError) -> SignatureSet {
        var signatures: [Signature] = []
        var paths: [String] = []
        var kinds: [String: Set<String>] = [:]
        var kindSource: [String: String] = [:]
        for (name, text) in files {
            let parsed = try SignatureLoader.parse(file: name, text: text, firstOrder: signatures.count)
            for (kind, attributes) in parsed.kinds {
                kinds[kind, default: []].formUnion(attributes)
                kindSource[kind] = kindSource[kind] ?? name
            }
            for (s, p) in parsed.signatures {
                signatures.append(s)
                paths.append(p)
            }
        }
        // Bindings: the names a `$bound(class)` pattern imports are the captures of the binders.
        var binderNames: [String: Set<String>] = [:]
        for s in signatures {
            if let cls = s.bind { binderNames[cls, default: []].formUnion(s.pattern.captureNames) }
        }
        for index in signatures.indices {
            guard case .bound(let cls)? = signatures[index].pattern.elements.first else { continue }
            let file = signatures[index].file
            guard let imported = binderNames[cls] else {
                throw ConfigError(file: file, path: paths[index] + ".pattern",
                                  message: "no signature binds \"\(cls)\" (add \"bind\": \"\(cls)\" to a definition)")
            }
            for name in signatures[index].pattern.captureNames where !name.hasSuffix(".class") && !imported.contains(name)
                && !signatures[index].pattern.elements.capturesName(name, in: signatures[index].pattern.captureNames) {
                throw ConfigError(file: file, path: paths[index] + ".where." + name,
                                  message: "neither the pattern nor a \"\(cls)\" binding captures \"\(name)\"")
            }
            let own = Set(signatures[index].pattern.captureNames)
            let known = own.union(imported)
            if let e = signatures[index].emit {
                var templates: [(String, Template)] = [("emit.key", e.key)]
                templates += e.attributes.map { ("emit.attributes.\($0.name)", $0.value) }
                templates += e.whenFileHas.map { ("emit.whenFileHas.\($0.name)", $0.key) }
                templates += e.requires.enumerated().map { ("emit.requires[\($0.offset)]", $0.element.key) }
                for (where_, t) in templates {
                    for p in t.placeholders where !known.contains(p) {
                        let hint = Suggestion.closest(to: p, in: known).map { " (did you mean {\($0)}?)" } ?? ""
                        throw ConfigError(file: file, path: paths[index] + "." + where_,
                                          message: "placeholder {\(p)} is filled by no capture\(hint)")
                    }
                }
            }
        }
        return build(signatures: signatures, kinds: kinds, files: files.map(\.name))
    }

    static func build(signatures: [Signature], kinds: [String: Set<String>], files: [String]) -> SignatureSet {
        var drafts: [[UInt8]: WordEntry.Draft] = [:]
        var mask = [UInt64](repeating: 0, count: 256)
        var lastMask = [UInt64](repeating: 0, count: 256)
        var secondMask = [UInt64](repeating: 0, count: 256)
        var punct = [[Int]](repeating: [], count: 64)
        var stringAny: [Int] = []
        var hasStringValues = false
        var bound: [String: [Int]] = [:]
        var filters = Set<String>()

        var stringGate: [Int] = []
        var gramWords: [GramIndex.Word] = []
        func entry(_ text: [UInt8], _ update: (inout WordEntry.Draft) -> Void) {
            update(&drafts[text, default: WordEntry.Draft(text: text)])
            if let f = text.first, let l = text.last {
                mask[Int(f)] |= 1 << UInt64(min(text.count, 63))
                lastMask[Int(l)] |= 1 << UInt64(min(text.count, 63))
                if text.count >= 2 { secondMask[Int(text[1])] |= 1 << UInt64(min(text.count, 63)) }
            }
        }

        let anchors = AnchorChoice.anchors(for: signatures)
        for (index, s) in signatures.enumerated() {
            filters.formUnion(s.paths)
            for anchor in anchors[index] {
                switch anchor {
                case .word(let w, let back): entry(w) { $0.words.append((index, back)) }
                case .callee(let w):
                    entry(w) { e in
                        e.callees.append(index)
                        // A wrapper `(0, x.NAME)` puts `)` next; otherwise the rest's first token.
                        e.calleeNext |= 1 << UInt64(JSPunctuator.rightParen.rawValue)
                        if let q = s.restQuick.first, q.tag == .punct {
                            e.calleeNext |= 1 << UInt64(q.detail)
                            // `.` in a pattern also matches `?.` (`window.cordova?.plugins`).
                            if q.detail == JSPunctuator.dot.rawValue { e.calleeNext |= 1 << UInt64(JSPunctuator.questionDot.rawValue) }
                        } else {
                            e.calleeAnyNext = true
                        }
                        if let q = s.restQuick.first, q.tag == .punct, q.detail == JSPunctuator.leftParen.rawValue { e.calleeCalled = true }
                    }
                case .punct(let p): punct[Int(p)].append(index)
                case .bound(let cls): bound[cls, default: []].append(index)
                case .string:
                    // A first `$str` constrained by `oneOf` is indexed by value.
                    var values: Set<String>?
                    if case .string(let slot?)? = s.pattern.elements.first {
                        for c in s.constraints where c.capture == slot {
                            if case .oneOf(let v) = c.constraint { values = v }
                        }
                    }
                    if let values {
                        hasStringValues = true
                        for v in values { entry(Array(v.utf8)) { $0.stringValues.append(index) } }
                    } else {
                        stringAny.append(index)
                        // Gate on `contains` words of four bytes or more.
                        var gate = -1
                        if case .string(let slot?)? = s.pattern.elements.first {
                            for (k, c) in s.constraints.enumerated() where c.capture == slot && gate < 0 {
                                let list: [[UInt8]], ignoringCase: Bool
                                switch c.constraint {
                                case .contains(let l): (list, ignoringCase) = (l, false)
                                case .containsIgnoringCase(let l): (list, ignoringCase) = (l, true)
                                default: continue
                                }
                                guard list.allSatisfy({ $0.count >= 4 }), stringAny.count <= 128 else { continue }
                                gate = k
                                for w in list {
                                    gramWords.append(GramIndex.Word(bytes: w, ignoringCase: ignoringCase, candidate: stringAny.count - 1))
                                }
                            }
                        }
                        stringGate.append(gate)
                    }
                }
            }
        }
        return SignatureSet(
            keywordFollowers: keywordFollowers(signatures, anchors), wordFollowers: wordFollowers(signatures, anchors),
            signatures: signatures, kinds: kinds, files: files, wordTable: WordTable(drafts.values.map(WordEntry.init)), lengthMask: mask, lastByteMask: lastMask, secondByteMask: secondMask,
            punctIndex: punct, strings: StringAnchors(signatures, indices: stringAny, gates: stringGate, grams: GramIndex(gramWords)),
            hasStringValues: hasStringValues, boundIndex: bound,
            pathFilters: filters.sorted(), flat: FlatQuick(signatures))
    }

    /// Words that anchor patterns (`. p = $str` at `p`): the bytes the element after them can
    /// start with, so that the tokenizer marks `p=` and not every `p.` or `p,`; nil (any byte)
    /// for a word some pattern accepts anything after, and for `$callee` anchors (`(0,x.NAME)(`,
    /// aliases: `t = x.NAME;`).
    static func wordFollowers(_ signatures: [Signature], _ anchors: [[PatternAnchor]]) -> [[UInt8]: Set<UInt8>?] {
        var followers: [[UInt8]: Set<UInt8>?] = [:]
        for (index, list) in anchors.enumerated() {
            for anchor in list {
                switch anchor {
                case .word(let w, let back):
                    let q = signatures[index].quick
                    if case .some(.none) = followers[w] { continue }  // already any byte
                    if back + 1 < q.count, let bytes = firstBytes(of: q[back + 1], words: signatures[index].quickWords) {
                        followers[w] = (followers[w] ?? []).map { $0.union(bytes) } ?? bytes
                    } else {
                        followers[w] = .some(nil)
                    }
                case .callee(let w):
                    followers[w] = .some(nil)
                default:
                    continue
                }
            }
        }
        return followers
    }

    /// Reserved words that anchor patterns (`( this , $str` at `this`): the bytes the element after
    /// them can start with, so that the tokenizer marks `this,` and not every `this.`. A word
    /// that some pattern accepts anything after is left out (any byte).
    static func keywordFollowers(_ signatures: [Signature], _ anchors: [[PatternAnchor]]) -> [JSKeyword: Set<UInt8>] {
        var followers: [JSKeyword: Set<UInt8>] = [:]
        var open = Set<JSKeyword>()
        // By spelling, built once: describing every keyword per anchor cost 66 M instructions at
        // every start.
        let reserved = Dictionary(JSKeyword.allCases.filter(\.isReserved).map { (Array("\($0)".utf8), $0) }) { a, _ in a }
        for (index, list) in anchors.enumerated() {
            for anchor in list {
                let w: [UInt8], back: Int?
                switch anchor {
                case .word(let word, let b): (w, back) = (word, b)
                case .callee(let word): (w, back) = (word, nil)
                default: continue
                }
                guard let k = reserved[w] else { continue }
                let q = signatures[index].quick
                if let back, back + 1 < q.count, let bytes = firstBytes(of: q[back + 1], words: signatures[index].quickWords) {
                    followers[k, default: []].formUnion(bytes)
                } else {
                    open.insert(k)
                }
            }
        }
        for k in open { followers[k] = nil }
        return followers
    }

    /// The bytes a token matching `q` can start with; nil: any.
    static func firstBytes(of q: QuickElement, words: [UInt8]) -> Set<UInt8>? {
        func kinds(_ k: JSTokenKind...) -> Set<UInt8> {
            Set(JSTokenInterest.firstBytes(of: k.reduce(0) { $0 | 1 << UInt32($1.rawValue) }).map(UInt8.init))
        }
        switch q.tag {
        case .punct:
            guard let p = JSPunctuator(rawValue: q.detail), let first = p.text.utf8.first else { return nil }
            // `.` in a pattern also matches `?.`.
            return p == .dot ? [first, UInt8(ascii: "?")] : [first]
        case .word: return [words[Int(q.offset)]]
        case .string: return kinds(.string, .template)
        case .number: return kinds(.number)
        case .ident: return kinds(.identifier)
        case .anyToken: return nil
        }
    }

    init(keywordFollowers: [JSKeyword: Set<UInt8>] = [:], wordFollowers: [[UInt8]: Set<UInt8>?]? = nil,
         signatures: [Signature], kinds: [String: Set<String>], files: [String], wordTable: WordTable,
         lengthMask: [UInt64], lastByteMask: [UInt64], secondByteMask: [UInt64] = Array(repeating: ~0, count: 256),
         punctIndex: [[Int]], strings: StringAnchors, hasStringValues: Bool,
         boundIndex: [String: [Int]], pathFilters: [String], flat: FlatQuick) {
        self.signatures = signatures
        self.kinds = kinds
        self.files = files
        self.wordTable = wordTable
        self.lengthMask = lengthMask
        self.lastByteMask = lastByteMask
        self.punctIndex = punctIndex
        var mask: UInt64 = 0
        for (n, list) in punctIndex.enumerated() where !list.isEmpty && n < 64 { mask |= 1 << UInt64(n) }
        self.punctMask = mask
        let nextKinds = punctIndex.map { list in
            list.reduce(UInt32(0)) { kinds, s in kinds | flat.secondKinds(s) }
        }
        self.punctNextKinds = nextKinds
        self.interest = JSTokenInterest(wordMasks: lengthMask, lastByteMasks: lastByteMask, punctuators: mask, punctuatorNext: nextKinds,
                                        keywordFollowers: keywordFollowers, secondByteMasks: secondByteMask,
                                        wordHashes: wordTable.entries.map { WordHash.of($0.text) },
                                        strings: strings.unfiltered.isEmpty ? strings.interest : nil,
                                        wordFollowers: wordFollowers.map { $0.map { (WordHash.of($0.key), $0.value) } })
        self.strings = strings
        self.hasStringValues = hasStringValues
        self.boundIndex = boundIndex
        self.pathFilters = pathFilters
        self.flat = flat
    }
}

extension Array where Element == PatternElement {
    /// Whether some element of the pattern fills the capture `name`.
    func capturesName(_ name: String, in names: [String]) -> Bool {
        guard let slot = names.firstIndex(of: name) else { return false }
        return contains { $0.fills(slot) }
    }
}

extension PatternElement {
    func fills(_ slot: Int) -> Bool {
        switch self {
        case .string(let c), .ident(let c), .number(let c), .charCodes(let c): return c == slot
        case .argument(let c, let k): return c == slot || k == slot
        case .callee(_, let c): return c == slot
        case .alternation(let parts): return parts.contains { $0.contains { $0.fills(slot) } }
        case .optional(let p): return p.contains { $0.fills(slot) }
        default: return false
        }
    }
}

/// An open-addressing table from word bytes to their index entry, keyed by `WordHash` (no
/// Swift `Hasher` on the hot path).
struct WordTable: Sendable {
    let hashes: [UInt64]
    let slots: [Int32]
    let entries: [SignatureSet.WordEntry]
    let mask: Int

    init(_ entries: [SignatureSet.WordEntry]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var hashes = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        for (n, e) in entries.enumerated() {
            let h = WordHash.of(e.text)
            var k = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[k] >= 0 { k = (k + 1) & (size - 1) }
            hashes[k] = h
            slots[k] = Int32(n)
        }
        self.hashes = hashes
        self.slots = slots
        self.entries = entries
        self.mask = size - 1
    }

    /// The entry whose text is `buf[from..<to]`, if any.
    @inline(__always)
    func lookup(_ h: UInt64, _ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> SignatureSet.WordEntry? {
        var k = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[k]
            if slot < 0 { return nil }
            if hashes[k] == h {
                let e = entries[Int(slot)]
                if e.text.count == to - from && e.text.withUnsafeBufferPointer({ t in
                    var m = 0
                    while m < t.count { if t[m] != buf[from + m] { return false }; m += 1 }
                    return true
                }) { return e }
            }
            k = (k + 1) & mask
        }
    }

    func lookup(_ text: [UInt8]) -> SignatureSet.WordEntry? {
        text.withUnsafeBufferPointer { lookup(WordHash.of(text), $0, 0, text.count) }
    }
}

/// The quick checks of all signatures in flat arrays of plain data.
struct FlatQuick: Sendable {
    var elements: [QuickElement] = []
    var words: [UInt8] = []
    /// Per signature: start and count in `elements` of the whole-pattern and the rest checks.
    var whole: [(start: Int32, count: Int32)] = []
    var rest: [(start: Int32, count: Int32)] = []
    /// Per signature: the spelled-out sequences of the whole pattern and of the rest (see
    /// `Signature.quickExpansions`), as ranges of `elements`; a candidate must match one.
    var wholeExpansions: [[(start: Int32, count: Int32)]] = []
    var restExpansions: [[(start: Int32, count: Int32)]] = []
    /// Per signature: its group as a number (-1: none).
    var group: [Int32] = []
    /// The token kinds that can follow the first token of signature `s` (all, when its quick
    /// check has no second element).
    func secondKinds(_ s: Int) -> UInt32 {
        let range = whole[s]
        guard range.count >= 2 else { return ~0 }
        func bit(_ k: JSTokenKind) -> UInt32 { 1 << UInt32(k.rawValue) }
        switch elements[Int(range.start) + 1].tag {
        case .punct: return bit(.punctuator)
        case .word: return bit(.identifier) | bit(.keyword)
        case .string: return bit(.string) | bit(.template)
        case .number: return bit(.number)
        case .ident: return bit(.identifier)
        case .anyToken: return ~0
        }
    }

    /// Per signature: whether it starts with a word (see `AnchorChoice.startsWithWord`).
    var startsWithWord: [Bool] = []

    init(_ signatures: [Signature]) {
        var groups: [String: Int32] = [:]
        for sig in signatures {
            whole.append(append(sig.quick, of: sig))
            rest.append(append(sig.restQuick, of: sig))
            wholeExpansions.append(sig.quickExpansions.map { append($0, of: sig) })
            restExpansions.append(sig.restQuickExpansions.map { append($0, of: sig) })
            startsWithWord.append(AnchorChoice.startsWithWord(sig))
            if let g = sig.group {
                if groups[g] == nil { groups[g] = Int32(groups.count) }
                group.append(groups[g]!)
            } else {
                group.append(-1)
            }
        }
    }

    /// Appends a sequence (its words copied from the signature's) and returns its range.
    private mutating func append(_ list: [QuickElement], of sig: Signature) -> (start: Int32, count: Int32) {
        let start = Int32(elements.count)
        for q in list {
            if q.tag == .word {
                let o = Int32(words.count)
                words += sig.quickWords[Int(q.offset)..<Int(q.offset + q.length)]
                elements.append(QuickElement(tag: .word, detail: 0, offset: o, length: q.length))
            } else {
                elements.append(q)
            }
        }
        return (start, Int32(list.count))
    }
}
