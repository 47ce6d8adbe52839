import CZlib

/// All of livegate's use of zlib: raw inflate of ZIP entries under limits, CRC-32, and raw deflate
/// (used by tests to build archives). The only file that imports CZlib.
enum Inflater {
    enum Failure: Error, Equatable {
        /// The output grew beyond the per-file limit.
        case tooLarge(limit: Int)
        /// Output / input grew beyond the ratio limit while inflating.
        case ratio(produced: Int, compressed: Int)
        /// The stream holds more data than the entry's declared size.
        case exceedsDeclared(declared: Int)
        /// The stream ended before the declared size was produced.
        case shorterThanDeclared(declared: Int, produced: Int)
        /// zlib reported damaged data (with its message).
        case corrupt(String)
    }

    struct Limits {
        var maxBytes: Int
        var maxRatio: Int
        var ratioFloor: Int
    }

    /// Inflates a raw deflate stream (no zlib or gzip header) that should produce exactly
    /// `declaredSize` bytes. The output buffer never grows beyond `declaredSize`, and inflating
    /// stops as soon as the output passes `limits.maxBytes` or, once it is at least
    /// `limits.ratioFloor` bytes, `limits.maxRatio` times the compressed size; the declared size is
    /// never trusted for more than the allocation bound.
    static func inflateRaw(_ input: UnsafeBufferPointer<UInt8>, declaredSize: Int, limits: Limits) -> Result<[UInt8], Failure> {
        if declaredSize > limits.maxBytes { return .failure(.tooLarge(limit: limits.maxBytes)) }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.corrupt("zlib could not start inflating"))
        }
        defer { inflateEnd(&stream) }

        let (product, overflow) = limits.maxRatio.multipliedReportingOverflow(by: max(input.count, 1))
        let ratioBound = overflow ? Int.max : product
        var output = [UInt8](repeating: 0, count: declaredSize)
        var produced = 0
        var failure: Failure?
        var ended = false
        // Check the ratio and size every step: a stream that lies about its size is cut off at once.
        let step = 1 << 20
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        defer { scratch.deallocate() }
        output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(clamping: input.count)
            var consumedTotal = 0
            while true {
                let room = declaredSize - produced
                var probing = false
                if room > 0 {
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = UInt32(min(room, step))
                } else {
                    // Output is full: inflate into one scratch byte to see whether the stream has more.
                    probing = true
                    stream.next_out = scratch
                    stream.avail_out = 1
                }
                let before = stream.avail_out
                let availInBefore = stream.avail_in
                let code = inflate(&stream, Z_NO_FLUSH)
                let made = Int(before - stream.avail_out)
                consumedTotal += Int(availInBefore - stream.avail_in)
                if probing && made > 0 {
                    failure = declaredSize >= limits.maxBytes
                        ? .tooLarge(limit: limits.maxBytes) : .exceedsDeclared(declared: declaredSize)
                    return
                }
                produced += made
                if produced >= limits.ratioFloor && produced > ratioBound {
                    failure = .ratio(produced: produced, compressed: input.count)
                    return
                }
                switch code {
                case Z_STREAM_END:
                    ended = true
                    return
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: input exhausted before the end of the stream.
                    if made == 0 && stream.avail_in == 0 {
                        failure = .corrupt("deflate stream is truncated")
                        return
                    }
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                    failure = .corrupt("deflate stream is damaged (\(message))")
                    return
                }
            }
        }
        if let failure { return .failure(failure) }
        if !ended { return .failure(.corrupt("deflate stream is truncated")) }
        if produced != declaredSize {
            return .failure(.shorterThanDeclared(declared: declaredSize, produced: produced))
        }
        return .success(output)
    }

    /// CRC-32 (the ZIP / gzip polynomial) of `bytes`.
    static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc: uLong = CZlib.crc32(0, nil, 0)
        var offset = 0
        // zlib takes a 32-bit length: feed large buffers in pieces.
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            crc = CZlib.crc32(crc, bytes.baseAddress! + offset, uInt(count))
            offset += count
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    /// Raw deflate (no header), for building test archives.
    static func deflateRaw(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var produced = 0
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                _ = deflate(&stream, Z_FINISH)
                produced = out.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }
}
