/// The token types of CSS Syntax Module Level 3 §4, plus `comment` (the spec consumes comments
/// without a token; livegate keeps them so that the tokens of a file cover every byte of it).
public enum CSSTokenKind: UInt8, Sendable, Hashable, CaseIterable {
    case ident, function, atKeyword, hash, string, badString, url, badURL, delim
    case number, percentage, dimension, whitespace, cdo, cdc
    case colon, semicolon, comma
    case leftBracket, rightBracket, leftParen, rightParen, leftBrace, rightBrace
    case comment

    /// The name used in token dumps (`ident`, `at-keyword`, `bad-string`, `[`, …).
    public var name: String {
        switch self {
        case .ident: return "ident"
        case .function: return "function"
        case .atKeyword: return "at-keyword"
        case .hash: return "hash"
        case .string: return "string"
        case .badString: return "bad-string"
        case .url: return "url"
        case .badURL: return "bad-url"
        case .delim: return "delim"
        case .number: return "number"
        case .percentage: return "percentage"
        case .dimension: return "dimension"
        case .whitespace: return "whitespace"
        case .cdo: return "CDO"
        case .cdc: return "CDC"
        case .colon: return "colon"
        case .semicolon: return "semicolon"
        case .comma: return "comma"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .comment: return "comment"
        }
    }
}

/// One token: its kind, its byte range in the host file and flags. Values (names, string
/// contents, numbers) are decoded on demand by `CSSTokenizer.value(of:)` and friends.
public struct CSSToken: Sendable, Hashable {
    public var kind: CSSTokenKind
    /// `CSSToken.idFlag`, `CSSToken.integerFlag`, `CSSToken.unclosedFlag`.
    public var flags: UInt8
    // Offsets are stored in 32 bits (16-byte tokens instead of 32): a 12 MB stylesheet has
    // 2.5 M tokens. `CSSTokenizer` never reads past offset Int32.max.
    private var start32: Int32
    private var end32: Int32
    private var unitStart32: Int32

    /// UTF-8 byte offsets in the host file (a CSS file, or the HTML file holding the CSS).
    public var start: Int {
        get { Int(start32) }
        set { start32 = Int32(newValue) }
    }
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(newValue) }
    }
    /// For a dimension: where its unit begins. Otherwise equal to `end`.
    public var unitStart: Int {
        get { Int(unitStart32) }
        set { unitStart32 = Int32(newValue) }
    }

    /// hash: type flag "id" (the name would start an ident sequence); otherwise "unrestricted".
    public static let idFlag: UInt8 = 1
    /// number, percentage, dimension: type flag "integer"; otherwise "number".
    public static let integerFlag: UInt8 = 2
    /// comment ran to the end of the input; string or url ended at EOF (a parse error).
    public static let unclosedFlag: UInt8 = 4

    public init(kind: CSSTokenKind, flags: UInt8 = 0, start: Int, end: Int, unitStart: Int? = nil) {
        self.kind = kind
        self.flags = flags
        self.start32 = Int32(start)
        self.end32 = Int32(end)
        self.unitStart32 = Int32(unitStart ?? end)
    }

    public var isIDHash: Bool { flags & Self.idFlag != 0 }
    public var isInteger: Bool { flags & Self.integerFlag != 0 }
    public var isUnclosed: Bool { flags & Self.unclosedFlag != 0 }
    /// Whitespace and comments: what a parser skips between significant tokens.
    public var isTrivia: Bool { kind == .whitespace || kind == .comment }
}
