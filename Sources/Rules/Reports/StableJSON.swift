import Foundation

/// JSON encoding that is byte-stable: sorted keys, no escaped slashes, two-space indentation
/// (as Foundation prints it), a trailing newline.
enum StableJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Encoding plain structs of strings and integers cannot fail.
            preconditionFailure("JSON encoding failed: \(error)")
        }
    }
}
