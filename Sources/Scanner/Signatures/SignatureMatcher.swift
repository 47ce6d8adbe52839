import CHints

/// A fact found by a signature, with the bundle-level conditions it still depends on.
public struct SignatureFact: Sendable {
    public var fact: Fact
    /// Keys that must (or, negated, must not) be among the bundle's facts for this fact to stand.
    public var requires: [(negated: Bool, key: String)]
    /// Declaration order of the signature (ties between overlapping facts).
    var order: Int
}

/// Runs a `SignatureSet` over JavaScript: tokenizes once, then looks at each significant token
/// once and tries only the patterns indexed under it.
public struct SignatureMatcher: Sendable {
    public let set: SignatureSet

    public init(_ set: SignatureSet) {
        self.set = set
    }

    /// Scans `bytes[range]` (default: all) of the file at `path`. Positions are in `bytes`, so a
    /// script inside an HTML file reports host-file lines and columns.
    public func scan(_ bytes: [UInt8], range: Range<Int>? = nil, path: String) -> [SignatureFact] {
        let (tokens, marked) = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, range: range, marking: set.interest) }
        return scan(bytes, tokens: tokens, marked: marked, path: path)
    }

    /// Scans already tokenized JavaScript (`tokens` without comments). `marked`, when given, are
    /// the tokens `set.interest` marks: the only ones a match can start at, as long as no alias
    /// or binding is live.
    public func scan(_ bytes: [UInt8], tokens: [JSToken], marked: [UInt32]? = nil, path: String) -> [SignatureFact] {
        let pathBytes = Array(path.utf8)
        let active = set.signatures.map { s in s.pathBytes.isEmpty || s.pathBytes.contains { Self.bytes(pathBytes, contain: $0) } }
        var raw: [RawMatch] = []
        bytes.withUnsafeBufferPointer { buf in
            tokens.withUnsafeBufferPointer { toks in
                var run = MatchRun(set: set, buf: buf, toks: toks, active: active)
                if let marked {
                    marked.withUnsafeBufferPointer { run.scanAll(marked: $0) }
                } else {
                    run.scanAll(marked: nil)
                }
                raw = run.matches
            }
        }
        guard !raw.isEmpty else { return [] }
        return Self.facts(from: raw, bytes: bytes, tokens: tokens, path: path)
    }

    /// Whether `needle` occurs in `haystack`: a byte comparison, as a path filter wants
    /// (Foundation's `contains` compares canonically equivalent text, at 16 k instructions a call).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    struct RawMatch {
        let signature: Signature
        let startToken: Int
        let endToken: Int
        let values: [String: String]
    }

    static func facts(from raw: [RawMatch], bytes: [UInt8], tokens: [JSToken], path: String) -> [SignatureFact] {
        var positions = PositionWalker(bytes)
        var out: [(fact: SignatureFact, match: RawMatch)] = []
        for m in raw.sorted(by: { $0.startToken < $1.startToken || ($0.startToken == $1.startToken && $0.signature.order < $1.signature.order) }) {
            guard let e = m.signature.emit else { continue }
            let lookup: (String) -> String? = { m.values[$0] }
            var attributes: [String: String] = [:]
            for (name, t) in e.attributes {
                let v = t.render(lookup)
                if !v.isEmpty { attributes[name] = v }
            }
            let start = Int(tokens[m.startToken].start)
            let end = tokens[max(m.startToken, m.endToken - 1)].end
            let (line, column) = positions.position(of: start)
            let (endLine, endColumn) = positions.peek(end)
            let location = SourceLocation(
                path: path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                byteStart: start, byteEnd: end, snippet: PositionWalker.snippet(bytes, around: start, length: end - start),
                match: SourceLocation.matchText(bytes, start..<end))
            let fact = Fact(kind: e.kind, key: e.key.render(lookup), attributes: attributes, location: location)
            out.append((SignatureFact(
                fact: fact, requires: e.requires.map { ($0.negated, $0.key.render(lookup)) }, order: m.signature.order), m))
        }
        let kept = dedupe(out.map(\.fact))
        out = kept.map { out[$0] }
        // whenFileHas: an attribute set to "true" when the same file has a fact with the key.
        let keys = Set(out.map(\.fact.fact.key))
        var result: [SignatureFact] = []
        for (sf, m) in out {
            var sf = sf
            if let e = m.signature.emit, !e.whenFileHas.isEmpty {
                var attributes = sf.fact.attributes
                for (name, t) in e.whenFileHas where keys.contains(t.render { m.values[$0] }) {
                    attributes[name] = "true"
                }
                let f = sf.fact
                sf.fact = Fact(kind: f.kind, key: f.key, attributes: attributes, location: f.location)
            }
            result.append(sf)
        }
        return result.sorted { Inventory.factOrder($0.fact, $1.fact) }
    }

    /// The same fact (kind and key) from overlapping stretches of code is reported once: the
    /// earliest declared signature wins (a benign-emitter signature before the generic sink).
    static func dedupe(_ facts: [SignatureFact]) -> [Int] {
        var groups: [String: [Int]] = [:]
        for (i, f) in facts.enumerated() { groups[f.fact.kind + "\u{0}" + f.fact.key, default: []].append(i) }
        var drop = Set<Int>()
        for (_, members) in groups where members.count > 1 {
            // Sorted by start: a fact can only overlap the ones kept just before it.
            let sorted = members.sorted { facts[$0].fact.location.byteStart < facts[$1].fact.location.byteStart }
            var kept: [Int] = []
            for b in sorted {
                let lb = facts[b].fact.location
                var dropped = false
                for a in kept.reversed() {
                    let la = facts[a].fact.location
                    guard la.byteEnd > lb.byteStart else { break }
                    if facts[a].order <= facts[b].order {
                        drop.insert(b)
                        dropped = true
                        break
                    }
                    drop.insert(a)
                }
                kept.removeAll { drop.contains($0) }
                if !dropped { kept.append(b) }
            }
        }
        return facts.indices.filter { !drop.contains($0) }
    }
}

