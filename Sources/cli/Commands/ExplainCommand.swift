import LivegateRules

/// `livegate explain RULE`: a rule's policy references, help and examples.
enum ExplainCommand {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--ruleset", valueName: "FILE", help: "Add a ruleset file (repeatable)", repeatable: true),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help"),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(arguments, options: options, command: "explain")
            if parsed.has("--help") {
                Console.out("Usage: livegate explain RULE [--ruleset FILE]...\n\nPrints a rule's policy references, help and examples.\n\nOptions:\n\(ArgumentParser.helpText(options))\n")
                return ExitCode.passed
            }
            guard parsed.positionals.count == 1 else { throw UsageError(message: "expected one rule id (see livegate rules)") }
            let id = parsed.positionals[0]
            let rules = try CheckCommand.loadRules(parsed.all("--ruleset"))
            guard let rule = rules.first(where: { $0.id == id }) else {
                let hint = Suggestion.closest(to: id, in: rules.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageError(message: "no rule '\(id)'\(hint) (see livegate rules)")
            }
            Console.out(RuleDocs.explain(rule))
            return ExitCode.passed
        } catch {
            Console.error("livegate explain: \(error.message)\n")
            return ExitCode.usage
        }
    }
}
