/// Turns an archive entry name into a safe bundle-relative path, or says why it is unsafe.
/// Backslashes are separators; empty and `.` segments are dropped.
enum SafePath {
    enum Outcome: Equatable {
        case safe(String)
        /// A directory-like name with nothing left (`./`, `/`-only is absolute and unsafe).
        case empty
        case unsafe(reason: String)
    }

    static func normalize(rawName: [UInt8]) -> Outcome {
        if rawName.contains(0) { return .unsafe(reason: "contains a NUL byte") }
        let name = String(decoding: rawName, as: UTF8.self).replacingBackslashes()
        if name.hasPrefix("/") { return .unsafe(reason: "is an absolute path") }
        let utf8 = Array(name.utf8)
        if utf8.count >= 2, utf8[1] == UInt8(ascii: ":"),
           (utf8[0] | 0x20) >= UInt8(ascii: "a") && (utf8[0] | 0x20) <= UInt8(ascii: "z") {
            return .unsafe(reason: "starts with a drive letter")
        }
        var segments: [Substring] = []
        for segment in name.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return .unsafe(reason: "contains a '..' segment") }
            segments.append(segment)
        }
        return segments.isEmpty ? .empty : .safe(segments.joined(separator: "/"))
    }

    /// Resolves a relative symlink `target` from the directory of `linkPath` (both bundle-relative).
    /// Returns nil when the result leaves the bundle root or the target is absolute.
    static func resolve(linkPath: String, target: String) -> String? {
        let target = target.replacingBackslashes()
        if target.hasPrefix("/") { return nil }
        let targetUTF8 = Array(target.utf8)
        if targetUTF8.count >= 2 && targetUTF8[1] == UInt8(ascii: ":") { return nil }
        var stack = linkPath.split(separator: "/").dropLast().map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                if stack.isEmpty { return nil }
                stack.removeLast()
            default: stack.append(String(segment))
            }
        }
        return stack.joined(separator: "/")
    }

    /// A name for messages: NUL bytes shown as `\0`.
    static func display(_ rawName: [UInt8]) -> String {
        String(decoding: rawName, as: UTF8.self).replacingOccurrencesOfNUL()
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }

    fileprivate func replacingOccurrencesOfNUL() -> String {
        guard utf8.contains(0) else { return self }
        var out = ""
        for scalar in unicodeScalars { out += scalar == "\0" ? "\\0" : String(scalar) }
        return out
    }
}
