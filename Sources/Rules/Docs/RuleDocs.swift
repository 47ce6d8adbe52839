/// Documentation generated from the rulesets: `docs/rules.md` (one section per rule, the anchor
/// SARIF `helpUri`s point at) and the text of `livegate explain RULE`.
public enum RuleDocs {
    public static func markdown(_ rules: [Rule]) -> String {
        var out = "# livegate rules\n\n"
        out += "Generated from `Rulesets/` by `swift run livegate rules --format markdown > docs/rules.md`; a test fails when this file is stale.\n"
        out += "livegate reads policy text as data and is not legal advice.\n\n"
        out += "| rule | category | Apple | Google Play |\n| --- | --- | --- | --- |\n"
        for rule in rules {
            out += "| [\(rule.id)](#\(rule.id)) | \(rule.category.rawValue) | \(rule.level(for: .apple).rawValue) | \(rule.level(for: .googlePlay).rawValue) |\n"
        }
        for rule in rules {
            out += "\n## \(rule.id)\n\n"
            out += "**\(rule.name)** · category `\(rule.category.rawValue)` · precision \(rule.precision.rawValue) · "
            out += Store.allCases.map { "\($0.displayName): \(rule.level(for: $0).rawValue)" }.joined(separator: " · ") + "\n\n"
            out += rule.summary + "\n\n"
            for reference in rule.references {
                out += "> **\(reference.store.displayName), [\(reference.clause)](\(reference.url))** (\(reference.version)): \"\(reference.excerpt)\"\n>\n"
            }
            if !rule.references.isEmpty { out.removeLast(2) }
            out += "\n" + rule.help + "\n\n"
            out += "Message: `\(rule.message.source)`\n\n"
            out += "Condition: fact `\(rule.condition.factKinds.joined(separator: "`, `"))`, change \(rule.condition.changes.sorted().map(\.rawValue).joined(separator: ", "))"
            for filter in rule.condition.attributes {
                out += ", `\(filter.name)` \(filter.operation.rawValue) \(filter.values.joined(separator: ", "))"
            }
            out += "\n\n"
            out += examples(rule)
        }
        return out
    }

    static func examples(_ rule: Rule) -> String {
        var out = ""
        for (title, triggers) in [("Triggers", true), ("Does not trigger", false)] {
            let list = rule.examples.filter { $0.triggers == triggers }
            guard !list.isEmpty else { continue }
            out += "\(title):\n\n"
            for example in list {
                out += "- old: \(files(example.old)); new: \(files(example.new))"
                if let at = example.expectedPath { out += " → at `\(at)`" }
                out += "\n"
            }
            out += "\n"
        }
        return out
    }

    static func files(_ files: [ExampleFile]) -> String {
        if files.isEmpty { return "(empty)" }
        return files.map { file in
            if let problem = file.problem { return "`\(file.path)` (unreadable: \(problem.rawValue))" }
            if let text = String(validating: file.bytes, as: UTF8.self), !text.contains("\u{0}") {
                let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
                return "`\(file.path)` `\(short.replacingAll("`", "'"))`"
            }
            return "`\(file.path)` (\(file.bytes.count) bytes starting \(file.bytes.prefix(4).map { String($0, radix: 16) }.joined(separator: " ")))"
        }.joined(separator: ", ")
    }

    /// Plain text for `livegate explain RULE`.
    public static func explain(_ rule: Rule) -> String {
        var out = "\(rule.id) (\(rule.name))\n"
        out += "category: \(rule.category.rawValue); " + Store.allCases.map { "\($0.rawValue): \(rule.level(for: $0).rawValue)" }.joined(separator: "; ") + "\n\n"
        out += rule.summary + "\n\n"
        for reference in rule.references {
            out += "\(reference.store.displayName), \(reference.clause) (\(reference.version)):\n  \"\(reference.excerpt)\"\n  \(reference.url)\n"
        }
        out += "\n" + rule.help + "\n\n" + examples(rule)
        return out
    }
}
