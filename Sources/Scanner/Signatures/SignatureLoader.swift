/// Reads signature files strictly (see docs/signatures.md). Every problem is a `ConfigError`
/// naming the file, the JSON path and what is wrong.
public enum SignatureLoader {
    static let fileKeys: Set<String> = ["$schema", "area", "description", "kinds", "signatures"]
    static let signatureKeys: Set<String> = ["id", "pattern", "where", "emit", "bind", "group", "paths", "comment"]
    static let emitKeys: Set<String> = ["kind", "key", "attributes", "whenFileHas", "requires"]

    /// One parsed file before cross-file checks.
    struct ParsedFile {
        var kinds: [String: Set<String>]
        var signatures: [(signature: Signature, path: String)]
    }

    static func parse(file: String, text: String, firstOrder: Int) throws(ConfigError) -> ParsedFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw ConfigError(file: file, path: "$", message: "invalid JSON at \(error.description)")
        }
        let root = try StrictObject(json, file: file, path: "$")
        try root.requireOnly(fileKeys)
        _ = try root.requiredString("area")
        _ = try root.string("description")
        var kinds: [String: Set<String>] = [:]
        if let k = try root.object("kinds") {
            for name in k.keys {
                guard isKebabCase(name) else { throw k.error(name, "a fact kind is a kebab-case word") }
                kinds[name] = Set(try k.strings(name) ?? [])
            }
        }
        guard let list = try root.array("signatures") else { throw root.error("signatures", "required array is missing") }
        var out: [(Signature, String)] = []
        var ids = Set<String>()
        for (index, value) in list.enumerated() {
            let path = "$.signatures[\(index)]"
            let o = try StrictObject(value, file: file, path: path)
            try o.requireOnly(signatureKeys)
            _ = try o.string("comment")
            let id = try o.string("id") ?? String(index)
            guard ids.insert(id).inserted else { throw o.error("id", "duplicate signature id \"\(id)\"") }
            let source = try o.requiredString("pattern")
            var pattern: CompiledPattern
            do {
                pattern = try PatternCompiler.compile(source)
            } catch {
                throw o.error("pattern", error.message)
            }
            var names = Set(pattern.captureNames)
            var constraints: [(Int, Constraint)] = []
            if let w = try o.object("where") {
                for capture in w.keys {
                    if case .bound? = pattern.elements.first, !pattern.captureNames.contains(capture) {
                        // A capture of the binding (checked once the whole set is known).
                        pattern.captureNames.append(capture)
                        names.insert(capture)
                    }
                    guard let slot = pattern.captureNames.firstIndex(of: capture) else {
                        let hint = Suggestion.closest(to: capture, in: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                        throw w.error(capture, "the pattern captures no \"\(capture)\"\(hint)")
                    }
                    guard let c = try w.object(capture) else { continue }
                    try c.requireOnly(Set(Constraint.names))
                    for name in c.keys {
                        constraints.append((slot, try constraint(name, in: c)))
                    }
                }
            }
            let bind = try o.string("bind")
            if let bind, !isIdentifierWord(bind) { throw o.error("bind", "a binding class is an identifier-like word") }
            if case .bound(let cls)? = pattern.elements.first, bind == cls {
                throw o.error("bind", "a signature cannot bind the class it follows")
            }
            var emission: Emission?
            if let e = try o.object("emit") {
                if case .bound = pattern.elements.first {
                    // Placeholders from the binding are checked once the whole set is known.
                    names.insert("\u{0}bound")
                }
                emission = try parseEmit(e, names: names, kinds: kinds)
            }
            guard emission != nil || bind != nil else { throw o.error(nil, "a signature needs \"emit\", \"bind\" or both") }
            let sig = Signature(
                id: "\(file)#\(id)", file: file, order: firstOrder + index, pattern: pattern,
                constraints: constraints, emit: emission, bind: bind, group: try o.string("group"),
                paths: try o.strings("paths") ?? [])
            out.append((sig, path))
        }
        return ParsedFile(kinds: kinds, signatures: out)
    }

    static func constraint(_ name: String, in c: StrictObject) throws(ConfigError) -> Constraint {
        func list() throws(ConfigError) -> [String] {
            guard let l = try c.strings(name), !l.isEmpty, l.allSatisfy({ !$0.isEmpty }) else {
                throw c.error(name, "expected a non-empty string or array of non-empty strings")
            }
            return l
        }
        func flag() throws(ConfigError) {
            guard try c.bool(name) == true else { throw c.error(name, "only true is meaningful") }
        }
        func count() throws(ConfigError) -> Int {
            guard let n = try c.number(name), n >= 0, n == n.rounded(), n < 1_000_000 else {
                throw c.error(name, "expected a whole number")
            }
            return Int(n)
        }
        switch name {
        case "startsUpper": try flag(); return .startsUpper
        case "startsLower": try flag(); return .startsLower
        case "matchesURL": try flag(); return .matchesURL
        case "isRemoteURL": try flag(); return .isRemoteURL
        case "pathLike": try flag(); return .pathLike
        case "oneOf": return .oneOf(Set(try list()))
        case "notOneOf": return .notOneOf(Set(try list()))
        case "prefix": return .prefix(try list().map { Array($0.utf8) })
        case "notPrefix": return .notPrefix(try list().map { Array($0.utf8) })
        case "suffix": return .suffix(try list().map { Array($0.utf8) })
        case "contains": return .contains(try list().map { Array($0.utf8) })
        case "containsIgnoringCase": return .containsIgnoringCase(try list().map { Array($0.lowercased().utf8) })
        case "minLength": return .minLength(try count())
        default: return .maxLength(try count())
        }
    }

    static func template(_ text: String, names: Set<String>, in o: StrictObject, key: String) throws(ConfigError) -> Template {
        let t: Template
        do {
            t = try Template.parse(text)
        } catch {
            throw o.error(key, error.message)
        }
        if !names.contains("\u{0}bound") {
            for p in t.placeholders where !names.contains(p) {
                let hint = Suggestion.closest(to: p, in: names).map { " (did you mean {\($0)}?)" } ?? ""
                throw o.error(key, "placeholder {\(p)} is filled by no capture\(hint)")
            }
        }
        return t
    }

    static func parseEmit(_ e: StrictObject, names: Set<String>, kinds: [String: Set<String>]) throws(ConfigError) -> Emission {
        try e.requireOnly(emitKeys)
        let kind = try e.requiredString("kind")
        guard let declared = kinds[kind] else {
            let hint = Suggestion.closest(to: kind, in: kinds.keys).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw e.error("kind", "fact kind \"\(kind)\" is not declared in this file's \"kinds\"\(hint)")
        }
        let key = try template(try e.requiredString("key"), names: names, in: e, key: "key")
        var attributes: [(String, Template)] = []
        if let a = try e.object("attributes") {
            for name in a.keys {
                guard declared.contains(name) else {
                    throw a.error(name, "attribute \"\(name)\" is not declared for kind \"\(kind)\" in \"kinds\"")
                }
                guard let text = try a.string(name) else { continue }
                attributes.append((name, try template(text, names: names, in: a, key: name)))
            }
        }
        var whenFileHas: [(String, Template)] = []
        if let w = try e.object("whenFileHas") {
            for name in w.keys {
                guard declared.contains(name) else {
                    throw w.error(name, "attribute \"\(name)\" is not declared for kind \"\(kind)\" in \"kinds\"")
                }
                whenFileHas.append((name, try template(try w.requiredString(name), names: names, in: w, key: name)))
            }
        }
        var requires: [(Bool, Template)] = []
        for (index, r) in (try e.strings("requires") ?? []).enumerated() {
            let negated = r.hasPrefix("!")
            let text = negated ? String(r.dropFirst()) : r
            requires.append((negated, try template(text, names: names, in: e, key: "requires[\(index)]")))
        }
        return Emission(kind: kind, key: key, attributes: attributes, whenFileHas: whenFileHas, requires: requires)
    }

    static func isKebabCase(_ s: String) -> Bool {
        !s.isEmpty && s.first != "-" && s.last != "-" && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    static func isIdentifierWord(_ s: String) -> Bool {
        guard let f = s.utf8.first, (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A) else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
