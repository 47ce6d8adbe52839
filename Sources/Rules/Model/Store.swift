/// The stores whose live-update rules livegate checks.
public enum Store: String, Sendable, Codable, CaseIterable, Comparable {
    case apple
    case googlePlay = "google-play"

    public var displayName: String {
        switch self {
        case .apple: return "Apple App Store"
        case .googlePlay: return "Google Play"
        }
    }

    public static func < (lhs: Store, rhs: Store) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
