/// Picks where the matcher tries a signature: the rarest literal among the pattern's leading
/// fixed-width elements, not only its first token. `new $ident:sink (` with `sink` one of
/// `Worker`, `SharedWorker` is tried at those two names rather than at every `new`, and
/// `$alt( $ | jQuery ) . getScript (` at `getScript` rather than at every `$`. Rarity is
/// guessed from length: a name of nine bytes is rarer in a bundle than `new` or `$`.
enum AnchorChoice {
    /// A place to try a signature: any of `words` at `back` tokens from the match's start.
    struct Option: Hashable {
        let words: [[UInt8]]
        let back: Int
        /// The shortest word's length: longer is rarer.
        var score: Int { words.map(\.count).min() ?? 0 }
    }

    /// The anchors of every signature. Signatures of one `group` must be tried at the same
    /// token (the first that matches there wins), so a group moves only to a place all its
    /// members share.
    static func anchors(for signatures: [Signature]) -> [[PatternAnchor]] {
        var result = signatures.map(\.pattern.anchors)
        var groups: [String: [Int]] = [:]
        for (i, s) in signatures.enumerated() {
            if let g = s.group { groups[g, default: []].append(i) } else if let best = best(options(for: s), over: s) {
                result[i] = best.words.map { .word($0, back: best.back) }
            }
        }
        for (_, members) in groups {
            var shared = Set(options(for: signatures[members[0]]))
            for m in members.dropFirst() { shared.formIntersection(options(for: signatures[m])) }
            let bests = members.map { best(shared, over: signatures[$0]) }
            guard let first = bests.first, let best = first, bests.allSatisfy({ $0 == best }) else { continue }
            for m in members { result[m] = best.words.map { .word($0, back: best.back) } }
        }
        return result
    }

    /// The option with the rarest words, when rarer than the pattern's own anchor.
    static func best<S: Sequence<Option>>(_ options: S, over s: Signature) -> Option? {
        // Only plain word and punctuator anchors are moved; $callee, $str and $bound keep
        // theirs (aliases, string indexes and bindings hang on them).
        var current = Int.max
        for anchor in s.pattern.anchors {
            switch anchor {
            case .word(let w, _): current = min(current, w.count)
            case .punct: current = 0
            default: return nil
            }
        }
        let sorted = options.sorted { ($0.score, -$0.back) > ($1.score, -$1.back) }
        guard let top = sorted.first, top.score > current else { return nil }
        return top
    }

    /// Every literal among the pattern's leading one-token elements, as an option.
    static func options(for s: Signature) -> [Option] {
        var out: [Option] = []
        for (position, element) in s.pattern.elements.enumerated() {
            var words: [[UInt8]]?
            switch element {
            case .word(let w):
                words = [w]
            case .ident(let slot?):
                for c in s.constraints where c.capture == slot {
                    if case .oneOf(let values) = c.constraint { words = values.sorted().map { Array($0.utf8) } }
                }
            case .alternation(let parts):
                var list: [[UInt8]] = []
                for part in parts {
                    guard part.count == 1, case .word(let w) = part[0] else { list = []; break }
                    list.append(w)
                }
                if !list.isEmpty { words = list.sorted { $0.lexicographicallyPrecedes($1) } }
            default:
                break
            }
            if let words { out.append(Option(words: words, back: position)) }
            // Past the leading one-token elements the distance to the start is not fixed.
            guard isOneToken(element) else { break }
        }
        return out
    }

    /// Whether the pattern starts with a word (or a choice of words): that word is never a
    /// property name (`x.window[…]` is no global), wherever the pattern is anchored.
    static func startsWithWord(_ s: Signature) -> Bool {
        switch s.pattern.elements.first {
        case .word?: return true
        case .alternation(let parts)?: return parts.contains { if case .word? = $0.first { return true } else { return false } }
        default: return false
        }
    }

    /// Whether the element always matches exactly one token.
    static func isOneToken(_ e: PatternElement) -> Bool {
        switch e {
        case .punct, .word, .string, .number, .ident: return true
        case .alternation(let parts): return parts.allSatisfy { $0.count == 1 && isOneTokenLiteral($0[0]) }
        default: return false
        }
    }

    static func isOneTokenLiteral(_ e: PatternElement) -> Bool {
        switch e {
        case .punct, .word: return true
        default: return false
        }
    }
}
