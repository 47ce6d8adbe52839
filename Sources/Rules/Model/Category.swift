/// The fixed vocabulary of finding categories, carried by every rule and every report.
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case nativeBridge = "native-bridge"
    case nativeCode = "native-code"
    case dynamicCode = "dynamic-code"
    case remoteCode = "remote-code"
    case obfuscation
    case route
    case featureFlag = "feature-flag"
    case payment
    case miner
    case permission
    case updatePrompt = "update-prompt"
    case updaterHealth = "updater-health"
    case csp
    case storefront
    case analysisIncomplete = "analysis-incomplete"
    case bundleIntegrity = "bundle-integrity"

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }
}
