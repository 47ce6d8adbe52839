@testable import LivegateScanner

/// Short names for token kinds, so that a test reads like the token stream.
func shortName(_ kind: JSTokenKind) -> String {
    switch kind {
    case .identifier: return "id"
    case .keyword: return "kw"
    case .privateName: return "priv"
    case .number: return "num"
    case .bigint: return "big"
    case .string: return "str"
    case .template: return "tpl"
    case .templateHead: return "head"
    case .templateMiddle: return "mid"
    case .templateTail: return "tail"
    case .regex: return "re"
    case .punctuator: return "p"
    case .lineComment: return "lc"
    case .blockComment: return "bc"
    case .htmlComment: return "html"
    case .hashbang: return "hb"
    case .invalid: return "inv"
    }
}

/// `source` tokenized as `["kind text", …]`.
func lex(_ source: String, comments: Bool = false) -> [String] {
    let bytes = Array(source.utf8)
    return JSTokenizer.tokenize(bytes, options: .init(keepComments: comments)).map {
        "\(shortName($0.kind)) \(JSTokenizer.text(of: $0, in: bytes))"
    }
}

/// The tokens of `source` with their bytes.
func tokens(_ source: String, comments: Bool = false) -> (tokens: [JSToken], bytes: [UInt8]) {
    let bytes = Array(source.utf8)
    return (JSTokenizer.tokenize(bytes, options: .init(keepComments: comments)), bytes)
}
