import LivegateScanner
import Testing
@testable import LivegateRules

/// Every rule's examples are tests: a triggering example produces exactly that rule (at the
/// stated path), a non-triggering one produces no finding at all, with every shipped rule active.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: Rule
        let example: RuleExample
        var testDescription: String { "\(rule.id) \(example.jsonPath)" }
    }

    static let rules: [Rule] = (try? RulesetLoader().loadShipped()) ?? []
    static let cases: [Case] = rules.flatMap { rule in rule.examples.map { Case(rule: rule, example: $0) } }

    static func bundle(_ files: [ExampleFile], _ origin: String) -> WebBundle {
        BundleLoader().load(entries: files, origin: origin)
    }

    @Test func shippedRulesLoadAndHaveExamples() {
        #expect(!Self.rules.isEmpty)
        #expect(Self.cases.count >= Self.rules.count * 2)
    }

    @Test(arguments: cases)
    func example(_ c: Case) {
        let result = Checker(rules: Self.rules, options: CheckOptions())
            .check(old: Self.bundle(c.example.old, "old"), new: Self.bundle(c.example.new, "new"))
        if c.example.triggers {
            // Exactly this rule (possibly on several facts of the example), and no other.
            #expect(Set(result.findings.map(\.ruleId)) == Set([c.rule.id] + c.example.alsoTriggers),
                    "\(c.rule.source) \(c.example.jsonPath): \(result.findings.map { "\($0.ruleId): \($0.message)" })")
            if let at = c.example.expectedPath {
                #expect(result.findings.first { $0.ruleId == c.rule.id }?.location.path == at, "\(c.rule.source) \(c.example.jsonPath)")
            }
        } else {
            #expect(result.findings.isEmpty, "\(c.rule.source) \(c.example.jsonPath): \(result.findings.map(\.message))")
        }
    }

    /// The JavaScript of a triggering example's new side, hidden in a comment or a string: the
    /// rule must not trigger (SwiftLint's variations). Only for rules on added facts, since
    /// hiding the new code also removes what the old side had.
    static let hiddenCases: [Case] = cases.filter { c in
        c.example.triggers && c.rule.condition.measure == nil && !c.rule.condition.changes.contains(.removed)
            && c.example.new.contains { $0.path.hasSuffix(".js") && String(validating: $0.bytes, as: UTF8.self) != nil }
    }

    /// Kinds found by what a string literal contains (an SDK's endpoint, a miner's pool): the
    /// same text inside another string is still that string, so only the comment variations apply.
    static let stringContentKinds: Set<String> = ["sdk-fingerprint", "miner"]

    static func hide(_ files: [ExampleFile], _ wrap: (String) -> String) -> [ExampleFile] {
        files.map { file in
            guard file.path.hasSuffix(".js"), let text = String(validating: file.bytes, as: UTF8.self) else { return file }
            return ExampleFile(path: file.path, bytes: Array(wrap(text).utf8), problem: file.problem)
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    @Test(arguments: hiddenCases)
    func hiddenInACommentOrAStringItDoesNotTrigger(_ c: Case) {
        let wrappers: [(String, (String) -> String)] = [
            ("block comment", { "/* " + $0.replacingOccurrences(of: "*/", with: "* /") + " */" }),
            ("line comments", { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }.joined(separator: "\n") }),
            ("string", { "var hidden = " + Self.jsonString($0) + ";" }),
        ]
        let stringsMatter = !Set(c.rule.condition.factKinds).isDisjoint(with: Self.stringContentKinds)
        for (name, wrap) in wrappers where !(stringsMatter && name == "string") {
            let result = Checker(rules: Self.rules, options: CheckOptions())
                .check(old: Self.bundle(c.example.old, "old"), new: Self.bundle(Self.hide(c.example.new, wrap), "new"))
            #expect(!result.findings.contains { $0.ruleId == c.rule.id }, "\(c.rule.id) \(c.example.jsonPath) in a \(name)")
        }
    }

    /// Renames what a minifier renames: names declared with const/let/var/function/class, at every
    /// use that is not a property name. Globals, properties, strings and keywords stay.
    static func renameLocals(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let tokens = JSTokenizer.tokenize(bytes)
        var declared = Set<String>()
        for (i, t) in tokens.enumerated() where i + 1 < tokens.count {
            if [JSKeyword.const, .let, .var, .function, .class].contains(where: { t.isKeyword($0) }),
               tokens[i + 1].kind == .identifier, tokens[i + 1].keyword == nil {
                declared.insert(JSTokenizer.text(of: tokens[i + 1], in: bytes))
            }
        }
        var names: [String: String] = [:]
        for name in declared.sorted() { names[name] = "q\(names.count)_" }
        var out = [UInt8]()
        var last = 0
        for (i, t) in tokens.enumerated() where t.kind == .identifier {
            let isProperty = i > 0 && (tokens[i - 1].isPunctuator(.dot) || tokens[i - 1].isPunctuator(.questionDot))
            guard !isProperty, let renamed = names[JSTokenizer.text(of: t, in: bytes)] else { continue }
            out += bytes[last..<t.range.lowerBound]
            out += Array(renamed.utf8)
            last = t.range.upperBound
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    @Test func renamingLocalsRenamesDeclarationsOnly() {
        #expect(Self.renameLocals(#"const s=document.createElement("s");s.src=x;function run(c){return s.run(c)}"#)
                == #"const q1_=document.createElement("s");q1_.src=x;function q0_(c){return q1_.run(c)}"#)
    }

    /// Minified again with other local names, a triggering example still triggers its rule.
    @Test(arguments: cases.filter { $0.example.triggers && $0.example.new.contains { $0.path.hasSuffix(".js") } })
    func withOtherLocalNamesItStillTriggers(_ c: Case) {
        let rename: (String) -> String = Self.renameLocals
        let result = Checker(rules: Self.rules, options: CheckOptions())
            .check(old: Self.bundle(Self.hide(c.example.old, rename), "old"), new: Self.bundle(Self.hide(c.example.new, rename), "new"))
        #expect(result.findings.contains { $0.ruleId == c.rule.id }, "\(c.rule.id) \(c.example.jsonPath)")
    }
}