/// Lines (1-based) and UTF-16 columns (1-based) of increasing byte offsets, counted in one
/// forward pass that stops at the last offset asked for.
struct PositionWalker {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var units = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Position of `target` (which must not be before the previous target).
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        let t = min(target, bytes.count)
        if t < offset { return Self.slowPosition(bytes, t) }
        bytes.withUnsafeBufferPointer { b in
            var i = offset, ln = line, u = units
            let raw = UnsafeRawBufferPointer(b)
            while i < t {
                // Sixteen bytes at a time: ASCII without controls is sixteen units; line feeds and
                // UTF-8 (no CR, no U+2028 / U+2029) are counted from the byte masks. The rest,
                // and the last bytes before the target, one at a time. (A line separator whose
                // last bytes lie past the 16 is found too: `b` is read beyond them.)
                if i + 64 <= t {
                    let p = raw.baseAddress! + i
                    if livegate_special16(p) | livegate_special16(p + 16) | livegate_special16(p + 32) | livegate_special16(p + 48) == 0 {
                        u += 64
                        i += 64
                        continue
                    }
                }
                if i + 16 <= t {
                    let p = raw.baseAddress! + i
                    if livegate_special16(p) == 0 {
                        u += 16
                        i += 16
                        continue
                    }
                    let m = livegate_masks16_at(p)
                    // 0xE2 also starts €, “, — and …: only U+2028 / U+2029 end a line.
                    var separator = false
                    var e2 = m.e2
                    while e2 != 0 {
                        let k = i + e2.trailingZeroBitCount
                        if k + 2 < b.count && b[k + 1] == 0x80 && (b[k + 2] == 0xA8 || b[k + 2] == 0xA9) { separator = true }
                        e2 &= e2 &- 1
                    }
                    if m.cr == 0 && !separator {
                        // Four-byte leads in the high half: one population count for both.
                        var counted = m.lead | m.four << 16
                        if m.lf != 0 {
                            ln += m.lf.nonzeroBitCount
                            // Only the units after the last line feed count for the column.
                            let after = ~((UInt32(2) << UInt32(31 - m.lf.leadingZeroBitCount)) &- 1) & 0xFFFF
                            counted = m.lead & after | (m.four & after) << 16
                            u = 0
                        }
                        u += counted.nonzeroBitCount
                        i += 16
                        continue
                    }
                }
                let c = b[i]
                if c == 0x0A || (c == 0x0D && !(i + 1 < b.count && b[i + 1] == 0x0A)) {
                    ln += 1; u = 0
                } else if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) {
                    ln += 1; u = 0; i += 2
                } else if c & 0xC0 != 0x80 {
                    u += c >= 0xF0 ? 2 : 1
                }
                i += 1
            }
            offset = i; line = ln; units = u
        }
        return (line, units + 1)
    }

    /// Position of a later offset without moving (an end position).
    func peek(_ target: Int) -> (line: Int, column: Int) {
        var copy = self
        return copy.position(of: target)
    }

    static func slowPosition(_ bytes: [UInt8], _ target: Int) -> (line: Int, column: Int) {
        var w = PositionWalker(bytes)
        return w.position(of: target)
    }

    /// The text of the line around `offset`, at most `limit` bytes, cut on scalar boundaries, trimmed.
    static func snippet(_ bytes: [UInt8], around offset: Int, length: Int, limit: Int = 160) -> String {
        let o = min(max(0, offset), bytes.count)
        var from = o, to = o
        let context = max(0, (limit - min(length, limit)) / 2)
        while from > 0 && o - from < context && bytes[from - 1] != 0x0A && bytes[from - 1] != 0x0D { from -= 1 }
        while to < bytes.count && to - from < limit && bytes[to] != 0x0A && bytes[to] != 0x0D { to += 1 }
        while from < o && from < bytes.count && bytes[from] & 0xC0 == 0x80 { from += 1 }
        while to > o && to < bytes.count && bytes[to] & 0xC0 == 0x80 { to -= 1 }
        var text = Substring(String(decoding: bytes[from..<to], as: UTF8.self))
        while let f = text.first, f.isWhitespace { text.removeFirst() }
        while let l = text.last, l.isWhitespace { text.removeLast() }
        return String(text)
    }
}

/// The state of one scan.
struct MatchRun {
    let set: SignatureSet
    let buf: UnsafeBufferPointer<UInt8>
    let toks: UnsafeBufferPointer<JSToken>
    let active: [Bool]
    var matches: [SignatureMatcher.RawMatch] = []

