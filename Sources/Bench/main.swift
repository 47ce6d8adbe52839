import LivegateScanner

// One subcommand per benchmark; each engineer adds a line here.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "html": HTMLBenchmark.run(Array(arguments.dropFirst()))
case "css": CSSBenchmark.run(Array(arguments.dropFirst()))
case "css-tokens-jsonl": CSSBenchmark.dumpTokens(Array(arguments.dropFirst()))
default:
    print("livegate-bench: usage: livegate-bench html|css FILE_OR_DIR [N] | css-tokens-jsonl FILE")
}
