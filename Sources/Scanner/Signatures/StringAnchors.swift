/// A set of up to 128 string patterns (bit n: `StringAnchors.signatures[n]`).
struct PatternBits: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    static let none = PatternBits()

    init(low: UInt64 = 0, high: UInt64 = 0) {
        self.low = low
        self.high = high
    }

    var isEmpty: Bool { low | high == 0 }

    mutating func insert(_ n: Int) {
        if n < 64 { low |= 1 << UInt64(n) } else { high |= 1 << UInt64(n - 64) }
    }

    static func & (a: PatternBits, b: PatternBits) -> PatternBits { PatternBits(low: a.low & b.low, high: a.high & b.high) }
    static func | (a: PatternBits, b: PatternBits) -> PatternBits { PatternBits(low: a.low | b.low, high: a.high | b.high) }
    static prefix func ~ (a: PatternBits) -> PatternBits { PatternBits(low: ~a.low, high: ~a.high) }

    /// Removes and returns the lowest pattern, or nil when empty.
    mutating func popFirst() -> Int? {
        if low != 0 {
            let n = low.trailingZeroBitCount
            low &= low - 1
            return n
        }
        if high != 0 {
            let n = high.trailingZeroBitCount
            high &= high - 1
            return 64 + n
        }
        return nil
    }
}

/// The patterns tried at every string token (their first element is a `$str` not indexed by
/// value), and what decides cheaply which of them a string can wake:
/// - its first and last raw bytes: the leading capture's constraints imply them (`prefix: ["/"]`
///   needs `/` first, `suffix: [".so"]` an `o` last, `startsUpper` A–Z first), so two loads rule
///   most patterns out for most strings;
/// - a gated pattern's `contains` words (see `GramIndex`), looked for only in strings long enough
///   to hold one, and only when the byte test leaves a gated pattern in.
/// Constraints are checked on the raw bytes between the quotes first (an escaped string is then
/// cooked and checked again), so tests on raw bytes lose no match the constraints would keep.
/// A class, read in place (see `SignatureSet`).
final class StringAnchors: Sendable {
    /// Signature indices, in declaration order.
    let signatures: [Int]
    /// The leading `$str`'s capture slot, or -1.
    let slots: [Int32]
    /// For each: the index in its constraints of the `contains` the gram index proves, or -1.
    let gates: [Int]
    /// The gated patterns' words.
    let grams: GramIndex
    /// Patterns beyond the first 128, tried at every string (no bit to filter them with).
    let unfiltered: [Int]
    /// The byte tests, as the tokenizer also runs them: per first and last raw byte, the
    /// patterns a string can satisfy; the patterns an empty string can satisfy; the gated ones.
    let interest: JSStringInterest

    var isEmpty: Bool { signatures.isEmpty }

    /// `indices` into `list`, each with its gate (see `gates`) and the gated words in `grams`.
    init(_ list: [Signature], indices signatures: [Int], gates: [Int], grams: GramIndex) {
        let slots: [Int32] = signatures.map { s in
            if case .string(let slot?)? = list[s].pattern.elements.first { return Int32(slot) }
            return -1
        }
        self.signatures = signatures
        self.slots = slots
        self.gates = gates
        self.grams = grams
        var first = [PatternBits](repeating: .none, count: 256)
        var last = [PatternBits](repeating: .none, count: 256)
        var empty = PatternBits.none, gated = PatternBits.none
        var unfiltered: [Int] = []
        for n in signatures.indices {
            guard n < 128 else {
                unfiltered.append(n)
                continue
            }
            if gates[n] >= 0 { gated.insert(n) }
            var firstBytes = Set(0..<256), lastBytes = Set(0..<256)
            var allowsEmpty = true
            if slots[n] >= 0 {
                for c in list[signatures[n]].constraints where Int32(c.capture) == slots[n] {
                    if let b = c.constraint.firstBytes { firstBytes.formIntersection(b.map(Int.init)) }
                    if let b = c.constraint.lastBytes { lastBytes.formIntersection(b.map(Int.init)) }
                    if !c.constraint.allowsEmpty { allowsEmpty = false }
                }
            }
            for b in firstBytes { first[b].insert(n) }
            for b in lastBytes { last[b].insert(n) }
            if allowsEmpty { empty.insert(n) }
        }
        self.interest = JSStringInterest(first: first.map { ($0.low, $0.high) }, last: last.map { ($0.low, $0.high) },
                                         gated: (gated.low, gated.high), shortestGatedWord: grams.minWordLength,
                                         empty: (empty.low, empty.high))
        self.unfiltered = unfiltered
    }

    /// The patterns the text `inner` (between the quotes) can wake, in declaration order.
    func candidates(_ inner: UnsafeBufferPointer<UInt8>) -> PatternBits {
        interest.table.withUnsafeBufferPointer { t in
            let table = t.baseAddress!
            guard let f = inner.first, let l = inner.last else {
                return PatternBits(low: table[JSStringInterest.emptyAt], high: table[JSStringInterest.emptyAt + 1])
            }
            let (low, high) = JSStringInterest.byBytes(table, f, l)
            var bits = PatternBits(low: low, high: high)
            let gated = PatternBits(low: table[JSStringInterest.gatedAt], high: table[JSStringInterest.gatedAt + 1])
            if !(bits & gated).isEmpty {
                let (low, high) = grams.candidates(in: inner)
                bits = (bits & ~gated) | (bits & PatternBits(low: low, high: high))
            }
            return bits
        }
    }
}

extension Constraint {
    /// The bytes a value that satisfies the constraint can start with; nil: any.
    var firstBytes: Set<UInt8>? {
        switch self {
        case .startsUpper: return Set(0x41...0x5A)
        case .startsLower: return Set(0x61...0x7A)
        case .prefix(let list): return list.contains { $0.isEmpty } ? nil : Set(list.map { $0[0] })
        // `http(s)://`, `ws(s)://`, `//host`; any `scheme:` too when not only remote.
        case .isRemoteURL: return [0x68, 0x77, 0x2F]
        case .matchesURL: return Set(0x61...0x7A).union([0x2F])
        default: return nil
        }
    }

    /// The bytes a value that satisfies the constraint can end with; nil: any.
    var lastBytes: Set<UInt8>? {
        switch self {
        case .suffix(let list): return list.contains { $0.isEmpty } ? nil : Set(list.map { $0[$0.count - 1] })
        default: return nil
        }
    }

    /// Whether the empty value can satisfy the constraint.
    var allowsEmpty: Bool {
        switch self {
        case .startsUpper, .startsLower, .matchesURL, .isRemoteURL, .pathLike: return false
        case .prefix(let list), .suffix(let list), .contains(let list), .containsIgnoringCase(let list):
            return list.contains { $0.isEmpty }
        case .minLength(let n): return n <= 0
        case .oneOf(let values): return values.contains("")
        case .notOneOf(let values): return !values.contains("")
        case .notPrefix(let list): return !list.contains { $0.isEmpty }
        case .maxLength: return true
        }
    }
}