    /// `depth`: the brace depth (see `braceDepth`) of the block the name was given in; it ends
    /// with that block.
    struct Alias { let text: [UInt8]; let target: [UInt8]; let depth: Int }
    struct Binding { let text: [UInt8]; let cls: String; let values: [String: String]; let depth: Int }
    var aliases: [UInt64: [Alias]] = [:]
    /// Bit `hash & 0xFFFF` is set for every alias or bound name: most identifiers skip the lookup.
    var dynamicBloom = [UInt64](repeating: 0, count: 1024)
    var hasDynamic = false

    /// Like `SignatureSet.lengthMask`, for alias and bound names: identifiers whose first byte and
    /// length fit no such name are not even hashed.
    var dynamicLengthMask = [UInt64](repeating: 0, count: 256)
    /// Braces opened minus braces closed since the first live alias or binding: counted only
    /// while one is live (every token is visited then), relative to where counting began.
    var braceDepth = 0
    /// The deepest block holding a live alias or binding: a `}` below it ends some.
    var deepestDynamic = Int.min
    /// The token the scan is at: braces are counted up to it (a pattern found there may start
    /// or end elsewhere).
    var position = 0

    /// The brace depth at the name token `k` (before `position`): `braceDepth` less the braces
    /// after `k` already counted (`Lo = ld("Camera", {web: …})` bound from inside the braces
    /// belongs to the block around `Lo`).
    func depth(atName k: Int) -> Int {
        var d = braceDepth
        var j = k + 1
        while j <= position && j < toks.count {
            let t = toks[j]
            if t.kind == .punctuator {
                if t.detail == JSPunctuator.leftBrace.rawValue { d -= 1 } else if t.detail == JSPunctuator.rightBrace.rawValue { d += 1 }
            }
            j += 1
        }
        return d
    }

    mutating func noteDynamic(_ h: UInt64, _ name: [UInt8]) {
        let bit = Int(h & 0xFFFF)
        dynamicBloom[bit >> 6] |= 1 << UInt64(bit & 63)
        if let f = name.first { dynamicLengthMask[Int(f)] |= 1 << UInt64(min(name.count, 63)) }
        hasDynamic = true
    }

    /// Counts a brace while names are live; a `}` that closes the block of some alias or
    /// binding ends it (minified names are reused in every function: `t` an alias of `open` in
    /// one module is a parameter in the next). Returns whether names are still live.
    @inline(__always)
    mutating func countBrace(_ t: JSToken) -> Bool {
        guard t.kind == .punctuator else { return true }
        if t.detail == JSPunctuator.leftBrace.rawValue {
            braceDepth += 1
        } else if t.detail == JSPunctuator.rightBrace.rawValue {
            braceDepth -= 1
            if braceDepth < deepestDynamic { endBlock() }
        }
        return hasDynamic
    }

    /// Ends the aliases and bindings given in blocks deeper than `braceDepth`.
    mutating func endBlock() {
        for (h, list) in aliases { aliases[h] = list.filter { $0.depth <= braceDepth } }
        for (h, list) in bindings { bindings[h] = list.filter { $0.depth <= braceDepth } }
        aliases = aliases.filter { !$0.value.isEmpty }
        bindings = bindings.filter { !$0.value.isEmpty }
        rebuildDynamic()
    }

    /// The filters and `deepestDynamic` from the live aliases and bindings.
    mutating func rebuildDynamic() {
        for k in dynamicBloom.indices { dynamicBloom[k] = 0 }
        for k in dynamicLengthMask.indices { dynamicLengthMask[k] = 0 }
        hasDynamic = false
        deepestDynamic = Int.min
        for (hash, list) in aliases {
            for a in list { noteDynamic(hash, a.text); deepestDynamic = max(deepestDynamic, a.depth) }
        }
        for (hash, list) in bindings {
            for b in list { noteDynamic(hash, b.text); deepestDynamic = max(deepestDynamic, b.depth) }
        }
        if !hasDynamic { braceDepth = 0 }
    }
    var bindings: [UInt64: [Binding]] = [:]

    /// Ends the alias and binding named `name`, and rebuilds the filters without it: minified
    /// names are reused in every scope, and a stale filter bit for `e` would send every later
    /// `e` through the dictionaries.
    mutating func forget(_ name: [UInt8], hash h: UInt64) {
        let before = (aliases[h]?.count ?? 0) + (bindings[h]?.count ?? 0)
        guard before > 0 else { return }
        aliases[h]?.removeAll { $0.text == name }
        bindings[h]?.removeAll { $0.text == name }
        if aliases[h]?.isEmpty == true { aliases[h] = nil }
        if bindings[h]?.isEmpty == true { bindings[h] = nil }
        guard (aliases[h]?.count ?? 0) + (bindings[h]?.count ?? 0) < before else { return }
        rebuildDynamic()
    }
    /// The machine's state, kept between candidates so that trying one allocates nothing.
    var caps: [MatchCapture] = []
    var extras: [String] = []
    var trail: [(slot: Int32, old: MatchCapture)] = []
    var choices: [MatchChoice] = []
    static let stepBudget = 4096
    static let objectWord = Array("Object".utf8)
    static let atobWord = Array("atob".utf8)

    init(set: SignatureSet, buf: UnsafeBufferPointer<UInt8>, toks: UnsafeBufferPointer<JSToken>, active: [Bool]) {
        self.set = set
        self.buf = buf
        self.toks = toks
        self.active = active
    }

    // MARK: token helpers

