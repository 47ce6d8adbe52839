import LivegateScanner

/// Hex SHA-256 of a string's UTF-8 bytes, for fingerprints.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hex(of: Array(text.utf8))
    }
}
