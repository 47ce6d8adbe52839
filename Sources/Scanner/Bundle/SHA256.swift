// Temporary stand-in until the loader branch lands its SHA-256.
public enum SHA256 {
    public static func hex(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}
