/// Turns UTF-8 byte offsets into 1-based lines and 1-based UTF-16 columns (SARIF's default
/// `columnKind`), built once per file and only when a position is asked for.
///
/// Line terminators are LF, CR, CRLF, U+2028 and U+2029, as in ECMAScript. Columns count
/// UTF-16 code units: a 4-byte UTF-8 sequence counts 2, every other scalar 1, and each byte
/// of invalid UTF-8 counts 1 (it would be shown as U+FFFD). A checkpoint every
/// `blockSize` bytes keeps a query O(blockSize) even on a 10 MB single-line bundle.
public struct LineTable: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// UTF-16 units before byte `i * blockSize`.
    private let checkpoints: [Int]
    private let bytes: [UInt8]
    private static let blockSize = 1024

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var points: [Int] = []
        points.reserveCapacity(bytes.count / Self.blockSize + 1)
        var units = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if i % Self.blockSize == 0 { points.append(units) }
            let b = bytes[i]
            if b < 0x80 {
                units += 1
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && bytes[i + 1] == 0x0A {
                        // CRLF: the line starts after the LF; count the LF in the next step.
                    } else {
                        starts.append(i + 1)
                    }
                }
            } else if b & 0xC0 != 0x80 {
                units += (b >= 0xF0 && b < 0xF8) ? 2 : 1
                // U+2028 / U+2029: E2 80 A8 / E2 80 A9.
                if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                    starts.append(i + 3)
                }
            } else if !Self.isContinuation(bytes, at: i) {
                units += 1  // a stray continuation byte stands for one U+FFFD
            }
            i += 1
        }
        if n % Self.blockSize == 0 { points.append(units) }
        self.lineStarts = starts
        self.checkpoints = points
    }

    /// Whether the byte at `i` (a 10xxxxxx byte) continues a lead byte within reach.
    private static func isContinuation(_ bytes: [UInt8], at i: Int) -> Bool {
        var j = i - 1
        var seen = 1
        while j >= 0 && seen <= 3 {
            let b = bytes[j]
            if b & 0xC0 != 0x80 {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return seen < length
            }
            j -= 1
            seen += 1
        }
        return false
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line containing byte `offset` (clamped to the file).
    public func line(at offset: Int) -> Int {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// UTF-16 code units before byte `offset`.
    public func utf16Offset(of offset: Int) -> Int {
        let o = max(0, min(offset, bytes.count))
        let block = o / Self.blockSize
        if block >= checkpoints.count { return checkpoints.last ?? 0 }
        return countUnits(from: block * Self.blockSize, to: o, startingAt: checkpoints[block])
    }

    /// UTF-16 code units before byte `offset`, given those before an earlier byte `anchor`
    /// (`anchorUnits == utf16Offset(of: anchor)`): scans from whichever of the anchor and the
    /// checkpoint is nearer, so walking a file's tokens in order costs O(file size) in all.
    public func utf16Offset(of offset: Int, after anchor: Int, anchorUnits: Int) -> Int {
        let o = max(0, min(offset, bytes.count))
        let block = o / Self.blockSize
        guard anchor <= o, anchor > block * Self.blockSize, block < checkpoints.count else {
            return utf16Offset(of: o)
        }
        return countUnits(from: anchor, to: o, startingAt: anchorUnits)
    }

    /// `units` plus the UTF-16 code units of `bytes[from..<to]` (same counting as `init`).
    private func countUnits(from: Int, to: Int, startingAt units: Int) -> Int {
        var units = units
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 0x80 { units += 1 }
            else if b & 0xC0 != 0x80 { units += (b >= 0xF0 && b < 0xF8) ? 2 : 1 }
            else if !Self.isContinuation(bytes, at: i) { units += 1 }
            i += 1
        }
        return units
    }

    /// 1-based line and 1-based UTF-16 column of byte `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let line = line(at: offset)
        let start = lineStarts[line - 1]
        return (line, utf16Offset(of: offset) - utf16Offset(of: start) + 1)
    }

    /// The first line of the text in `range`, at most 120 bytes (`SourceLocation.match`).
    public func text(_ range: Range<Int>) -> String {
        SourceLocation.matchText(bytes, range)
    }

    /// The text of the line containing `offset`, without its terminator, cut to at most
    /// `limit` bytes around `offset` (on scalar boundaries) so that a minified line stays short.
    public func snippet(around offset: Int, length: Int = 0, limit: Int = 160) -> String {
        let line = line(at: offset)
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        if end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9) {
            end -= 3
        }
        var from = start, to = end
        if to - from > limit {
            let o = max(start, min(offset, end))
            let context = max(0, (limit - min(length, limit)) / 2)
            from = max(start, o - context)
            to = min(end, from + limit)
            while from > start && from < bytes.count && bytes[from] & 0xC0 == 0x80 { from -= 1 }
            while to < end && bytes[to] & 0xC0 == 0x80 { to += 1 }
        }
        let text = String(decoding: bytes[from..<to], as: UTF8.self)
        return text.trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
