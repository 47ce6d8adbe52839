/// A captured value, as plain data: which token holds it (its text is read from the buffer only
/// when a constraint or the emitted fact needs it), or a computed value in `MatchRun.extras`.
struct MatchCapture {
    enum Kind: UInt8 {
        case unset
        /// The cooked value of a string or template token without escapes: its raw inner bytes.
        case plainString
        /// An identifier name without escapes, or a number: the token's text.
        case tokenText
        /// `MatchRun.extras[index]`: a cooked escaped string, an argument's value or class, a
        /// callee name, a value imported from a binding.
        case extra
    }

    var kind: Kind
    var index: Int32

    static let unset = MatchCapture(kind: .unset, index: 0)
}

/// An alternative the machine comes back to when the path it took fails.
struct MatchChoice {
    /// The `alt`, `opt` or `skip` instruction that made the choice.
    var pc: Int32
    /// Where the alternative starts (for `skip`: the position after the units skipped so far).
    var pos: Int32
    /// `MatchRun.trail.count` when the choice was made: captures written later are undone.
    var trail: Int32
    /// `alt`: the next part to try; `skip`: where skipping started.
    var aux: Int32
}

/// The backtracking machine that runs a `MatchProgram`: an explicit stack of choices and a trail
/// of overwritten captures instead of recursion and copied frames. It tries alternatives in
/// pattern order (an `$opt` part before its absence, `$skip` from zero units up), so the match it
/// finds is the first in that order; constraints are checked when the program ends, and one that
/// fails sends the machine back to the latest choice. A step is one attempt to go on from a
/// position (after a matched element, at each alternative, at each skip length); past
/// `MatchRun.stepBudget` steps the candidate fails.
extension MatchRun {
    /// Starts a candidate of `sig`: every capture unset.
    /// (`caps` keeps the length of the most captures seen; only the first `count` are used.)
    mutating func resetCaptures(count: Int) {
        while caps.count < count { caps.append(.unset) }
        for k in 0..<count { caps[k] = .unset }
        if !extras.isEmpty { extras.removeAll(keepingCapacity: true) }
        if !trail.isEmpty { trail.removeAll(keepingCapacity: true) }
    }

    @inline(__always)
    mutating func capture(_ slot: Int32, _ value: MatchCapture) {
        guard slot >= 0 else { return }
        trail.append((slot, caps[Int(slot)]))
        caps[Int(slot)] = value
    }

    /// Sets a capture to a computed value. Set before the program runs (a callee's name, a
    /// binding's values), it is never undone: every choice is made later.
    @inline(__always)
    mutating func captureExtra(_ slot: Int32, _ value: String) {
        guard slot >= 0 else { return }
        extras.append(value)
        capture(slot, MatchCapture(kind: .extra, index: Int32(extras.count - 1)))
    }

    /// Runs `sig`'s program from token `start`; the position after the match, or nil.
    mutating func execute(_ sig: Signature, from start: Int) -> Int? {
        // Indexed in place: a closure over the ops would capture (and copy) the whole run.
        let program = sig.program
        let ops = program.ops
        choices.removeAll(keepingCapacity: true)
        var pc = 0
        var pos = start
        var steps = 1
        while true {
            var failed = false
            let op = ops[pc]
            switch op.code {
            case .match:
                if constraintsHold(sig) { return pos }
                failed = true
            case .jump:
                pc = Int(op.a)
                continue
            case .alt:
                if op.b > 1 { choices.append(MatchChoice(pc: Int32(pc), pos: Int32(pos), trail: Int32(trail.count), aux: 1)) }
                pc = Int(program.targets[Int(op.a)])
                steps += 1
            case .opt, .skip:
                choices.append(MatchChoice(pc: Int32(pc), pos: Int32(pos), trail: Int32(trail.count), aux: Int32(pos)))
                pc += 1
                steps += 1
            default:
                if let next = step(op, pos, program) {
                    pos = next
                    pc += 1
                    steps += 1
                } else {
                    failed = true
                }
            }
            if steps > Self.stepBudget { return nil }
            guard failed else { continue }
            // Back to the latest choice that has an alternative left.
            var resumed = false
            while !resumed, let c = choices.popLast() {
                while trail.count > Int(c.trail) {
                    let (slot, old) = trail.removeLast()
                    caps[Int(slot)] = old
                }
                let choice = ops[Int(c.pc)]
                switch choice.code {
                case .alt:
                    let k = c.aux
                    if k + 1 < choice.b { choices.append(MatchChoice(pc: c.pc, pos: c.pos, trail: c.trail, aux: k + 1)) }
                    pc = Int(program.targets[Int(choice.a + k)])
                    pos = Int(c.pos)
                    resumed = true
                case .opt:
                    pc = Int(choice.a)
                    pos = Int(c.pos)
                    resumed = true
                default:  // .skip: one more balanced unit, within the limit
                    let origin = Int(c.aux), q = Int(c.pos), limit = Int(choice.a)
                    guard let next = unit(after: q, limit: limit - (q - origin)), next - origin <= limit else { continue }
                    choices.append(MatchChoice(pc: c.pc, pos: Int32(next), trail: c.trail, aux: c.aux))
                    pc = Int(c.pc) + 1
                    pos = next
                    resumed = true
                }
            }
            guard resumed else { return nil }
            steps += 1
            if steps > Self.stepBudget { return nil }
        }
    }

