/// Signature files compiled once into an index by first fixed token, so that the matcher looks
/// at each token once and tries only the patterns that can start there.
public struct SignatureSet: Sendable {
    public let signatures: [Signature]
    /// Fact kinds declared by the files, with their attributes (for the rules' catalog).
    public let kinds: [String: Set<String>]
    /// The files the set was compiled from, in order.
    public let files: [String]

    final class WordEntry: @unchecked Sendable {
        // Mutated only while the set is built.
        let text: [UInt8]
        var words: [(signature: Int, back: Int)] = []
        var callees: [Int] = []
        var stringValues: [Int] = []
        init(text: [UInt8]) { self.text = text }
    }

    /// Word (and string value) index: hash of the bytes → entries with that hash.
    let wordIndex: [UInt64: [WordEntry]]
    /// `lengthMask[firstByte]` has bit `min(length, 63)` set when some indexed word could match.
    let lengthMask: [UInt64]
    let punctIndex: [[Int]]
    /// Patterns anchored at any string token.
    let stringAny: [Int]
    /// For each of `stringAny`: whether it needs one of its `contains` words (so can be skipped
    /// when the string has none of the words' first four bytes, see `gramBits`).
    let stringGated: [Bool]
    /// Bit set of hashed 4-byte lower-cased prefixes of the `contains` words of string patterns.
    let gramBits: [UInt64]
    /// For a hashed gram: which of `stringAny` (bit n of word n/64) have a word starting so.
    let gramMasks: [Int: [UInt64]]
    /// Whether some pattern is anchored at a string value.
    let hasStringValues: Bool
    let boundIndex: [String: [Int]]
    /// Every file-path filter used by some signature (for the scan cache key).
    let pathFilters: [String]

    public static let empty = SignatureSet(
        signatures: [], kinds: [:], files: [], wordIndex: [:], lengthMask: Array(repeating: 0, count: 256),
        punctIndex: Array(repeating: [], count: 64), stringAny: [], stringGated: [], gramBits: Array(repeating: 0, count: 1024), gramMasks: [:],
        hasStringValues: false, boundIndex: [:], pathFilters: [])

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
        var words: [UInt64: [WordEntry]] = [:]
        var mask = [UInt64](repeating: 0, count: 256)
        var punct = [[Int]](repeating: [], count: 64)
        var stringAny: [Int] = []
        var hasStringValues = false
        var bound: [String: [Int]] = [:]
        var filters = Set<String>()

        var stringGated: [Bool] = []
        var grams = [UInt64](repeating: 0, count: 1024)
        var masks: [Int: [UInt64]] = [:]
        func entry(_ text: [UInt8], _ update: (WordEntry) -> Void) {
            let h = hash(text)
            var list = words[h] ?? []
            if let e = list.first(where: { $0.text == text }) {
                update(e)
            } else {
                let e = WordEntry(text: text)
                update(e)
                list.append(e)
            }
            words[h] = list
            if let f = text.first { mask[Int(f)] |= 1 << UInt64(min(text.count, 63)) }
        }

        for (index, s) in signatures.enumerated() {
            filters.formUnion(s.paths)
            for anchor in s.pattern.anchors {
                switch anchor {
                case .word(let w, let back): entry(w) { $0.words.append((index, back)) }
                case .callee(let w): entry(w) { $0.callees.append(index) }
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
                        var gated = false
                        if case .string(let slot?)? = s.pattern.elements.first {
                            for c in s.constraints where c.capture == slot {
                                switch c.constraint {
                                case .contains(let list), .containsIgnoringCase(let list):
                                    guard list.allSatisfy({ $0.count >= 4 }) else { continue }
                                    gated = true
                                    let n = stringAny.count - 1
                                    for w in list {
                                        let g = gram(Bytes.fold(w[0]), Bytes.fold(w[1]), Bytes.fold(w[2]), Bytes.fold(w[3]))
                                        grams[g >> 6] |= 1 << UInt64(g & 63)
                                        var m = masks[g] ?? []
                                        while m.count <= n / 64 { m.append(0) }
                                        m[n / 64] |= 1 << UInt64(n % 64)
                                        masks[g] = m
                                    }
                                default: break
                                }
                                if gated { break }
                            }
                        }
                        stringGated.append(gated)
                    }
                }
            }
        }
        return SignatureSet(
            signatures: signatures, kinds: kinds, files: files, wordIndex: words, lengthMask: mask,
            punctIndex: punct, stringAny: stringAny, stringGated: stringGated, gramBits: grams, gramMasks: masks,
            hasStringValues: hasStringValues, boundIndex: bound,
            pathFilters: filters.sorted())
    }

    init(signatures: [Signature], kinds: [String: Set<String>], files: [String], wordIndex: [UInt64: [WordEntry]],
         lengthMask: [UInt64], punctIndex: [[Int]], stringAny: [Int], stringGated: [Bool], gramBits: [UInt64], gramMasks: [Int: [UInt64]], hasStringValues: Bool,
         boundIndex: [String: [Int]], pathFilters: [String]) {
        self.signatures = signatures
        self.kinds = kinds
        self.files = files
        self.wordIndex = wordIndex
        self.lengthMask = lengthMask
        self.punctIndex = punctIndex
        self.stringAny = stringAny
        self.stringGated = stringGated
        self.gramBits = gramBits
        self.gramMasks = gramMasks
        self.hasStringValues = hasStringValues
        self.boundIndex = boundIndex
        self.pathFilters = pathFilters
    }

    /// A 16-bit hash of four (lower-cased) bytes.
    @inline(__always)
    static func gram(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Int {
        let v = UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24
        return Int((v &* 0x9E3779B1) >> 16)
    }

    /// FNV-1a over bytes.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var k = from
        while k < to {
            h = (h ^ UInt64(p[k])) &* 0x100000001b3
            k += 1
        }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, 0, $0.count) }
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