    @inline(__always) func isPunct(_ i: Int, _ p: JSPunctuator) -> Bool {
        i >= 0 && i < toks.count && toks[i].kind == .punctuator && toks[i].detail == p.rawValue
    }

    @inline(__always) func isDot(_ i: Int) -> Bool {
        i >= 0 && i < toks.count && toks[i].kind == .punctuator
            && (toks[i].detail == JSPunctuator.dot.rawValue || toks[i].detail == JSPunctuator.questionDot.rawValue)
    }

    @inline(__always) func isWordToken(_ t: JSToken) -> Bool {
        t.kind == .identifier || t.kind == .keyword
    }

    func equals(_ t: JSToken, _ w: [UInt8]) -> Bool {
        guard Int(t.length) == w.count else { return false }
        var k = 0
        let s = Int(t.start)
        while k < w.count {
            if buf[s + k] != w[k] { return false }
            k += 1
        }
        return true
    }

    func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[toks[i].range]), as: UTF8.self)
    }

    func bytesOf(_ i: Int) -> [UInt8] { Array(buf[toks[i].range]) }

    func isString(_ t: JSToken) -> Bool { t.kind == .string || t.kind == .template }

    func cooked(_ i: Int) -> String? { JSTokenizer.cookedValue(of: toks[i], in: buf) }

    func cookedBytes(_ i: Int) -> [UInt8] { JSTokenizer.cookedBytes(of: toks[i], in: buf) ?? [] }

    // MARK: the scan

    /// Looks at every token, or only at the `marked` ones (see `SignatureSet.interest`) while no
    /// alias or binding is live: an unmarked token starts nothing then.
    mutating func scanAll(marked: UnsafeBufferPointer<UInt32>?) {
        let n = toks.count
        var i = 0
        var nextMark = 0
        while i < n {
            if let marked {
                while nextMark < marked.count && Int(marked[nextMark]) < i { nextMark += 1 }
                let mark = nextMark < marked.count ? Int(marked[nextMark]) : n
                // The tokens of later marks, and their source bytes, are long out of the cache
                // (the whole file was tokenized first): they are fetched while the marks before
                // them are looked at. The token 16 marks ahead, the bytes of the one 8 ahead
                // (whose token came in 8 marks ago).
                if nextMark + 16 < marked.count {
                    livegate_prefetch(toks.baseAddress! + Int(marked[nextMark + 16]))
                }
                if nextMark + 8 < marked.count {
                    let t = toks[Int(marked[nextMark + 8])]
                    livegate_prefetch(buf.baseAddress! + Int(t.start))
                    livegate_prefetch(toks.baseAddress! + Int(marked[nextMark + 8]) - 1)
                }
                if hasDynamic {
                    i = nextDynamicCandidate(from: i, before: mark)
                    // A `}` ended the last live name: the marks take over.
                    if !hasDynamic { i = mark }
                } else {
                    i = mark
                }
                guard i < n else { break }
            }
            let t = toks[i]
            if hasDynamic { _ = countBrace(t) }
            position = i
            switch t.kind {
            case .identifier, .keyword:
                let first = Int(buf[Int(t.start)])
                let len = Int(t.length)
                var h: UInt64 = 0
                var hashed = false
                let lengthBit: UInt64 = 1 << UInt64(min(len, 63))
                if set.lengthMask[first] & lengthBit != 0, set.lastByteMask[Int(buf[t.end - 1])] & lengthBit != 0 {
                    h = WordHash.of(buf, Int(t.start), t.end)
                    hashed = true
                    if let entry = set.wordTable.lookup(h, buf, Int(t.start), t.end) {
                        dispatchWord(entry, at: i)
                    }
                }
                if hasDynamic, t.kind == .identifier, dynamicLengthMask[first] & (1 << UInt64(min(len, 63))) != 0, !isDot(i - 1) {
                    if !hashed { h = WordHash.of(buf, Int(t.start), t.end) }
                    let bit = Int(h & 0xFFFF)
                    guard dynamicBloom[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { break }
                    if let a = aliases[h]?.first(where: { equals(t, $0.text) }), let entry = set.wordTable.lookup(a.target) {
                        var groups: [Int32] = []
                        // An alias stands for a function: only patterns that call it.
                        for s in entry.callees where callsFirst(s) { tryCallee(s, at: i, name: a.target, viaAlias: true, groups: &groups) }
                    }
                    // `IDENT = …` rebinds: the old binding or alias ends here (a binder on the
                    // right-hand side binds it again).
                    if isPunct(i + 1, .assign) {
                        forget(bytesOf(i), hash: h)
                        break
                    }
                    if let b = bindings[h]?.first(where: { equals(t, $0.text) }), let sigs = set.boundIndex[b.cls] {
                        var groups: [Int32] = []
                        for s in sigs { trySignature(s, start: i, anchor: i, imported: b.values, groups: &groups) }
                    }
                }
            case .punctuator:
                // Most punctuators start no pattern: one bit test, no array touched.
                if set.punctMask & (1 << UInt64(t.detail & 63)) != 0,
                   i + 1 >= n || set.punctNextKinds[Int(t.detail) & 63] & (1 << UInt32(toks[i + 1].kind.rawValue & 31)) != 0 {
                    var groups: [Int32] = []
                    for s in set.punctIndex[Int(t.detail) & 63] { trySignature(s, start: i, anchor: i, imported: [:], groups: &groups) }
                }
            case .string, .template:
                dispatchString(at: i)
            default:
                break
            }
            i += 1
        }
    }

    /// The first identifier at or after `i` (and before `limit`) that may be an alias or a bound
    /// name, or `limit`: a tight loop over the tokens the marks skip while names are live, which
    /// counts their braces. When a `}` ends the last live name, the token after it (the marks
    /// take over again).
    mutating func nextDynamicCandidate(from i0: Int, before limit: Int) -> Int {
        var i = i0
        while i < limit {
            let t = toks[i]
            if t.kind == .identifier {
                if dynamicLengthMask[Int(buf[Int(t.start)])] & (1 << UInt64(min(Int(t.length), 63))) != 0 { return i }
            } else if !countBrace(t) {
                return i + 1
            }
            i += 1
        }
        return i
    }

    mutating func dispatchWord(_ entry: SignatureSet.WordEntry, at i: Int) {
        var groups: [Int32] = []
        if !entry.callees.isEmpty {
            if entry.calleeCalled { noteAlias(at: i, name: entry.text) }
            if entry.calleeAnyNext || nextPunctIn(entry.calleeNext, after: i) {
                for s in entry.callees { tryCallee(s, at: i, name: entry.text, viaAlias: false, groups: &groups) }
            }
        }
        for (s, back) in entry.words {
            guard i - back >= 0 else { continue }
            // A pattern's first word is never a property name (use $callee or `. name`).
            if set.flat.startsWithWord[s] && isDot(i - back - 1) { continue }
            trySignature(s, start: i - back, anchor: i, imported: [:], groups: &groups)
        }
    }

    mutating func dispatchString(at i: Int) {
        let t = toks[i]
        guard t.length >= 2 else { return }
        if t.flags.contains(.unterminated) {
            dispatchString(at: i, text: UnsafeBufferPointer(rebasing: buf[0..<0]), raw: false)
        } else if t.flags.contains(.hasEscapes) && Int(t.length) <= Self.cookedStringLimit {
            // The raw text is not the value (`"\x2Fhome"` is `/home`): an escaped string is tested
            // on its cooked value.
            let value = cookedBytes(i)
            value.withUnsafeBufferPointer { dispatchString(at: i, text: $0, raw: false) }
        } else {
            dispatchString(at: i, text: UnsafeBufferPointer(rebasing: buf[(Int(t.start) + 1)..<(t.end - 1)]),
                           raw: t.flags.contains(.hasEscapes))
        }
    }

    /// Escaped strings up to this length are cooked before any test. A longer one (inlined
    /// code or markup, kilobytes of `\n`) is tested on its raw text first, then cooked only
    /// for the patterns that pass: cooking goes through UTF-16 and costs far more than a scan.
    static let cookedStringLimit = 1024

    /// Tries the patterns the string token `i` can start: those indexed under its value `text`
    /// (`oneOf` lists, `x["NAME"]`), and the string patterns it can wake. `raw`: `text` is an
    /// escaped string's raw text, and the patterns that pass on it are tested on its value too.
    mutating func dispatchString(at i: Int, text: UnsafeBufferPointer<UInt8>, raw: Bool) {
        var groups: [Int32] = []
        let count = text.count
        if !raw, count >= 1, set.lengthMask[Int(text[0])] & (1 << UInt64(min(count, 63))) != 0,
           let entry = set.wordTable.lookup(WordHash.of(text, 0, count), text, 0, count) {
            for s in entry.stringValues { trySignature(s, start: i, anchor: i, imported: [:], groups: &groups) }
            for s in entry.callees { tryComputedCallee(s, at: i, name: entry.text, groups: &groups) }
        }
        let strings = set.strings
        guard !strings.isEmpty else { return }
        var candidates = strings.candidates(text)
        var unfiltered = 0
        var cookedValue: [UInt8]?
        while true {
            let n: Int
            if let next = candidates.popFirst() {
                n = next
            } else if unfiltered < strings.unfiltered.count {
                n = strings.unfiltered[unfiltered]
                unfiltered += 1
            } else {
                break
            }
            let s = strings.signatures[n]
            guard active[s] else { continue }
            let slot = Int(strings.slots[n])
            if slot >= 0 {
                // The gate's `contains` was proven by the gram index: not searched again here.
                let gate = strings.gates[n]
                var holds = true
                let sig = set.signatures[s]
                for (k, c) in sig.constraints.enumerated() where c.capture == slot && k != gate {
                    if !c.constraint.holds(text) { holds = false; break }
                }
                guard holds else { continue }
                if raw {
                    if cookedValue == nil { cookedValue = cookedBytes(i) }
                    guard cookedValue!.withUnsafeBufferPointer({ v in
                        sig.constraints.allSatisfy { $0.capture != slot || $0.constraint.holds(v) }
                    }) else { continue }
                }
            }
            trySignature(s, start: i, anchor: i, imported: [:], groups: &groups)
        }
    }

    /// Whether signature `s`'s rest (after its `$callee`) starts with `(`.
    func callsFirst(_ s: Int) -> Bool {
        let r = set.flat.rest[s]
        guard r.count > 0 else { return false }
        let q = set.flat.elements[Int(r.start)]
        return q.tag == .punct && q.detail == JSPunctuator.leftParen.rawValue
    }

    /// Whether the token after `i` is a punctuator in the mask.
    @inline(__always) func nextPunctIn(_ mask: UInt64, after i: Int) -> Bool {
        guard i + 1 < toks.count else { return false }
        let t = toks[i + 1]
        return t.kind == .punctuator && mask & (1 << UInt64(t.detail & 63)) != 0
    }

    /// `IDENT = x.y.NAME` (not called): `IDENT` becomes an alias of `NAME` in this file.
    mutating func noteAlias(at i: Int, name: [UInt8]) {
        guard toks[i].kind == .identifier else { return }
        let next = i + 1
        if next < toks.count {
            let t = toks[next]
            if t.kind == .punctuator {
                let p = JSPunctuator(rawValue: t.detail)
                guard p == .comma || p == .semicolon || p == .rightBrace || p == .rightParen else { return }
            } else if !t.flags.contains(.newlineBefore) {
                return
            }
        }
        guard let s = expressionStart(endingAt: i), isPunct(s - 1, .assign), s - 2 >= 0,
              toks[s - 2].kind == .identifier, !isDot(s - 3) else { return }
        let alias = bytesOf(s - 2)
        guard alias != name else { return }
        let h = WordHash.of(alias)
        noteDynamic(h, alias)
        aliases[h, default: []].removeAll { $0.text == alias }
        let depth = depth(atName: s - 2)
        aliases[h, default: []].append(Alias(text: alias, target: name, depth: depth))
        deepestDynamic = max(deepestDynamic, depth)
    }

    /// The first token of the member/call expression that ends at token `end`
    /// (`a.b["c"](x).d` → `a`), or nil when it cannot be walked back within a few tokens.
    func expressionStart(endingAt end: Int) -> Int? {
        var k = end
        var budget = 256
        while k >= 0 && budget > 0 {
            budget -= 1
            let t = toks[k]
            if t.kind == .punctuator, t.detail == JSPunctuator.rightParen.rawValue || t.detail == JSPunctuator.rightBracket.rawValue {
                guard let open = opener(of: k, budget: &budget) else { return nil }
                let before = open - 1
                if before >= 0, toks[before].kind == .identifier || isPunct(before, .rightParen) || isPunct(before, .rightBracket) || isPunct(before, .questionDot) {
                    if isPunct(before, .questionDot) { k = before - 1 } else { k = before }
                    continue
                }
                return open
            }
            if t.kind == .identifier || t.isKeyword(.this) || t.kind == .string {
                if isDot(k - 1) { k -= 2; continue }
                return k
            }
            return nil
        }
        return nil
    }

    /// The opening bracket matching the closer at `close`, walking backwards.
    func opener(of close: Int, budget: inout Int) -> Int? {
        var depth = 0
        var k = close
        while k >= 0 && budget > 0 {
            budget -= 1
            let t = toks[k]
            if t.kind == .punctuator {
                switch JSPunctuator(rawValue: t.detail) {
                case .rightParen?, .rightBracket?, .rightBrace?: depth += 1
                case .leftParen?, .leftBracket?, .leftBrace?:
                    depth -= 1
                    if depth == 0 { return k }
                default: break
                }
            }
            k -= 1
        }
        return nil
    }

    // MARK: trying one signature

    mutating func tryCallee(_ s: Int, at i: Int, name: [UInt8], viaAlias: Bool, groups: inout [Int32]) {
        guard active[s] else { return }
        if set.flat.group[s] >= 0, groups.contains(set.flat.group[s]) { return }
        let t = toks[i]
        var start = i
        var next = i + 1
        // Cheap rejection first: the elements after the name (or after a wrapper's `)`).
        guard quickCheck(s, at: next, rest: true) || (isPunct(next, .rightParen) && quickCheck(s, at: next + 1, rest: true)) else { return }
        let sig = set.signatures[s]
        if viaAlias {
            if isDot(i - 1) { return }
        } else if t.kind == .string {
            return
        } else if isDot(i - 1) {
            guard let s0 = expressionStart(endingAt: i) else { return }
            start = s0
        } else if i > 0, toks[i - 1].isKeyword(.function) {
            return
        }
        // `x["NAME"]` is reached through the string index: not supported as an anchor here.
        // Wrappers: `(0, x.NAME)` and `Object(x.NAME)`.
        if isPunct(start - 1, .comma), start - 2 >= 0, toks[start - 2].kind == .number,
           toks[start - 2].length == 1, buf[Int(toks[start - 2].start)] == UInt8(ascii: "0"), isPunct(start - 3, .leftParen) {
            guard isPunct(next, .rightParen) else { return }
            start -= 3
            next += 1
        } else if isPunct(start - 1, .leftParen), start - 2 >= 0, toks[start - 2].kind == .identifier,
                  equals(toks[start - 2], Self.objectWord), !isDot(start - 3) {
            guard isPunct(next, .rightParen) else { return }
            start -= 2
            next += 1
        }
        resetCaptures(count: sig.pattern.captureNames.count)
        if case .callee(_, let slot?)? = sig.pattern.elements.first { captureExtra(Int32(slot), String(decoding: name, as: UTF8.self)) }
        if let end = execute(sig, from: next) {
            record(sig, start: start, end: end, imported: [:], groups: &groups)
        }
    }

    /// The computed form `x["NAME"]` / `x['NAME']` of a `$callee`.
    mutating func tryComputedCallee(_ s: Int, at i: Int, name: [UInt8], groups: inout [Int32]) {
        guard active[s], isPunct(i - 1, .leftBracket), isPunct(i + 1, .rightBracket) else { return }
        if set.flat.group[s] >= 0, groups.contains(set.flat.group[s]) { return }
        guard quickCheck(s, at: i + 2, rest: true), let start = expressionStart(endingAt: i + 1) else { return }
        let sig = set.signatures[s]
        resetCaptures(count: sig.pattern.captureNames.count)
        if case .callee(_, let slot?)? = sig.pattern.elements.first { captureExtra(Int32(slot), String(decoding: name, as: UTF8.self)) }
        if let end = execute(sig, from: i + 2) {
            record(sig, start: start, end: end, imported: [:], groups: &groups)
        }
    }

    mutating func trySignature(_ s: Int, start: Int, anchor: Int, imported: [String: String], groups: inout [Int32]) {
        guard active[s] else { return }
        if set.flat.group[s] >= 0, groups.contains(set.flat.group[s]) { return }
        guard quickCheck(s, at: start) else { return }
        let sig = set.signatures[s]
        resetCaptures(count: sig.pattern.captureNames.count)
        if !imported.isEmpty {
            for (k, name) in sig.pattern.captureNames.enumerated() {
                if let v = imported[name] { captureExtra(Int32(k), v) }
            }
        }
        var pos = start
        if case .bound? = sig.pattern.elements.first { pos += 1 }
        if let end = execute(sig, from: pos) {
            record(sig, start: start, end: end, imported: imported, groups: &groups)
        }
    }

    /// Compares the leading fixed elements (plain data) without allocating: most candidates fail here.
    func quickCheck(_ s: Int, at start: Int, rest: Bool = false) -> Bool {
        guard quickMatches(rest ? set.flat.rest[s] : set.flat.whole[s], at: start) else { return false }
        let expansions = rest ? set.flat.restExpansions[s] : set.flat.wholeExpansions[s]
        return expansions.isEmpty || expansions.contains { quickMatches($0, at: start) }
    }

    /// Whether the tokens from `start` match the quick elements in `range`. Compared from the
    /// last: the first is usually the anchor, known to match, and a candidate fails late more
    /// often than early (`( $num , $ident . $ident ) ( $str` against webpack's 28 k
    /// `(0,r.default)(e)` in jupyterlab fails at its last element).
    func quickMatches(_ range: (start: Int32, count: Int32), at start: Int) -> Bool {
        guard start + Int(range.count) <= toks.count else { return false }
        var k = Int(range.count) - 1
        while k >= 0 {
            let q = set.flat.elements[Int(range.start) + k]
            let t = toks[start + k]
            k -= 1
            switch q.tag {
            case .punct:
                guard t.kind == .punctuator, t.detail == q.detail || (q.detail == JSPunctuator.dot.rawValue && t.detail == JSPunctuator.questionDot.rawValue) else { return false }
            case .word:
                guard isWordToken(t), Int(t.length) == Int(q.length) else { return false }
                let s0 = Int(t.start), o = Int(q.offset)
                var k = 0
                while k < Int(q.length) {
                    if buf[s0 + k] != set.flat.words[o + k] { return false }
                    k += 1
                }
            case .string:
                guard isString(t) else { return false }
            case .number:
                guard t.kind == .number else { return false }
            case .ident:
                guard t.kind == .identifier else { return false }
            case .anyToken:
                break
            }
        }
        return true
    }

    mutating func record(_ sig: Signature, start: Int, end: Int, imported: [String: String], groups: inout [Int32]) {
        if set.flat.group[sig.order] >= 0 { groups.append(set.flat.group[sig.order]) }
        var values = imported
        for (k, name) in sig.pattern.captureNames.enumerated() {
            if let v = captureString(caps[k]) { values[name] = v }
        }
        if let cls = sig.bind { bind(cls, start: start, values: values, startsWithParen: sig.pattern.startsWithParen) }
        if sig.emit != nil {
            matches.append(SignatureMatcher.RawMatch(signature: sig, startToken: start, endToken: end, values: values))
        }
    }

    /// `IDENT = <match>`: binds IDENT (for `$bound(cls)` patterns later in the file).
    mutating func bind(_ cls: String, start: Int, values: [String: String], startsWithParen: Bool) {
        var s = start
        // A pattern that starts with `(`: the call's callee before it, or the `(` itself when an
        // operator comes before it (`ge=(0,j.fo)("StatusBar")`).
        if startsWithParen, let e = expressionStart(endingAt: start - 1) { s = e }
        // `await x(…)`: bind through the await.
        if s > 0, toks[s - 1].isKeyword(.await) { s -= 1 }
        guard isPunct(s - 1, .assign), s - 2 >= 0, toks[s - 2].kind == .identifier, !isDot(s - 3) else { return }
        let name = bytesOf(s - 2)
        let h = WordHash.of(name)
        noteDynamic(h, name)
        bindings[h, default: []].removeAll { $0.text == name }
        let depth = depth(atName: s - 2)
        bindings[h, default: []].append(Binding(text: name, cls: cls, values: values, depth: depth))
        deepestDynamic = max(deepestDynamic, depth)
    }

    // MARK: elements the machine reads (see MatchRun+Machine.swift)

    /// The position after one balanced unit at `q`, or nil at an unmatched closer / the end.
    func unit(after q: Int, limit: Int) -> Int? {
        guard q < toks.count else { return nil }
        let t = toks[q]
        guard t.kind == .punctuator else { return q + 1 }
        switch JSPunctuator(rawValue: t.detail) {
        case .rightParen?, .rightBracket?, .rightBrace?: return nil
        case .leftParen?, .leftBracket?, .leftBrace?:
            var depth = 0
            var k = q
            while k < toks.count && k - q <= limit {
                let u = toks[k]
                if u.kind == .punctuator {
                    switch JSPunctuator(rawValue: u.detail) {
                    case .leftParen?, .leftBracket?, .leftBrace?: depth += 1
                    case .rightParen?, .rightBracket?, .rightBrace?:
                        depth -= 1
                        if depth == 0 { return k + 1 }
                    default: break
                    }
                } else if u.kind == .templateHead {
                    depth += 1
                } else if u.kind == .templateTail {
                    depth -= 1
                }
                k += 1
            }
            return nil
        default:
            return q + 1
        }
    }

    /// `String.fromCharCode(…)`'s arguments: numbers decoded as UTF-16 code units; the position
    /// after them and the text.
    func charCodes(at pos: Int) -> (Int, String)? {
        var units: [UInt16] = []
        var k = pos
        while k < toks.count, toks[k].kind == .number, let v = Self.integer(text(k)), v >= 0, v <= 0xFFFF {
            units.append(UInt16(v))
            k += 1
            if isPunct(k, .comma), k + 1 < toks.count, toks[k + 1].kind == .number { k += 1 } else { break }
        }
        guard !units.isEmpty else { return nil }
        return (k, String(decoding: units, as: UTF16.self))
    }

    static func integer(_ s: String) -> Int? {
        if s.hasPrefix("0x") || s.hasPrefix("0X") { return Int(s.dropFirst(2), radix: 16) }
        return Int(s)
    }

    /// One call argument, classified: literal, remote, data, decoded (`atob("…")`), non-literal.
    func argument(at pos: Int) -> (end: Int, value: String, class: String)? {
        var k = pos
        var count = 0
        while k < toks.count && count < 4096 {
            let t = toks[k]
            if t.kind == .punctuator {
                if t.detail == JSPunctuator.comma.rawValue || t.detail == JSPunctuator.semicolon.rawValue { break }
                if t.detail == JSPunctuator.rightParen.rawValue || t.detail == JSPunctuator.rightBracket.rawValue || t.detail == JSPunctuator.rightBrace.rawValue { break }
            }
            guard let nk = unit(after: k, limit: 4096 - count) else { break }
            count += nk - k
            k = nk
        }
        guard k > pos else { return nil }
        var value = ""
        var cls = "non-literal"
        if let literal = literalValue(pos, k) {
            value = literal
            var v = literal
            cls = v.withUTF8 { b in
                if Bytes.isURL(b, remoteOnly: true) { return "remote" }
                if Bytes.hasPrefix(b, "data:") || Bytes.hasPrefix(b, "blob:") { return "data" }
                return "literal"
            }
        } else if let decoded = decodedAtob(pos, k) {
            value = decoded
            cls = "decoded"
        }
        return (k, value, cls)
    }

    /// Strings joined by `+`, one keyword/number literal, or `!0` / `!1`.
    func literalValue(_ from: Int, _ to: Int) -> String? {
        if to - from == 1 {
            let t = toks[from]
            if isString(t) { return cooked(from) }
            if t.kind == .number { return text(from) }
            if t.isKeyword(.true) || t.isKeyword(.false) || t.isKeyword(.null) { return text(from) }
            return nil
        }
        if to - from == 2, isPunct(from, .bang), toks[from + 1].kind == .number {
            return text(from + 1) == "0" ? "true" : text(from + 1) == "1" ? "false" : nil
        }
        guard (to - from) % 2 == 1 else { return nil }
        var out = ""
        var k = from
        while k < to {
            guard isString(toks[k]), let v = cooked(k) else { return nil }
            out += v
            k += 1
            if k < to {
                guard isPunct(k, .plus) else { return nil }
                k += 1
            }
        }
        return out
    }

    /// `atob("…")`, `x.atob("…")`: the decoded text (nil if not base64 of UTF-8).
    func decodedAtob(_ from: Int, _ to: Int) -> String? {
        guard to - from >= 4, isPunct(to - 1, .rightParen), isString(toks[to - 2]), isPunct(to - 3, .leftParen),
              toks[to - 4].kind == .identifier, equals(toks[to - 4], Self.atobWord),
              let encoded = cooked(to - 2) else { return nil }
        guard let data = Base64.decode(encoded), let s = String(validating: data, as: UTF8.self) else { return nil }
        return s
    }
}

/// A small base64 decoder (standard alphabet, padding optional).
enum Base64 {
    static func decode(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0
        var bits = 0
        for b in s.utf8 {
            let v: UInt32
            switch b {
            case 0x41...0x5A: v = UInt32(b - 0x41)
            case 0x61...0x7A: v = UInt32(b - 0x61 + 26)
            case 0x30...0x39: v = UInt32(b - 0x30 + 52)
            case 0x2B, 0x2D: v = 62
            case 0x2F, 0x5F: v = 63
            case 0x3D: continue
            default: return nil
            }
            acc = (acc << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
