/// The rulesets compiled into the binary from Rulesets/ (see Plugins/EmbedRulesets).
public enum ShippedRulesets {
    /// Each shipped file: its path relative to Rulesets/ and its JSON text, sorted by path.
    public static var files: [(path: String, text: String)] { EmbeddedRulesets.files }
}
