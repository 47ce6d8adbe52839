// livegate-bench: throughput benchmarks, run in release mode (figures in BENCHMARKS.md).
//   livegate-bench load PATH [N]              load and hash a bundle N times
//   livegate-bench filediff OLD NEW [-v]      the file-level diff of two bundles, with pairing counts
//   livegate-bench tokenize FILE [N]          JavaScript tokenizer throughput
//   livegate-bench skeleton FILE [N]          the tokenizer against a branch-free automaton's upper bound
//   livegate-bench tokens-jsonl FILE          the token dump of FILE on stdout (scripts/js-tokenizer-diff.py)
//   livegate-bench match FILE [N]             tokenize-only vs tokenize + signature matching
//   livegate-bench codeshare OLD NEW          the share of new JavaScript (token shingles) and its time
//   livegate-bench html FILE_OR_DIR [N]       HTML through libxml2 with extraction
//   livegate-bench css FILE_OR_DIR [N]        CSS tokenizing and extraction
//   livegate-bench css-tokens-jsonl FILE      the CSS token dump (scripts/css-tokenizer-diff.py)
let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
switch arguments.first {
case "load": LoadBenchmark.run(rest)
case "filediff": LoadBenchmark.runFileDiff(rest)
case "tokenize": TokenizeBenchmark.run(rest)
case "skeleton": BranchFreeSkeleton.run(rest)
case "tokens-jsonl": TokenizeBenchmark.dumpJSONLines(rest)
case "match": MatchBenchmark.run(rest)
case "codeshare": CodeShareBenchmark.run(rest)
case "html": HTMLBenchmark.run(rest)
case "css": CSSBenchmark.run(rest)
case "css-tokens-jsonl": CSSBenchmark.dumpTokens(rest)
default:
    print("usage: livegate-bench load|filediff|tokenize|skeleton|tokens-jsonl|match|codeshare|html|css|css-tokens-jsonl … (see Sources/Bench/main.swift)")
}
