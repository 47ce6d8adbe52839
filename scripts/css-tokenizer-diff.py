#!/usr/bin/env python3
"""Differential check of livegate's CSS tokenizer against tinycss2 (a local tool, not CI).

Usage: scripts/css-tokenizer-diff.py [--bench PATH] [--show N] [--edge-cases] FILE_OR_DIR...
  --bench       the livegate-bench binary (default .build/release/livegate-bench)
  --edge-cases  also compare EDGE_CASES below (spec error-recovery inputs), written to a temp dir

Known, explained differences (livegate follows CSS Syntax Level 3 where tinycss2 does not):
- `\D800` (an escaped surrogate): the spec gives U+FFFD; tinycss2 keeps the lone surrogate.
- `U+0025-00FF`: tinycss2 still has the unicode-range token that CSS Syntax 3 removed from the
  tokenizer (§7.1 parses <urange> from ordinary tokens); livegate gives ident, number, dimension.

For every .css file, both token sequences are normalised to (type, value…) tuples and compared:
- tinycss2 nests blocks and functions: they are flattened to opener, content, closer; livegate's
  flat stream gets the closers of blocks still open at EOF appended (tinycss2 closes them silently).
- tinycss2 reports bad-string / bad-url / unmatched closers as ParseError nodes: mapped to
  livegate's bad-string / bad-url / closer tokens. eof-in-string / eof-in-url errors are dropped
  (both sides still give the string or url token).
- Numbers compare by value (relative 1e-9) and integer flag; names, strings and urls by decoded value.
Needs `python3 -m pip install tinycss2`.
"""
import json, math, os, subprocess, sys
import tinycss2

EDGE_CASES = [
    "a{b:c;d,e}[x](y)<!-- -->", "@media #id #1x rgb(", "+.5e-3 1e 12px 50% -7 1.0 --custom 3e+2em",
    "+ - . < @ # \\\n!", "'a\\'b' \"x\ny \"c\\\nd\" 'eof",
    "url(a.png) url( \"x\" ) URL(  b c ) url( d.png  ) url(e\"f) url(g\\)h) url(i",
    "\\31 0 a\\\nb \\", "\\0  \\110000  \\D800  \\41x \\e9t\\C9", "a/* x */b\r\n\x0cc\x00d /* open",
    "'a\\\r\nb' U+0025-00FF u+4??", "u\\72l(x) \u00e9{ }", "url(\x01) url(a\\\nb) url(  ) url() url(a'b) url(a(b)",
    "#-- #-1 #\\ #- -- -\\31 --> -->x", ".5. 5.e3 5e 5e+ 5e+a 1.5.5 -.5px +-1 --1 -+1", "@-x @--y @\\40 @1 @ -@",
    "f(( ([{)]}", "a\\", "\"\\", "url(x\\", "100%% 1e1000 -0 0.000000000000000000001", "url(a b", "'\n'", "\\\r\n",
    "\u00e9\\\u00e9 \U0001F600 #\U0001F600 @\U0001F600", "@import url(x) layer(y); @charset \"utf-8\";",
    "}}}) ]]", "<!-", "<!--->", "-->-", "a-->", "1--> 1-->a",
]

CLOSER = {"function": ")", "(": ")", "[": "]", "{": "}"}

def flatten(nodes, out):
    for n in nodes:
        t = n.type
        if t == "whitespace": out.append(("ws",))
        elif t == "comment": out.append(("comment",))
        elif t == "ident": out.append(("ident", n.value))
        elif t == "at-keyword": out.append(("at-keyword", n.value))
        elif t == "hash": out.append(("hash", n.value, n.is_identifier))
        elif t == "string": out.append(("string", n.value))
        elif t == "url": out.append(("url", n.value))
        elif t == "number": out.append(("number", float(n.value), n.is_integer))
        elif t == "percentage": out.append(("percentage", float(n.value), n.is_integer))
        elif t == "dimension": out.append(("dimension", float(n.value), n.is_integer, n.unit))
        elif t == "literal":
            v = n.value
            out.append({":": ("colon",), ";": ("semicolon",), ",": ("comma",), "<!--": ("CDO",), "-->": ("CDC",)}.get(v, ("delim", v)))
        elif t == "() block": out.append(("(",)); flatten(n.content, out); out.append((")",))
        elif t == "[] block": out.append(("[",)); flatten(n.content, out); out.append(("]",))
        elif t == "{} block": out.append(("{",)); flatten(n.content, out); out.append(("}",))
        elif t == "function": out.append(("function", n.name)); flatten(n.arguments, out); out.append((")",))
        elif t == "error":
            if n.kind in ("bad-string", "bad-url"): out.append((n.kind,))
            elif n.kind in (")", "]", "}"): out.append((n.kind,))
            elif n.kind.startswith("eof-in-"): pass
            else: out.append(("error", n.kind))
        else: out.append(("unknown", t))
    return out

