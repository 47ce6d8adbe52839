import Foundation
import LivegateScanner

/// Files under a path (or the path itself) whose name ends with one of `extensions`, sorted.
func benchFiles(_ path: String, extensions: [String]) -> [(path: String, bytes: [UInt8])] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        print("no such file or directory: \(path)")
        return []
    }
    var paths: [String] = []
    if isDirectory.boolValue {
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let p = enumerator?.nextObject() as? String {
            if extensions.contains(where: { p.lowercased().hasSuffix($0) }) { paths.append(p) }
        }
        paths.sort()
        return paths.compactMap { p in
            FileManager.default.contents(atPath: path + "/" + p).map { (p, [UInt8]($0)) }
        }
    }
    return FileManager.default.contents(atPath: path).map { [(URL(fileURLWithPath: path).lastPathComponent, [UInt8]($0))] } ?? []
}

func benchReport(_ name: String, bytes: Int, files: Int, runs: Int, seconds: [(wall: Double, cpu: Double)], extra: String) {
    let walls = seconds.map(\.wall).sorted()
    let cpus = seconds.map(\.cpu).sorted()
    let best = walls.first ?? 0
    let median = walls[walls.count / 2]
    let cpu = cpus.first ?? 0
    let mb = Double(bytes) / 1_000_000
    print(String(format: "%@: %d files, %.2f MB, %d runs, wall best %.3f s (%.1f MB/s), median %.3f s (%.1f MB/s), cpu best %.3f s (%.1f MB/s)%@",
                 name, files, mb, runs, best, mb / max(best, 1e-9), median, mb / max(median, 1e-9), cpu, mb / max(cpu, 1e-9), extra))
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// CPU seconds (user + system) of this process: steadier than wall time on a shared machine.
func cpuNow() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Wall and CPU time of `body`.
func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let w = now(), c = cpuNow()
    body()
    return (now() - w, cpuNow() - c)
}

enum HTMLBenchmark {
    /// `html FILE_OR_DIR [N]`, or `html --synthetic MB [N]`: a generated page with one inline script
    /// of MB megabytes; `--synthetic-close-tags` puts a `"</b>"` string on every line (libxml2
    /// reports each `</` inside a script as an error, which costs time).
    static func run(_ arguments: [String]) {
        guard let target = arguments.first else { print("usage: livegate-bench html FILE_OR_DIR|--synthetic MB [N]"); return }
        var files: [(path: String, bytes: [UInt8])]
        var runsIndex = 1
        if target == "--synthetic" || target == "--synthetic-close-tags" {
            let closeTags = target == "--synthetic-close-tags"
            let mb = Int(arguments.count > 1 ? arguments[1] : "20") ?? 20
            runsIndex = 2
            let line = closeTags ? "var a = 'x'; function f(b){ return b < 2 ? '<b>' : \"</b>\" } // pad\n" : "var a = 'x'; function f(b){ return b < 2 ? '<b>' : 'b' } // padding\n"
            let body = String(repeating: line, count: mb * 1_000_000 / line.utf8.count)
            let html = "<!doctype html><html><head><script>" + body + "</script></head><body onload=\"f(1)\"><a href=\"/x\">x</a></body></html>"
            files = [("synthetic.html", Array(html.utf8))]
        } else {
            files = benchFiles(target, extensions: [".html", ".htm"])
        }
        let runs = arguments.count > runsIndex ? Int(arguments[runsIndex]) ?? 5 : 5
        let total = files.reduce(0) { $0 + $1.bytes.count }
        var times: [(wall: Double, cpu: Double)] = []
        var facts = 0, scripts = 0
        for _ in 0..<runs {
            times.append(timed {
                facts = 0; scripts = 0
                for f in files {
                    let r = HTMLScanner.scan(path: f.path, bytes: f.bytes)
                    facts += r.facts.count
                    scripts += r.scripts.count
                }
            })
        }
        benchReport("html", bytes: total, files: files.count, runs: runs, seconds: times,
                    extra: ", \(facts) facts, \(scripts) embedded scripts")
    }
}

enum CSSBenchmark {
    /// `css FILE_OR_DIR [N]`: tokenizing alone, then tokenizing + extraction.
    static func run(_ arguments: [String]) {
        guard let target = arguments.first else { print("usage: livegate-bench css FILE_OR_DIR [N]"); return }
        let files = benchFiles(target, extensions: [".css"])
        let runs = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
        let total = files.reduce(0) { $0 + $1.bytes.count }
        var tokenTimes: [(wall: Double, cpu: Double)] = []
        var tokens = 0
        for _ in 0..<runs {
            tokenTimes.append(timed {
                tokens = 0
                for f in files { CSSTokenizer(bytes: f.bytes).forEachToken { _ in tokens += 1 } }
            })
        }
        benchReport("css tokenize", bytes: total, files: files.count, runs: runs, seconds: tokenTimes, extra: ", \(tokens) tokens")
        var scanTimes: [(wall: Double, cpu: Double)] = []
        var facts = 0
        for _ in 0..<runs {
            scanTimes.append(timed {
                facts = 0
                for f in files {
                    facts += CSSScanner.scan(BundleFile(path: f.path, bytes: f.bytes, sha256: "", kind: .css)).facts.count
                }
            })
        }
        benchReport("css tokenize+extract", bytes: total, files: files.count, runs: runs, seconds: scanTimes, extra: ", \(facts) facts")
    }

    /// `css-tokens-jsonl FILE`: the token dump, for scripts/css-tokenizer-diff.py.
    static func dumpTokens(_ arguments: [String]) {
        guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
            print("usage: livegate-bench css-tokens-jsonl FILE")
            return
        }
        CSSTokenDump.writeJSONLines(source: [UInt8](data)) { chunk in
            FileHandle.standardOutput.write(Data(chunk.utf8))
        }
    }
}
