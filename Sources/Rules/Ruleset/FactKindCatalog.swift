import LivegateScanner

/// The fact kinds a rule may name, with the attributes each carries. The loader uses it to
/// reject a condition on an unknown kind or a message placeholder no fact can fill.
public struct FactKindCatalog: Sendable {
    public private(set) var attributes: [String: Set<String>]

    public init(attributes: [String: Set<String>]) {
        self.attributes = attributes
    }

    /// The kinds the scanner itself produces.
    public static let builtIn = FactKindCatalog(attributes: FactKind.builtInAttributes)

    /// The built-in kinds, the HTML and CSS scanners' kinds and those the shipped signature files declare.
    public static let shipped: FactKindCatalog = {
        var c = FactKindCatalog.builtIn
        c.merge(.web)
        c.merge(FactKindCatalog(signatures: ShippedSignatures.set))
        return c
    }()

    /// The kinds a signature set declares.
    public init(signatures: SignatureSet) {
        self.attributes = signatures.kinds
    }

    public func knows(_ kind: String) -> Bool { attributes[kind] != nil }

    public mutating func merge(_ other: FactKindCatalog) {
        attributes.merge(other.attributes) { $0.union($1) }
    }
}
