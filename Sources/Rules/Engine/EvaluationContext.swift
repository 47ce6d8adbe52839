/// What rules may consult beyond the fact diff: configured thresholds and allow-lists, and the
/// bundle-level measures.
public struct EvaluationContext: Sendable {
    /// `thresholds.<name>` from the configuration (shares between 0 and 1).
    public var thresholds: [String: Double] = [:]
    /// `allow.<list>` from the configuration: values that never trigger a rule naming the list.
    public var allowLists: [String: Set<String>] = [:]
    public var codeShare: CodeShare? = nil

    public init() {}
}
