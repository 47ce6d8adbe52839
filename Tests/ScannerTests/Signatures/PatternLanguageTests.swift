import Testing
@testable import LivegateScanner

/// The pattern language, directive by directive, on one-signature sets.
struct PatternLanguageTests {
    func run(_ signature: String, _ js: String) throws -> [String] {
        scan(js, set: try signatureSet(signature))
    }

    @Test func literalTokensAndStringCapture() throws {
        let sig = #"{"pattern": "track ( $str:a", "emit": {"kind": "t", "key": "k:{a}"}}"#
        let got1 = try run(sig, "track('x'); track(`y`); track(`z${1}`); track(v)")
        #expect(got1 == ["1:1 t k:x", "1:13 t k:y"])
    }

    /// A pattern is tried at its rarest leading literal: `new $ident:s (` at the names `s` may
    /// take, `$alt($ | jQuery) . getScript` at `getScript`; the first word still never matches
    /// a property name, and a group moves only to a place all its members share.
    @Test func anchorsAtTheRarestLeadingLiteral() throws {
        let worker = #"{"pattern": "new $ident:s ( $arg:a", "where": {"s": {"oneOf": ["Worker", "SharedWorker"]}}, "emit": {"kind": "t", "key": "{s}"}}"#
        let set = try signatureSet(worker)
        #expect(set.wordTable.lookup(Array("Worker".utf8))?.words.map(\.back) == [1])
        #expect(set.wordTable.lookup(Array("SharedWorker".utf8))?.words.map(\.back) == [1])
        #expect(set.wordTable.lookup(Array("new".utf8)) == nil)
        #expect(scan("new Worker(u); new SharedWorker(v); new Blob(w); Worker(x)", set: set) == ["1:1 t Worker", "1:16 t SharedWorker"])

        let jq = #"{"pattern": "$alt( $lit($) | jQuery ) . getScript ( $arg:u", "emit": {"kind": "t", "key": "get"}}"#
        let jqSet = try signatureSet(jq)
        #expect(jqSet.wordTable.lookup(Array("getScript".utf8))?.words.map(\.back) == [2])
        #expect(scan("$.getScript(a); x.$.getScript(b); jQuery.getScript(c)", set: jqSet) == ["1:1 t get", "1:35 t get"])

        let grouped = #"""
            {"pattern": "new $ident:s ( $ident . createObjectURL (", "where": {"s": {"oneOf": ["Worker"]}}, "group": "g", "emit": {"kind": "t", "key": "blob"}},
            {"pattern": "new $ident:s ( $arg:a", "where": {"s": {"oneOf": ["Worker"]}}, "group": "g", "emit": {"kind": "t", "key": "any"}}
            """#
        let groupSet = try signatureSet(grouped)
        #expect(groupSet.wordTable.lookup(Array("Worker".utf8))?.words.map(\.back) == [1, 1])
        #expect(groupSet.wordTable.lookup(Array("createObjectURL".utf8)) == nil)
        #expect(scan("new Worker(URL.createObjectURL(b)); new Worker(u)", set: groupSet) == ["1:1 t blob", "1:37 t any"])
    }

    @Test func cookedValuesOfEscapedStrings() throws {
        let sig = #"{"pattern": "track ( $str:a", "emit": {"kind": "t", "key": "k:{a}"}}"#
        let got2 = try run(sig, #"track("\x65v\u0061l")"#)
        #expect(got2 == ["1:1 t k:eval"])
    }

    @Test func identNumAndAny() throws {
        let sig = #"{"pattern": "f ( $ident:a , $num:b , $any , $str:c", "emit": {"kind": "t", "key": "{a}/{b}/{c}"}}"#
        let got3 = try run(sig, "f(x, 0x1F, (1,2,[3]), 's'); f(x, 1, 2 3, 's'); f(if, 1, 2, 's')")
        #expect(got3 == ["1:1 t x/0x1F/s"])
    }

    @Test func argumentClasses() throws {
        let sig = #"{"pattern": "g ( $arg:a", "emit": {"kind": "t", "key": "{a.class}", "attributes": {"a": "{a}"}}}"#
        let js = """
            g("x"+'y')
            g("https://e.com/a.js")
            g("data:text/javascript,1")
            g(atob("ZXZhbA=="))
            g(a + "x")
            g(!0)
            """
        let got4 = try run(sig, js)
        #expect(got4 == [
            "1:1 t literal {a=xy}", "2:1 t remote {a=https://e.com/a.js}", "3:1 t data {a=data:text/javascript,1}",
            "4:1 t decoded {a=eval}", "5:1 t non-literal", "6:1 t literal {a=true}",
        ])
    }

    @Test func charCodes() throws {
        let sig = #"{"pattern": "c ( $charcodes:s )", "emit": {"kind": "t", "key": "{s}"}}"#
        let got5 = try run(sig, "c(101,118,0x61,108); c(1,x)")
        #expect(got5 == ["1:1 t eval"])
    }

    @Test func alternationAndOptional() throws {
        let sig = #"{"pattern": "a $alt( . $ident:p | [ $str:p ] ) $opt( ( $str:q ) )", "emit": {"kind": "t", "key": "{p}:{q}"}}"#
        let got6 = try run(sig, "a.x; a['y']('z'); a(1)")
        #expect(got6 == ["1:1 t x:", "1:6 t y:z"])
    }

    @Test func boundedSkipStaysInsideBrackets() throws {
        let sig = #"{"pattern": "{ k : $str:a , $skip(8) v : $str:b", "emit": {"kind": "t", "key": "{a}={b}"}}"#
        let js = "x={k:'1',o:{v:'no'},v:'2'}; y={k:'3'},z={v:'4'}; w={k:'5',a:1,b:2,c:3,d:4,e:5,v:'6'}"
        let got7 = try run(sig, js)
        #expect(got7 == ["1:3 t 1=2"])
    }

    @Test func outLeavesTheEnclosingGroup() throws {
        // From inside a method body to a static assignment after the class, never into a sibling.
        let sig = #"{"pattern": "( this , $str:m ) $out $alt( $skip . name = $str:n | $out $skip . name = $str:n )", "emit": {"kind": "t", "key": "{n}.{m}"}}"#
        let js = """
            A.prototype.a=function(){return h(this,"a")},A.name="One";
            class B{b(){return h(this,"b")}c(){return h(this,`c`)}}B.name="Two";
            function C(){return h(this,"x")}var o={name:"no"};
            (()=>{class D{d(){return h(this,"d")}}return D.name="Three",D})();
            """
        let got = try run(sig, js)
        #expect(got == ["1:34 t One.a", "2:21 t Two.b", "2:44 t Two.c", "4:27 t Three.d"])
    }

    @Test func outCountsTemplateSubstitutionsAndStopsAtTheEnd() throws {
        let sig = #"{"pattern": "k ( $str:a ) $out ; $str:b", "emit": {"kind": "t", "key": "{a}-{b}"}}"#
        #expect(try run(sig, "f(k('a'), `${g(1)}x`) ; 'b'") == ["1:3 t a-b"])
        #expect(try run(sig, "`${k('a')}` ; 'b'") == ["1:4 t a-b"])
        #expect(try run(sig, "k('a') ; 'b'") == [])
        #expect(compileError(#"{"pattern": "$out x", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: a pattern must start with a literal token, $callee, $bound, $str or $alt of literals, not $out")
    }

    @Test func calleeForms() throws {
        let sig = #"{"pattern": "$callee(registerPlugin) ( $str:a", "emit": {"kind": "t", "key": "{a}"}}"#
        let js = """
            registerPlugin("A")
            x.registerPlugin("B")
            x?.registerPlugin("C")
            (0,x.registerPlugin)("D")
            (0, x.registerPlugin)("E")
            Object(x.registerPlugin)("F")
            x["registerPlugin"]("G")
            x['registerPlugin']("H")
            a.b.c.registerPlugin("I")
            function registerPlugin(n) {}
            """
        let got8 = try run(sig, js)
        #expect(got8 == ["1:1 t A", "2:1 t B", "3:1 t C", "4:1 t D", "5:1 t E", "6:1 t F", "7:1 t G", "8:1 t H", "9:1 t I"])
    }

    @Test func calleeFollowedByOptionalChaining() throws {
        let sig = #"{"pattern": "$callee(cordova) . plugins . $ident:p", "emit": {"kind": "t", "key": "{p}"}}"#
        let got = try run(sig, "e.cordova?.plugins?.x; cordova.plugins.y; window?.cordova.plugins?.z")
        #expect(got == ["1:1 t x", "1:24 t y", "1:43 t z"])
    }

    @Test func calleeAliasChain() throws {
        let sig = #"{"pattern": "$callee(registerPlugin) ( $str:a", "emit": {"kind": "t", "key": "{a}"}}"#
        let got9 = try run(sig, "var q=1,ld=Xr.registerPlugin;const Lo=ld(\"Camera\",{});ld.x(\"no\")")
        #expect(got9 == ["1:39 t Camera"])
    }

    /// An alias or binding ends with the block it was given in: minified names are reused in
    /// every function. It lives on in nested blocks, and a binding made from inside braces of
    /// its own definition (`{web: …}`) belongs to the block around the name.
    @Test func aliasesAndBindingsEndWithTheirBlock() throws {
        let alias = #"{"pattern": "$callee(open) ( $str:a", "emit": {"kind": "t", "key": "{a}"}}"#
        let got = try run(alias, "function a(){var t=window.open;if(x){t('1')}}function b(t){t('2')}var n=w.open;n('3');{n('4')}")
        #expect(got == ["1:38 t 1", "1:80 t 3", "1:88 t 4"])
        let sigs = #"""
            {"pattern": "( $str:p , { web :", "bind": "plugin", "emit": {"kind": "t", "key": "def:{p}"}},
            {"pattern": "$bound(plugin) . $ident:m (", "emit": {"kind": "t", "key": "{p}.{m}"}}
            """#
        let js = "function f(){const c=reg(\"Cam\",{web:()=>{}});c.snap()}function g(c){c.snap()}"
            + "const L=reg(\"Geo\",{web:{}});function h(){L.watch()}"
        let bound = try run(sigs, js)
        #expect(bound == ["1:25 t def:Cam", "1:46 t Cam.snap", "1:89 t def:Geo", "1:119 t Geo.watch"])
        // The marked scan and the full walk agree on it.
        let set = try signatureSet(sigs)
        let bytes = Array(js.utf8)
        let matcher = SignatureMatcher(set)
        #expect(matcher.scan(bytes, path: "a.js").map(\.fact.key)
                == matcher.scan(bytes, tokens: JSTokenizer.tokenize(bytes), path: "a.js").map(\.fact.key))
    }

    @Test func calleeCaptureAndFirstWordIsNotAProperty() throws {
        let sig = #"{"pattern": "$callee(a|b):n ( $str:s", "emit": {"kind": "t", "key": "{n}{s}"}}"#
        let got10 = try run(sig, "a('1'); o.b('2')")
        #expect(got10 == ["1:1 t a1", "1:9 t b2"])
        let word = #"{"pattern": "track ( $str:a", "emit": {"kind": "t", "key": "{a}"}}"#
        let got11 = try run(word, "o.track('x'); track('y')")
        #expect(got11 == ["1:15 t y"])
    }

    @Test func bindingsFollowTheAssignedVariable() throws {
        let sigs = #"""
            {"pattern": "$callee(make) ( $str:p", "bind": "thing", "emit": {"kind": "t", "key": "def:{p}"}},
            {"pattern": "$bound(thing) . $ident:m (", "emit": {"kind": "t", "key": "{p}.{m}"}}
            """#
        let js = "Lo.before(); const Lo=make(\"Camera\"), r=(0,A.make)(\"Geo\"); Lo.getPhoto(); r.watch(); o.Lo.no();"
        let got12 = try run(sigs, js)
        #expect(got12 == ["1:23 t def:Camera", "1:41 t def:Geo", "1:60 t Camera.getPhoto", "1:75 t Geo.watch"])
    }

    @Test func bindingThroughACallWithoutAName() throws {
        let sigs = #"""
            {"pattern": "( $str:p , { web :", "bind": "plugin", "emit": {"kind": "t", "key": "def:{p}"}},
            {"pattern": "$bound(plugin) . $ident:m (", "emit": {"kind": "t", "key": "{p}.{m}"}}
            """#
        let got13 = try run(sigs, "s=Object(i[\"b\"])(\"App\",{web:()=>1});s.exitApp()")
        #expect(got13 == ["1:17 t def:App", "1:37 t App.exitApp"])
        // A leading `(` after an operator starts the assigned expression itself.
        let got13b = try run(sigs, "s=(\"App\",{web:1});s.exitApp()")
        #expect(got13b == ["1:3 t def:App", "1:19 t App.exitApp"])
    }

    @Test func constraints() throws {
        func one(_ constraint: String, _ values: [String]) throws -> [String] {
            let sig = #"{"pattern": "v ( $str:a", "where": {"a": \#(constraint)}, "emit": {"kind": "t", "key": "{a}"}}"#
            return try run(sig, values.map { "v(\"\($0)\");" }.joined()).map { String($0.split(separator: " ")[2]) }
        }
        #expect(try one(#"{"startsUpper": true}"#, ["Camera", "camera", ""]) == ["Camera"])
        #expect(try one(#"{"startsLower": true}"#, ["Camera", "camera"]) == ["camera"])
        #expect(try one(#"{"oneOf": ["a", "b"]}"#, ["a", "c", "b"]) == ["a", "b"])
        #expect(try one(#"{"notOneOf": ["a"]}"#, ["a", "c"]) == ["c"])
        #expect(try one(#"{"prefix": ["./", "/"], "notPrefix": "//"}"#, ["./x", "/y", "//z", "w"]) == ["./x", "/y"])
        #expect(try one(#"{"suffix": ".so"}"#, ["lib.so", "also"]) == ["lib.so"])
        #expect(try one(#"{"contains": "hive"}"#, ["coinhive.js", "x"]) == ["coinhive.js"])
        #expect(try one(#"{"containsIgnoringCase": "update now"}"#, ["Please UPDATE NOW", "x"]) == ["Please"])
        #expect(try one(#"{"minLength": 2, "maxLength": 3}"#, ["a", "ab", "abcd"]) == ["ab"])
        #expect(try one(#"{"matchesURL": true}"#, ["https://a", "data:x", "./a", "//cdn.x"]) == ["https://a", "data:x", "//cdn.x"])
        #expect(try one(#"{"isRemoteURL": true}"#, ["https://a", "data:x", "//cdn.x", "wss://s"]) == ["https://a", "//cdn.x", "wss://s"])
        #expect(try one(#"{"pathLike": true}"#, ["a/b.so", "a b.so", "x"]) == ["a/b.so"])
    }

    /// `contains` searches by the needle's rarest byte: matches at the edges, after near
    /// misses, with the key byte repeated, and ignoring case on either side of the key.
    @Test func containsFindsEveryPlacement() {
        func has(_ haystack: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
            Array(haystack.utf8).withUnsafeBufferPointer {
                Bytes.contains($0, Array(needle.utf8), ignoringCase: ignoringCase)
            }
        }
        #expect(has("cdn.x.com", "cdn.x"))
        #expect(has("https://cdn.x", "cdn.x"))
        #expect(has("cdn.cdn.cdn.x", "cdn.x"))
        #expect(!has("cdn.cdn.cdn.y", "cdn.x"))
        #expect(!has("cdn", "cdn.x"))
        #expect(has("abc", "abc"))
        #expect(has("xxabc", "abc"))
        #expect(!has("abx abd ab", "abc"))
        #expect(has("stratum+tcp://pool", "stratum+tcp://"))
        #expect(has("Load COINHIVE.MIN.JS now", "coinhive.min.js", ignoringCase: true))
        #expect(has("CoinHive.min.js", "coinhive.min.js", ignoringCase: true))
        #expect(!has("CoinHive.min.j", "coinhive.min.js", ignoringCase: true))
        #expect(has("PLEASE UPDATE", "update", ignoringCase: true))
        #expect(!has("PLEASE UPDATE", "update"))
        #expect(has("x", ""))
    }

    @Test func groupsLetTheFirstDeclaredSignatureWin() throws {
        let sigs = #"""
            {"pattern": "f ( $str:a", "where": {"a": {"oneOf": ["x"]}}, "group": "g", "emit": {"kind": "t", "key": "special"}},
            {"pattern": "f ( $str:a", "group": "g", "emit": {"kind": "t", "key": "generic:{a}"}}
            """#
        let got14 = try run(sigs, "f('x'); f('y')")
        #expect(got14 == ["1:1 t special", "1:9 t generic:y"])
    }

    @Test func requiresAFingerprintInTheBundle() throws {
        let sigs = #"""
            {"pattern": "$str:s", "where": {"s": {"contains": "sdk.example.com"}}, "emit": {"kind": "t", "key": "sdk:example"}},
            {"pattern": "$callee(isOn) ( $str:f", "emit": {"kind": "t", "key": "flag:{f}", "requires": ["sdk:example"]}},
            {"pattern": "$callee(isOn) ( $str:f", "emit": {"kind": "t", "key": "app:{f}", "requires": ["!sdk:example"]}}
            """#
        let set = try signatureSet(sigs)
        #expect(inventory(["a.js": "g.isOn('new-ui')"], set: set).map { describeSignatureFact($0) } == ["1:1 t app:new-ui"])
        #expect(inventory(["a.js": "g.isOn('new-ui')", "b.js": "u='https://sdk.example.com/v1'"], set: set).map { describeSignatureFact($0, path: true) }
                == ["a.js:1:1 t flag:new-ui", "b.js:1:3 t sdk:example"])
    }

    @Test func whenFileHasSetsAnAttribute() throws {
        let sigs = #"""
            {"pattern": "$callee(check) ( $str:p", "emit": {"kind": "t", "key": "checked:{p}"}},
            {"pattern": "$callee(use) ( $str:p", "emit": {"kind": "t", "key": "use:{p}", "whenFileHas": {"a": "checked:{p}"}}}
            """#
        let got15 = try run(sigs, "check('X');use('X');use('Y')")
        #expect(got15 == ["1:1 t checked:X", "1:12 t use:X {a=true}", "1:21 t use:Y"])
    }

    @Test func pathFilters() throws {
        let sig = #"{"pattern": "$str:r : [", "paths": ["_app/immutable/"], "emit": {"kind": "t", "key": "{r}"}}"#
        let set = try signatureSet(sig)
        #expect(inventory(["_app/immutable/entry/app.1a2b3c4d.js": "d={'/':[2]}", "other.js": "d={'/':[2]}"], set: set)
            .map { describeSignatureFact($0, path: true) } == ["_app/immutable/entry/app.1a2b3c4d.js:1:4 t /"])
        // The path test is on bytes: at the start, at the end, after a partial match, too long.
        let contain = { (path: String, fragment: String) in SignatureMatcher.bytes(Array(path.utf8), contain: Array(fragment.utf8)) }
        #expect(contain("_app/x.js", "_app/") && contain("a/_app/", "_app/") && contain("__app/", "_app/") && contain("x", ""))
        #expect(!contain("_ap/_app", "_app/") && !contain("_a", "_app/") && !contain("", "_app/") && !contain("é/", "e/"))
    }

    @Test func templateFilters() throws {
        let sig = #"{"pattern": "f ( $str:a", "emit": {"kind": "t", "key": "{a|lower}|{a|chunk}|{a|route}|{a|ext}"}}"#
        let got16 = try run(sig, "f('./(tabs)/Index-Dvm9KEU2.TSX')")
        #expect(got16 == ["1:1 t ./(tabs)/index-dvm9keu2.tsx|./(tabs)/*.TSX|/Index-Dvm9KEU2|tsx"])
        let path = #"{"pattern": "f ( $str:a", "emit": {"kind": "t", "key": "{a|path}"}}"#
        let got16b = try run(path, "f('/a/b?new=1#top'); f('/c#x?y'); f('/d')")
        #expect(got16b == ["1:1 t /a/b", "1:22 t /c", "1:35 t /d"])
    }

    @Test func commentsAndStringsNeverMatch() throws {
        let sig = #"{"pattern": "$callee(eval) ( $arg:a", "emit": {"kind": "t", "key": "{a.class}"}}"#
        let got17 = try run(sig, "// eval(x)\n/* eval(y) */ 'eval(z)'; `eval(w)`; x = /eval(v)/")
        #expect(got17 == [])
    }

    @Test func pathologicalInputStaysBounded() throws {
        let sig = #"{"pattern": "a ( $skip b ( $skip c", "emit": {"kind": "t", "key": "k"}}"#
        let js = String(repeating: "a(b(b(b(b(", count: 400) + String(repeating: ")", count: 2000)
        let set = try signatureSet(sig)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(scan(js, set: set) == []) }
        #expect(elapsed < .seconds(5))
    }
}

/// Strict validation: an invalid file is refused with the file, the JSON path and what is wrong.
struct SignatureValidationTests {
    @Test func unknownKeys() {
        #expect(compileError(#"{"pattern": "f (", "emitt": {}}"#) == #"test.json: $.signatures[0].emitt: unknown key (did you mean "emit"?)"#)
        #expect(compileError(#"{"pattern": "f ( $str:a", "where": {"a": {"startUpper": true}}, "emit": {"kind": "t", "key": "k"}}"#)
                == #"test.json: $.signatures[0].where.a.startUpper: unknown key (did you mean "startsUpper"?)"#)
    }

    @Test func unknownDirective() {
        #expect(compileError(#"{"pattern": "f ( $strr:a", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: unknown directive $strr (did you mean $str?); write $lit($strr) for a literal identifier")
    }

    @Test func unbalancedBrackets() {
        #expect(compileError(#"{"pattern": "f ( ]", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: unbalanced brackets: ']' does not close '('")
        #expect(compileError(#"{"pattern": "f ) (", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: unbalanced brackets: ')' closes nothing")
        #expect(compileError(#"{"pattern": "f $alt( a | b", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: unbalanced brackets: a '$alt(' or '$opt(' is not closed")
    }

    @Test func placeholdersWithoutCaptures() {
        #expect(compileError(#"{"pattern": "f ( $str:plugin", "emit": {"kind": "t", "key": "x:{plugn}"}}"#)
                == "test.json: $.signatures[0].emit.key: placeholder {plugn} is filled by no capture (did you mean {plugin}?)")
        #expect(compileError(#"{"pattern": "f ( $str:p", "emit": {"kind": "t", "key": "k", "attributes": {"a": "{q}"}}}"#)
                == "test.json: $.signatures[0].emit.attributes.a: placeholder {q} is filled by no capture (did you mean {p}?)")
        #expect(compileError(#"""
            {"pattern": "make ( $str:p", "bind": "thing"},
            {"pattern": "$bound(thing) . $ident:m (", "emit": {"kind": "t", "key": "{p}.{m}.{z}"}}
            """#) == "test.json: $.signatures[1].emit.key: placeholder {z} is filled by no capture (did you mean {m}?)")
    }

    @Test func kindsAttributesAndBindings() {
        #expect(compileError(#"{"pattern": "f (", "emit": {"kind": "u", "key": "k"}}"#)
                == #"test.json: $.signatures[0].emit.kind: fact kind "u" is not declared in this file's "kinds" (did you mean "t"?)"#)
        #expect(compileError(#"{"pattern": "f (", "emit": {"kind": "t", "key": "k", "attributes": {"d": "x"}}}"#)
                == #"test.json: $.signatures[0].emit.attributes.d: attribute "d" is not declared for kind "t" in "kinds""#)
        #expect(compileError(#"{"pattern": "$bound(nothing) . x", "emit": {"kind": "t", "key": "k"}}"#)
                == #"test.json: $.signatures[0].pattern: no signature binds "nothing" (add "bind": "nothing" to a definition)"#)
        #expect(compileError(#"{"pattern": "f ( $str:p"}"#)
                == #"test.json: $.signatures[0]: a signature needs "emit", "bind" or both"#)
        #expect(compileError(#"{"pattern": "f ( $str:p", "where": {"q": {"startsUpper": true}}, "emit": {"kind": "t", "key": "k"}}"#)
                == #"test.json: $.signatures[0].where.q: the pattern captures no "q" (did you mean "p"?)"#)
    }

    @Test func patternShape() {
        #expect(compileError(#"{"pattern": "$ident:a (", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: a pattern must start with a literal token, $callee, $bound, $str or $alt of literals, not $ident")
        #expect(compileError(#"{"pattern": "f $skip", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: $skip must be followed by what it skips to")
        #expect(compileError(#"{"pattern": "f $alt( $skip(4) g | h )", "emit": {"kind": "t", "key": "k"}}"#) == nil)
        #expect(compileError(#"{"pattern": "f . $callee(x)", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: $callee may only start a pattern")
        #expect(compileError(#"{"pattern": "f ( 'x'", "emit": {"kind": "t", "key": "k"}}"#)
                == "test.json: $.signatures[0].pattern: a pattern literal must be a punctuator or a word, not ''x'' (use $str, $num)")
        #expect(compileError(#"{"pattern": "f ( $str:a", "emit": {"kind": "t", "key": "{a|upper}"}}"#)
                == "test.json: $.signatures[0].emit.key: unknown filter |upper (expected one of: lower, chunk, route, ext, path)")
    }

    @Test func invalidJSON() {
        #expect(throws: ConfigError.self) { try SignatureSet.compile(files: [("bad.json", "{")]) }
        do {
            _ = try SignatureSet.compile(files: [("bad.json", #"{"area": "x", "signatures": [], "extra": 1}"#)])
            Issue.record("accepted an unknown top-level key")
        } catch {
            #expect(error.description == #"bad.json: $.extra: unknown key"#)
        }
    }

    @Test func shippedSignaturesCompile() throws {
        let set = try SignatureSet.compile(files: Shipped.files)
        #expect(Shipped.files.count == 12)
        #expect(set.signatures.count > 150)
        #expect(set.kinds["bridge-call"]?.contains("guarded") == true)
    }
}
