// Build-tool plugin: embeds every JSON file under the package's Rulesets/ folder into the
// target as Swift string literals, so that the built binary carries its rulesets and a
// copied binary works on its own (SwiftPM resources on Linux live beside the binary).
import Foundation
import PackagePlugin

@main
struct EmbedRulesets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Rulesets")
        let inputs = Self.jsonFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulesets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) ruleset files",
                executable: try context.tool(named: "embed-rulesets").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }

    static func jsonFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where url.pathExtension == "json" {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
