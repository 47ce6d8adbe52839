// The rules API hands out scanner types (WebBundle, Fact, ConfigError, Suggestion, …), so a
// client that imports LivegateRules sees them without importing LivegateScanner too.
@_exported import LivegateScanner
