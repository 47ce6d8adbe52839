import Foundation
import Testing
@testable import LivegateScanner

@Suite struct ZipLoadingTests {
    @Test func storedAndDeflatedEntriesLoadWithHashesAndKinds() throws {
        var zip = TestZip()
        zip.add("index.html", "<!doctype html><title>x</title>", method: 0)
        zip.add("assets/app.js", String(repeating: "console.log(1);\n", count: 200), method: 8)
        zip.add("assets/", [], method: 0)   // directory entry: skipped
        let bundle = try loadZip(zip)
        #expect(bundle.container == .zip)
        #expect(bundle.webRoot == "")
        #expect(bundle.paths == ["assets/app.js", "index.html"])
        #expect(bundle.diagnostics.isEmpty)
        let js = try #require(bundle.file(at: "assets/app.js"))
        #expect(js.size == 3200)
        #expect(js.kind == .javascript)
        #expect(js.bytes == Array(String(repeating: "console.log(1);\n", count: 200).utf8))
        #expect(js.sha256 == SHA256.hex(of: js.bytes))
        #expect(bundle.file(at: "index.html")?.kind == .html)
        // SHA-256 of "<!doctype html><title>x</title>" computed independently below.
        #expect(bundle.file(at: "index.html")?.sha256 == SHA256.hex(of: Array("<!doctype html><title>x</title>".utf8)))
    }

