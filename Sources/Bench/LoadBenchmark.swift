#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LivegateRules
import LivegateScanner

/// `livegate-bench load PATH [N]`: loads (and hashes) a bundle N times and prints files, MB,
/// wall time per load and throughput.
/// `livegate-bench filediff OLD NEW`: loads two bundles and prints the file-level diff's counts.
enum LoadBenchmark {
    static func run(_ arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: livegate-bench load PATH [N]")
            return
        }
        let runs = arguments.count > 1 ? max(Int(arguments[1]) ?? 5, 1) : 5
        let loader = BundleLoader()
        var times: [Duration] = []
        var last: WebBundle?
        let cpuStart = cpuSeconds()
        for _ in 0..<runs {
            let start = ContinuousClock.now
            do {
                last = try loader.load(path: path)
            } catch {
                print("error: \(error)")
                return
            }
            times.append(ContinuousClock.now - start)
        }
        let cpuPerLoad = (cpuSeconds() - cpuStart) / Double(runs)
        guard let bundle = last else { return }
        let bytes = bundle.files.reduce(0) { $0 + $1.size }
        let megabytes = Double(bytes) / 1_000_000
        let seconds = times.map(Self.seconds)
        let best = seconds.min() ?? 0
        let mean = seconds.reduce(0, +) / Double(seconds.count)
        print("load \(path) (\(bundle.container.rawValue)\(bundle.webRoot.isEmpty ? "" : ", web root \(bundle.webRoot)"))")
        print("  files: \(bundle.files.count), diagnostics: \(bundle.diagnostics.count), MB: \(format(megabytes))")
        print("  runs: \(runs), per load: mean \(format(mean * 1000)) ms, best \(format(best * 1000)) ms")
        print("  throughput: \(format(megabytes / mean)) MB/s (mean), \(format(megabytes / best)) MB/s (best)")
        print("  CPU time per load (user + system, all threads): \(format(cpuPerLoad * 1000)) ms")
        // Where the time goes: SHA-256 and kind detection alone over the loaded bytes.
        let hashStart = ContinuousClock.now
        var sink = 0
        for file in bundle.files { sink &+= Int(SHA256.digest(file.bytes)[0]) }
        let hashSeconds = Self.seconds(ContinuousClock.now - hashStart)
        let kindStart = ContinuousClock.now
        for file in bundle.files { sink &+= KindDetector.detect(path: file.path, bytes: file.bytes).kind.rawValue.count }
        let kindSeconds = Self.seconds(ContinuousClock.now - kindStart)
        print("  of which SHA-256: \(format(hashSeconds * 1000)) ms (\(format(megabytes / hashSeconds)) MB/s), kind detection: \(format(kindSeconds * 1000)) ms")
        if sink == Int.min { print("") }   // keeps the measured work alive
    }

    static func runFileDiff(_ arguments: [String]) {
        guard arguments.count >= 2 else {
            print("usage: livegate-bench filediff OLD NEW")
            return
        }
        let loader = BundleLoader()
        do {
            let old = try loader.load(path: arguments[0])
            let new = try loader.load(path: arguments[1])
            let start = ContinuousClock.now
            let diff = FileDiff(old: old, new: new)
            let elapsed = seconds(ContinuousClock.now - start)
            print("filediff \(arguments[0]) (\(old.files.count) files) -> \(arguments[1]) (\(new.files.count) files)")
            print("  matched by path: \(diff.count(matchedBy: .path)), digest: \(diff.count(matchedBy: .digest)), stripped-name: \(diff.count(matchedBy: .strippedName))")
            print("  unchanged: \(diff.count(of: .unchanged)), changed: \(diff.count(of: .changed)), added: \(diff.count(of: .added)), removed: \(diff.count(of: .removed))")
            print("  unchanged except hashed references: \(diff.countReferencesOnly)")
            print("  bytes added: \(diff.bytesAdded), removed: \(diff.bytesRemoved), changed: \(diff.bytesChanged)")
            print("  diff time: \(format(elapsed * 1000)) ms")
            if arguments.count > 2 && arguments[2] == "-v" {
                for entry in diff.entries where entry.status != .unchanged || entry.match != .path {
                    print("  \(entry.status.rawValue) \(entry.match?.rawValue ?? "-") \(entry.old?.path ?? "-") -> \(entry.new?.path ?? "-")")
                }
            }
        } catch {
            print("error: \(error)")
        }
    }

    /// User + system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func value(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
