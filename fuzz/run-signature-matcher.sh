#!/usr/bin/env bash
# Builds and runs the libFuzzer target of the signature matcher (marked scan = full walk).
#   fuzz/run-signature-matcher.sh [SECONDS [LIBFUZZER-OPTIONS...]]   (default 600 s)
# Corpus: fuzz/corpus-signature-matcher/ (gitignored), seeded with the JavaScript of the
# signature test fixtures and of Examples/. Crashes land in fuzz/artifacts/ (gitignored); turn
# each into a regression test (MarkedScanTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
out=.build/fuzz
mkdir -p "$out" fuzz/corpus-signature-matcher fuzz/artifacts

# A snapshot of the sources, so that editing them during a long run is harmless: the whole
# scanner module (the matcher reaches into bundles and inventories), with module maps for the
# C targets that SwiftPM would generate, and CSHA256 compiled by clang.
src="$out/matcher-src"
rm -rf "$src" && mkdir -p "$src/swift" "$src/CHints" "$src/CSHA256"
find Sources/Scanner -name '*.swift' -exec cp {} "$src/swift/" \;
cp fuzz/signature-matcher/main.swift "$src/swift/"
cp Sources/CHints/include/*.h "$src/CHints/"
printf 'module CHints {\n    header "CHints.h"\n    export *\n}\n' > "$src/CHints/module.modulemap"
cp Sources/CSHA256/include/*.h "$src/CSHA256/"
printf 'module CSHA256 {\n    header "csha256.h"\n    export *\n}\n' > "$src/CSHA256/module.modulemap"
clang -c -O2 -g -fsanitize=address -I Sources/CSHA256/include Sources/CSHA256/sha256_hardware.c -o "$src/sha256_hardware.o"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name LivegateScanner \
    -I "$src/CHints" -I "$src/CSHA256" -I Sources/CZlib -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
    "$src"/swift/*.swift "$src/sha256_hardware.o" -o "$out/signature-matcher"

if [ -z "$(ls -A fuzz/corpus-signature-matcher)" ]; then
    python3 - <<'PY'
import pathlib, re
out = pathlib.Path("fuzz/corpus-signature-matcher")
n = 0
text = pathlib.Path("Tests/ScannerTests/Signatures/SignatureFixtures.swift").read_text()
for m in re.finditer(r'"([^"]+\.(?:js|mjs|cjs|bundle))": ##"""\n(.*?)\n"""##', text, re.S):
    (out / f"fixture{n}.js").write_text(m.group(2)); n += 1
for p in sorted(pathlib.Path("Examples").rglob("*.js")):
    (out / f"example{n}.js").write_bytes(p.read_bytes()); n += 1
print(f"{n} seeds in {out}")
PY
fi

ASAN_OPTIONS=detect_leaks=0 "$out/signature-matcher" fuzz/corpus-signature-matcher \
    -max_total_time="$seconds" -max_len=8192 -timeout=20 -artifact_prefix=fuzz/artifacts/matcher- \
    -print_final_stats=1 "${@:2}"