    @Test func singleTopLevelFolderIsTheWebRoot() throws {
        var zip = TestZip()
        zip.add("dist/index.html", "<html></html>")
        zip.add("dist/js/app.js", "1")
        zip.add("__MACOSX/dist/._index.html", [0, 5, 22, 7])
        let bundle = try loadZip(zip)
        #expect(bundle.webRoot == "dist")
        #expect(bundle.paths == ["index.html", "js/app.js"])
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func twoTopLevelFoldersMeanTheArchiveRootIsTheWebRoot() throws {
        var zip = TestZip()
        zip.add("a/x.js", "1")
        zip.add("b/y.js", "2")
        let bundle = try loadZip(zip)
        #expect(bundle.webRoot == "")
        #expect(bundle.paths == ["a/x.js", "b/y.js"])
    }

    @Test func backslashesAreSeparators() throws {
        var zip = TestZip()
        zip.add("www\\js\\app.js", "1")
        zip.add("www\\index.html", "<html>")
        let bundle = try loadZip(zip)
        #expect(bundle.webRoot == "www")
        #expect(bundle.paths == ["index.html", "js/app.js"])
    }

    @Test func capacitorIPAUsesPublic() throws {
        var zip = TestZip()
        zip.add("Payload/App.app/App", [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1])
        zip.add("Payload/App.app/public/index.html", "<html>")
        zip.add("Payload/App.app/public/assets/index-Dvm9KEU2.js", "a()")
        zip.add("Payload/App.app/Frameworks/Capacitor.framework/Capacitor", [0xCF, 0xFA, 0xED, 0xFE])
        let bundle = try loadZip(zip, name: "App.ipa")
        #expect(bundle.container == .ipa)
        #expect(bundle.webRoot == "Payload/App.app/public")
        #expect(bundle.paths == ["assets/index-Dvm9KEU2.js", "index.html"])
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func cordovaIPAUsesWWW() throws {
        var zip = TestZip()
        zip.add("Payload/Hello.app/www/index.html", "<html>")
        zip.add("Payload/Hello.app/www/cordova.js", "x")
        zip.add("Payload/Hello.app/Info.plist", "<plist/>")
        let bundle = try loadZip(zip, name: "Hello.ipa")
        #expect(bundle.webRoot == "Payload/Hello.app/www")
        #expect(bundle.paths == ["cordova.js", "index.html"])
    }

    @Test func apkAndAabWebRoots() throws {
        var apk = TestZip()
        apk.add("AndroidManifest.xml", [3, 0, 8, 0])
        apk.add("classes.dex", Array("dex\n035\0".utf8) + [1, 2])
        apk.add("lib/arm64-v8a/libnative.so", [0x7F, 0x45, 0x4C, 0x46, 2])
        apk.add("assets/public/index.html", "<html>")
        apk.add("assets/capacitor.config.json", "{}")
        let a = try loadZip(apk, name: "app-release.apk")
        #expect(a.container == .apk)
        #expect(a.webRoot == "assets/public")
        #expect(a.paths == ["index.html"])

        var cordova = TestZip()
        cordova.add("assets/www/index.html", "<html>")
        let c = try loadZip(cordova, name: "c.apk")
        #expect(c.webRoot == "assets/www")

        var aab = TestZip()
        aab.add("base/manifest/AndroidManifest.xml", [1])
        aab.add("base/assets/public/index.html", "<html>")
        aab.add("base/assets/public/js/main.js", "m()")
        let b = try loadZip(aab, name: "app.aab")
        #expect(b.container == .aab)
        #expect(b.webRoot == "base/assets/public")
        #expect(b.paths == ["index.html", "js/main.js"])
    }

    @Test func appWithoutWebRootIsAnError() throws {
        var zip = TestZip()
        zip.add("Payload/App.app/App", [0xCF, 0xFA, 0xED, 0xFE])
        let dir = TempDir()
        defer { dir.cleanup() }
        let path = dir.write("App.ipa", zip.build())
        #expect(throws: BundleLoadError(path: path,
                                        message: "no web root found in the .ipa: looked for Payload/*.app/public and Payload/*.app/www")) {
            try BundleLoader().load(path: path)
        }
        var apk = TestZip()
        apk.add("classes.dex", [1])
        let apkPath = dir.write("a.apk", apk.build())
        #expect(throws: BundleLoadError(path: apkPath,
                                        message: "no web root found in the .apk: looked for assets/public and assets/www")) {
            try BundleLoader().load(path: apkPath)
        }
    }

    @Test func zip64RecordsAndExtraFields() throws {
        var zip = TestZip()
        zip.zip64 = true
        zip.add("index.html", "<html>zip64</html>")
        zip.add("app.js", String(repeating: "x", count: 5000))
        let bytes = zip.build()
        // The classic EOCD really carries the ZIP64 markers.
        #expect(Array(bytes[(bytes.count - 10)..<(bytes.count - 2)]) == [UInt8](repeating: 0xFF, count: 8))
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["app.js", "index.html"])
        #expect(bundle.file(at: "app.js")?.size == 5000)
        #expect(bundle.file(at: "index.html")?.bytes == Array("<html>zip64</html>".utf8))
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func dataDescriptorsUseTheCentralDirectorySizes() throws {
        var zip = TestZip()
        zip.add(TestZip.Entry(name: Array("a.js".utf8), data: Array("let a = 1".utf8), dataDescriptor: true))
        zip.add(TestZip.Entry(name: Array("b.css".utf8), data: Array("b{}".utf8), method: 0, dataDescriptor: true))
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["a.js", "b.css"])
        #expect(bundle.file(at: "a.js")?.bytes == Array("let a = 1".utf8))
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func encryptedUnsupportedAndCorruptEntriesAreDiagnosticsAndTheRestLoads() throws {
        var zip = TestZip()
        zip.add("ok.js", "fine()")
        zip.add(TestZip.Entry(name: Array("secret.js".utf8), data: Array("s".utf8), flags: 1))
        zip.add(TestZip.Entry(name: Array("aes.js".utf8), data: Array("s".utf8), method: 99, flags: 1))
        zip.add(TestZip.Entry(name: Array("bzip.js".utf8), data: Array("s".utf8), method: 12, payload: [1, 2, 3]))
        zip.add(TestZip.Entry(name: Array("badcrc.js".utf8), data: Array("hello".utf8), crcOverride: 0x1234_5678))
        zip.add(TestZip.Entry(name: Array("garbage.js".utf8), data: Array("hello".utf8), payload: [0xFF, 0xFF, 0xFF, 0xFF]))
        zip.add(TestZip.Entry(name: Array("liar.js".utf8), data: Array(String(repeating: "ab", count: 100).utf8), declaredSize: 10))
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["ok.js"])
        #expect(bundle.problems == [
            "aes.js|encrypted", "badcrc.js|corrupt", "bzip.js|unsupported-compression",
            "garbage.js|corrupt", "liar.js|corrupt", "secret.js|encrypted",
        ])
        let byPath = Dictionary(uniqueKeysWithValues: bundle.diagnostics.map { ($0.path, $0.message) })
        #expect(byPath["secret.js"] == "entry 'secret.js' is encrypted (traditional PKWARE); livegate cannot read it")
        #expect(byPath["aes.js"] == "entry 'aes.js' is encrypted (AES); livegate cannot read it")
        #expect(byPath["bzip.js"] == "entry 'bzip.js' uses compression method 12; only stored (0) and deflate (8) are read")
        let crc = String(Inflater.crc32(Array("hello".utf8)), radix: 16)
        #expect(byPath["badcrc.js"] == "entry 'badcrc.js' is damaged: CRC-32 mismatch: stored 0x12345678, computed 0x\(crc)")
        #expect(byPath["liar.js"] == "entry 'liar.js' is damaged: inflates to more than its declared size of 10 bytes")
    }

    @Test func truncatedArchiveThrowsAndTruncatedEntryIsCorrupt() throws {
        var zip = TestZip()
        zip.add("a.js", String(repeating: "abc", count: 100))
        let bytes = zip.build()
        let dir = TempDir()
        defer { dir.cleanup() }
        // Cut in the middle: no end-of-central-directory record any more.
        let cut = dir.write("cut.zip", Array(bytes.prefix(bytes.count / 2)))
        #expect(throws: BundleLoadError(path: cut, message: "not a readable zip archive: no end-of-central-directory record (truncated or not a zip)")) {
            try BundleLoader().load(path: cut)
        }
        // Not a zip at all but named .zip.
        let fake = dir.write("fake.zip", "just some text that is long enough to search")
        #expect(throws: BundleLoadError(path: fake, message: "not a readable zip archive: no end-of-central-directory record (truncated or not a zip)")) {
            try BundleLoader().load(path: fake)
        }
        // The central directory claims a local header offset beyond the data.
        var shifted = TestZip()
        shifted.add("ok.js", "1", method: 0)
        shifted.add("b.js", "2", method: 0)
        var damaged = shifted.build()
        // b.js's local header starts at 30 + 5 + 1 = 36: break its signature.
        damaged[36] = 0
        let path = dir.write("damaged.zip", damaged)
        let bundle = try BundleLoader().load(path: path)
        #expect(bundle.paths == ["ok.js"])
        #expect(bundle.problems == ["b.js|corrupt"])
        #expect(bundle.diagnostics.first?.message == "entry 'b.js' is damaged: no local header at offset 36")
    }

    @Test func dataPrependedToTheArchiveIsTolerated() throws {
        // A self-extractor stub before the zip shifts every offset the archive records.
        var zip = TestZip()
        zip.add("a.js", "alpha")
        zip.add("b.js", "beta", method: 0)
        let dir = TempDir()
        defer { dir.cleanup() }
        let path = dir.write("sfx.zip", Array("#!/bin/sh\nexit 0\n".utf8) + zip.build())
        let bundle = try BundleLoader().load(path: path)
        #expect(bundle.paths == ["a.js", "b.js"])
        #expect(bundle.file(at: "b.js")?.bytes == Array("beta".utf8))
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func damagedCentralDirectoryKeepsTheEntriesBeforeTheDamage() throws {
        var zip = TestZip()
        zip.add("a.js", "1", method: 0)
        zip.add("b.js", "2", method: 0)
        var bytes = zip.build()
        // Local records: 2 × (30 + 4 + 1) = 70 bytes; the second central header starts 46 + 4 later.
        #expect(bytes[70] == 0x50 && bytes[70 + 50] == 0x50)
        bytes[70 + 50] = 0x51
        let dir = TempDir()
        defer { dir.cleanup() }
        let bundle = try BundleLoader().load(path: dir.write("cd.zip", bytes))
        #expect(bundle.paths == ["a.js"])
        #expect(bundle.problems == ["|corrupt"])
        #expect(bundle.diagnostics[0].message == "archive central directory is damaged after 1 entries; the entries after it were not read")
    }

    @Test func emptyZipIsAnEmptyBundle() throws {
        let bundle = try loadZip(TestZip())
        #expect(bundle.files.isEmpty)
        #expect(bundle.diagnostics.isEmpty)
        #expect(bundle.container == .zip)
    }

    @Test func zipIsRecognisedByMagicWhateverItsName() throws {
        var zip = TestZip()
        zip.add("www/index.html", "<html>")
        let bundle = try loadZip(zip, name: "update.bin")
        #expect(bundle.container == .zip)
        #expect(bundle.webRoot == "www")
        #expect(bundle.paths == ["index.html"])
        // An empty zip (only the end record, `PK\x05\x06`) too.
        let empty = try loadZip(TestZip(), name: "empty")
        #expect(empty.container == .zip)
        #expect(empty.files.isEmpty)
    }

    @Test func zipSlipNamesAreRefusedAndTheRestLoads() throws {
        var zip = TestZip()
        zip.add("../evil.js", "x")
        zip.add("/etc/x", "x")
        zip.add("C:\\x", "x")
        zip.add("a/../../x", "x")
        zip.add("\\\\server\\share\\x", "x")
        zip.add(TestZip.Entry(name: Array("nul\u{0}.js".utf8), data: [1]))
        zip.add("good.js", "ok")
        zip.add("./dot/./fine.js", "ok")
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["dot/fine.js", "good.js"])
        #expect(bundle.problems == [
            "../evil.js|unsafe-path", "/etc/x|unsafe-path", "C:\\x|unsafe-path",
            "\\\\server\\share\\x|unsafe-path", "a/../../x|unsafe-path", "nul\\0.js|unsafe-path",
        ])
        let messages = bundle.diagnostics.map(\.message)
        #expect(messages.contains("entry '../evil.js' contains a '..' segment; refused"))
        #expect(messages.contains("entry '/etc/x' is an absolute path; refused"))
        #expect(messages.contains("entry 'C:\\x' starts with a drive letter; refused"))
        #expect(messages.contains("entry 'nul\\0.js' contains a NUL byte; refused"))
    }

    @Test func duplicatePathsKeepTheFirstEntry() throws {
        var zip = TestZip()
        zip.add("a.js", "first")
        zip.add("a.js", "second")
        zip.add("b\\c.js", "one")
        zip.add("b/c.js", "two")
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["a.js", "b/c.js"])
        #expect(bundle.file(at: "a.js")?.bytes == Array("first".utf8))
        #expect(bundle.file(at: "b/c.js")?.bytes == Array("one".utf8))
        #expect(bundle.problems == ["a.js|duplicate-path", "b/c.js|duplicate-path"])
        #expect(bundle.diagnostics[0].message == "'a.js' appears more than once; the later entry was ignored")
    }

    @Test func symlinkEntriesAreRefusedWhenEscapingAndOtherwiseSkipped() throws {
        var zip = TestZip()
        zip.add(TestZip.Entry(name: Array("www/link.js".utf8), data: Array("real.js".utf8), method: 0, unixMode: 0o120777))
        zip.add(TestZip.Entry(name: Array("www/up.js".utf8), data: Array("../../etc/passwd".utf8), method: 0, unixMode: 0o120777))
        zip.add(TestZip.Entry(name: Array("www/abs.js".utf8), data: Array("/etc/passwd".utf8), method: 0, unixMode: 0o120777))
        zip.add(TestZip.Entry(name: Array("www/real.js".utf8), data: Array("r()".utf8), unixMode: 0o100644))
        let bundle = try loadZip(zip)
        #expect(bundle.webRoot == "www")
        #expect(bundle.paths == ["real.js"])
        #expect(bundle.problems == ["abs.js|symlink-escape", "up.js|symlink-escape"])
        #expect(bundle.diagnostics[1].message == "symlink 'up.js' points outside the bundle ('../../etc/passwd'); refused")
    }

    @Test func binaryNamedJSIsItsRealKind() throws {
        var zip = TestZip()
        zip.add("lib.js", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0])
        zip.add("hermes.js", [0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F, 96, 0])
        let bundle = try loadZip(zip)
        #expect(bundle.file(at: "lib.js")?.kind == .nativeCode)
        #expect(bundle.file(at: "lib.js")?.nativeFormat == .elf)
        #expect(bundle.file(at: "hermes.js")?.kind == .hermesBytecode)
    }
}

