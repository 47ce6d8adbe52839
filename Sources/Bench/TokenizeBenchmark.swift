#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LivegateScanner

/// `livegate-bench tokenize FILE [N]`: tokenizes FILE N times (default 10) and prints MB/s,
/// tokens/s, the token count, wall time and peak resident memory (VmHWM), and the speed of a
/// bare byte-classification loop over the same bytes, run before each round (`ByteClassLoop`).
enum TokenizeBenchmark {
    static func run(_ arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: livegate-bench tokenize FILE [N]")
            return
        }
        // One-time tables (byte classes, keywords, the standard library's Unicode properties for
        // non-ASCII names) are set up by a tiny warm-up first, so that they count as runtime,
        // not as the memory spent on this file.
        _ = JSTokenizer.tokenize(Array("var café=1;x.ñ=/r[/]/g.test(`t${a}`)||0x1F||'s'//c\n".utf8))
        let runtime = peakMemoryKB()
        let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10)
        guard let bytes = readFile(path) else {
            print("cannot read \(path)")
            return
        }
        let baseline = peakMemoryKB()
        var tokenCount = 0
        var best = Double.infinity
        var total = 0.0, cpu = 0.0
        // The reference loop runs before each round, outside the tokenizer's clocks.
        var reference = 0.0, referenceBest = Double.infinity, checksum = 0
        let clock = ContinuousClock()
        for _ in 0..<rounds {
            let referenceTime = clock.measure {
                checksum ^= bytes.withUnsafeBufferPointer { ByteClassLoop.run($0) }
            }
            reference += seconds(referenceTime)
            referenceBest = min(referenceBest, seconds(referenceTime))
            let cpuBefore = cpuSeconds()
            let elapsed = clock.measure {
                let tokens = JSTokenizer.tokenize(bytes)
                tokenCount = tokens.count
            }
            cpu += cpuSeconds() - cpuBefore
            total += seconds(elapsed)
            best = min(best, seconds(elapsed))
        }
        cpu /= Double(rounds)
        let wall = total
        let mb = Double(bytes.count) / 1_000_000
        let mean = wall / Double(rounds)
        print("file: \(path)")
        print("bytes: \(bytes.count)  tokens: \(tokenCount)  rounds: \(rounds)")
        print(String(format: "wall: %.3f s  mean: %.2f ms  best: %.2f ms", wall, mean * 1000, best * 1000))
        print(String(format: "throughput: %.1f MB/s (mean)  %.1f MB/s (best)  %.2f M tokens/s (mean)",
                     mb / mean, mb / best, Double(tokenCount) / mean / 1_000_000))
        print(String(format: "cpu per round (user+sys): %.2f ms = %.1f MB/s, %.2f M tokens/s",
                     cpu * 1000, mb / cpu, Double(tokenCount) / cpu / 1_000_000))
        let referenceMean = reference / Double(rounds)
        print(String(format: "reference byte-classification loop, alternating: %.1f MB/s (mean)  %.1f MB/s (best); "
                     + "tokenizer / reference: %.2f (mean)  %.2f (best)  [checksum %d]",
                     mb / referenceMean, mb / referenceBest, referenceMean / mean, referenceBest / best, checksum & 0xFF))
        let hwm = peakMemoryKB()
        let budget = (2 * bytes.count + 16 * tokenCount) / 1024
        print("peak memory (VmHWM): \(hwm) kB = runtime (after a warm-up) \(runtime) kB + file \(baseline - runtime) kB + "
              + "tokenizing \(hwm - baseline) kB (\(String(format: "%.1f", Double(hwm - baseline) * 1024 / Double(max(tokenCount, 1)))) B/token)")
        print("peak above runtime: \(hwm - runtime) kB; budget 2*file+16*tokens: \(budget) kB")
    }

    static func dumpJSONLines(_ arguments: [String]) {
        guard let path = arguments.first, let bytes = readFile(path) else {
            FileHandle.standardError.write("usage: livegate-bench tokens-jsonl FILE\n".data(using: .utf8)!)
            return
        }
        TokenDump.writeJSONLines(source: bytes) { chunk in
            var chunk = chunk
            chunk.withUTF8 { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                    if n <= 0 { return }
                    offset += n
                }
            }
        }
    }

    /// Reads a file straight into one array (no intermediate `Data` copy).
    static func readFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        guard size >= 0 else { return nil }
        var readCount = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            readCount = size == 0 ? 0 : fread(buffer.baseAddress, 1, size, f)
            count = readCount
        }
        return readCount == size ? bytes : nil
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func peakMemoryKB() -> Int {
        guard let f = fopen("/proc/self/status", "r") else { return -1 }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), f) != nil {
            let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                return Int(text.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? -1
            }
        }
        return -1
    }
}
