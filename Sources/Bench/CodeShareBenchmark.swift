import Foundation
import LivegateRules
import LivegateScanner

/// `livegate-bench codeshare OLD NEW`: the share of new code between two bundles and its time.
enum CodeShareBenchmark {
    static func run(_ arguments: [String]) {
        guard arguments.count == 2 else {
            print("usage: livegate-bench codeshare OLD NEW")
            return
        }
        do {
            let old = try BundleLoader().load(path: arguments[0])
            let new = try BundleLoader().load(path: arguments[1])
            let jsBytes = (old.files + new.files).filter { $0.kind == .javascript }.reduce(0) { $0 + $1.size }
            let start = DispatchTime.now().uptimeNanoseconds
            let share = CodeShare(old: old, new: new)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("new code: \(share.percentText) % of \(share.totalBytes) bytes of JavaScript (\(share.filesCompared) files compared)")
            print(String(format: "time: %.3f s for %.2f MB of JavaScript in both bundles (%.1f MB/s)",
                         seconds, Double(jsBytes) / 1e6, Double(jsBytes) / 1e6 / seconds))
        } catch {
            print("livegate-bench: \(error)")
        }
    }
}