@Suite struct LoadLimitTests {
    static func limits(total: Int = 1 << 30, files: Int = 50_000, file: Int = 256 << 20, ratio: Int = 200,
                       floor: Int = 1 << 20) -> LoadLimits {
        LoadLimits(maxTotalBytes: total, maxFiles: files, maxFileBytes: file, maxCompressionRatio: ratio, ratioFloorBytes: floor)
    }

    @Test func fileCountLimitStopsWithOneDiagnostic() throws {
        var zip = TestZip()
        for name in ["e.js", "a.js", "d.js", "c.js", "b.js"] { zip.add(name, name) }
        let bundle = try loadZip(zip, limits: Self.limits(files: 3))
        #expect(bundle.paths == ["a.js", "b.js", "c.js"])
        #expect(bundle.problems == ["d.js|too-many-files"])
        #expect(bundle.diagnostics[0].message == "more than 3 files: 'd.js' and the 1 after it were not loaded")
    }

    @Test func totalSizeLimitStopsWithOneDiagnostic() throws {
        var zip = TestZip()
        for name in ["a.js", "b.js", "c.js", "d.js"] { zip.add(name, String(repeating: "x", count: 100)) }
        let bundle = try loadZip(zip, limits: Self.limits(total: 250))
        #expect(bundle.paths == ["a.js", "b.js"])
        #expect(bundle.problems == ["c.js|total-size-exceeded"])
        #expect(bundle.diagnostics[0].message == "total size limit of 250 bytes reached: 'c.js' and the 1 after it were not loaded")
    }

