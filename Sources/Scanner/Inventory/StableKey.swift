/// Builds the parts of fact keys that come from file paths, so that a rebuild gives the same keys:
/// hashed file names are normalised by the same rule the file diff pairs chunks with.
enum StableKey {
    /// A bundle path with hashed file names normalised: `assets/index-Dvm9KEU2.js` → `assets/index-*.js`.
    static func path(_ path: String) -> String {
        ChunkName.normalize(path)
    }
}
