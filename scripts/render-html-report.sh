#!/usr/bin/env bash
# Renders the HTML report of the example bundles in headless Chromium (Debian's `chromium`),
# as a reviewer would open it from file://, takes screenshots at 1280 px and 390 px wide into
# docs/screenshots/, and fails if the page logs anything to the console (errors included).
# Usage: scripts/render-html-report.sh [OLD NEW]
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:-Examples/capacitor-app/old}
new=${2:-Examples/capacitor-app/new}
command -v chromium >/dev/null || { echo "render: install Debian's chromium package (apt-get install chromium)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -q --product livegate
set +e
.build/debug/livegate check "$old" "$new" --format html --output "$work/report.html"
status=$?
set -e
[ "$status" -le 1 ] || { echo "render: livegate check exited with $status" >&2; exit 1; }
mkdir -p docs/screenshots
failed=0
shoot() {  # shoot NAME WIDTH HEIGHT [HASH]
  local log="$work/$1.log"
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --enable-logging=stderr --log-level=0 --window-size="$2,$3" \
    --screenshot="docs/screenshots/$1.png" "file://$work/report.html${4:-}" 2> "$log" || true
  if grep -q 'CONSOLE' "$log"; then
    echo "render: console output in $1:" >&2
    grep 'CONSOLE' "$log" >&2
    failed=1
  fi
  [ -s "docs/screenshots/$1.png" ] || { echo "render: no screenshot for $1" >&2; failed=1; }
  echo "render: docs/screenshots/$1.png"
}
shoot report-1280 1280 1100
shoot report-390 390 1400
shoot report-390-google-errors 390 1000 '#store=google-play&level=error'
exit "$failed"
