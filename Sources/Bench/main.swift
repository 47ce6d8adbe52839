import LivegateScanner

let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "load": LoadBenchmark.run(Array(benchArguments.dropFirst()))
case "filediff": LoadBenchmark.runFileDiff(Array(benchArguments.dropFirst()))
default: print("livegate-bench: load PATH [N] | filediff OLD NEW [-v]")
}
