#!/usr/bin/env bash
# Builds and runs the CSS-tokenizer and HTML-extraction fuzz targets (libFuzzer + ASan).
# Usage: fuzz/run-html-css.sh [css|html|both] [SECONDS]   (default: both, 300 s each)
# Seeds come from the test fixtures; corpora and crash artifacts stay under fuzz/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
seconds=${2:-300}
out=.build-fuzz
mkdir -p "$out" fuzz/artifacts

common=(
  Sources/Scanner/CSS/*.swift
  Sources/Scanner/URLs/*.swift
  Sources/Scanner/Inventory/Fact.swift Sources/Scanner/Inventory/SourceLocation.swift
  Sources/Scanner/Inventory/StableKey.swift Sources/Scanner/Inventory/ScanDiagnostic.swift
  Sources/Scanner/Text/LineTable.swift
  Sources/Scanner/Bundle/BundleFile.swift Sources/Scanner/Bundle/FileKind.swift
)

seed() {  # seed DIR EXT: fixture snippets as a starting corpus
  local dir=$1
  mkdir -p "$dir"
  if [ -z "$(ls -A "$dir")" ]; then
    python3 - "$dir" "$2" <<'PY'
import re, sys, pathlib
out, kind = pathlib.Path(sys.argv[1]), sys.argv[2]
n = 0
for p in pathlib.Path("Tests/ScannerTests").rglob("*.swift"):
    text = p.read_text()
    for m in re.finditer(r'"""\n(.*?)\n\s*"""', text, re.S):
        (out / f"seed{n}.{kind}").write_text(m.group(1)); n += 1
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        s = m.group(1)
        if (kind == "css" and re.search(r'[{}:;@]|url\(', s)) or (kind == "html" and "<" in s):
            (out / f"seed{n}.{kind}").write_text(s.encode().decode("unicode_escape", "ignore")
                                                   if "\\" in s else s, errors="ignore"); n += 1
print(f"{n} seeds in {out}")
PY
  fi
}

build_css() {
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name LivegateScanner \
    "${common[@]}" fuzz/css-tokenizer/main.swift -o "$out/fuzz-css"
}
build_html() {
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name LivegateScanner \
    -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
    "${common[@]}" Sources/Scanner/HTML/*.swift Sources/Scanner/Inventory/WebScan.swift \
    fuzz/html-extraction/main.swift -o "$out/fuzz-html"
}
run() {  # run NAME DICT_EXT
  seed "fuzz/corpus-$1" "$2"
  "$out/fuzz-$1" "fuzz/corpus-$1" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz/artifacts/"$1"- -print_final_stats=1
}

case $which in
  css) build_css; run css css ;;
  html) build_html; run html html ;;
  both) build_css; build_html; run css css; run html html ;;
esac
