import Testing
@testable import LivegateScanner

@Suite struct KindDetectorTests {
    static func kind(_ path: String, _ bytes: [UInt8]) -> String {
        let (kind, native) = KindDetector.detect(path: path, bytes: bytes)
        return native.map { "\(kind.rawValue)/\($0.rawValue)" } ?? kind.rawValue
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: [
        // Native code, each named .js to prove magic wins over the extension.
        ("x.js", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "native-code/elf"),
        ("x.js", [0xFE, 0xED, 0xFA, 0xCE, 0, 0, 0, 7], "native-code/mach-o"),
        ("x.js", [0xFE, 0xED, 0xFA, 0xCF, 0, 0, 0, 7], "native-code/mach-o"),
        ("x.js", [0xCE, 0xFA, 0xED, 0xFE, 7, 0, 0, 0], "native-code/mach-o"),
        ("x.js", [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1], "native-code/mach-o"),
        ("x.js", [0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2, 1, 0, 0, 7], "native-code/mach-o-fat"),
        ("x.js", [0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0, 10], "native-code/java-class"),   // Java 8 class
        ("x.js", [0xCA, 0xFE, 0xBA, 0xBE, 0, 3, 0, 45, 0, 10], "native-code/java-class"),   // Java 1.1 class
        ("x.js", [0xCA, 0xFE, 0xBA, 0xBF, 0, 0, 0, 2], "native-code/mach-o-fat"),
        ("x.js", Array("dex\n035\0".utf8) + [0x12, 0x34], "native-code/dex"),
        ("x.js", [0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F, 0x60], "hermes-bytecode"),
        ("x.js", [0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0], "wasm"),
        // Archives.
        ("x.js", [0x1F, 0x8B, 8, 0], "archive"),
        ("x.bin", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4], "archive"),
        ("x.bin", Array("Rar!".utf8) + [0x1A, 0x07, 0x01, 0x00], "archive"),
        ("x.bin", Array("BZh91AY&SY".utf8), "archive"),
        ("x.bin", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0, 4], "archive"),
        ("x.tar", [UInt8](repeating: 0x61, count: 257) + Array("ustar\u{0}00".utf8) + [UInt8](repeating: 0, count: 100), "archive"),
        // Media.
        ("x.js", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "media"),
        ("x.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "media"),
        ("x.gif", Array("GIF89a".utf8) + [1, 0, 1, 0], "media"),
        ("x.webp", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8), "media"),
        ("favicon.ico", [0, 0, 1, 0, 1, 0, 16, 16], "media"),
        ("x.woff", Array("wOFF".utf8) + [0, 1, 0, 0], "media"),
        ("x.woff2", Array("wOF2".utf8) + [0, 1, 0, 0], "media"),
        ("x.ttf", [0, 1, 0, 0, 0, 12, 0, 128, 0, 3, 0, 32], "media"),
        ("x.otf", Array("OTTO".utf8) + [0, 12, 0, 128], "media"),
        ("x.mp3", Array("ID3".utf8) + [4, 0, 0], "media"),
        ("x.mp4", [0, 0, 0, 0x20] + Array("ftypisom".utf8), "media"),
        ("x.ogg", Array("OggS".utf8) + [0, 2], "media"),
        ("x.webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F], "media"),
        ("x.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), "media"),
        ("noext", Array("<?xml version=\"1.0\"?>\n".utf8) + Array("<svg/>".utf8), "text"),
        ("icon", Array("  <svg viewBox=\"0 0 1 1\"/>".utf8), "media"),
    ] as [(String, [UInt8], String)])
    func magic(path: String, bytes: [UInt8], expected: String) {
        #expect(Self.kind(path, bytes) == expected)
    }

    @Test func cafebabeWithoutAPlausibleNextWordIsBinary() {
        // Architecture count 0 and major version 0: neither a fat Mach-O nor a class file.
        #expect(Self.kind("x", [0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 0]) == "binary")
    }