def ours(bench, path):
    proc = subprocess.run([bench, "css-tokens-jsonl", path], capture_output=True, check=True)
    out, stack = [], []
    for line in proc.stdout.decode("utf-8").splitlines():
        j = json.loads(line)
        k = j["kind"]
        if k == "whitespace": out.append(("ws",))
        elif k == "comment": out.append(("comment",))
        elif k in ("ident", "at-keyword", "string", "url"): out.append((k, j["value"]))
        elif k == "function": out.append(("function", j["value"])); stack.append(")")
        elif k == "hash": out.append(("hash", j["value"], j["type"] == "id"))
        elif k == "number": out.append(("number", float(j["number"]), j["type"] == "integer"))
        elif k == "percentage": out.append(("percentage", float(j["number"]), j["type"] == "integer"))
        elif k == "dimension": out.append(("dimension", float(j["number"]), j["type"] == "integer", j["unit"]))
        elif k == "delim": out.append(("delim", j["value"]))
        elif k in ("colon", "semicolon", "comma", "CDO", "CDC", "bad-string", "bad-url"): out.append((k,))
        elif k in ("(", "[", "{"): out.append((k,)); stack.append(CLOSER[k])
        elif k in (")", "]", "}"):
            out.append((k,))
            if stack and stack[-1] == k: stack.pop()
        else: out.append(("unknown", k))
    out.extend((c,) for c in reversed(stack))
    return out

def same(a, b):
    if len(a) != len(b) or a[0] != b[0]: return False
    for x, y in zip(a[1:], b[1:]):
        if isinstance(x, float) and isinstance(y, float):
            if not (x == y or math.isclose(x, y, rel_tol=1e-9) or (math.isinf(x) and math.isinf(y))): return False
        elif x != y: return False
    return True

def main(argv):
    bench, show, paths = ".build/release/livegate-bench", 3, []
    i = 0
    while i < len(argv):
        if argv[i] == "--bench": bench = argv[i + 1]; i += 2
        elif argv[i] == "--show": show = int(argv[i + 1]); i += 2
        elif argv[i] == "--edge-cases":
            import tempfile
            d = tempfile.mkdtemp(prefix="css-edge-")
            for k, c in enumerate(EDGE_CASES):
                with open(os.path.join(d, f"edge{k:02}.css"), "wb") as h: h.write(c.encode("utf-8"))
            paths.append(d); i += 1
        else: paths.append(argv[i]); i += 1
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.endswith(".css") and os.path.isfile(os.path.join(root, n))]
        else: files.append(p)
    files.sort()
    total_files = agree_files = total_tokens = 0
    for f in files:
        with open(f, "rb") as h: text = h.read().decode("utf-8", "replace")
        theirs = flatten(tinycss2.parse_component_value_list(text, skip_comments=False), [])
        mine = ours(bench, f)
        total_files += 1
        total_tokens += len(theirs)
        first = next((k for k, (a, b) in enumerate(zip(mine, theirs)) if not same(a, b)), None)
        if first is None and len(mine) == len(theirs):
            agree_files += 1
            continue
        if first is None: first = min(len(mine), len(theirs))
        print(f"DIFF {f}: livegate {len(mine)} tokens, tinycss2 {len(theirs)}; first difference at token {first}")
        for k in range(first, min(first + show, max(len(mine), len(theirs)))):
            print(f"    livegate {mine[k] if k < len(mine) else '-'}   tinycss2 {theirs[k] if k < len(theirs) else '-'}")
    print(f"{agree_files}/{total_files} files agree token for token ({total_tokens} tinycss2 tokens)")
    return 0 if agree_files == total_files else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
