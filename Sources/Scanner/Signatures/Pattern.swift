/// One compiled element of a signature pattern (see docs/signatures.md).
indirect enum PatternElement: Sendable, Equatable {
    /// A punctuator; `.` also matches `?.`.
    case punct(UInt8)
    /// An identifier, keyword or property name spelled exactly so.
    case word([UInt8])
    /// A string or a template without substitutions; captures its cooked value.
    case string(capture: Int?)
    /// An identifier or property name (not a reserved word); captures its name.
    case ident(capture: Int?)
    /// A numeric literal; captures its text.
    case number(capture: Int?)
    /// One balanced unit: a token that is not a bracket, or a whole bracketed group.
    case any
    /// One call argument (balanced units up to `,` or the closing bracket), classified as
    /// literal / remote / data / decoded / non-literal; captures value and `NAME.class`.
    case argument(capture: Int?, classSlot: Int?)
    /// A comma-separated list of numbers decoded as UTF-16 code units (`String.fromCharCode`).
    case charCodes(capture: Int?)
    /// `NAME` reached through any object path or call wrapper; only first in a pattern.
    case callee(names: [[UInt8]], capture: Int?)
    /// An identifier bound by an earlier definition of this class; only first in a pattern.
    case bound(String)
    case alternation([[PatternElement]])
    case optional([PatternElement])
    /// Balanced units, as few as possible, up to `limit` tokens.
    case skip(limit: Int)
    /// The rest of the bracket group the match is in, and its closing bracket: the match goes on
    /// after the group (out of a function body to the statements around it).
    case out
}

/// Where the matcher starts trying a pattern.
enum PatternAnchor: Hashable, Sendable {
    /// At a word token with this text; the match starts `back` tokens earlier.
    case word([UInt8], back: Int)
    /// At a word token with this text, or an alias of it: the pattern starts with `$callee`.
    case callee([UInt8])
    case punct(UInt8)
    /// At any string or template token (optionally only those whose value is in the list).
    case string
    case bound(String)
}

/// A pattern's text compiled against the JavaScript tokenizer.
struct CompiledPattern: Sendable {
    var elements: [PatternElement]
    var captureNames: [String]
    var anchors: [PatternAnchor]
    /// Whether the pattern starts with a literal `(` (a call on an expression before it).
    var startsWithParen: Bool
}

/// Turns pattern text into elements. Errors are plain messages; the loader adds file and path.
struct PatternCompiler {
    static let directives: Set<String> = [
        "$str", "$ident", "$num", "$any", "$arg", "$charcodes", "$callee", "$bound", "$alt", "$opt", "$skip", "$lit", "$out",
    ]
    static let defaultSkipLimit = 256
    static let maxSkipLimit = 16384
    /// How far `$out` looks for the end of its group.
    static let outLimit = 16384