    /// Matches one token or balanced unit; the position after it, or nil.
    @inline(__always)
    mutating func step(_ op: MatchProgram.Op, _ pos: Int, _ program: MatchProgram) -> Int? {
        guard pos < toks.count else { return nil }
        let t = toks[pos]
        switch op.code {
        case .punct:
            let p = UInt8(truncatingIfNeeded: op.a)
            guard t.kind == .punctuator, t.detail == p || (p == JSPunctuator.dot.rawValue && t.detail == JSPunctuator.questionDot.rawValue) else { return nil }
            return pos + 1
        case .word:
            guard isWordToken(t), Int(t.length) == Int(op.b) else { return nil }
            let s = Int(t.start), o = Int(op.a)
            for k in 0..<Int(op.b) where buf[s + k] != program.words[o + k] { return nil }
            return pos + 1
        case .string:
            guard isString(t) else { return nil }
            if t.flags.contains(.hasEscapes) || t.flags.contains(.unterminated) || t.length < 2 {
                guard let v = cooked(pos) else { return nil }
                captureExtra(op.a, v)
            } else {
                capture(op.a, MatchCapture(kind: .plainString, index: Int32(pos)))
            }
            return pos + 1
        case .ident:
            guard t.kind == .identifier else { return nil }
            if op.a >= 0 {
                if t.flags.contains(.hasEscapes) {
                    captureExtra(op.a, JSTokenizer.identifierName(of: t, in: buf) ?? "")
                } else {
                    capture(op.a, MatchCapture(kind: .tokenText, index: Int32(pos)))
                }
            }
            return pos + 1
        case .number:
            guard t.kind == .number else { return nil }
            capture(op.a, MatchCapture(kind: .tokenText, index: Int32(pos)))
            return pos + 1
        case .any:
            return unit(after: pos, limit: 4096)
        case .argument:
            guard let (end, value, cls) = argument(at: pos) else { return nil }
            captureExtra(op.a, value)
            captureExtra(op.b, cls)
            return end
        case .charCodes:
            guard let (end, value) = charCodes(at: pos) else { return nil }
            captureExtra(op.a, value)
            return end
        case .bound:
            return t.kind == .identifier ? pos + 1 : nil
        case .out:
            return afterEnclosingGroup(pos)
        case .fail, .alt, .opt, .skip, .jump, .match:
            return nil
        }
    }

    /// Calls `body` with the captured value's UTF-8 bytes; nil when the capture is unset.
    func withCapture<R>(_ c: MatchCapture, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        switch c.kind {
        case .unset:
            return nil
        case .plainString, .tokenText:
            let t = toks[Int(c.index)]
            let inner = c.kind == .plainString ? Int(t.start) + 1..<t.end - 1 : t.range
            let raw = UnsafeBufferPointer(rebasing: buf[inner])
            // Invalid UTF-8 reads as its repair (U+FFFD), as the emitted value will.
            if raw.contains(where: { $0 >= 0x80 }) {
                var s = String(decoding: raw, as: UTF8.self)
                return s.withUTF8(body)
            }
            return body(raw)
        case .extra:
            var s = extras[Int(c.index)]
            return s.withUTF8(body)
        }
    }

    func captureString(_ c: MatchCapture) -> String? {
        withCapture(c) { String(decoding: $0, as: UTF8.self) }
    }

    func constraintsHold(_ sig: Signature) -> Bool {
        for c in sig.constraints {
            guard withCapture(caps[c.capture], { c.constraint.holds($0) }) == true else { return false }
        }
        return true
    }
}
