/// A store's answer to "may this live update ship?".
public enum Verdict: String, Sendable, Codable, Comparable {
    /// No finding at warning level or above.
    case pass
    /// Warnings only: a person should look.
    case review
    /// At least one error: the update breaks the store's rules as far as livegate can tell.
    case block

    private var rank: Int { self == .pass ? 0 : self == .review ? 1 : 2 }
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// The verdict for one store from its unsuppressed findings.
    public static func of(_ findings: [Finding], for store: Store) -> Verdict {
        var verdict = Verdict.pass
        for finding in findings where finding.suppression == nil {
            switch finding.level(for: store) {
            case .error: return .block
            case .warning: verdict = .review
            default: break
            }
        }
        return verdict
    }
}
