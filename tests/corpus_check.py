#!/usr/bin/env python3
"""Measures fulint on the labelled corpus (tests/corpus, format in its README).

    corpus_check.py path/to/fulint [--verbose]

Reports per-rule recall over the `must` labels and every false positive (a
warning or error whose rule is in neither `must` nor `may`). Fails below 95%
recall or above 2 false positives.
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
MIN_RECALL = 0.95
MAX_FALSE_POSITIVES = 2
NOW = "2026-11-21T10:00:00"


def read_labels(path):
    must, may = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, rest = line.partition(":")
            ids = {x.strip() for x in rest.split(",") if x.strip()}
            if key.strip() == "must":
                must |= ids
            elif key.strip() == "may":
                may |= ids
    return must, may


def main():
    fulint = sys.argv[1]
    verbose = "--verbose" in sys.argv
    drafts = sorted(f for f in os.listdir(CORPUS) if f.endswith((".eml", ".txt")))
    if not drafts:
        print("no drafts in", CORPUS)
        return 1
    proc = subprocess.run([fulint, "--format", "json", "--now", NOW] + [os.path.join(CORPUS, d) for d in drafts],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        print(proc.stderr)
        print(f"fulint exited {proc.returncode}")
        return 1
    out = json.loads(proc.stdout)
    by_name = {os.path.basename(f["path"]): f for f in out["files"]}
    known = json.loads(subprocess.run([fulint, "--list-rules", "--format", "json"], capture_output=True, text=True).stdout)
    known_ids = {r["id"] for r in known}
    hits = collections.Counter()
    totals = collections.Counter()
    false_pos = []
    soft = []
    passed = failed = 0
    for d in drafts:
        labels = os.path.join(CORPUS, os.path.splitext(d)[0] + ".labels")
        if not os.path.exists(labels):
            print(f"{d}: no .labels file")
            failed += 1
            continue
        must, may = read_labels(labels)
        unknown = (must | may) - known_ids
        if unknown:
            print(f"{d}: unknown rule ids in labels: {sorted(unknown)}")
        f = by_name.get(d)
        if f is None:
            print(f"{d}: not linted ({[e for e in out['errors'] if os.path.basename(e['path']) == d]})")
            failed += 1
            continue
        fired = {x["rule"] for x in f["diagnostics"]}
        ok = True
        for r in must:
            totals[r] += 1
            if r in fired:
                hits[r] += 1
            else:
                ok = False
                print(f"MISSED  {d}: {r}")
        for x in f["diagnostics"]:
            if x["rule"] in must or x["rule"] in may:
                continue
            entry = f"{d}:{x['line']}:{x['column']}: {x['severity']}: {x['message']} [{x['rule']}]"
            if x["severity"] in ("error", "warning"):
                false_pos.append(entry)
                ok = False
            else:
                soft.append(entry)
        passed += ok
        failed += not ok
    all_must = sum(totals.values())
    recall = sum(hits.values()) / all_must if all_must else 1.0
    print("\nper-rule recall (must labels):")
    for r in sorted(totals):
        print(f"  {r:26s} {hits[r]}/{totals[r]}")
    print(f"\nfalse positives (warning/error outside the labels): {len(false_pos)}")
    for e in false_pos:
        print("  FP " + e)
    if verbose or len(soft) <= 20:
        print(f"info/hint outside the labels (not counted): {len(soft)}")
        for e in soft:
            print("  .. " + e)
    else:
        print(f"info/hint outside the labels (not counted): {len(soft)} (--verbose lists them)")
    clean = sum(1 for d in drafts if os.path.exists(os.path.join(CORPUS, os.path.splitext(d)[0] + ".labels"))
                and not read_labels(os.path.join(CORPUS, os.path.splitext(d)[0] + ".labels"))[0])
    print(f"\n{len(drafts)} drafts ({clean} clean), recall {recall:.1%} (bar {MIN_RECALL:.0%}), "
          f"false positives {len(false_pos)} (bar {MAX_FALSE_POSITIVES})")
    good = recall >= MIN_RECALL and len(false_pos) <= MAX_FALSE_POSITIVES
    print("corpus bar: " + ("met" if good else "NOT met"))
    print(f"drafts exactly as labelled: {passed}; with a miss or a false positive: {failed}")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
