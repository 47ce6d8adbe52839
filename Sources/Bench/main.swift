// livegate-bench: throughput benchmarks, run in release mode.
//   livegate-bench tokenize FILE [N]     JavaScript tokenizer throughput
//   livegate-bench match FILE [N]        tokenize-only vs tokenize + signature matching
//   livegate-bench tokens-jsonl FILE     the token dump of FILE on stdout (scripts/js-tokenizer-diff.py)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "tokenize":
    TokenizeBenchmark.run(Array(arguments.dropFirst()))
case "match":
    MatchBenchmark.run(Array(arguments.dropFirst()))
case "tokens-jsonl":
    TokenizeBenchmark.dumpJSONLines(Array(arguments.dropFirst()))
default:
    print("usage: livegate-bench tokenize FILE [N] | match FILE [N] | tokens-jsonl FILE")
}
