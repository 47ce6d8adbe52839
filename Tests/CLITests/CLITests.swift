import Foundation
import Testing

/// End-to-end: runs the built `livegate` binary as a user or a CI job would.
struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["LIVEGATE_BINARY"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("livegate").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/livegate").path
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ arguments: [String], cwd: URL = root, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let old = "Examples/capacitor-app/old"
    static let new = "Examples/capacitor-app/new"

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("livegate-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theExampleFailsTheGateWithExit1() throws {
        let r = try Self.run(["check", Self.old, Self.new])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Examples/capacitor-app/new/lib/arm64-v8a/libpay.so:1:1: error: "))
        #expect(r.stdout.contains("[native-code-added]"))
        for rule in ["native-code-added", "bridge-plugin-added", "bridge-call-new-plugin", "route-added", "remote-script-element",
                     "feature-flag-added", "feature-flag-sdk-added", "web-payment-added", "csp-weakened"] {
            #expect(r.stdout.contains("[\(rule)]"), "\(rule)")
        }
        #expect(r.stdout.hasSuffix("5 errors, 4 warnings, 0 notes; exit 1\n"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    /// --timings adds one line of phase times on standard error and changes nothing else: same
    /// report, same exit code.
    @Test func timingsGoToStandardErrorOnly() throws {
        let plain = try Self.run(["check", Self.old, Self.new, "--format", "json"])
        let timed = try Self.run(["check", Self.old, Self.new, "--format", "json", "--timings"])
        #expect(timed.status == plain.status && timed.status == 1)
        #expect(timed.stdout == plain.stdout)
        #expect(plain.stderr.isEmpty)
        let line = timed.stderr.split(separator: "\n")
        #expect(line.count == 1)
        for phase in ["livegate: load ", " · tokenize and match JavaScript ", " · inventories, file diff, code share ",
                      " · rules ", " · reports ", " · total "] {
            #expect(timed.stderr.contains(phase), "\(phase)")
        }
        #expect(timed.stderr.hasSuffix(" s\n"))
    }

    @Test func comparingABundleWithItselfPasses() throws {
        let r = try Self.run(["check", Self.old, Self.old])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Apple App Store: PASS"))
    }

    @Test func usageErrorsExitWith2AndOneLine() throws {
        let unknown = try Self.run(["check", "--fial-on", "error", Self.old, Self.new])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "livegate check: unknown option --fial-on for 'check'; did you mean --fail-on? (see livegate check --help)\n")
        let missing = try Self.run(["check", Self.old, "does/not/exist"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("livegate check: does/not/exist: "))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let command = try Self.run(["chek"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("did you mean 'check'?"))
        let badFormat = try Self.run(["check", Self.old, Self.new, "--format", "xml"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("--format expects one of text, json, sarif, markdown, github"))
    }

    @Test func helpAndVersion() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: livegate COMMAND [OPTIONS]"))
        let checkHelp = try Self.run(["check", "--help"])
        #expect(checkHelp.status == 0)
        #expect(checkHelp.stdout.contains("--allow-unanalysed"))
        let version = try Self.run(["--version"])
        #expect(version.stdout == "livegate 0.1.0\n")
        let bare = try Self.run([])
        #expect(bare.status == 2)
    }

    @Test func hermesBytecodeExits3UnlessAllowed() throws {
        let dir = try Self.tempDir()
        let oldFile = dir.appendingPathComponent("old.bundle"), newFile = dir.appendingPathComponent("index.android.bundle")
        try Data("__d(function(g,r,i,a,m,e,d){},0,[]);__r(0);".utf8).write(to: oldFile)
        try Data([0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F, 0x60, 0, 0, 0]).write(to: newFile)
        let strict = try Self.run(["check", oldFile.path, newFile.path])
        #expect(strict.status == 3)
        #expect(strict.stdout.contains("[unanalysable-code]"))
        let allowed = try Self.run(["check", oldFile.path, newFile.path, "--allow-unanalysed"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains(": note: "))
    }

    @Test func severalReportsFromOneRunAreByteIdenticalAcrossRuns() throws {
        let dir = try Self.tempDir()
        var outputs: [[Data]] = []
        for round in 0..<2 {
            let sarif = dir.appendingPathComponent("r\(round).sarif"), md = dir.appendingPathComponent("r\(round).md")
            let json = dir.appendingPathComponent("r\(round).json")
            let r = try Self.run(["check", Self.old, Self.new, "--format", "json", "--output", json.path,
                                  "--report", "sarif=\(sarif.path)", "--report", "markdown=\(md.path)"])
            #expect(r.status == 1)
            #expect(r.stdout.isEmpty)
            outputs.append(try [json, sarif, md].map { try Data(contentsOf: $0) })
        }
        #expect(outputs[0] == outputs[1])
        #expect(String(decoding: outputs[0][2], as: UTF8.self).hasPrefix("## livegate: live-update check"))
    }

    @Test func githubFormatEmitsWorkflowCommands() throws {
        let r = try Self.run(["check", Self.old, Self.new, "--format", "github", "--store", "apple"])
        #expect(r.stdout.contains("::error file=Examples/capacitor-app/new/lib/arm64-v8a/libpay.so,line=1,col=1,title=livegate native-code-added (Apple App Store)::"))
        #expect(r.stdout.contains("::warning file=Examples/capacitor-app/new/assets/index-Q8Jt2mPa.js,line=8,col=125,title=livegate route-added (Apple App Store)::route%3A/wallet") == false)
        #expect(r.stdout.contains("::warning file=Examples/capacitor-app/new/assets/index-Q8Jt2mPa.js,line=8,col=125,title=livegate route-added (Apple App Store)::route:/wallet"))
    }

    @Test func aConfigFileInTheWorkingDirectoryAcceptsAFinding() throws {
        let dir = try Self.tempDir()
        try Data("""
            {"accept": [{"rule": "native-code-added", "key": "native:lib/arm64-v8a/libpay.so", "reason": "payment SDK approved in the store build"}]}
            """.utf8).write(to: dir.appendingPathComponent("livegate.json"))
        let r = try Self.run(["check", Self.root.appendingPathComponent(Self.old).path, Self.root.appendingPathComponent(Self.new).path], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("(accepted: payment SDK approved in the store build)"))
        #expect(r.stdout.hasSuffix("4 errors, 4 warnings, 0 notes, 1 accepted; exit 1\n"))
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"accept": [{"rule": "native-code-added", "key": "k"}]}"#.utf8).write(to: bad)
        let refused = try Self.run(["check", Self.old, Self.new, "--config", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("$.accept[0].reason: required string is missing"))
    }

    @Test func aZippedBundleChecksLikeItsFolder() throws {
        let dir = try Self.tempDir()
        let zip = dir.appendingPathComponent("new.zip")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import os, sys, zipfile
            src, out = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
                for base, _, files in sorted(os.walk(src)):
                    for f in sorted(files):
                        full = os.path.join(base, f)
                        z.write(full, os.path.join('dist', os.path.relpath(full, src)))
            """, Self.root.appendingPathComponent(Self.new).path, zip.path]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let r = try Self.run(["check", Self.old, zip.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains(#""webRoot" : "dist""#))
        #expect(r.stdout.contains(#""factKey" : "native:lib/arm64-v8a/libpay.so""#))
    }

    @Test func debugTokensPrintsOneJSONObjectPerToken() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("a.js")
        try Data("x = /=/g // c\né".utf8).write(to: file)
        let r = try Self.run(["debug", "tokens", file.path])
        #expect(r.status == 0)
        #expect(r.stdout == """
            {"kind":"identifier","start":0,"end":1,"line":1,"col":1,"text":"x"}
            {"kind":"punctuator","start":2,"end":3,"line":1,"col":3,"text":"="}
            {"kind":"regex","start":4,"end":8,"line":1,"col":5,"text":"/=/g"}
            {"kind":"lineComment","start":9,"end":13,"line":1,"col":10,"text":"// c"}
            {"kind":"identifier","start":14,"end":16,"line":2,"col":1,"text":"é","flags":["newlineBefore"]}

            """)
        let stripped = try Self.run(["debug", "tokens", file.path, "--no-comments"])
        #expect(!stripped.stdout.contains("lineComment"))
        #expect(try Self.run(["debug", "tokenz", file.path]).status == 2)
    }

    @Test func limitFlagsApplyAndAreValidated() throws {
        let small = try Self.run(["check", Self.old, Self.old, "--max-file-size", "1k"])
        #expect(small.status == 3)
        #expect(small.stdout.contains("[unreadable-file]"))
        #expect(small.stdout.contains("over the per-file limit of 1024"))
        let few = try Self.run(["check", Self.old, Self.old, "--max-files", "2", "--allow-unanalysed"])
        #expect(few.status == 0)
        #expect(few.stdout.contains("too-many-files"))
        let bad = try Self.run(["check", Self.old, Self.old, "--max-total-size", "lots"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "livegate check: --max-total-size expects a positive size such as 512M or 2G, not 'lots'\n")
    }

    @Test func debugCSSTokens() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("a.css")
        try Data("@import url(x.css);".utf8).write(to: file)
        let r = try Self.run(["debug", "css-tokens", file.path])
        #expect(r.status == 0)
        #expect(r.stdout == """
            {"kind":"at-keyword","start":0,"end":7,"line":1,"col":1,"text":"@import","value":"import"}
            {"kind":"whitespace","start":7,"end":8,"line":1,"col":8,"text":" "}
            {"kind":"url","start":8,"end":18,"line":1,"col":9,"text":"url(x.css)","value":"x.css"}
            {"kind":"semicolon","start":18,"end":19,"line":1,"col":19,"text":";"}

            """)
        let typo = try Self.run(["debug", "css-token", file.path])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'css-tokens'?"))
    }
}
