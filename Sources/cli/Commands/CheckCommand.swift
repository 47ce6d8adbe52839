import Foundation
import LivegateRules
import LivegateScanner

/// `livegate check OLD NEW`: the gate.
enum CheckCommand {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", valueName: "FORMAT", help: "Report format: text (default), json, sarif, markdown, github"),
        OptionSpec(name: "--output", valueName: "FILE", help: "Write the report to FILE instead of standard output"),
        OptionSpec(name: "--report", valueName: "FORMAT=FILE", help: "Also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=out.sarif", repeatable: true),
        OptionSpec(name: "--fail-on", valueName: "LEVEL", help: "Lowest level that fails the gate: error (default), warning, note"),
        OptionSpec(name: "--store", valueName: "STORE", help: "Answer for apple, google or all (default)"),
        OptionSpec(name: "--allow-unanalysed", valueName: nil, help: "Report code that cannot be analysed (Hermes bytecode, unreadable files) as notes instead of failing with exit 3"),
        OptionSpec(name: "--config", valueName: "FILE", help: "Read settings from FILE (default: livegate.json in the working directory, if present)"),
        OptionSpec(name: "--baseline", valueName: "FILE", help: "Accept the findings listed in FILE (written by --write-baseline)"),
        OptionSpec(name: "--write-baseline", valueName: "FILE", help: "Write every current finding to FILE as accepted, for --baseline"),
        OptionSpec(name: "--ruleset", valueName: "FILE", help: "Add a ruleset file; its rules replace shipped rules with the same id (repeatable)", repeatable: true),
        OptionSpec(name: "--color", valueName: "WHEN", help: "Colour in text output: auto (default: on a terminal without NO_COLOR), always, never"),
        OptionSpec(name: "--max-total-size", valueName: "SIZE", help: "Largest total uncompressed size of a bundle (default 1G)"),
        OptionSpec(name: "--max-files", valueName: "N", help: "Most files in a bundle (default 50000)"),
        OptionSpec(name: "--max-file-size", valueName: "SIZE", help: "Largest single file (default 256M)"),
        OptionSpec(name: "--max-ratio", valueName: "N", help: "Highest compression ratio of an archive entry of 1 MiB or more (default 200)"),
        OptionSpec(name: "--timings", valueName: nil, help: "Print how long each phase took to standard error"),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help"),
    ]

    static let help = """
        Usage: livegate check OLD NEW [OPTIONS]

        Compares OLD (what the store reviewed, or the last live update) with NEW (the live update)
        and reports, per store, whether NEW stays within the rules for downloaded code.
        OLD and NEW may each be a directory (www/, dist/, build/, public/), a .zip (a Capgo bundle),
        an .ipa, an .apk or .aab, or a single file (index.android.bundle, main.jsbundle).

        Options:
        \(ArgumentParser.helpText(options))

        Exit codes: 0 gate passed, 1 gate failed on findings, 2 usage/config/input error, 3 analysis incomplete.

        """

    static func run(_ arguments: [String]) -> Int32 {
        do {
            return try execute(arguments)
        } catch {
            Console.error("livegate check: \(error.message)\n")
            return ExitCode.usage
        }
    }

    static func execute(_ arguments: [String]) throws(UsageError) -> Int32 {
        let parsed = try ArgumentParser.parse(arguments, options: options, command: "check")
        if parsed.has("--help") {
            Console.out(help)
            return ExitCode.passed
        }
        guard parsed.positionals.count == 2 else {
            throw UsageError(message: "expected two bundles, OLD and NEW, got \(parsed.positionals.count) (see livegate check --help)")
        }
        let format = try enumOption(parsed, "--format", ReportFormat.self) ?? .text
        var extraReports: [(ReportFormat, String)] = []
        for spec in parsed.all("--report") {
            guard let eq = spec.firstIndex(of: "="), let f = ReportFormat(rawValue: String(spec[..<eq])),
                  !spec[spec.index(after: eq)...].isEmpty else {
                throw UsageError(message: "--report expects FORMAT=FILE with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(spec)'")
            }
            extraReports.append((f, String(spec[spec.index(after: eq)...])))
        }
        let (config, configFile) = try loadConfiguration(parsed.value("--config"))
        var checkOptions = CheckOptions()
        checkOptions.failOn = try level(parsed.value("--fail-on")) ?? config.failOn ?? .error
        checkOptions.allowUnanalysed = parsed.has("--allow-unanalysed")
        checkOptions.stores = parsed.value("--store") == nil ? (config.stores ?? Store.allCases) : try stores(parsed.value("--store"))
        checkOptions.limits = try limits(parsed)
        checkOptions.accept = config.accept
        checkOptions.thresholds = config.thresholds
        checkOptions.allowLists = config.allowLists
        if let baseline = parsed.value("--baseline") {
            let text = try readText(baseline, what: "baseline file")
            do {
                checkOptions.accept += try Baseline.parse(file: baseline, text: text)
            } catch {
                throw UsageError(message: error.description)
            }
        }

        var rules = try loadRules(config.rulesets + parsed.all("--ruleset"))
        do {
            try config.validate(against: rules, file: configFile ?? "livegate.json")
        } catch {
            throw UsageError(message: error.description)
        }
        rules = config.apply(to: rules)
        let loader = BundleLoader(limits: checkOptions.limits)
        Console.progress("loading \(parsed.positionals[0]) and \(parsed.positionals[1])…")
        var timings = CheckTimings()
        let (old, new) = try timings.measure("load") { () throws(UsageError) in
            try loadBoth(loader, parsed.positionals[0], parsed.positionals[1])
        }
        Console.progress("scanning \(old.files.count + new.files.count) files…")

        let result = Checker(rules: rules, options: checkOptions).check(old: old, new: new, timings: &timings)
        Console.progress(nil)
        let colourWanted: Bool
        switch parsed.value("--color") ?? "auto" {
        case "always": colourWanted = true
        case "never": colourWanted = false
        case "auto": colourWanted = parsed.value("--output") == nil && Console.wantsColour(fileDescriptor: 1)
        case let other: throw UsageError(message: "--color expects auto, always or never, not '\(other)'")
        }
        // Every report is rendered before any is written: a failure leaves nothing half-done.
        let (report, extras) = timings.measure("reports") {
            (format.render(result, colour: colourWanted && format == .text), extraReports.map { ($0.0.render(result), $0.1) })
        }
        if parsed.has("--timings") { Console.error("livegate: \(timings.summary)\n") }
        for (text, path) in extras { try Console.write(text, to: path) }
        if let path = parsed.value("--write-baseline") { try Console.write(Baseline.render(result.findings), to: path) }
        if let output = parsed.value("--output") {
            try Console.write(report, to: output)
        } else {
            Console.out(report)
        }
        return result.exitCode
    }

    static func enumOption<T: RawRepresentable & CaseIterable>(_ parsed: ParsedArguments, _ name: String, _ type: T.Type) throws(UsageError) -> T? where T.RawValue == String {
        guard let text = parsed.value(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw UsageError(message: "\(name) expects one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return value
    }

    static func level(_ text: String?) throws(UsageError) -> Level? {
        guard let text else { return nil }
        guard let level = Level(rawValue: text), level != .none else {
            throw UsageError(message: "--fail-on expects error, warning or note, not '\(text)'")
        }
        return level
    }

    static func stores(_ text: String?) throws(UsageError) -> [Store] {
        switch text ?? "all" {
        case "all": return Store.allCases
        case "apple": return [.apple]
        case "google", "google-play": return [.googlePlay]
        case let other: throw UsageError(message: "--store expects apple, google or all, not '\(other)'")
        }
    }

    static func limits(_ parsed: ParsedArguments) throws(UsageError) -> LoadLimits {
        var limits = LoadLimits.default
        if let v = parsed.value("--max-total-size") { limits.maxTotalBytes = try ArgumentParser.size(v, option: "--max-total-size") }
        if let v = parsed.value("--max-files") { limits.maxFiles = try ArgumentParser.count(v, option: "--max-files") }
        if let v = parsed.value("--max-file-size") { limits.maxFileBytes = try ArgumentParser.size(v, option: "--max-file-size") }
        if let v = parsed.value("--max-ratio") { limits.maxCompressionRatio = try ArgumentParser.count(v, option: "--max-ratio") }
        return limits
    }

    /// Loads OLD and NEW side by side; the first error (OLD's before NEW's) is reported.
    static func loadBoth(_ loader: BundleLoader, _ oldPath: String, _ newPath: String) throws(UsageError) -> (WebBundle, WebBundle) {
        final class Slots: @unchecked Sendable {
            var old: Result<WebBundle, BundleLoadError>?
            var new: Result<WebBundle, BundleLoadError>?
        }
        let slots = Slots()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let path = i == 0 ? oldPath : newPath
            let result: Result<WebBundle, BundleLoadError>
            do throws(BundleLoadError) { result = .success(try loader.load(path: path)) } catch { result = .failure(error) }
            if i == 0 { slots.old = result } else { slots.new = result }
        }
        do throws(BundleLoadError) {
            return (try slots.old!.get(), try slots.new!.get())
        } catch {
            throw UsageError(message: error.description)
        }
    }

    static func readText(_ path: String, what: String) throws(UsageError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "\(path): cannot read the \(what)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(path): the \(what) is not UTF-8")
        }
        return text
    }

    /// `--config FILE`, else `livegate.json` in the working directory if there is one.
    static func loadConfiguration(_ explicit: String?) throws(UsageError) -> (Configuration, String?) {
        let path: String
        if let explicit {
            path = explicit
        } else if FileManager.default.fileExists(atPath: "livegate.json") {
            path = "livegate.json"
        } else {
            return (Configuration(), nil)
        }
        let text = try readText(path, what: "configuration file")
        let base = (path as NSString).deletingLastPathComponent
        do {
            return (try Configuration.parse(file: path, text: text, baseDirectory: base.isEmpty ? "." : base), path)
        } catch {
            throw UsageError(message: error.description)
        }
    }

    /// The shipped rulesets plus any `--ruleset` files.
    static func loadRules(_ extraFiles: [String]) throws(UsageError) -> [Rule] {
        let loader = RulesetLoader()
        do {
            let shipped = try loader.loadShipped()
            guard !extraFiles.isEmpty else { return shipped }
            var files: [(name: String, text: String)] = []
            for path in extraFiles {
                files.append((path, try readText(path, what: "ruleset file")))
            }
            return RulesetLoader.merge(shipped, with: try loader.load(files: files))
        } catch let error as ConfigError {
            throw UsageError(message: error.description)
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError(message: "\(error)")
        }
    }
}
