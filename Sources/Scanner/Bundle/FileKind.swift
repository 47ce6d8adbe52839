/// What a file in a bundle is, decided by magic bytes first and the extension second.
public enum FileKind: String, Sendable, Codable, CaseIterable, Comparable {
    case html
    case css
    case javascript
    case json
    case sourceMap = "source-map"
    case wasm
    /// Images, fonts, audio and video.
    case media
    /// ELF, Mach-O (thin and fat), DEX, Java class, JAR/APK/AAR: code the stores forbid downloading.
    case nativeCode = "native-code"
    /// React Native's Hermes bytecode: JavaScript that cannot be tokenized.
    case hermesBytecode = "hermes-bytecode"
    /// Other archives (zip, gzip, tar, …) whose content is not looked into.
    case archive
    case binary
    case text

    /// Kinds whose bytes are source code livegate tokenizes.
    public var isSource: Bool {
        switch self {
        case .html, .css, .javascript, .json, .sourceMap, .text: return true
        default: return false
        }
    }

    public static func < (lhs: FileKind, rhs: FileKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The precise format of a native-code file.
public enum NativeFormat: String, Sendable, Codable, CaseIterable {
    case elf
    case machO = "mach-o"
    case machOFat = "mach-o-fat"
    case dex
    case javaClass = "java-class"
    /// A zip holding `classes.dex`, `*.class` or `AndroidManifest.xml`, or named .jar/.apk/.aar/.aab.
    case javaArchive = "java-archive"
}
