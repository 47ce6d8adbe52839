import Foundation
/// `--format html`: one self-contained page for a reviewer (no external resources, no network):
/// a verdict banner per store, counts, findings grouped by category with their evidence and the
/// rule's policy excerpt and fix, what changed, and a filter by store and level that works from
/// `file://` (inline script only).
public struct HTMLReport: Sendable {
    public init() {}

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The small Markdown subset rule help uses: paragraphs, **bold**, `code`, [links](https://…).
    static func markdown(_ text: String) -> String {
        text.components(separatedByBlankLines: ()).map { paragraph in
            "<p>" + inline(paragraph) + "</p>"
        }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        var i = 0
        var bold = false
        while i < chars.count {
            let c = chars[i]
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                i += 2
            } else if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
                out += "<code>" + escape(String(chars[(i + 1)..<end])) + "</code>"
                i = end + 1
            } else if c == "[", let close = chars[(i + 1)...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
                      let paren = chars[(close + 2)...].firstIndex(of: ")") {
                let label = String(chars[(i + 1)..<close]), url = String(chars[(close + 2)..<paren])
                if url.hasPrefix("https://") {
                    out += "<a href=\"\(escape(url))\">\(escape(label))</a>"
                } else {
                    out += escape(label)
                }
                i = paren + 1
            } else {
                out += escape(String(c))
                i += 1
            }
        }
        if bold { out += "</strong>" }
        return out
    }

    /// The snippet with the matched code marked; the whole snippet when the match is not in it.
    static func evidence(_ location: SourceLocation) -> String {
        let snippet = location.snippet
        let match = location.match.trimmingCharacters(in: .whitespaces)
        guard !match.isEmpty, let range = snippet.range(of: match) else { return "<mark>" + escape(snippet) + "</mark>" }
        return escape(String(snippet[..<range.lowerBound])) + "<mark>" + escape(String(snippet[range])) + "</mark>"
            + escape(String(snippet[range.upperBound...]))
    }

