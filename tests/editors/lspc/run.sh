#!/usr/bin/env bash
# Runs the lspc scenarios (basic, typing, robustness, pull) against fulint's
# language server. lspc speaks through vscode-jsonrpc / vscode-languageserver-
# protocol, the libraries inside VS Code's client, and validates every byte
# the server writes.
#
#   tests/editors/lspc/run.sh [path/to/fulint] [SCENARIO...]     (default: all)
#
# The npm packages are installed with `npm ci` into a cache folder
# ($FULINT_LSPC_CACHE, default ~/.cache/fulint-lspc), not into the source tree.
# Exit 0 all passed, 1 a scenario failed, 77 skipped (no node/npm, or npm ci
# failed: no registry).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FULINT=$(realpath "${1:-build/fulint}")
shift || true
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(basic robustness pull typing)
[ -x "$FULINT" ] || { echo "lspc: no fulint binary at $FULINT" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "lspc: node/npm not installed; skipped" >&2; exit 77; }

CACHE=${FULINT_LSPC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fulint-lspc}
mkdir -p "$CACHE"
cp "$HERE/lspc.js" "$CACHE/"
if ! cmp -s "$HERE/package-lock.json" "$CACHE/package-lock.json" || [ ! -d "$CACHE/node_modules/vscode-jsonrpc" ]; then
  cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/"
  if ! (cd "$CACHE" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >"$CACHE/npm-ci.log" 2>&1); then
    echo "lspc: 'npm ci' failed (is the npm registry reachable?); skipped. See $CACHE/npm-ci.log" >&2
    tail -5 "$CACHE/npm-ci.log" >&2
    rm -f "$CACHE/package-lock.json"
    exit 77
  fi
fi

# A workspace of the scenarios whose .fulint.json turns on tone-casual only,
# the rule the shipped scenarios are written against ("gonna" -> "going to").
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$HERE/scenarios/." "$WORK/"
"$FULINT" --list-rules --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
rules = d if isinstance(d, list) else d.get("rules", [])
json.dump({"rules": {r["id"]: "off" for r in rules if r["id"] != "tone-casual"}}, sys.stdout, indent=1)
' >"$WORK/.fulint.json" || { echo "lspc: cannot list the rules" >&2; exit 1; }

OUT=${LSPC_OUT:-$WORK/reports}
mkdir -p "$OUT"
failed=0
for s in "${SCENARIOS[@]}"; do
  if node "$CACHE/lspc.js" --server "$FULINT --lsp" --root "$WORK" --out "$OUT/$s.json" --quiet "$WORK/$s.json"; then
    status=passed
  else
    status=FAILED
    failed=1
  fi
  python3 - "$OUT/$s.json" "$s" "$status" <<'PY'
import json, sys
path, name, status = sys.argv[1:4]
try:
    r = json.load(open(path))
except Exception as e:
    print(f"lspc {name}: {status} (no report: {e})"); sys.exit(0)
s = r.get("summary", {})
lat = r.get("latency", {}).get("didChangeToDiagnostics", {})
print(f"lspc {name}: {status}: {s.get('checksPassed')} checks passed, {s.get('checksFailed')} failed, "
      f"{s.get('violations')} violations ({s.get('errorViolations')} errors); "
      f"didChange->diagnostics median {lat.get('median')} ms, p95 {lat.get('p95')} ms (n={lat.get('count')})")
for f in s.get("failures", []): print("   failure:", f)
for v in r.get("violations", []): print("   violation:", v.get("kind"), v.get("severity"), v.get("detail"))
PY
done
exit $failed
