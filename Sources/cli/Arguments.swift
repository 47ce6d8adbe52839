import LivegateRules

/// Hand-written argument parsing: `--flag`, `--option VALUE`, `--option=VALUE`, positionals,
/// `--` to end options. Unknown options are errors with a "did you mean" hint.
struct OptionSpec {
    let name: String
    let valueName: String?
    let help: String
    var repeatable = false

    var takesValue: Bool { valueName != nil }
}

struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A usage error: exit code 2 with this one-line message.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

enum ArgumentParser {
    static func parse(_ arguments: [String], options: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        let byName = Dictionary(uniqueKeysWithValues: options.map { ($0.name, $0) })
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var name = argument
            var inline: String? = nil
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            guard let spec = byName[name] else {
                let hint = Suggestion.closest(to: name, in: byName.keys).map { "; did you mean \($0)?" } ?? ""
                throw UsageError(message: "unknown option \(name) for '\(command)'\(hint) (see livegate \(command) --help)")
            }
            if spec.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < arguments.count else { throw UsageError(message: "\(name) needs a value (\(spec.valueName!))") }
                    value = arguments[index]
                    index += 1
                }
                if !spec.repeatable, parsed.values[name] != nil {
                    throw UsageError(message: "\(name) is given twice")
                }
                parsed.values[name, default: []].append(value)
            } else {
                guard inline == nil else { throw UsageError(message: "\(name) takes no value") }
                parsed.flags.insert(name)
            }
        }
        return parsed
    }

    /// `512M`, `1G`, `64k`, `1048576`: a byte count.
    static func size(_ text: String, option: String) throws(UsageError) -> Int {
        let units: [Character: Int] = ["k": 1 << 10, "K": 1 << 10, "m": 1 << 20, "M": 1 << 20, "g": 1 << 30, "G": 1 << 30]
        var digits = Substring(text)
        var multiplier = 1
        if let last = digits.last, let unit = units[last] {
            multiplier = unit
            digits = digits.dropLast()
        }
        guard let n = Int(digits), n > 0, n <= Int.max / multiplier else {
            throw UsageError(message: "\(option) expects a positive size such as 512M or 2G, not '\(text)'")
        }
        return n * multiplier
    }

    static func count(_ text: String, option: String) throws(UsageError) -> Int {
        guard let n = Int(text), n > 0 else { throw UsageError(message: "\(option) expects a positive whole number, not '\(text)'") }
        return n
    }

    static func helpText(_ options: [OptionSpec]) -> String {
        let width = options.map { $0.name.count + ($0.valueName.map { $0.count + 1 } ?? 0) }.max() ?? 0
        return options.map { spec in
            let head = spec.name + (spec.valueName.map { " " + $0 } ?? "")
            return "  " + head + String(repeating: " ", count: width - head.count + 2) + spec.help
        }.joined(separator: "\n")
    }
}
