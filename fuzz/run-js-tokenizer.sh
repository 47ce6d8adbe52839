#!/usr/bin/env bash
# Builds and runs the libFuzzer target of the JavaScript tokenizer.
#   fuzz/run-js-tokenizer.sh [SECONDS [LIBFUZZER-OPTIONS...]]   (default 600 s)
#   e.g. fuzz/run-js-tokenizer.sh 600 -len_control=0   (long inputs from the start)
# Corpus: fuzz/corpus-js-tokenizer/ (gitignored), seeded with the fixtures below.
# Crashes land in fuzz/artifacts/ (gitignored); turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
out=.build/fuzz
mkdir -p "$out" fuzz/corpus-js-tokenizer fuzz/artifacts

# Compile a snapshot of the sources, so that editing them during a long run is harmless.
rm -rf "$out/src" && mkdir -p "$out/src"
cp fuzz/js-tokenizer/main.swift Sources/Scanner/JavaScript/*.swift Sources/Scanner/Text/LineTable.swift \
    Sources/Scanner/Text/WordHash.swift Sources/Scanner/Inventory/SourceLocation.swift "$out/src/"
# The tokenizer imports CHints (SSE2 byte masks): its headers, with the module map SwiftPM
# would generate.
mkdir -p "$out/src/CHints" && cp Sources/CHints/include/*.h "$out/src/CHints/"
printf 'module CHints {\n    header "CHints.h"\n    export *\n}\n' > "$out/src/CHints/module.modulemap"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name JSTokenizerFuzz -I "$out/src/CHints" \
    "$out"/src/*.swift \
    -o "$out/js-tokenizer"

seed() { printf '%s' "$2" > "fuzz/corpus-js-tokenizer/seed-$1.js"; }
seed minified 'const Lo=ld("Camera",{web:()=>new Y$});(0,A.registerPlugin)("Geolocation",{web:()=>e.A(76340).then(e=>new e.GeolocationWeb)})'
seed jsx 'u.jsx(yc,{path:"/auth",element:u.jsx(I4,{})})'
seed regex 'a = b / c / d; x = /=/g; if (a) /re/.test(b); {}/x/; y = {}/2; a++ / 2; `${a}`/2; return /x/; [/]/]; x = y => /z/'
seed template '`a${`b${c}`}` `${{a:1}}` `\u{41}\x41\0\r\n` `x${() => { return {b} }}y`'
seed strings $'\'a\\\nb\' "\\u{1F600}\\uD83D\\uDE00" \'\\101\\8\' "unterminated\n'
seed numbers '0 .5 1e3 0xFFn 0o17 0b1 1_000 017 08.5 1__0 0x 1e'
seed comments $'#!/usr/bin/env node\n// line\n/* block\n */ --> html\n<!-- x\na-->b'
seed unicode $'caf\u00e9 \u540d\u524d \\u0061 #x \u00a0\u2028\u2029\ufeff \xff\xfe @ \\'
seed deep '`${`${`${`${x}`}`}`}` (((([[[{{{}}}]]]))))'

ASAN_OPTIONS=detect_leaks=0 "$out/js-tokenizer" fuzz/corpus-js-tokenizer \
    -max_total_time="$seconds" -max_len=4096 -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 "${@:2}"
