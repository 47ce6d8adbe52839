#!/usr/bin/env python3
"""Compare livegate's JavaScript tokenizer with an independent one (esprima, from PyPI).

Local tool, not a CI step. Needs `python3 -m pip install esprima-fork` (ES2025; falls back to
`esprima`) and a release build of the bench executable:

    swift build -c release --product livegate-bench
    scripts/js-tokenizer-diff.py FILE... [--max-bytes N] [--diffs N]

For every file it prints the tokens compared, the boundary agreement (same [start, end) byte
ranges, over the union of both token sets), the kind agreement (among tokens with the same
boundaries, after mapping both vocabularies onto esprima's) and the first differences with
context. esprima reports ranges in UTF-16 code units; they are converted to UTF-8 byte offsets.

Kind mapping (livegate -> esprima): keyword true/false -> Boolean, null -> Null, other keywords
-> Keyword; identifier -> Identifier, except words esprima classifies as keywords by spelling
alone (`let`, `yield`, and reserved words used as property names such as `x.return`) -> Keyword,
and property names `x.true` / `x.false` / `x.null` -> Boolean / Null;
privateName -> Identifier; number, bigint -> Numeric; string -> String; template* -> Template;
regex -> RegularExpression; punctuator -> Punctuator. Comments are not compared.

--max-bytes N cuts a file at the last line break before N bytes (esprima is slow, ~1 MB/s);
the output says so.
"""
import argparse
import json
import os
import subprocess
import sys
import time

try:
    import esprima
except ImportError:
    sys.exit("esprima is missing: python3 -m pip install esprima-fork")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "livegate-bench")

# Words esprima's scanner types as Keyword whatever their position.
ESPRIMA_KEYWORDS = set(
    "if in do var for new try let this else case void with enum while break catch throw const "
    "yield class super return typeof delete switch export import default finally extends "
    "function continue debugger instanceof".split())
TRIVIA = {"lineComment", "blockComment", "htmlComment", "hashbang"}


def livegate_kind(kind, text):
    if kind == "keyword":
        return {"true": "Boolean", "false": "Boolean", "null": "Null"}.get(text, "Keyword")
    if kind == "identifier":
        # A property name spelled like a keyword or literal (`x.return`, `e.languages.false`):
        # esprima types it by its spelling.
        if text in ("true", "false"):
            return "Boolean"
        if text == "null":
            return "Null"
        return "Keyword" if text in ESPRIMA_KEYWORDS else "Identifier"
    return {
        "privateName": "Identifier", "number": "Numeric", "bigint": "Numeric", "string": "String",
        "template": "Template", "templateHead": "Template", "templateMiddle": "Template",
        "templateTail": "Template", "regex": "RegularExpression", "punctuator": "Punctuator",
    }.get(kind, kind)


def utf16_to_byte_map(text):
    """Offsets: list m with m[utf16 index] = UTF-8 byte offset (one past the end included)."""
    if text.isascii():
        return None
    m = []
    b = 0
    for ch in text:
        o = ord(ch)
        n = 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        m.append(b)
        if o >= 0x10000:
            m.append(b)  # the low surrogate: a range never ends inside a pair in valid input
        b += n
    m.append(b)
    return m


def esprima_tokens(text):
    """(tokens, error): tokens as (start, end, type, value) in UTF-16 units."""
    out = []
    error = None

    def collect(t):  # called per token, so the tokens before a syntax error are kept
        out.append((t.range[0], t.range[1], t.type, t.value))
        return t

    try:
        esprima.tokenize(text, {"range": True}, collect)
    except Exception as e:  # a syntax error: compare up to it
        error = str(e)
    return out, error


def livegate_tokens(path):
    proc = subprocess.run([BENCH, "tokens-jsonl", path], check=True, stdout=subprocess.PIPE)
    out = []
    for line in proc.stdout.splitlines():
        t = json.loads(line)
        if t["kind"] in TRIVIA:
            continue
        out.append((t["start"], t["end"], t["kind"], t["text"]))
    return out


