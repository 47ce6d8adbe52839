import LivegateScanner

/// The fact kinds a rule may name, with the attributes each carries. The loader uses it to
/// reject a condition on an unknown kind or a message placeholder no fact can fill.
public struct FactKindCatalog: Sendable {
    public private(set) var attributes: [String: Set<String>]

    public init(attributes: [String: Set<String>]) {
        self.attributes = attributes
    }

    /// The kinds the scanner itself produces.
    public static let builtIn = FactKindCatalog(attributes: [
        FactKind.nativeBinary: ["format", "sha256", "size"],
        FactKind.unanalysedCode: ["format", "reason", "sha256"],
        FactKind.entryPoint: ["container"],
        FactKind.loadProblem: ["problem", "detail"],
    ])

    public func knows(_ kind: String) -> Bool { attributes[kind] != nil }

    public mutating func merge(_ other: FactKindCatalog) {
        attributes.merge(other.attributes) { $0.union($1) }
    }
}
