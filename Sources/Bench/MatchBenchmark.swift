import Foundation
import LivegateRules
import LivegateScanner

/// `livegate-bench match PATH [N]`: tokenize-only time against tokenize + signature matching
/// (the shipped signature set), best of N rounds (default 10), MB/s for both and the overhead.
/// PATH is a file, or a directory whose `.js` files are all measured: per file (the five with
/// the most overhead are listed) and summed, which is the corpus-wide overhead.
enum MatchBenchmark {
    struct Row {
        let path: String
        let bytes: Int
        var tokens = 0, facts = 0, marks = 0
        var tokenize = Double.infinity, marking = Double.infinity, match = Double.infinity
        var overhead: Double { (match - tokenize) / tokenize * 100 }
    }

    static func run(_ arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: livegate-bench match FILE|DIRECTORY [N]")
            return
        }
        let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10)
        let set: SignatureSet
        switch ShippedSignatures.compiled {
        case .success(let s): set = s
        case .failure(let e):
            print("shipped signatures do not compile: \(e)")
            return
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let paths = isDirectory.boolValue ? javaScriptFiles(under: path) : [path]
        let matcher = SignatureMatcher(set)
        let clock = ContinuousClock()
        var rows: [Row] = []
        for p in paths {
            guard let bytes = TokenizeBenchmark.readFile(p) else {
                print("cannot read \(p)")
                return
            }
            var row = Row(path: p, bytes: bytes.count)
            for _ in 0..<rounds {
                let t = clock.measure { row.tokens = JSTokenizer.tokenize(bytes).count }
                row.tokenize = min(row.tokenize, TokenizeBenchmark.seconds(t))
                let k = clock.measure { row.marks = bytes.withUnsafeBufferPointer { JSTokenizer.tokenize($0, marking: set.interest) }.marked.count }
                row.marking = min(row.marking, TokenizeBenchmark.seconds(k))
                let m = clock.measure { row.facts = matcher.scan(bytes, path: p).count }
                row.match = min(row.match, TokenizeBenchmark.seconds(m))
            }
            rows.append(row)
        }
        if rows.count == 1, let row = rows.first {
            let mb = Double(row.bytes) / 1_000_000
            print("file: \(path)")
            print("bytes: \(row.bytes)  tokens: \(row.tokens)  marked: \(row.marks)  facts: \(row.facts)  signatures: \(set.signatures.count)  rounds: \(rounds)")
            print(String(format: "tokenize:         %8.2f ms  %7.1f MB/s (best)", row.tokenize * 1000, mb / row.tokenize))
            print(String(format: "tokenize + match: %8.2f ms  %7.1f MB/s (best)", row.match * 1000, mb / row.match))
            print(String(format: "matching overhead: %.1f %% of tokenizing time (marking in the tokenizer: %.1f %%)",
                         row.overhead, (row.marking - row.tokenize) / row.tokenize * 100))
            return
        }
        let bytes = rows.reduce(0) { $0 + $1.bytes }, tokens = rows.reduce(0) { $0 + $1.tokens }
        let tokenize = rows.reduce(0) { $0 + $1.tokenize }, match = rows.reduce(0) { $0 + $1.match }
        let marking = rows.reduce(0) { $0 + $1.marking }
        let mb = Double(bytes) / 1_000_000
        print("directory: \(path)  files: \(rows.count)  bytes: \(bytes)  tokens: \(tokens)  marked: \(rows.reduce(0) { $0 + $1.marks })  facts: \(rows.reduce(0) { $0 + $1.facts })  rounds: \(rounds)")
        print(String(format: "tokenize (sum of bests):         %8.2f ms  %7.1f MB/s", tokenize * 1000, mb / tokenize))
        print(String(format: "tokenize + match (sum of bests): %8.2f ms  %7.1f MB/s", match * 1000, mb / match))
        print(String(format: "matching overhead, all files: %.1f %% of tokenizing time (marking in the tokenizer: %.1f %%)",
                     (match - tokenize) / tokenize * 100, (marking - tokenize) / tokenize * 100))
        print("most overhead (files of 100 kB or more):")
        for row in rows.filter({ $0.bytes >= 100_000 }).sorted(by: { $0.overhead > $1.overhead }).prefix(5) {
            print(String(format: "  %6.1f %%  %9d bytes  %@", row.overhead, row.bytes, row.path))
        }
    }

    /// Every `.js` file under `root`, in byte order of path.
    static func javaScriptFiles(under root: String) -> [String] {
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var out: [String] = []
        for case let url as URL in walker where url.pathExtension == "js" { out.append(url.path) }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
