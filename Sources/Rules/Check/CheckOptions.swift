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

    public init() {}
}
