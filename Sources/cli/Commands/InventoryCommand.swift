import Foundation
import LivegateRules

/// `livegate inventory BUNDLE`: every fact the scanner and the signatures find in one bundle.
enum InventoryCommand {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format: text (default) or json"),
        OptionSpec(name: "--signatures", valueName: "FILE", help: "Add a signature file (repeatable)", repeatable: true),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help"),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(arguments, options: options, command: "inventory")
            if parsed.has("--help") {
                Console.out("Usage: livegate inventory BUNDLE [--format text|json] [--signatures FILE]...\n\nPrints every fact found in BUNDLE (bridge calls, routes, flags, dynamic code, …) with kind, key, attributes, file:line:col and a snippet.\n\nOptions:\n\(ArgumentParser.helpText(options))\n")
                return ExitCode.passed
            }
            guard parsed.positionals.count == 1 else { throw UsageError(message: "expected one bundle (see livegate inventory --help)") }
            let format = parsed.value("--format") ?? "text"
            guard format == "text" || format == "json" else { throw UsageError(message: "--format expects text or json, not '\(format)'") }
            var extra: [(name: String, text: String)] = []
            for path in parsed.all("--signatures") { extra.append((path, try CheckCommand.readText(path, what: "signature file"))) }
            let signatures: SignatureSet
            do {
                signatures = try ShippedSignatures.with(extra: extra)
            } catch {
                throw UsageError(message: error.description)
            }
            let bundle: WebBundle
            do {
                bundle = try BundleLoader().load(path: parsed.positionals[0])
            } catch {
                throw UsageError(message: error.description)
            }
            let inventory = InventoryBuilder(signatures: signatures).build(bundle)
            Console.out(format == "json" ? InventoryReport.json(inventory) : InventoryReport.text(inventory))
            return ExitCode.passed
        } catch {
            Console.error("livegate inventory: \(error.message)\n")
            return ExitCode.usage
        }
    }
}
