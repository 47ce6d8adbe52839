/// Hand-written HTML exercising every element the scanner extracts. Line numbers in comments.
enum HTMLFixtures {
    static let full = """
    <!doctype html>
    <html>
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.example.com data: blob:; style-src * 'unsafe-inline'">
    <meta http-equiv="refresh" content="5; url=https://Example.com/next?x=1">
    <base href="/app/">
    <link rel="stylesheet" href="css/main.5c3a8eec.css">
    <link rel="modulepreload" href="./assets/vendor-Dvm9KEU2.js">
    <link rel="preload" as="font" href="//fonts.example.net/a.woff2" crossorigin>
    <link rel="manifest" href="manifest.json"><link rel="icon" href="data:image/png;base64,AAAA">
    <script type="module" src="assets/index-Dvm9KEU2.js" integrity="sha384-abc" crossorigin="anonymous"></script>
    <script nomodule src="https://cdn.example.com/legacy.js"></script>
    <script type="importmap">{"imports":{"a":"./a.js"}}</script>
    <script type="text/template"><div>{{x}}</div></script>
    <script>var é = "</scr" + "ipt>"; window.go = 1;</script>
    <style>@import url("theme.css") screen; .a { background: url(img/bg.png) }</style>
    </head>
    <body onload="init()" style="color:red;background:url('https://img.example.org/x.png')">
    <ion-router use-hash="false"><ion-route url="/wallet" component="page-wallet"></ion-route></ion-router>
    <a href="/about/">About</a> <a href="#top">Top</a> <a href="javascript:void(0)">x</a> <a href="mailto:a@b.c">m</a>
    <iframe src="https://pay.example.com/checkout" sandbox="allow-scripts"></iframe><iframe srcdoc="<p>hi</p>"></iframe>
    <form action="https://pay.example.com/submit" method="POST"><button onclick="pay(&quot;now&quot;)">Pay</button></form>
    <object data="movie.swf" type="application/x-shockwave-flash"></object><embed src="plugin.bin">
    <img src=https://tracker.example.com/p.gif alt=x>
    </body>
    </html>

    """
}
