import Foundation
import Testing
@testable import LivegateScanner

@Suite struct DirectoryLoadingTests {
    @Test func walksADirectoryInPathOrder() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("www/index.html", "<!DOCTYPE html><html></html>")
        dir.write("www/static/js/main.5c3a8eec.js", "!function(){}()")
        dir.write("www/static/css/main.css", "body{}")
        dir.write("www/manifest.json", "{\"name\":\"x\"}")
        dir.mkdir("www/empty")
        let bundle = try BundleLoader().load(path: dir.path + "/www")
        #expect(bundle.container == .directory)
        #expect(bundle.webRoot == "")
        #expect(bundle.paths == ["index.html", "manifest.json", "static/css/main.css", "static/js/main.5c3a8eec.js"])
        #expect(bundle.files.map(\.kind) == [.html, .json, .css, .javascript])
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func emptyDirectoryIsAnEmptyBundle() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let bundle = try BundleLoader().load(path: dir.path)
        #expect(bundle.files.isEmpty)
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func fileSymlinkInsideIsLoadedUnderItsLinkPathAndEscapeIsRefused() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("outside/secret.txt", "secret")
        dir.write("root/real/a.js", "a()")
        dir.symlink("root/alias.js", to: "real/a.js")
        dir.symlink("root/escape.js", to: "../outside/secret.txt")
        dir.symlink("root/abs.js", to: dir.path + "/outside/secret.txt")
        dir.symlink("root/dangling.js", to: "nowhere.js")
        let bundle = try BundleLoader().load(path: dir.path + "/root")
        #expect(bundle.paths == ["alias.js", "real/a.js"])
        #expect(bundle.file(at: "alias.js")?.sha256 == bundle.file(at: "real/a.js")?.sha256)
        #expect(bundle.problems == ["abs.js|symlink-escape", "dangling.js|unreadable", "escape.js|symlink-escape"])
        let escape = try #require(bundle.diagnostics.first { $0.path == "escape.js" })
        #expect(escape.message.hasPrefix("symlink 'escape.js' points outside the bundle root ("))
        #expect(escape.message.hasSuffix("/outside/secret.txt); refused"))
    }

    @Test func directorySymlinkLoopNeverHangs() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("root/a/file.js", "f()")
        dir.symlink("root/a/loop", to: "..")          // back to root
        dir.symlink("root/a/self", to: ".")           // itself
        dir.mkdir("root/x")
        dir.mkdir("root/y")
        dir.symlink("root/x/toY", to: "../y")          // x -> y -> x
        dir.symlink("root/y/toX", to: "../x")
        let bundle = try BundleLoader().load(path: dir.path + "/root")
        #expect(bundle.paths == ["a/file.js"])
        #expect(bundle.problems == [
            "a/loop|symlink-loop", "a/self|symlink-loop", "x/toY/toX|symlink-loop", "y/toX/toY|symlink-loop",
        ])
        #expect(bundle.diagnostics[0].message == "directory symlink 'a/loop' leads back into its own ancestry; not followed")
    }

    @Test func directorySymlinkInsideTheRootIsFollowed() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("root/shared/s.js", "s()")
        dir.symlink("root/alias", to: "shared")
        let bundle = try BundleLoader().load(path: dir.path + "/root")
        #expect(bundle.paths == ["alias/s.js", "shared/s.js"])
        #expect(bundle.diagnostics.isEmpty)
    }

    @Test func fifoIsSkippedWithADiagnostic() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("root/a.js", "a")
        #expect(mkfifo(dir.path + "/root/pipe", 0o644) == 0)
        let bundle = try BundleLoader().load(path: dir.path + "/root")
        #expect(bundle.paths == ["a.js"])
        #expect(bundle.problems == ["pipe|unreadable"])
        #expect(bundle.diagnostics[0].message == "'pipe' is a fifo; skipped")
    }

    @Test func singleFileIsABundleOfOne() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let path = dir.write("index.android.bundle", "var __BUNDLE_START_TIME__=this.nativePerformanceNow?nativePerformanceNow():Date.now();")
        let bundle = try BundleLoader().load(path: path)
        #expect(bundle.container == .singleFile)
        #expect(bundle.paths == ["index.android.bundle"])
        #expect(bundle.files[0].kind == .javascript)

        let hermes = dir.write("main.jsbundle", [0xC6, 0x1F, 0xBC, 0x03, 0xC1, 0x03, 0x19, 0x1F, 96, 0, 0, 0])
        let h = try BundleLoader().load(path: hermes)
        #expect(h.paths == ["main.jsbundle"])
        #expect(h.files[0].kind == .hermesBytecode)
    }

    @Test func missingPathThrows() throws {
        let path = "/nonexistent/livegate/www"
        #expect(throws: BundleLoadError(path: path, message: "cannot open: No such file or directory")) {
            try BundleLoader().load(path: path)
        }
    }
}
