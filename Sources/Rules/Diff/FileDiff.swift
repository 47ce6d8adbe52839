import LivegateScanner

// Temporary stand-in until the loader branch lands the real file diff.
public struct FileDiff: Sendable {
    public enum Status: String, Sendable, Codable { case added, removed, changed, unchanged }
    public enum Match: String, Sendable, Codable { case path, digest, strippedName = "stripped-name" }
    public struct Entry: Sendable { public let old: BundleFile?; public let new: BundleFile?; public let status: Status; public let match: Match? }
    public let entries: [Entry]
    public init(old: WebBundle, new: WebBundle) { entries = [] }
}