    @Test func fileSizeLimitSkipsOnlyThatFile() throws {
        var zip = TestZip()
        zip.add("big.js", String(repeating: "y", count: 2000))
        zip.add("small.js", "s")
        let bundle = try loadZip(zip, limits: Self.limits(file: 1000))
        #expect(bundle.paths == ["small.js"])
        #expect(bundle.problems == ["big.js|file-too-large"])
        #expect(bundle.diagnostics[0].message == "'big.js' is 2000 bytes, over the per-file limit of 1000")

        // The same limit on a directory.
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("big.js", String(repeating: "y", count: 2000))
        dir.write("small.js", "s")
        let loaded = try BundleLoader(limits: Self.limits(file: 1000)).load(path: dir.path)
        #expect(loaded.paths == ["small.js"])
        #expect(loaded.problems == ["big.js|file-too-large"])
        #expect(loaded.diagnostics[0].message == "'big.js' is 2000 bytes, over the per-file limit of 1000")
    }

    @Test func zipBombIsRefusedByItsRatio() throws {
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        var zip = TestZip()
        zip.add("bomb.js", zeros)
        zip.add("ok.js", "fine")
        let built = zip.build()
        #expect(built.count < 100_000)   // 20 MB of zeros deflate to about 20 KB
        let bundle = try loadZip(zip)
        #expect(bundle.paths == ["ok.js"])
        #expect(bundle.problems == ["bomb.js|compression-ratio"])
        #expect(bundle.diagnostics[0].message.hasPrefix("entry 'bomb.js' expands from "))
    }

