#!/usr/bin/env bash
# Checks fulint's machine-readable outputs with real consumers:
#  - SARIF: Microsoft's SARIF Multitool `validate` (npm @microsoft/sarif-multitool);
#  - JSON: ajv against schemas/fulint-output.schema.json (shipped with fulint).
# Usage: validate.sh path/to/fulint. Exit 77 (skipped) when npm cannot install the tools.
set -u
FULINT=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
if [ ! -d node_modules/ajv ] || [ ! -d node_modules/@microsoft/sarif-multitool ]; then
  if ! npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
    echo "skipped: npm could not install @microsoft/sarif-multitool and ajv"
    exit 77
  fi
fi
mt=$(find node_modules/@microsoft -name Sarif.Multitool -type f | head -1)
[ -n "$mt" ] && chmod u+x "$mt"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fails=0; passes=0
check() { if "$@"; then passes=$((passes+1)); else fails=$((fails+1)); echo "FAILED: $*"; fi; }
inputs=("$root/tests/corpus" "$root/examples")
for fmt in sarif json; do
  "$FULINT" --format $fmt --now 2026-11-21T10:00:00 "${inputs[@]}" > "$out/all.$fmt" 2>"$out/err.txt"
  rc=$?; [ $rc -le 1 ] || { echo "fulint exited $rc for --format $fmt"; cat "$out/err.txt"; fails=$((fails+1)); }
  # an output with an I/O error in it, too
  "$FULINT" --format $fmt "$root/examples" "$out/missing.eml" > "$out/witherr.$fmt" 2>/dev/null
done
sarif_ok() {
  local log
  log=$(npx --no-install sarif-multitool validate "$1" 2>&1)
  if printf '%s\n' "$log" | grep -E ': error [A-Z]+[0-9]+' >/dev/null || ! printf '%s\n' "$log" | grep -q 'completed successfully'; then
    printf '%s\n' "$log" | grep -E 'error' | head -20
    return 1
  fi
}
check sarif_ok "$out/all.sarif"
check sarif_ok "$out/witherr.sarif"
check node validate_json.js "$out/all.json"
check node validate_json.js "$out/witherr.json"
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
