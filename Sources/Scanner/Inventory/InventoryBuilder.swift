/// Builds a bundle's inventory: file-level facts (native code, unanalysable code, entry
/// points, load problems) and, through the per-language scanners, the facts in the code.
public struct InventoryBuilder: Sendable {
    public init() {}

    /// Names of the files that start an app, at the bundle root.
    static let entryPointNames: Set<String> = ["index.html", "index.android.bundle", "main.jsbundle", "index.ios.bundle"]

    public func build(_ bundle: WebBundle) -> Inventory {
        var facts: [Fact] = []
        for file in bundle.files {
            facts.append(contentsOf: fileFacts(file, container: bundle.container))
        }
        for diagnostic in bundle.diagnostics {
            facts.append(Fact(
                kind: FactKind.loadProblem,
                key: "load:\(diagnostic.problem.rawValue):\(diagnostic.path)",
                attributes: ["problem": diagnostic.problem.rawValue, "detail": diagnostic.message],
                location: .wholeFile(diagnostic.path)))
        }
        return Inventory(bundle: bundle, facts: facts)
    }

    func fileFacts(_ file: BundleFile, container: WebBundle.Container) -> [Fact] {
        var facts: [Fact] = []
        let isEntry = container == .singleFile || (Self.entryPointNames.contains(file.path))
        if isEntry {
            // A single-file bundle's one file is its entry point whatever it is called.
            let key = container == .singleFile ? "entry:(single-file bundle)" : "entry:\(file.path)"
            facts.append(Fact(kind: FactKind.entryPoint, key: key,
                              attributes: ["container": container.rawValue], location: .wholeFile(file.path)))
        }
        switch file.kind {
        case .nativeCode:
            facts.append(Fact(
                kind: FactKind.nativeBinary, key: "native:\(ChunkName.normalize(file.path))",
                attributes: ["format": file.nativeFormat?.rawValue ?? "native", "sha256": file.sha256, "size": String(file.size)],
                location: .wholeFile(file.path)))
        case .hermesBytecode:
            facts.append(Fact(
                kind: FactKind.unanalysedCode, key: "unanalysed:\(ChunkName.normalize(file.path))",
                attributes: ["format": "hermes-bytecode", "reason": "Hermes bytecode cannot be tokenized", "sha256": file.sha256],
                location: .wholeFile(file.path)))
        default:
            break
        }
        return facts
    }
}