    @Test func bombThatLiesAboutItsSizeIsCutOffWhileInflating() throws {
        // Declares a small size (so the declared ratio passes); the stream holds 20 MB.
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        var zip = TestZip()
        zip.add(TestZip.Entry(name: Array("liar.js".utf8), data: zeros, declaredSize: 1000))
        let bundle = try loadZip(zip)
        #expect(bundle.files.isEmpty)
        #expect(bundle.problems == ["liar.js|corrupt"])
        #expect(bundle.diagnostics[0].message == "entry 'liar.js' is damaged: inflates to more than its declared size of 1000 bytes")
    }

    @Test func inflaterChecksTheRatioWhileInflating() {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let compressed = Inflater.deflateRaw(zeros)
        let limits = Inflater.Limits(maxBytes: 64 << 20, maxRatio: 100, ratioFloor: 1 << 20)
        // Even when the declared size is trusted to be 8 MB, inflating stops at the first
        // 1 MB step that passes 100:1.
        let result = compressed.withUnsafeBufferPointer {
            Inflater.inflateRaw($0, declaredSize: zeros.count, limits: limits)
        }
        #expect(result == .failure(.ratio(produced: 1 << 20, compressed: compressed.count)))
        let ok = compressed.withUnsafeBufferPointer {
            Inflater.inflateRaw($0, declaredSize: zeros.count, limits: Inflater.Limits(maxBytes: 64 << 20, maxRatio: 10_000, ratioFloor: 1 << 20))
        }
        #expect(ok == .success(zeros))
    }
}
