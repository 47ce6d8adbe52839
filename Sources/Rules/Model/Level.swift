/// How serious a finding is, per store. Ordered: `none < note < warning < error`.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    /// The rule does not apply to that store.
    case none
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .none: return 0
        case .note: return 1
        case .warning: return 2
        case .error: return 3
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    /// One level lower (error → warning → note → note); used for guarded calls.
    public var lowered: Level {
        switch self {
        case .error: return .warning
        case .warning, .note: return .note
        case .none: return .none
        }
    }
}
