import Foundation
import LivegateScanner
import Testing
@testable import LivegateRules

/// `--format json` output validates against docs/report.schema.json (with python3 + jsonschema).
struct JSONReportSchemaTests {
    typealias B = TestBundles

    static var available: Bool {
        SARIFValidator.run(["/usr/bin/env", "python3", "-c", "import jsonschema"]).status == 0
    }

    static func validate(_ json: String) throws -> (status: Int32, output: String) {
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("livegate-report-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = TestBundles.packageRoot.appendingPathComponent("docs/report.schema.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        return SARIFValidator.run(["/usr/bin/env", "python3", "-c", script, schema, file.path])
    }

    @Test(.enabled(if: available, "needs python3 with jsonschema"))
    func jsonReportsMatchTheSchema() throws {
        let old = B.bundle("old", [B.file("index.html", "<!doctype html>")])
        let new = B.bundle("new", [B.file("app.html", "x"), B.native("lib/a.so")],
                           diagnostics: [LoadDiagnostic(path: "x.js", problem: .encrypted, message: "encrypted")])
        let accepted = Acceptance(rule: "native-code-added", key: "native:lib/a.so", reason: "fixture", expires: nil, origin: .config)
        for result in [try B.check(old, new), try B.check(old, new) { $0.accept = [accepted] }, try B.check(old, old)] {
            let (status, output) = try Self.validate(JSONReport().render(result))
            #expect(status == 0, "\(output)")
        }
    }

    @Test(.enabled(if: available, "needs python3 with jsonschema"))
    func theSchemaRejectsAWrongReport() throws {
        let (status, output) = try Self.validate(#"{"tool": {"name": "other", "version": "1"}}"#)
        #expect(status == 1)
        #expect(output.contains("'livegate' was expected"))
    }
}