def context(data, start, end, width=40):
    a = max(0, start - width)
    b = min(len(data), end + width)
    s = data[a:b].decode("utf-8", "replace")
    return s.replace("\n", "\\n")


def compare(path, max_bytes, ndiffs):
    data = open(path, "rb").read()
    note = ""
    if max_bytes and len(data) > max_bytes:
        cut = data.rfind(b"\n", 0, max_bytes)
        cut = cut + 1 if cut > 0 else max_bytes
        data = data[:cut]
        note = f" (first {len(data)} bytes)"
    tmp = f"/tmp/js-tokenizer-diff-{os.getpid()}.js"
    with open(tmp, "wb") as f:
        f.write(data)
    text = data.decode("utf-8")

    t0 = time.time()
    ours = livegate_tokens(tmp)
    t1 = time.time()
    theirs16, error = esprima_tokens(text)
    t2 = time.time()
    os.unlink(tmp)

    m = utf16_to_byte_map(text)
    theirs = []
    for s, e, typ, val in theirs16:
        if m is not None:
            s, e = m[s], m[e]
        theirs.append((s, e, typ, val))
    limit = None
    if error:
        # Compare only up to the last token esprima produced.
        limit = theirs[-1][1] if theirs else 0
        ours = [t for t in ours if t[1] <= limit]

    ours_by = {(s, e): livegate_kind(k, txt) for s, e, k, txt in ours}
    theirs_by = {(s, e): typ for s, e, typ, _ in theirs}
    common = ours_by.keys() & theirs_by.keys()
    union = ours_by.keys() | theirs_by.keys()
    kind_same = sum(1 for r in common if ours_by[r] == theirs_by[r])

    print(f"== {path}{note}")
    print(f"   bytes {len(data)}  livegate {len(ours)} tokens in {t1 - t0:.2f}s  "
          f"esprima {len(theirs)} tokens in {t2 - t1:.2f}s")
    if error:
        print(f"   esprima stopped: {error} (compared up to byte {limit})")
    boundary = 100.0 * len(common) / len(union) if union else 100.0
    kinds = 100.0 * kind_same / len(common) if common else 100.0
    print(f"   boundary agreement {boundary:.4f}% ({len(common)}/{len(union)})  "
          f"kind agreement {kinds:.4f}% ({kind_same}/{len(common)})")

    diffs = []
    for r in sorted(union - common):
        side = "livegate" if r in ours_by else "esprima"
        kind = ours_by.get(r) or theirs_by.get(r)
        diffs.append((r[0], r[1], f"only {side}: {kind}"))
    for r in sorted(common):
        if ours_by[r] != theirs_by[r]:
            diffs.append((r[0], r[1], f"kind livegate {ours_by[r]} vs esprima {theirs_by[r]}"))
    diffs.sort()
    for s, e, what in diffs[:ndiffs]:
        print(f"   @{s}-{e} {what}: {data[s:e].decode('utf-8', 'replace')[:60]!r}  …{context(data, s, e)}…")
    if len(diffs) > ndiffs:
        print(f"   … {len(diffs) - ndiffs} more differences")
    return len(common), len(union), kind_same


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--max-bytes", type=int, default=0)
    ap.add_argument("--diffs", type=int, default=10)
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if not os.path.exists(BENCH):
        sys.exit(f"{BENCH} is missing: swift build -c release --product livegate-bench")
    tc = tu = tk = 0
    for path in args.files:
        if not os.path.isfile(path):
            print(f"== {path}: skipped (not a file)")
            continue
        try:
            c, u, k = compare(path, args.max_bytes, args.diffs)
        except UnicodeDecodeError as e:
            print(f"== {path}: skipped (not UTF-8: {e})")
            continue
        tc += c
        tu += u
        tk += k
    if len(args.files) > 1:
        print(f"== total: boundary {100.0 * tc / max(tu, 1):.4f}% ({tc}/{tu})  "
              f"kind {100.0 * tk / max(tc, 1):.4f}% ({tk}/{tc})")


if __name__ == "__main__":
    main()
