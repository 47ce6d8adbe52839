// libFuzzer target: libxml2 parsing, source-tag matching and extraction. Built by fuzz/run-html-css.sh.
// Invariants: every byte range (facts, embedded scripts, tags, attributes, content) lies in the
// scanned text; tags come in increasing order; attribute ranges lie inside their tag.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let r = HTMLScanner.scan(path: "www/index.html", bytes: bytes)
    let n = r.source.count
    if !r.transcoded { precondition(r.source == bytes, "untranscoded source differs") }
    for f in r.facts {
        precondition(f.location.byteStart >= 0 && f.location.byteStart <= f.location.byteEnd && f.location.byteEnd <= n, "fact range \(f)")
        precondition(f.location.line >= 1 && f.location.column >= 1, "fact position")
    }
    for s in r.scripts {
        precondition(s.byteRange.lowerBound >= 0 && s.byteRange.upperBound <= n, "script range")
    }
    var last = -1
    for e in r.elements {
        if let tag = e.tagRange {
            precondition(tag.lowerBound > last && tag.upperBound <= n, "tag order or range")
            last = tag.lowerBound
            for a in e.attributes {
                if let v = a.valueRange { precondition(v.lowerBound >= tag.lowerBound && v.upperBound <= tag.upperBound, "attribute outside tag") }
            }
        }
        if let c = e.contentRange { precondition(c.lowerBound >= 0 && c.upperBound <= n, "content range") }
    }
    return 0
}
