#!/usr/bin/env bash
# Whole-process throughput: generates N drafts with ../shared/bench/gen_corpus.py
# and times `fulint --format json` over the folder on 1 and 2 threads.
#   bench/run_bench.sh [N=10000] [REPEATS=3]
# Prints drafts/s, µs per draft and peak memory (max RSS) for each thread count
# (best of REPEATS runs), then the in-process timing of one 250-word draft.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
REPEATS=${2:-3}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "needs $GEN (the shared benchmark generator)"; exit 2; }
[ -x build/fulint ] || { cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; cmake --build build -j"$(nproc)"; }
corpus=${BENCH_CORPUS:-/tmp/fulint-bench-$N}
if [ ! -f "$corpus/manifest.jsonl" ] || [ "$(ls "$corpus" | grep -c '^draft_')" -ne "$N" ]; then
  rm -rf "$corpus"
  python3 "$GEN" "$corpus" "$N" --jobs 2 >/dev/null
fi
mv "$corpus/manifest.jsonl" "$corpus.manifest" 2>/dev/null || true
echo "fulint $(build/fulint --version | cut -d' ' -f2), $N drafts in $corpus, $(nproc) cores"
cat "$corpus"/* > /dev/null  # warm the page cache
for threads in 1 2; do
  best=""
  for r in $(seq "$REPEATS"); do
    /usr/bin/time -f "%e %M" -o /tmp/fulint-bench-time build/fulint --format json --now 2026-11-21T10:00:00 -j "$threads" "$corpus" > /tmp/fulint-bench-out.json 2>/dev/null || true
    read -r secs kb < <(tail -n 1 /tmp/fulint-bench-time)
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; mem=$kb; fi
  done
  awk -v n="$N" -v s="$best" -v kb="$mem" -v t="$threads" \
    'BEGIN{printf "threads=%d  %.3f s  %.0f drafts/s  %.1f us/draft  peak RSS %.1f MB\n", t, s, n/s, s*1e6/n, kb/1024}'
done
python3 - <<'PY'
import json
d = json.load(open("/tmp/fulint-bench-out.json"))
n = sum(len(f["diagnostics"]) for f in d["files"])
print(f"checked {len(d['files'])} drafts, {n} diagnostics, {len(d['errors'])} errors")
PY
if [ -x build/bench/fulint_lint_bench ]; then
  build/bench/fulint_lint_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E 'median|Benchmark'
fi
