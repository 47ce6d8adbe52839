import LivegateRules

/// `livegate rules`: the active rules, one per line: id, category, level per store.
enum RulesCommand {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", valueName: "FORMAT", help: "text (default) or markdown (the docs/rules.md page)"),
        OptionSpec(name: "--ruleset", valueName: "FILE", help: "Add a ruleset file (repeatable)", repeatable: true),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help"),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(arguments, options: options, command: "rules")
            if parsed.has("--help") {
                Console.out("Usage: livegate rules [--ruleset FILE]...\n\nLists the rules: id, category, level per store.\n\nOptions:\n\(ArgumentParser.helpText(options))\n")
                return ExitCode.passed
            }
            guard parsed.positionals.isEmpty else { throw UsageError(message: "unexpected argument '\(parsed.positionals[0])'") }
            let rules = try CheckCommand.loadRules(parsed.all("--ruleset"))
            switch parsed.value("--format") ?? "text" {
            case "text": break
            case "markdown":
                Console.out(RuleDocs.markdown(rules))
                return ExitCode.passed
            case let other: throw UsageError(message: "--format expects text or markdown, not '\(other)'")
            }
            let idWidth = rules.map(\.id.count).max() ?? 0
            let categoryWidth = rules.map(\.category.rawValue.count).max() ?? 0
            var out = ""
            for rule in rules {
                let levels = Store.allCases.map { "\($0.rawValue)=\(rule.level(for: $0).rawValue)" }.joined(separator: " ")
                out += rule.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                    + rule.category.rawValue.padding(toLength: categoryWidth + 2, withPad: " ", startingAt: 0)
                    + levels + "\n"
            }
            Console.out(out)
            return ExitCode.passed
        } catch {
            Console.error("livegate rules: \(error.message)\n")
            return ExitCode.usage
        }
    }
}
