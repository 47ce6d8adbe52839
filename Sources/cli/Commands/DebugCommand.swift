import Foundation
import LivegateRules
import LivegateScanner

/// `livegate debug tokens FILE [--format jsonl]` and `livegate debug css-tokens FILE`: what the
/// JavaScript and CSS tokenizers saw, one JSON object per token (`kind`, `start`/`end` UTF-8 byte
/// offsets, `line`, UTF-16 `col`, `text`).
enum DebugCommand {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", valueName: "FORMAT", help: "jsonl (default): one JSON object per token"),
        OptionSpec(name: "--no-comments", valueName: nil, help: "Leave comments out (as the matchers see the stream)"),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help"),
    ]

    static let help = """
        Usage: livegate debug tokens FILE [--format jsonl] [--no-comments]
               livegate debug css-tokens FILE [--format jsonl]

        Prints the JavaScript (tokens) or CSS (css-tokens) token stream of FILE, one JSON object per line:
          {"kind":…,"start":…,"end":…,"line":…,"col":…,"text":…}
        start/end are UTF-8 byte offsets, line is 1-based, col a 1-based UTF-16 column.

        Options:
        \(ArgumentParser.helpText(options))

        """

    static func run(_ arguments: [String]) -> Int32 {
        do throws(UsageError) {
            guard let what = arguments.first, what != "--help" else {
                Console.out(help)
                return arguments.isEmpty ? ExitCode.usage : ExitCode.passed
            }
            guard what == "tokens" || what == "css-tokens" else {
                let hint = Suggestion.closest(to: what, in: ["tokens", "css-tokens"]).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageError(message: "unknown debug view '\(what)'\(hint) (expected tokens or css-tokens)")
            }
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), options: options, command: "debug tokens")
            if parsed.has("--help") {
                Console.out(help)
                return ExitCode.passed
            }
            guard parsed.positionals.count == 1 else { throw UsageError(message: "expected one FILE") }
            guard (parsed.value("--format") ?? "jsonl") == "jsonl" else {
                throw UsageError(message: "--format expects jsonl, not '\(parsed.value("--format")!)'")
            }
            let path = parsed.positionals[0]
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "\(path): cannot read the file")
            }
            let out = FileHandle.standardOutput
            if what == "css-tokens" {
                guard !parsed.has("--no-comments") else { throw UsageError(message: "--no-comments applies to JavaScript tokens only") }
                CSSTokenDump.writeJSONLines(source: [UInt8](data)) { out.write(Data($0.utf8)) }
                return ExitCode.passed
            }
            TokenDump.writeJSONLines(source: [UInt8](data), options: JSTokenizer.Options(keepComments: !parsed.has("--no-comments"))) {
                out.write(Data($0.utf8))
            }
            return ExitCode.passed
        } catch {
            Console.error("livegate debug: \(error.message)\n")
            return ExitCode.usage
        }
    }
}