    public func render(_ result: CheckResult) -> String {
        let stores = result.options.stores
        let rulesById = Dictionary(uniqueKeysWithValues: result.rules.map { ($0.id, $0) })
        var h = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>livegate: \(Self.escape(result.old.origin)) → \(Self.escape(result.new.origin))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header><h1>livegate</h1><p class="pair"><code>\(Self.escape(result.old.origin))</code> → <code>\(Self.escape(result.new.origin))</code></p></header>
            <main>
            <section class="verdicts">

            """
        for store in stores {
            let verdict = result.verdict(for: store)
            let levels = result.findings.filter { $0.suppression == nil }.map { $0.level(for: store) }
            h += """
                <div class="verdict \(verdict.rawValue)"><span class="store">\(store.displayName)</span><span class="word">\(verdict.rawValue.uppercased())</span>\
                <span class="counts">\(TextReport.counts(levels).replacingAll(", ", " · "))</span></div>

                """
        }
        h += "</section>\n"
        if !result.analysisComplete {
            h += "<p class=\"incomplete\"><strong>Analysis incomplete:</strong> some files could not be analysed; the gate fails closed (exit 3).</p>\n"
        }
        h += """
            <form class="filters" aria-label="Filter findings">
            <fieldset><legend>Store</legend>
            <label><input type="radio" name="store" value="all" checked> All</label>
            \(stores.map { "<label><input type=\"radio\" name=\"store\" value=\"\($0.rawValue)\"> \($0.displayName)</label>" }.joined(separator: "\n"))
            </fieldset>
            <fieldset><legend>Level</legend>
            <label><input type="checkbox" name="level" value="error" checked> errors</label>
            <label><input type="checkbox" name="level" value="warning" checked> warnings</label>
            <label><input type="checkbox" name="level" value="note" checked> notes</label>
            <label><input type="checkbox" name="level" value="accepted" checked> accepted</label>
            </fieldset>
            <output id="shown"></output>
            </form>

            """
        let categories = Set(result.findings.map(\.category)).sorted()
        if categories.isEmpty { h += "<p class=\"none\">No findings.</p>\n" }
        for category in categories {
            let findings = result.findings.filter { $0.category == category }
            h += "<section class=\"category\"><h2>\(category.rawValue) <span class=\"n\">\(findings.count)</span></h2>\n"
            for f in findings {
                let bundle = f.locationSide == .new ? result.new : result.old
                let levelAttributes = stores.map { "data-\($0.rawValue)=\"\(f.level(for: $0).rawValue)\"" }.joined(separator: " ")
                let top = f.maxLevel(in: stores)
                h += "<article class=\"finding \(f.suppression == nil ? top.rawValue : "accepted")\" \(levelAttributes) data-accepted=\"\(f.suppression != nil)\">\n"
                h += "<h3><span class=\"badge \(top.rawValue)\">\(top.rawValue)</span> \(Self.escape(f.message))</h3>\n"
                h += "<p class=\"where\"><code>\(Self.escape(bundle.displayPath(f.location.path))):\(f.location.line):\(f.location.column)</code> · "
                h += stores.map { "\($0.displayName): <b>\(f.level(for: $0).rawValue)</b>" }.joined(separator: " · ")
                h += " · rule <code>\(f.ruleId)</code> · \(f.change.rawValue)</p>\n"
                if let s = f.suppression {
                    h += "<p class=\"accepted-note\">Accepted (\(s.origin.rawValue)): \(Self.escape(s.reason))</p>\n"
                }
                if !f.location.snippet.isEmpty {
                    h += "<pre class=\"evidence\"><span class=\"ln\">\(f.location.line)</span>\(Self.evidence(f.location))</pre>\n"
                }
                for r in f.related where !r.location.snippet.isEmpty || r.side == .old {
                    let b = r.side == .new ? result.new : result.old
                    h += "<p class=\"related\">\(Self.escape(r.message)): <code>\(Self.escape(b.displayPath(r.location.path))):\(r.location.line)</code></p>\n"
                }
                if let rule = rulesById[f.ruleId] {
                    h += "<details><summary>Policy and fix</summary>\n"
                    for reference in rule.references where stores.contains(reference.store) {
                        h += "<blockquote><b>\(reference.store.displayName), <a href=\"\(Self.escape(reference.url))\">\(Self.escape(reference.clause))</a></b> (\(Self.escape(reference.version))): “\(Self.escape(reference.excerpt))”</blockquote>\n"
                    }
                    h += Self.markdown(rule.help) + "\n</details>\n"
                }
                h += "</article>\n"
            }
            h += "</section>\n"
        }
        h += "<section class=\"inventory\"><h2>Inventory changes</h2>\n"
        for group in result.changes.groups {
            h += "<h3>\(Self.escape(group.name))</h3>\n"
            if group.isEmpty { h += "<p class=\"none\">None in either bundle.</p>\n"; continue }
            h += "<ul class=\"keys\">"
            for (label, keys) in [("added", group.added), ("removed", group.removed), ("unchanged", group.unchanged)] {
                for key in keys { h += "<li class=\"\(label)\"><span class=\"tag\">\(label)</span> <code>\(Self.escape(key))</code></li>" }
            }
            h += "</ul>\n"
        }
        h += "</section>\n"
        let files = result.files
        h += """
            <section class="changes"><h2>What changed</h2>
            <table><thead><tr><th></th><th>files</th><th>bytes</th></tr></thead><tbody>
            <tr><th>added</th><td>\(files.added)</td><td>\(files.bytesAdded)</td></tr>
            <tr><th>removed</th><td>\(files.removed)</td><td>\(files.bytesRemoved)</td></tr>
            <tr><th>changed</th><td>\(files.changed)</td><td>\(files.bytesChanged)</td></tr>
            <tr><th>unchanged</th><td>\(files.unchanged)</td><td></td></tr>
            </tbody></table>
            <p>Chunks paired across builds: \(files.matchedByPath) by path, \(files.matchedByDigest) by content, \(files.matchedByStrippedName) by name without hash.</p>
            </section>
            </main>
            <footer>livegate \(ToolInfo.version) · exit code \(result.exitCode) · livegate reads policy text as data and is not legal advice.</footer>
            <script>\(Self.script)</script>
            </body>
            </html>

            """
        return h
    }

    static let css = """
        :root{--err:#c53030;--warn:#b7791f;--note:#2b6cb0;--ok:#2f855a;--bg:#f7fafc;--fg:#1a202c;--muted:#4a5568;--line:#e2e8f0}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
        header{padding:16px 24px;background:#1a202c;color:#fff}header h1{margin:0;font-size:20px}header .pair{margin:4px 0 0;word-break:break-all}header code{color:#e2e8f0}
        main{max-width:1100px;margin:0 auto;padding:16px}
        .verdicts{display:flex;flex-wrap:wrap;gap:12px}.verdict{flex:1 1 260px;border-radius:8px;padding:14px 16px;color:#fff;display:flex;flex-direction:column}
        .verdict.pass{background:var(--ok)}.verdict.review{background:var(--warn)}.verdict.block{background:var(--err)}
        .verdict .store{font-size:14px;opacity:.9}.verdict .word{font-size:26px;font-weight:700;letter-spacing:.04em}.verdict .counts{font-size:13px}
        .incomplete{background:#fffaf0;border-left:4px solid var(--warn);padding:8px 12px}
        .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:16px 0}.filters fieldset{border:1px solid var(--line);border-radius:6px;padding:4px 10px;background:#fff}
        .filters legend{font-size:12px;color:var(--muted)}.filters label{margin-right:10px;white-space:nowrap}#shown{color:var(--muted);font-size:13px}
        h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px}h2 .n{color:var(--muted);font-weight:400}
        .finding{background:#fff;border:1px solid var(--line);border-left:4px solid var(--note);border-radius:6px;padding:10px 14px;margin:10px 0}
        .finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:var(--warn)}.finding.accepted{opacity:.75;border-left-color:#a0aec0}
        .finding h3{font-size:15px;margin:0 0 4px}.badge{display:inline-block;font-size:11px;text-transform:uppercase;color:#fff;border-radius:4px;padding:1px 6px;background:var(--note);vertical-align:2px}
        .badge.error{background:var(--err)}.badge.warning{background:var(--warn)}
        .where{margin:0;color:var(--muted);font-size:13px;word-break:break-word}.related,.accepted-note{font-size:13px;margin:4px 0}
        pre.evidence{background:#1a202c;color:#edf2f7;border-radius:6px;padding:8px;overflow-x:auto;font-size:13px}pre .ln{color:#a0aec0;margin-right:12px;user-select:none}
        pre mark{background:#744210;color:#fefcbf}blockquote{margin:8px 0;padding:4px 12px;border-left:3px solid var(--line);color:var(--muted)}
        table{border-collapse:collapse;background:#fff}td,th{border:1px solid var(--line);padding:4px 10px;text-align:right}th{text-align:left}
        .inventory h3{font-size:14px;margin:12px 0 4px}.keys{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:6px}
        .keys li{background:#fff;border:1px solid var(--line);border-radius:4px;padding:2px 6px;font-size:13px;word-break:break-all}
        .keys .tag{font-size:11px;text-transform:uppercase;color:var(--muted)}.keys .added{border-color:var(--warn)}.keys .removed{border-color:var(--note);text-decoration:line-through}
        footer{max-width:1100px;margin:0 auto;padding:16px;color:var(--muted);font-size:12px}
        @media (max-width:600px){main{padding:8px}.verdict .word{font-size:22px}.filters{flex-direction:column;align-items:stretch}}
        """

    static let script = """
        (function(){
          var form=document.querySelector('.filters');if(!form)return;
          function apply(){
            var store=form.querySelector('input[name=store]:checked').value;
            var levels={};form.querySelectorAll('input[name=level]').forEach(function(i){levels[i.value]=i.checked;});
            var shown=0,all=document.querySelectorAll('.finding');
            all.forEach(function(f){
              var ok;
              if(f.getAttribute('data-accepted')==='true'){ok=levels.accepted;}
              else{ok=false;var stores=store==='all'?Array.prototype.map.call(form.querySelectorAll('input[name=store]'),function(i){return i.value;}).filter(function(v){return v!=='all';}):[store];
                stores.forEach(function(s){var l=f.getAttribute('data-'+s);if(l&&l!=='none'&&levels[l])ok=true;});}
              f.hidden=!ok;if(ok)shown++;
            });
            document.querySelectorAll('.category').forEach(function(c){c.hidden=!c.querySelector('.finding:not([hidden])');});
            document.getElementById('shown').textContent=shown+' of '+all.length+' findings shown';
          }
          // A link such as report.html#store=apple&level=error,warning opens with that filter.
          var hash=new URLSearchParams(location.hash.slice(1));
          if(hash.get('store')){form.querySelectorAll('input[name=store]').forEach(function(i){i.checked=i.value===hash.get('store');});}
          if(hash.get('level')){var wanted=hash.get('level').split(',');form.querySelectorAll('input[name=level]').forEach(function(i){i.checked=wanted.indexOf(i.value)>=0;});}
          form.addEventListener('change',apply);apply();
        })();
        """
}

extension String {
    /// Paragraphs separated by blank lines.
    func components(separatedByBlankLines _: Void = ()) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { out.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }
}
