/// Builds a bundle's inventory: file-level facts (native code, unanalysable code, entry
/// points, load problems), manifest facts, and the facts the signature set finds in the code.
public struct InventoryBuilder: Sendable {
    public let signatures: SignatureSet

    public init(signatures: SignatureSet = .empty) {
        self.signatures = signatures
    }

    /// Names of the files that start an app, at the bundle root.
    static let entryPointNames: Set<String> = ["index.html", "index.android.bundle", "main.jsbundle", "index.ios.bundle"]

    public func build(_ bundle: WebBundle) -> Inventory {
        var cache = ScanCache()
        return build(bundle, cache: &cache)
    }

    /// Builds with a cache shared across bundles: files with identical bytes (and the same
    /// path filters) are scanned once, e.g. the unchanged chunks of an old and a new bundle.
    public func build(_ bundle: WebBundle, cache: inout ScanCache) -> Inventory {
        var facts: [Fact] = []
        var conditional: [SignatureFact] = []
        let matcher = SignatureMatcher(signatures)
        for file in bundle.files {
            facts.append(contentsOf: fileFacts(file, container: bundle.container))
            facts.append(contentsOf: ManifestScanner.facts(for: file))
            switch file.kind {
            case .javascript where !signatures.signatures.isEmpty:
                for found in cache.facts(for: file, signatures: signatures, scan: { matcher.scan(file.bytes, path: file.path) }) {
                    if found.requires.isEmpty { facts.append(found.fact) } else { conditional.append(found) }
                }
            case .html:
                let (htmlFacts, scriptFacts) = scanHTML(file, matcher: matcher)
                facts.append(contentsOf: htmlFacts)
                for found in scriptFacts {
                    if found.requires.isEmpty { facts.append(found.fact) } else { conditional.append(found) }
                }
            case .css:
                facts.append(contentsOf: CSSScanner.scan(file).facts)
            default:
                break
            }
        }
        for diagnostic in bundle.diagnostics {
            facts.append(Fact(
                kind: FactKind.loadProblem,
                key: "load:\(diagnostic.problem.rawValue):\(diagnostic.path)",
                attributes: ["problem": diagnostic.problem.rawValue, "detail": diagnostic.message],
                location: .wholeFile(diagnostic.path)))
        }
        // Bundle-level conditions: an SDK's calls stand only if its fingerprint is in the bundle.
        let keys = Set(facts.map(\.key)).union(conditional.map(\.fact.key))
        for found in conditional where found.requires.allSatisfy({ keys.contains($0.key) != $0.negated }) {
            facts.append(found.fact)
        }
        return Inventory(bundle: bundle, facts: facts)
    }

    /// The HTML scanner's facts, and the signature facts of the JavaScript embedded in the page
    /// (script elements, event handlers, `javascript:` URLs) at their positions in the page.
    func scanHTML(_ file: BundleFile, matcher: SignatureMatcher) -> ([Fact], [SignatureFact]) {
        let result = HTMLScanner.scan(file)
        guard !signatures.signatures.isEmpty else { return (result.facts, []) }
        var found: [SignatureFact] = []
        for script in result.scripts where script.language == .classic || script.language == .module {
            if let decoded = script.decodedValue {
                // Entity- or percent-encoded code: match the decoded text, report at the attribute.
                for var f in matcher.scan(Array(decoded.utf8), path: file.path) {
                    let l = script.location
                    f.fact = Fact(kind: f.fact.kind, key: f.fact.key, attributes: f.fact.attributes,
                                  location: SourceLocation(path: l.path, line: l.line, column: l.column, endLine: l.endLine,
                                                           endColumn: l.endColumn, byteStart: l.byteStart, byteEnd: l.byteEnd,
                                                           snippet: f.fact.location.snippet))
                    found.append(f)
                }
            } else {
                found.append(contentsOf: matcher.scan(result.source, range: script.byteRange, path: file.path))
                found += ManifestScanner.routeManifestFacts(result.source, range: script.byteRange, path: file.path)
                    .map { SignatureFact(fact: $0, requires: [], order: Int.max) }
            }
        }
        return (result.facts, found)
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
        case .binary, .archive:
            guard KindDetector.sourceExtensions.contains(KindDetector.fileExtension(file.path)) else { break }
            // Named as code but not text: the web view may still be handed it, and livegate cannot
            // read it, so it fails closed like Hermes bytecode.
            facts.append(Fact(
                kind: FactKind.unanalysedCode, key: "unanalysed:\(ChunkName.normalize(file.path))",
                attributes: ["format": "binary data", "reason": "the file is named as source code but its bytes are not text",
                             "sha256": file.sha256],
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

/// Signature facts by file digest: a file whose bytes were scanned before is not scanned again;
/// its facts are relabelled with the new path.
public struct ScanCache: Sendable {
    var entries: [String: [SignatureFact]] = [:]
    /// Files whose facts came from the cache.
    public private(set) var hits = 0
    /// Files scanned (by `facts(for:…)` or `InventoryBuilder.prescan`).
    public private(set) var scans = 0

    public init() {}

    /// Signatures limited to some paths make the result depend on the path too.
    static func key(for file: BundleFile, signatures: SignatureSet) -> String {
        let filters = signatures.pathFilters.filter { file.path.contains($0) }.joined(separator: "\u{0}")
        return file.sha256 + "\u{0}" + filters
    }

    func contains(_ key: String) -> Bool { entries[key] != nil }

    mutating func store(_ found: [SignatureFact], key: String) {
        entries[key] = found
        scans += 1
    }

    mutating func facts(for file: BundleFile, signatures: SignatureSet, scan: () -> [SignatureFact]) -> [SignatureFact] {
        let key = Self.key(for: file, signatures: signatures)
        if let cached = entries[key] {
            hits += 1
            return cached.map { found in
                var found = found
                found.fact = Fact(kind: found.fact.kind, key: found.fact.key, attributes: found.fact.attributes,
                                  location: found.fact.location.relocated(to: file.path))
                return found
            }
        }
        let found = scan()
        store(found, key: key)
        return found
    }
}
