/// How long each phase of a check took, in order (`livegate check --timings`). Kept out of
/// `CheckResult`, whose reports must be byte-identical from run to run.
public struct CheckTimings: Sendable {
    public private(set) var phases: [(name: String, seconds: Double)] = []

    public init() {}

    /// Runs `body`, adding its wall time under `name`.
    public mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        let value = try body()
        record(name, since: start)
        return value
    }

    /// Adds the wall time from `start` to now under `name`.
    public mutating func record(_ name: String, since start: ContinuousClock.Instant) {
        let d = start.duration(to: .now).components
        phases.append((name, Double(d.seconds) + Double(d.attoseconds) / 1e18))
    }

    /// `load 0.212 s · scan 0.431 s · …`, for standard error.
    public var summary: String {
        let total = phases.reduce(0) { $0 + $1.seconds }
        return phases.map { "\($0.name) \(Self.format($0.seconds))" }.joined(separator: " · ") + " · total \(Self.format(total))"
    }

    static func format(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000) s"
    }
}
