import Testing
@testable import LivegateScanner

@Suite struct ChunkNameTests {
    @Test(arguments: [
        // Vite / Rollup.
        ("assets/index-Dvm9KEU2.js", "assets/index-*.js"),
        ("assets/index-D-x9KEU2.js", "assets/index-*.js"),
        ("assets/vendor-DjucD-iB.js", "assets/vendor-*.js"),
        ("static/media/balloon-4.mbtFrzxf.png", "static/media/balloon-4.*.png"),
        ("static/media/KaTeX_Math-Italic.t53AETM-.woff2", "static/media/KaTeX_Math-Italic.*.woff2"),
        ("static/media/MaterialSymbols-Rounded.D_GK7ERd.woff2", "static/media/MaterialSymbols-Rounded.*.woff2"),
        ("static/media/SourceSerifVariable-Roman.ttf.mdpVL9bi.woff2", "static/media/SourceSerifVariable-Roman.ttf.*.woff2"),
        ("assets/polyfills-legacy.8f4d2a1c.js", "assets/polyfills-legacy.*.js"),
        ("static/js/webgl.BCBppQhz.js", "static/js/webgl.*.js"),
        ("static/js/webgl.Dj7882tm.js", "static/js/webgl.*.js"),
        ("static/js/chunk-IMKFNOWR.NSZPWQES.js", "static/js/chunk-IMKFNOWR.*.js"),
        ("static/js/NumberInput.CVHXW_KR.js", "static/js/NumberInput.*.js"),
        ("assets/index-CVHXW_KR.js", "assets/index-*.js"),
        // webpack / CRA.
        ("js/app.5c3a8eec.js", "js/app.*.js"),
        ("js/app.5c3a8eec.js.map", "js/app.*.js.map"),
        ("css/app.5c3a8eec.css.map", "css/app.*.css.map"),
        ("7a3f9c2e1b.chunk.js", "*.chunk.js"),
        ("static/css/2.3f1c9a7e.chunk.css", "static/css/2.*.chunk.css"),
        ("static/js/runtime~main.a1b2c3d4.js", "static/js/runtime~main.*.js"),
        ("static/js/main.abc123ef.js.LICENSE.txt", "static/js/main.*.js.LICENSE.txt"),
        ("2237.4186e666374f47cf.js", "2237.*.js"),
        ("d5b0a3566b352ee9.ttf", "*.ttf"),
        ("deadbeefcafe.js", "*.js"),
        ("my-lib-a1b2c3d4.js", "my-lib-*.js"),
        // Angular.
        ("main.cbf749efd9d51370.js", "main.*.js"),
        // esbuild.
        ("chunk-AB12CD34.js", "chunk-*.js"),
        // SvelteKit.
        ("_app/immutable/entry/app.Bq8Xz1.js", "_app/immutable/entry/app.*.js"),
        // Next.js.
        ("_next/static/chunks/pages/page-4f3a2b1c9d8e7f6a.js", "_next/static/chunks/pages/page-*.js"),
        ("_next/static/chunks/pages/_app-85b9a1f0e1c9b5d5.js", "_next/static/chunks/pages/_app-*.js"),
        // [name].[contenthash].js with a 20-character hash.
        ("bundle.3f2a9c1d4e5b6a7f8e9d.js", "bundle.*.js"),
    ])
    func stripsHashes(path: String, expected: String) {
        #expect(ChunkName.normalize(path) == expected)
    }

    @Test(arguments: [
        "jquery-3.7.1.min.js",
        "lib/v2/api.js",
        "es2015/index.js",
        "polyfills.es2015.js",
        "app.es5.js",
        "ie11.css",
        "index.html",
        "main.js",
        "polyfills-legacy.js",
        "runtime~main.js",
        "vendor.bundle.min.js",
        "bootstrap.bundle.min.js",
        "html5shiv.min.js",
        "icon_set2.svg",
        "Bootstrap5.css",
        "chunk2.js",
        "manifest.webmanifest",
        "1234567.js",
        "Template.html",
        "FEATURES.md",
        "Abcdefgh.js",
        "ReadMe.txt",
        "favicon.ico",
        "static/js/2.chunk.js",
    ])
    func keepsOrdinaryAndVersionNames(path: String) {
        #expect(ChunkName.normalize(path) == path)
    }

    @Test func directoriesAreKeptEvenWhenHashLike() {
        #expect(ChunkName.normalize("a1b2c3d4e5/app.5c3a8eec.js") == "a1b2c3d4e5/app.*.js")
    }

    @Test func hashRecognition() {
        #expect(ChunkName.isHash("Dvm9KEU2", beforeExtension: false))
        #expect(ChunkName.isHash("5c3a8eec", beforeExtension: false))
        #expect(!ChunkName.isHash("abc12", beforeExtension: true))                 // too short
        #expect(!ChunkName.isHash(String(repeating: "a1", count: 17), beforeExtension: true))   // 34: too long
        #expect(ChunkName.isHash("mbtFrzxf", beforeExtension: true))               // Vite, no digit
        #expect(ChunkName.isHash("NSZPWQES", beforeExtension: true))
        #expect(!ChunkName.isHash("mbtFrzxf", beforeExtension: false))             // ... only before the extension
        #expect(!ChunkName.isHash("vendors", beforeExtension: true))
        #expect(!ChunkName.isHash("es2015", beforeExtension: true))
        #expect(!ChunkName.isHash("jquery-3", beforeExtension: true))
        #expect(!ChunkName.isHash("a.b.c.d.e", beforeExtension: true))
    }
}
