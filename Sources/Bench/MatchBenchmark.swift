import LivegateRules
import LivegateScanner

/// `livegate-bench match FILE [N]`: tokenize-only time against tokenize + signature matching
/// (the shipped signature set), best of N rounds (default 10), MB/s for both and the overhead.
enum MatchBenchmark {
    static func run(_ arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: livegate-bench match FILE [N]")
            return
        }
        let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10)
        guard let bytes = TokenizeBenchmark.readFile(path) else {
            print("cannot read \(path)")
            return
        }
        let set: SignatureSet
        switch ShippedSignatures.compiled {
        case .success(let s): set = s
        case .failure(let e):
            print("shipped signatures do not compile: \(e)")
            return
        }
        let matcher = SignatureMatcher(set)
        let clock = ContinuousClock()
        var tokenizeBest = Double.infinity, matchBest = Double.infinity
        var tokenCount = 0, factCount = 0
        for _ in 0..<rounds {
            let t = clock.measure { tokenCount = JSTokenizer.tokenize(bytes).count }
            tokenizeBest = min(tokenizeBest, TokenizeBenchmark.seconds(t))
            let m = clock.measure { factCount = matcher.scan(bytes, path: path).count }
            matchBest = min(matchBest, TokenizeBenchmark.seconds(m))
        }
        let mb = Double(bytes.count) / 1_000_000
        print("file: \(path)")
        print("bytes: \(bytes.count)  tokens: \(tokenCount)  facts: \(factCount)  signatures: \(set.signatures.count)  rounds: \(rounds)")
        print(String(format: "tokenize:         %8.2f ms  %7.1f MB/s (best)", tokenizeBest * 1000, mb / tokenizeBest))
        print(String(format: "tokenize + match: %8.2f ms  %7.1f MB/s (best)", matchBest * 1000, mb / matchBest))
        print(String(format: "matching overhead: %.1f %% of tokenizing time", (matchBest - tokenizeBest) / tokenizeBest * 100))
    }
}