    @Test func zipsAreArchivesUnlessTheyHoldJavaCode() {
        var plain = TestZip()
        plain.add("readme.txt", "hi")
        #expect(Self.kind("data.zip", plain.build()) == "archive")
        #expect(Self.kind("plugin.jar", plain.build()) == "native-code/java-archive")
        #expect(Self.kind("x.aar", plain.build()) == "native-code/java-archive")
        for inner in ["classes.dex", "com/x/Y.class", "AndroidManifest.xml", "META-INF/MANIFEST.MF"] {
            var zip = TestZip()
            zip.add(inner, [1, 2, 3])
            #expect(Self.kind("innocent.png", zip.build()) == "native-code/java-archive", "\(inner)")
        }
        var empty = TestZip()
        empty.entries = []
        #expect(Self.kind("e.zip", empty.build()) == "archive")
    }

    @Test func textKindsByExtensionAndContent() {
        #expect(Self.kind("a.html", Self.text("<p>")) == "html")
        #expect(Self.kind("a.htm", Self.text("<p>")) == "html")
        #expect(Self.kind("page", Self.text("\u{FEFF}\n <!DOCTYPE html><html>")) == "html")
        #expect(Self.kind("a.css", Self.text("a{}")) == "css")
        #expect(Self.kind("a.mjs", Self.text("export {}")) == "javascript")
        #expect(Self.kind("main.jsbundle", Self.text("var a")) == "javascript")
        #expect(Self.kind("a.json", Self.text("{\"a\":1}")) == "json")
        #expect(Self.kind("a.js.map", Self.text("{\"version\":3,\"mappings\":\"AAAA\"}")) == "source-map")
        #expect(Self.kind("a.json", Self.text("{\"version\" : 3, \"sources\":[], \"mappings\":\";;AAAA\"}")) == "source-map")
        #expect(Self.kind("a.json", Self.text("{\"version\":30,\"mappings\":\"\"}")) == "json")
        #expect(Self.kind("sourcemap", Self.text("{\"mappings\":\"A\",\"version\":3}")) == "source-map")
        #expect(Self.kind("README.md", Self.text("# hi ünïcödé")) == "text")
        #expect(Self.kind("LICENSE", Self.text("MIT")) == "text")
        #expect(Self.kind("empty.js", []) == "javascript")
    }

    @Test func binaryByNULOrInvalidUTF8() {
        #expect(Self.kind("a.js", [0x61, 0x00, 0x62]) == "binary")
        #expect(Self.kind("a.js", [0x61, 0xC3]) == "javascript")          // cut at the end of the file
        #expect(Self.kind("a.js", [0x61, 0xC3, 0x28]) == "binary")        // bad continuation byte
        #expect(Self.kind("a.js", [0xED, 0xA0, 0x80]) == "binary")        // UTF-16 surrogate
        #expect(Self.kind("a.js", [0xC0, 0xAF]) == "binary")              // overlong
        // A NUL after the first 8 KB does not count.
        #expect(Self.kind("a.js", [UInt8](repeating: 0x61, count: 8192) + [0]) == "javascript")
        // A multi-byte sequence cut by the 8 KB window is fine.
        #expect(Self.kind("a.js", [UInt8](repeating: 0x61, count: 8191) + [0xE2, 0x82, 0xAC]) == "javascript")
    }
}

struct SourceWithInvalidUTF8Tests {
    @Test func scriptWithALatin1StringIsStillJavaScript() {
        let bytes = Array("const a=\"".utf8) + [0xE9, 0x74, 0xE9] + Array("\";eval(a)\n".utf8)
        #expect(KindDetector.detect(path: "assets/a.js", bytes: bytes).kind == .javascript)
        #expect(KindDetector.detect(path: "notes.bin", bytes: bytes).kind == .binary)
    }

    @Test func binaryNamedJSStaysBinary() {
        var state: UInt64 = 42
        let noise = (0..<3000).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        #expect(KindDetector.detect(path: "assets/random.js", bytes: noise).kind == .binary)
    }
}
