#!/usr/bin/env python3
"""Corpus statistics and coverage check for tests/corpus.

Usage: stats.py [--rules PATH/TO/RULES.md] [--update-notes]

Prints counts per format, the number of clean drafts and a table
rule id -> drafts labelling it `must`, then verifies that
  1. every rule id of RULES.md is a `must` label of at least one .eml and
     at least one .txt draft (attachment-unrequested: at least two .eml
     drafts, since attachments only exist in .eml),
  2. there are at least 30 clean drafts and at least 110 drafts in all,
  3. every draft has a sidecar .labels file naming only known rule ids.
Exits 1 and prints each problem when a check fails.
With --update-notes, rewrites the generated part of NOTES.md.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CORPUS))
EML_ONLY = {"attachment-unrequested"}
MIN_CLEAN, MIN_DRAFTS = 30, 110
BEGIN, END = "<!-- BEGIN stats.py -->", "<!-- END stats.py -->"


def find_rules(argv):
    if "--rules" in argv:
        return argv[argv.index("--rules") + 1]
    for cand in (os.path.join(REPO, "..", "shared", "RULES.md"),
                 os.path.join(REPO, "shared", "RULES.md"),
                 "/work/shared/RULES.md"):
        if os.path.exists(cand):
            return cand
    sys.exit("stats.py: RULES.md not found (use --rules PATH)")


def rule_ids(path):
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\| `([a-z0-9-]+)`", line)
            if m and m.group(1) not in ids:
                ids.append(m.group(1))
    return ids


def read_labels(path):
    must, may = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, val = line.partition(":")
            items = [x.strip() for x in val.split(",") if x.strip()]
            if key.strip() == "must":
                must = items
            elif key.strip() == "may":
                may = items
    return must, may


def main(argv):
    ids = rule_ids(find_rules(argv))
    problems = []
    drafts = sorted(f for f in os.listdir(CORPUS) if f.endswith((".eml", ".txt")))
    labels = {}
    for d in drafts:
        lab = os.path.join(CORPUS, d.rsplit(".", 1)[0] + ".labels")
        if not os.path.exists(lab):
            problems.append(f"{d}: no .labels file")
            continue
        must, may = read_labels(lab)
        for r in must + may:
            if r not in ids:
                problems.append(f"{d}: unknown rule id '{r}'")
        labels[d] = (must, may)
    for f in os.listdir(CORPUS):
        if f.endswith(".labels") and not any(d.rsplit(".", 1)[0] + ".labels" == f for d in drafts):
            problems.append(f"{f}: labels without a draft")

    eml = [d for d in drafts if d.endswith(".eml")]
    txt = [d for d in drafts if d.endswith(".txt")]
    clean = [d for d in labels if not labels[d][0]]
    by_rule = {r: [d for d in drafts if d in labels and r in labels[d][0]] for r in ids}

    out = []
    out.append(f"Drafts: {len(drafts)} ({len(eml)} .eml, {len(txt)} .txt); "
               f"clean: {len(clean)} ({sum(d.endswith('.eml') for d in clean)} .eml, "
               f"{sum(d.endswith('.txt') for d in clean)} .txt); rule ids: {len(ids)}")
    out.append("")
    out.append("| rule id | .eml | .txt | drafts labelling it `must` |")
    out.append("|---|---|---|---|")
    for r in ids:
        ds = by_rule[r]
        ne = sum(d.endswith(".eml") for d in ds)
        nt = sum(d.endswith(".txt") for d in ds)
        out.append(f"| `{r}` | {ne} | {nt} | " + ", ".join(ds) + " |")
        if r in EML_ONLY:
            if ne < 2:
                problems.append(f"{r}: needs a must label in at least two .eml drafts (has {ne})")
        else:
            if ne < 1:
                problems.append(f"{r}: no .eml draft labels it must")
            if nt < 1:
                problems.append(f"{r}: no .txt draft labels it must")
    if len(clean) < MIN_CLEAN:
        problems.append(f"only {len(clean)} clean drafts (need {MIN_CLEAN})")
    if len(drafts) < MIN_DRAFTS:
        problems.append(f"only {len(drafts)} drafts (need {MIN_DRAFTS})")

    text = "\n".join(out)
    print(text)
    if "--update-notes" in argv:
        notes = os.path.join(CORPUS, "NOTES.md")
        body = open(notes, encoding="utf-8").read() if os.path.exists(notes) else ""
        gen = f"{BEGIN}\n{text}\n{END}"
        if BEGIN in body and END in body:
            body = body[:body.index(BEGIN)] + gen + body[body.index(END) + len(END):]
        else:
            body = body.rstrip("\n") + "\n\n" + gen + "\n"
        with open(notes, "w", encoding="utf-8") as f:
            f.write(body)
    if problems:
        print()
        for p in problems:
            print("PROBLEM:", p)
        return 1
    print()
    print("OK: every rule id is labelled must in .eml and .txt drafts; "
          f"{len(clean)} clean drafts, {len(drafts)} drafts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
