import Testing
@testable import LivegateScanner

// Fixtures written for these tests in the shapes bundles have for running downloaded text:
// fetch / XMLHttpRequest / jQuery / Angular responses handed to eval-like sinks.

/// Downloaded text run as code: `dynamic-code` facts with `argument=fetched`, which the
/// `fetched-code-evaluated` rule reports as remote code.
struct FetchedCodeSignatureTests {
    static let kinds: Set<String> = ["dynamic-code", "remote-code"]

    @Test func fetchedTextHandedToASink() {
        let js = """
            fetch("https://cdn.example.net/patch.js").then(r=>r.text()).then(eval);
            fetch(u).then(function(r){return r.text()}).then(function(t){new Function(t)()});
            fetch(u).then(e=>e.text()).then(t=>{console.log(t);window.eval(t)});
            fetch(u).then(async r=>{eval(await r.text())});
            async function load(u){return eval(await (await fetch(u)).text())}
            const code=await fetch(u).then(r=>r.text());eval(code);
            x.onload=function(){eval(this.responseText)};x.onreadystatechange=function(){4==x.readyState&&Function(x.responseText)()};
            setTimeout(e.target.responseText);eval("("+xhr.responseText+")");
            r.text().then(t=>(0,eval)(t));
            $.get(u,{v:2},function(d){$.globalEval(d)});$.get(u).done(function(d){jQuery.globalEval(d)});
            $.ajax({url:u,dataType:"text"}).done(c=>eval(c));$.ajax({url:u,success:function(c){eval(c)}});
            this.http.get(u,{responseType:"text"}).subscribe(s=>new Function(s)());
            fetch(u).then(r=>r.text()).then(t=>setInterval(t,1e3));
            eval(await fetch(u).then(r=>r.text()));
            """
        #expect(scan(js, kinds: Self.kinds) == [
            "1:42 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "2:9 dynamic-code function:fetched {argument=fetched, sink=Function}",
            // The sink inside a callback is also a sink of its own.
            "2:66 dynamic-code function:non-literal {argument=non-literal, sink=Function}",
            "3:9 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "3:52 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "4:25 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "5:31 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            // No data flow: text kept in a variable first is only a non-literal sink.
            "6:45 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "7:21 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "7:95 dynamic-code function:fetched {argument=fetched, sink=Function}",
            "8:1 dynamic-code settimeout:fetched {argument=fetched, sink=setTimeout}",
            "8:35 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "9:2 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "9:18 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "10:2 dynamic-code globaleval:fetched {argument=fetched, sink=globalEval}",
            "10:46 dynamic-code globaleval:fetched {argument=fetched, sink=globalEval}",
            "11:2 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "11:41 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "11:64 dynamic-code eval:fetched {argument=fetched, sink=eval}",
            "11:84 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "12:10 dynamic-code function:fetched {argument=fetched, sink=Function}",
            "12:57 dynamic-code function:non-literal {argument=non-literal, sink=Function}",
            "13:9 dynamic-code setinterval:fetched {argument=fetched, sink=setInterval}",
            "14:1 dynamic-code eval:fetched {argument=fetched, sink=eval}",
        ])
    }

    /// The evidence is the chain from the first `.then` to the sink.
    @Test func evidenceCoversTheChain() {
        let facts = inventory(["app.js": "go();fetch(u).then(r=>r.text()).then(eval);"]).filter { $0.kind == "dynamic-code" }
        #expect(facts.map { "\($0.location.line):\($0.location.column)-\($0.location.endLine):\($0.location.endColumn) \($0.location.match)" }
                == ["1:14-1:43 .then(r=>r.text()).then(eval)"])
    }

    @Test func jQueryGetScript() {
        let js = """
            $.getScript("https://cdn.example.net/widget.js");jQuery.getScript("js/plugins/chart.js",ready);$.getScript(base+name+".js");
            """
        #expect(scan(js, kinds: Self.kinds) == [
            "1:1 remote-code remote-script:https://cdn.example.net/widget.js {url=https://cdn.example.net/widget.js, via=jQuery.getScript}",
            "1:50 dynamic-code getscript:literal {argument=literal, sink=jQuery.getScript}",
            "1:96 dynamic-code getscript:fetched {argument=fetched, sink=jQuery.getScript}",
        ])
    }

    /// Text that is not run, a literal eval, jQuery's own script converter (it only runs what an
    /// app asks jQuery to load) and another library's getScript are not fetched code.
    @Test func lookalikesAreNot() {
        let js = """
            fetch(u).then(r=>r.json()).then(render);fetch(u).then(r=>r.text()).then(t=>{el.textContent=t});eval("1+1");
            x.onload=function(){render(JSON.parse(this.responseText))};
            y.MathtoolsUtil.getScript(t,e,"sup");
            S.ajaxSetup({converters:{"text script":function(e){return S.globalEval(e),e}}});
            S._evalUrl=function(e,t,n){return S.ajax({url:e,dataType:"script",dataFilter:function(e){S.globalEval(e,t,n)}})};
            $.get(u,function(d){render(d)});r.text().then(render);
            """
        #expect(scan(js, kinds: Self.kinds) == [
            "1:96 dynamic-code eval:literal {argument=literal, sink=eval}",
        ])
    }
}
