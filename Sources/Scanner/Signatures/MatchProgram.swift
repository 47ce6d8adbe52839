/// A pattern compiled for the matcher's backtracking machine (`MatchRun+Machine.swift`): flat
/// instructions of plain data, so that trying a candidate allocates nothing and retains nothing.
/// The element tree (`PatternElement`) stays what anchors and quick checks are computed from;
/// this is only its executable form.
///
/// Branching elements become jumps:
/// - `$alt( a | b | c )` → `alt` (its parts' first instructions are in `targets`), each part
///   followed by a `jump` past the last one;
/// - `$opt( a )` → `opt` (where to go without it), `a`;
/// - `$skip(n)` → `skip` (the machine tries the continuation after 0, 1, … balanced units).
struct MatchProgram: Sendable {
    enum Code: UInt8, Sendable {
        // One token or one balanced unit: matched by `MatchRun.step(_:_:)`.
        case punct, word, string, ident, number, any, argument, charCodes, bound, out, fail
        // Control.
        case alt, opt, skip, jump, match
    }

    /// `a` and `b` by code: `punct` its punctuator; `word` offset and length in `words`; captures
    /// their slot (-1: none; `argument` its class slot in `b`); `alt` the offset of its targets
    /// and their count; `opt` and `jump` where to go; `skip` its limit.
    struct Op: Sendable {
        var code: Code
        var a: Int32 = -1
        var b: Int32 = -1
    }

    private(set) var ops: [Op] = []
    private(set) var words: [UInt8] = []
    private(set) var targets: [Int32] = []

    init(_ elements: [PatternElement]) {
        emit(elements)
        ops.append(Op(code: .match))
    }

    private static func slot(_ s: Int?) -> Int32 { s.map(Int32.init) ?? -1 }

    private mutating func emit(_ elements: [PatternElement]) {
        for e in elements {
            switch e {
            case .punct(let p): ops.append(Op(code: .punct, a: Int32(p)))
            case .word(let w):
                ops.append(Op(code: .word, a: Int32(words.count), b: Int32(w.count)))
                words += w
            case .string(let s): ops.append(Op(code: .string, a: Self.slot(s)))
            case .ident(let s): ops.append(Op(code: .ident, a: Self.slot(s)))
            case .number(let s): ops.append(Op(code: .number, a: Self.slot(s)))
            case .any: ops.append(Op(code: .any))
            case .argument(let s, let cls): ops.append(Op(code: .argument, a: Self.slot(s), b: Self.slot(cls)))
            case .charCodes(let s): ops.append(Op(code: .charCodes, a: Self.slot(s)))
            case .bound: ops.append(Op(code: .bound))
            case .out: ops.append(Op(code: .out))
            // `$callee` is only valid first, where the matcher handles it before the program.
            case .callee: ops.append(Op(code: .fail))
            case .skip(let limit): ops.append(Op(code: .skip, a: Int32(limit)))
            case .optional(let body):
                let at = ops.count
                ops.append(Op(code: .opt))
                emit(body)
                ops[at].a = Int32(ops.count)
            case .alternation(let parts):
                // The targets are reserved before the parts are emitted: nested alternations
                // append theirs after these.
                let first = targets.count
                ops.append(Op(code: .alt, a: Int32(first), b: Int32(parts.count)))
                targets += Array(repeating: 0, count: parts.count)
                var exits: [Int] = []
                for (k, part) in parts.enumerated() {
                    targets[first + k] = Int32(ops.count)
                    emit(part)
                    exits.append(ops.count)
                    ops.append(Op(code: .jump))
                }
                for x in exits { ops[x].a = Int32(ops.count) }
            }
        }
    }
}