    let bytes: [UInt8]
    let tokens: [JSToken]
    var i = 0
    var captureNames: [String] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        tokens = JSTokenizer.tokenize(bytes)
    }

    static func compile(_ text: String) throws(PatternError) -> CompiledPattern {
        var compiler = PatternCompiler(text)
        guard !compiler.tokens.isEmpty else { throw PatternError("the pattern is empty") }
        let elements = try compiler.sequence(depth: 0)
        if compiler.i < compiler.tokens.count {
            throw PatternError("unbalanced brackets: '\(compiler.text(compiler.tokens[compiler.i]))' closes nothing")
        }
        try validateSkips(elements)
        let anchors = try anchors(of: elements)
        var startsWithParen = false
        if case .punct(let p)? = elements.first, p == JSPunctuator.leftParen.rawValue { startsWithParen = true }
        return CompiledPattern(elements: elements, captureNames: compiler.captureNames, anchors: anchors, startsWithParen: startsWithParen)
    }

    func text(_ t: JSToken) -> String { String(decoding: bytes[t.range], as: UTF8.self) }

    func adjacent(_ a: Int, _ b: Int) -> Bool {
        b < tokens.count && tokens[a].end == Int(tokens[b].start)
    }

    /// Reads elements until the end, an unmatched closer, or `|` at depth 0 inside `$alt(`.
    mutating func sequence(depth: Int, inGroup: Bool = false) throws(PatternError) -> [PatternElement] {
        var out: [PatternElement] = []
        var open: [UInt8] = []
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .invalid || t.kind == .regex || t.kind == .templateHead {
                throw PatternError("cannot use '\(text(t))' in a pattern")
            }
            if let p = t.punctuator {
                switch p {
                case .leftParen, .leftBracket, .leftBrace:
                    open.append(p.rawValue)
                case .rightParen, .rightBracket, .rightBrace:
                    let opener: JSPunctuator = p == .rightParen ? .leftParen : p == .rightBracket ? .leftBracket : .leftBrace
                    if inGroup && p == .rightParen && !open.contains(JSPunctuator.leftParen.rawValue) {
                        return out  // the `)` of `$alt(` / `$opt(`
                    }
                    if let last = open.last {
                        guard last == opener.rawValue else {
                            throw PatternError("unbalanced brackets: '\(p.text)' does not close '\(JSPunctuator(rawValue: last)!.text)'")
                        }
                        open.removeLast()
                    } else if inGroup && p == .rightParen {
                        return out  // the `)` of `$alt(` / `$opt(`
                    } else {
                        throw PatternError("unbalanced brackets: '\(p.text)' closes nothing")
                    }
                case .bar where inGroup:
                    return out
                default: break
                }
                out.append(.punct(p.rawValue))
                i += 1
                continue
            }
            if t.kind == .identifier, bytes[Int(t.start)] == UInt8(ascii: "$") {
                out.append(try directive())
                continue
            }
            switch t.kind {
            case .identifier, .keyword:
                out.append(.word(Array(bytes[t.range])))
            default:
                throw PatternError("a pattern literal must be a punctuator or a word, not '\(text(t))' (use $str, $num)")
            }
            i += 1
        }
        if inGroup { throw PatternError("unbalanced brackets: a '$alt(' or '$opt(' is not closed") }
        return out
    }

    /// `:NAME` right after a directive token, without spaces.
    mutating func captureName(after index: Int) throws(PatternError) -> Int? {
        guard adjacent(index, index + 1), tokens[index + 1].isPunctuator(.colon) else { return nil }
        guard adjacent(index + 1, index + 2), tokens[index + 2].kind == .identifier || tokens[index + 2].kind == .keyword else {
            throw PatternError("'\(text(tokens[index])):' must be followed by a capture name")
        }
        let name = text(tokens[index + 2])
        i = index + 3
        // `name.class` (from $arg) is derived; a name may not contain `.`.
        if let existing = captureNames.firstIndex(of: name) { return existing }
        captureNames.append(name)
        return captureNames.count - 1
    }

    /// The `(…)` argument list right after a directive token, as raw token texts split by `|`.
    mutating func wordList(after index: Int, directive: String) throws(PatternError) -> [[UInt8]] {
        guard adjacent(index, index + 1), tokens[index + 1].isPunctuator(.leftParen) else {
            throw PatternError("\(directive) needs a name list: \(directive)(NAME|NAME…)")
        }
        var j = index + 2
        var names: [[UInt8]] = []
        var expectName = true
        while j < tokens.count, !tokens[j].isPunctuator(.rightParen) {
            let t = tokens[j]
            if expectName {
                guard t.kind == .identifier || t.kind == .keyword else {
                    throw PatternError("\(directive)(…) takes names separated by '|', not '\(text(t))'")
                }
                names.append(Array(bytes[t.range]))
            } else if !t.isPunctuator(.bar) {
                throw PatternError("\(directive)(…) takes names separated by '|', not '\(text(t))'")
            }
            expectName.toggle()
            j += 1
        }
        guard j < tokens.count else { throw PatternError("unbalanced brackets: '\(directive)(' is not closed") }
        guard !names.isEmpty, !expectName else { throw PatternError("\(directive)(…) needs at least one name") }
        i = j + 1
        return names
    }

    mutating func directive() throws(PatternError) -> PatternElement {
        let index = i
        let name = text(tokens[index])
        i += 1
        switch name {
        case "$str": return .string(capture: try captureName(after: index))
        case "$ident": return .ident(capture: try captureName(after: index))
        case "$num": return .number(capture: try captureName(after: index))
        case "$arg":
            let c = try captureName(after: index)
            var classSlot: Int?
            if let c {
                let name = captureNames[c] + ".class"
                if let existing = captureNames.firstIndex(of: name) {
                    classSlot = existing
                } else {
                    captureNames.append(name)
                    classSlot = captureNames.count - 1
                }
            }
            return .argument(capture: c, classSlot: classSlot)
        case "$charcodes": return .charCodes(capture: try captureName(after: index))
        case "$any": return .any
        case "$out": return .out
        case "$callee":
            let names = try wordList(after: index, directive: name)
            let c = try captureName(after: i - 1)
            return .callee(names: names, capture: c)
        case "$bound":
            let names = try wordList(after: index, directive: name)
            guard names.count == 1 else { throw PatternError("$bound(…) takes one binding class") }
            return .bound(String(decoding: names[0], as: UTF8.self))
        case "$lit":
            guard adjacent(index, index + 1), tokens[index + 1].isPunctuator(.leftParen),
                  index + 3 < tokens.count, tokens[index + 3].isPunctuator(.rightParen) else {
                throw PatternError("$lit needs one token: $lit(TOKEN)")
            }
            let t = tokens[index + 2]
            i = index + 4
            if let p = t.punctuator { return .punct(p.rawValue) }
            guard t.kind == .identifier || t.kind == .keyword else { throw PatternError("$lit(…) takes a punctuator or a word") }
            return .word(Array(bytes[t.range]))
        case "$skip":
            if adjacent(index, index + 1), tokens[index + 1].isPunctuator(.leftParen) {
                guard index + 3 < tokens.count, tokens[index + 2].kind == .number, tokens[index + 3].isPunctuator(.rightParen),
                      let n = Int(text(tokens[index + 2])), n > 0, n <= Self.maxSkipLimit else {
                    throw PatternError("$skip(N) takes a token limit from 1 to \(Self.maxSkipLimit)")
                }
                i = index + 4
                return .skip(limit: n)
            }
            return .skip(limit: Self.defaultSkipLimit)
        case "$alt", "$opt":
            guard adjacent(index, index + 1), tokens[index + 1].isPunctuator(.leftParen) else {
                throw PatternError("\(name) needs a group: \(name)( … )")
            }
            i = index + 2
            var alternatives: [[PatternElement]] = []
            while true {
                let part = try sequence(depth: 1, inGroup: true)
                guard !part.isEmpty else { throw PatternError("\(name)( … ) has an empty alternative") }
                alternatives.append(part)
                guard i < tokens.count else { throw PatternError("unbalanced brackets: '\(name)(' is not closed") }
                let t = tokens[i]
                i += 1
                if t.isPunctuator(.rightParen) { break }
                // `|`: another alternative.
                if name == "$opt" { throw PatternError("$opt( … ) takes one sequence; use $alt for alternatives") }
            }
            return name == "$alt" ? .alternation(alternatives) : .optional(alternatives[0])
        default:
            let hint = Suggestion.closest(to: name, in: Self.directives).map { " (did you mean \($0)?)" } ?? ""
            throw PatternError("unknown directive \(name)\(hint); write $lit(\(name)) for a literal identifier")
        }
    }

    /// `nested`: inside `$alt(`/`$opt(`, where a `$skip` may come first (it follows what is before the group).
    static func validateSkips(_ elements: [PatternElement], nested: Bool = false) throws(PatternError) {
        for (k, e) in elements.enumerated() {
            switch e {
            case .skip:
                if k == 0 && !nested { throw PatternError("a pattern cannot start with $skip") }
                if k == elements.count - 1 { throw PatternError("$skip must be followed by what it skips to") }
                if case .skip = elements[k + 1] { throw PatternError("two $skip in a row") }
            case .alternation(let parts):
                for p in parts { try validateSkips(p, nested: true) }
            case .optional(let p):
                try validateSkips(p, nested: true)
            case .callee, .bound:
                if k != 0 { throw PatternError("\(e.directiveName) may only start a pattern") }
            default: break
            }
        }
    }

    static func anchors(of elements: [PatternElement]) throws(PatternError) -> [PatternAnchor] {
        var back = 0
        for e in elements {
            switch e {
            case .punct(let p):
                if back == 0, elements.count == 1 { return [.punct(p)] }
                back += 1
                continue
            case .word(let w):
                return [.word(w, back: back)]
            default: break
            }
            break
        }
        switch elements[0] {
        case .punct(let p): return [.punct(p)]
        case .callee(let names, _): return names.map { .callee($0) }
        case .bound(let cls): return [.bound(cls)]
        case .string: return [.string]
        case .alternation(let parts):
            var out: [PatternAnchor] = []
            for part in parts {
                switch part[0] {
                case .word(let w): out.append(.word(w, back: 0))
                case .punct(let p): out.append(.punct(p))
                default: throw PatternError("each alternative of a leading $alt must start with a literal token")
                }
            }
            return out
        default:
            throw PatternError("a pattern must start with a literal token, $callee, $bound, $str or $alt of literals, not \(elements[0].directiveName)")
        }
    }
}

extension PatternElement {
    var directiveName: String {
        switch self {
        case .punct(let p): return "'\(JSPunctuator(rawValue: p)?.text ?? "?")'"
        case .word(let w): return "'\(String(decoding: w, as: UTF8.self))'"
        case .string: return "$str"
        case .ident: return "$ident"
        case .number: return "$num"
        case .any: return "$any"
        case .argument: return "$arg"
        case .charCodes: return "$charcodes"
        case .callee: return "$callee"
        case .bound: return "$bound"
        case .alternation: return "$alt"
        case .optional: return "$opt"
        case .skip: return "$skip"
        case .out: return "$out"
        }
    }
}

struct PatternError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
