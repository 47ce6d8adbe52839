import Foundation
import LivegateScanner

/// What a check looks at and what fails the gate.
public struct CheckOptions: Sendable {
    /// The stores to answer for.
    public var stores: [Store] = Store.allCases
    /// The lowest level that fails the gate (`--fail-on`).
    public var failOn: Level = .error
    /// Report unanalysable code as a note instead of failing closed (`--allow-unanalysed`).
    public var allowUnanalysed = false
    public var limits: LoadLimits = .default
    /// `thresholds` and `allow` lists from the configuration.
    public var thresholds: [String: Double] = [:]
    public var allowLists: [String: Set<String>] = [:]
    /// Accepted findings (configuration and baseline): suppressed while they hold.
    public var accept: [Acceptance] = []
    /// Today as `YYYY-MM-DD` (UTC), for acceptance expiry; injectable for tests.
    public var today: String = CheckOptions.utcToday()

    public init() {}

    public static func utcToday() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}
