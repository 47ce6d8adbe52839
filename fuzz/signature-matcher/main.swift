// libFuzzer target for the signature matcher. Built by fuzz/run-signature-matcher.sh with the
// scanner's sources in one module; run from the repository root (it reads the shipped
// signatures from Rulesets/signatures).
//
// The matcher jumps between the tokens the tokenizer marked while no alias or binding is live;
// the marks are an optimisation and must change nothing. A fact the marked scan misses is one
// the gate would pass silently. So every input is scanned both ways, and the facts (position,
// kind, key, attributes, conditions) must be the same.
import Foundation

let matcher: SignatureMatcher = {
    let directory = "Rulesets/signatures"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
        fatalError("run from the repository root: \(directory) not found")
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted().map { name -> (name: String, text: String) in
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else {
            fatalError("cannot read \(directory)/\(name)")
        }
        return (directory + "/" + name, text)
    }
    do {
        return SignatureMatcher(try SignatureSet.compile(files: files))
    } catch {
        fatalError("the shipped signatures do not compile: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignatureMatcher(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A path every signature's path filter accepts is not needed: both scans get the same one.
    let marked = matcher.scan(bytes, path: "src/app.js").map(describe)
    let full = matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: "src/app.js").map(describe)
    if marked != full {
        let missing = full.filter { !marked.contains($0) }, extra = marked.filter { !full.contains($0) }
        fatalError("the marked scan differs from the full walk; missing \(missing), extra \(extra)")
    }
    return 0
}

func describe(_ f: SignatureFact) -> String {
    let fact = f.fact
    let attributes = fact.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    let requires = f.requires.map { ($0.negated ? "!" : "") + $0.key }.joined(separator: ",")
    return "\(fact.location.line):\(fact.location.column) \(fact.kind) \(fact.key) {\(attributes)} [\(requires)]"
}
