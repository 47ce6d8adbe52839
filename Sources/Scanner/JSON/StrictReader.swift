/// A problem in a configuration or ruleset file: the file, the JSON path, and what is wrong.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}

/// Reads a JSON object strictly: every key must be consumed or declared, or reading fails
/// with the key's JSON path. Lenient decoding would turn a typo into a silently disabled check.
public struct StrictObject {
    public let file: String
    public let path: String
    private let members: [(key: String, value: JSONValue)]

    public init(_ value: JSONValue, file: String, path: String) throws(ConfigError) {
        guard case .object(let members) = value else {
            throw ConfigError(file: file, path: path, message: "expected an object, found \(value.typeDescription)")
        }
        self.file = file
        self.path = path
        self.members = members
    }

    public var keys: [String] { members.map(\.key) }

    public func child(_ key: String) -> String { path + "." + key }

    public func error(_ key: String?, _ message: String) -> ConfigError {
        ConfigError(file: file, path: key.map(child) ?? path, message: message)
    }

    /// Fails on the first key not in `allowed`, suggesting the closest allowed key.
    public func requireOnly(_ allowed: Set<String>) throws(ConfigError) {
        for member in members where !allowed.contains(member.key) {
            let hint = Suggestion.closest(to: member.key, in: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ConfigError(file: file, path: child(member.key), message: "unknown key\(hint)")
        }
    }

    public func value(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public func string(_ key: String) throws(ConfigError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw error(key, "expected a string, found \(v.typeDescription)") }
        return s
    }

    public func requiredString(_ key: String) throws(ConfigError) -> String {
        guard let s = try string(key) else { throw error(key, "required string is missing") }
        guard !s.isEmpty else { throw error(key, "must not be empty") }
        return s
    }

    public func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw error(key, "expected true or false, found \(v.typeDescription)") }
        return b
    }

    public func number(_ key: String) throws(ConfigError) -> Double? {
        guard let v = value(key) else { return nil }
        guard case .number(let n) = v else { throw error(key, "expected a number, found \(v.typeDescription)") }
        return n
    }

    public func array(_ key: String) throws(ConfigError) -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let a) = v else { throw error(key, "expected an array, found \(v.typeDescription)") }
        return a
    }

    public func object(_ key: String) throws(ConfigError) -> StrictObject? {
        guard let v = value(key) else { return nil }
        return try StrictObject(v, file: file, path: child(key))
    }

    /// An array of strings; a single string is accepted as a one-element array.
    public func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let v = value(key) else { return nil }
        if case .string(let s) = v { return [s] }
        guard case .array(let a) = v else { throw error(key, "expected a string or an array of strings") }
        var out: [String] = []
        for (index, element) in a.enumerated() {
            guard case .string(let s) = element else {
                throw ConfigError(file: file, path: "\(child(key))[\(index)]", message: "expected a string, found \(element.typeDescription)")
            }
            out.append(s)
        }
        return out
    }

    /// A string that must be the raw value of `T`, with the allowed values in the message.
    public func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(ConfigError) -> T? where T.RawValue == String {
        guard let s = try string(key) else { return nil }
        guard let v = T(rawValue: s) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(key, "unknown value \"\(s)\" (expected one of: \(allowed))")
        }
        return v
    }
}

/// "Did you mean" hints: the closest candidate by edit distance, if it is close enough.
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates.sorted() {
            let d = distance(Array(word.lowercased().utf8), Array(c.lowercased().utf8))
            if d <= max(2, c.utf8.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
