extension MatchRun {
    /// `$out`: the position after the closing bracket of the group that `pos` is in (the rest of
    /// a function body, a class body, an argument list), or nil when it does not close within
    /// `PatternCompiler.outLimit` tokens. A template substitution is a group too.
    func afterEnclosingGroup(_ pos: Int) -> Int? {
        var depth = 0
        var k = pos
        let end = min(toks.count, pos + PatternCompiler.outLimit)
        while k < end {
            let t = toks[k]
            switch t.kind {
            case .punctuator:
                switch JSPunctuator(rawValue: t.detail) {
                case .leftParen?, .leftBracket?, .leftBrace?:
                    depth += 1
                case .rightParen?, .rightBracket?, .rightBrace?:
                    if depth == 0 { return k + 1 }
                    depth -= 1
                default:
                    break
                }
            case .templateHead:
                depth += 1
            case .templateMiddle:
                if depth == 0 { return k + 1 }
            case .templateTail:
                if depth == 0 { return k + 1 }
                depth -= 1
            default:
                break
            }
            k += 1
        }
        return nil
    }
}
