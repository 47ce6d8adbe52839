import LivegateRules

/// The top level: `livegate [--help|--version] COMMAND …`.
enum LivegateCommand {
    static let commands: [(name: String, summary: String, run: @Sendable ([String]) -> Int32)] = [
        ("check", "Compare an old and a new bundle against the store rules (the gate)", CheckCommand.run),
        ("rules", "List the rules of the active rulesets", RulesCommand.run),
        ("explain", "Print a rule's policy references, help and examples", ExplainCommand.run),
        ("inventory", "List every fact found in one bundle (inventory BUNDLE [--format json])", InventoryCommand.run),
        ("debug", "Show what the tokenizers see (debug tokens FILE, debug css-tokens FILE)", DebugCommand.run),
    ]

    static let usage = """
        livegate \(ToolInfo.version): checks that a live update of a hybrid app's web bundle stays within the \
        App Store and Google Play rules for downloaded code.

        Usage: livegate COMMAND [OPTIONS]

        Commands:
        \(commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        Options:
          --help     Show this help (also: livegate COMMAND --help)
          --version  Print the version

        Exit codes: 0 gate passed, 1 gate failed on findings, 2 usage/config/input error, 3 analysis incomplete.
        livegate reads policy text as data and is not legal advice.

        """

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            Console.error(usage)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            Console.out(usage)
            return ExitCode.passed
        case "--version", "-V":
            Console.out("livegate \(ToolInfo.version)\n")
            return ExitCode.passed
        default:
            guard let command = commands.first(where: { $0.name == first }) else {
                let hint = Suggestion.closest(to: first, in: commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                Console.error("livegate: unknown command '\(first)'\(hint) (see livegate --help)\n")
                return ExitCode.usage
            }
            return command.run(Array(arguments.dropFirst()))
        }
    }
}
