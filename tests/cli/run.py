#!/usr/bin/env python3
"""End-to-end tests of the fulint command line.

    run.py path/to/fulint [--update] [-k NAME]

Behaviour checks (exit statuses, formats, standard input, folders, errors,
config errors, --fix) and golden outputs in tests/cli/golden/ (rewritten by
--update after an intended change; review the diff).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DRAFTS = os.path.join(HERE, "drafts")
GOLDEN = os.path.join(HERE, "golden")
NOW = "2026-11-21T10:00:00Z"

FULINT = None
UPDATE = False
results = []


def run(*args, stdin=None, cwd=None, env=None, timeout=60):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run([FULINT, *args], input=stdin, capture_output=True, cwd=cwd or HERE, env=e, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def case(fn):
    results.append(fn)
    return fn


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def golden(name, text):
    path = os.path.join(GOLDEN, name)
    if UPDATE or not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return
    with open(path, encoding="utf-8") as f:
        want = f.read()
    if want != text:
        import difflib
        diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True), "expected", "actual"))
        raise Fail(f"golden {name} differs (run with --update if intended):\n{diff}")


def rules_in_catalog():
    ids = []
    with open(os.path.join(ROOT, "..", "shared", "RULES.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("| `"):
                ids.append(line.split("`")[1])
    return ids


# --- informational commands ---------------------------------------------------

@case
def version():
    rc, out, _ = run("--version")
    check(rc == 0 and out.startswith("fulint "), f"--version: {rc} {out!r}")


@case
def help_text():
    rc, out, _ = run("--help")
    check(rc == 0, f"--help exit {rc}")
    for opt in ["--format", "--stdin-filename", "--parse", "--list-rules", "--explain", "--config", "--enable",
                "--disable", "--fail-on", "--interview-date", "--now", "--fix", "--lsp", "--version"]:
        check(opt in out, f"--help does not mention {opt}")


@case
def list_rules_has_catalog():
    rc, out, _ = run("--list-rules")
    check(rc == 0, f"exit {rc}")
    try:
        ids = rules_in_catalog()
    except OSError:
        ids = []
    for i in ids:
        check(i in out.split(), f"--list-rules lacks {i}")
    rc, out, _ = run("--list-rules", "--format", "json")
    data = json.loads(out)
    check(len(data) >= 47 and all({"id", "severity", "summary", "options"} <= set(r) for r in data), "json list")


@case
def explain():
    rc, out, _ = run("--explain", "repeated-word")
    check(rc == 0 and "## Why" in out and "repeated-word" in out, f"--explain: {rc}")
    rc, _, err = run("--explain", "repeted-word")
    check(rc == 2 and "unknown rule" in err and "repeated-word" in err, f"--explain typo: {rc} {err!r}")


@case
def usage_errors():
    rc, _, err = run()
    check(rc == 2 and "no drafts" in err, f"no args: {rc} {err!r}")
    rc, _, err = run("--format", "xml", "x.txt")
    check(rc == 2 and "format" in err, f"bad format: {rc} {err!r}")
    rc, _, err = run("--now", "tomorrow", "drafts/clean.txt")
    check(rc == 2 and "--now" in err, f"bad --now: {rc} {err!r}")
    rc, _, err = run("--enable", "no-such-rule", "drafts/clean.txt")
    check(rc == 2 and "no-such-rule" in err, f"bad --enable: {rc} {err!r}")


# --- linting ------------------------------------------------------------------

@case
def clean_draft_exits_zero():
    rc, out, err = run("--now", NOW, "drafts/clean.txt")
    check(rc == 0, f"clean draft exit {rc}:\n{out}{err}")
    check("1 draft checked" in out, out)


@case
def findings_exit_one_and_fail_on():
    rc, out, _ = run("--now", NOW, "drafts/flawed.txt")
    check(rc == 1, f"flawed draft exit {rc}")
    check("drafts/flawed.txt:" in out and "[repeated-word]" in out, out)
    rc, _, _ = run("--now", NOW, "--fail-on", "error", "--disable", "repeated-word", "--disable", "salutation-name-mismatch",
                   "--disable", "template-placeholder", "--disable", "gratitude-missing", "--disable", "name-consistency",
                   "drafts/flawed.txt")
    check(rc in (0, 1), "fail-on error")
    rc, out, _ = run("--now", NOW, "--fail-on", "hint", "drafts/clean.txt")
    check(rc in (0, 1), f"fail-on hint exit {rc}")


@case
def text_format_lines():
    rc, out, _ = run("--now", NOW, "--color", "never", "drafts/flawed.txt")
    lines = [l for l in out.splitlines() if l.startswith("drafts/flawed.txt:")]
    check(lines, out)
    for l in lines:
        parts = l.split(":", 4)
        check(parts[1].isdigit() and parts[2].isdigit() and parts[3].strip() in ("error", "warning", "info", "hint")
              and l.endswith("]"), f"bad line {l!r}")
    check("\x1b[" not in out, "colour when piped")
    check("key elements" in out and "drafts checked" not in out and "1 draft checked" in out, out)
    rc, out, _ = run("--now", NOW, "--color", "always", "drafts/flawed.txt")
    check("\x1b[" in out, "no colour with --color always")


@case
def json_format():
    rc, out, _ = run("--now", NOW, "--format", "json", "drafts/flawed.txt", "drafts/clean.txt")
    data = json.loads(out)
    check(data["version"] == 1 and [f["path"] for f in data["files"]] == ["drafts/clean.txt", "drafts/flawed.txt"], out[:300])
    f = data["files"][1]
    check(set(f["summary"]) == {"gratitude", "personalization", "qualifications", "interest", "call_to_action", "proofread"}, "summary")
    d = [x for x in f["diagnostics"] if x["rule"] == "repeated-word"]
    check(d, "no repeated-word")
    # "the the" on line 5, columns 32-38 (end exclusive 39); the fix deletes " the"
    check(d[0]["line"] == 5 and d[0]["column"] == 32 and d[0]["endColumn"] == 39, f"position {d[0]}")
    check(d[0]["fixes"] and d[0]["fixes"][0]["safe"], "fix")
    e = d[0]["fixes"][0]["edits"][0]
    check((e["column"], e["endColumn"], e["text"]) == (35, 39, ""), f"fix edit {e}")


@case
def sarif_and_github_formats():
    rc, out, _ = run("--now", NOW, "--format", "sarif", "drafts/flawed.txt")
    s = json.loads(out)
    check(s["version"] == "2.1.0" and len(s["runs"]) == 1, "sarif shape")
    run0 = s["runs"][0]
    ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    check(all(r["ruleId"] in ids for r in run0["results"]) and run0["results"], "sarif results")
    rc, out, _ = run("--now", NOW, "--format", "github", "drafts/flawed.txt")
    lines = out.strip().splitlines()
    check(lines and all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines), out)
    check("file=drafts/flawed.txt,line=" in lines[0], lines[0])


@case
def positions_crlf_emoji_eml():
    rc, out, _ = run("--now", NOW, "--format", "json", "drafts/crlf-emoji.eml")
    f = json.loads(out)["files"][0]
    d = [x for x in f["diagnostics"] if x["rule"] == "repeated-word"]
    check(d, f"no repeated-word in {f['diagnostics']}")
    # line 12: "Thank you ... warehouse 😀 and the the migration plan." — columns in code points
    raw = open(os.path.join(DRAFTS, "crlf-emoji.eml"), encoding="utf-8").read().split("\n")
    line = raw[d[0]["line"] - 1].rstrip("\r")
    check(line[d[0]["column"] - 1:d[0]["endColumn"] - 1].lower() == "the the", f"range selects {line[d[0]['column'] - 1:d[0]['endColumn'] - 1]!r}")
    emo = [x for x in f["diagnostics"] if x["rule"] == "emoji"]
    check(emo and line[emo[0]["column"] - 1:emo[0]["endColumn"] - 1] == "\U0001F600", f"emoji range {emo}")


@case
def stdin_with_filename():
    data = open(os.path.join(DRAFTS, "flawed.txt"), "rb").read()
    rc, out, _ = run("--now", NOW, "--stdin-filename", "mine.txt", "-", stdin=data)
    check(rc == 1 and "mine.txt:5:" in out, f"{rc} {out}")
    rc, out, _ = run("--now", NOW, "--format", "json", "-", stdin=data)
    check(json.loads(out)["files"][0]["path"] == "-", out[:200])


@case
def folders_sorted_recursive_parallel():
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "b", "deep"))
        os.makedirs(os.path.join(d, ".hidden"))
        os.makedirs(os.path.join(d, "archive"))
        for rel in ["z.txt", "a.eml", "b/m.txt", "b/deep/c.txt", ".hidden/x.txt", "archive/old.txt", "notes.md"]:
            shutil.copy(os.path.join(DRAFTS, "flawed.txt"), os.path.join(d, rel))
        with open(os.path.join(d, ".fulint.json"), "w") as f:
            json.dump({"files": {"exclude": ["archive/**"]}}, f)
        os.symlink(d, os.path.join(d, "b", "loop"))  # a folder symlink loop
        os.symlink(os.path.join(d, "z.txt"), os.path.join(d, "b", "link.txt"))  # a link to a draft is one
        os.symlink(os.path.join(d, "gone.txt"), os.path.join(d, "b", "dangling.txt"))  # skipped
        outs = []
        for jobs in ("1", "2", "4"):
            rc, out, err = run("--now", NOW, "--format", "json", "-j", jobs, d, timeout=30)
            check(rc == 1, f"exit {rc} {err}")
            outs.append(out)
        check(outs[0] == outs[1] == outs[2], "output differs with the thread count")
        paths = [os.path.relpath(f["path"], d) for f in json.loads(outs[0])["files"]]
        check(paths == ["a.eml", "b/deep/c.txt", "b/link.txt", "b/m.txt", "z.txt"], f"paths {paths}")


@case
def unreadable_and_missing_files_do_not_stop_the_run():
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(os.path.join(DRAFTS, "clean.txt"), os.path.join(d, "ok.txt"))
        with open(os.path.join(d, "bin.eml"), "wb") as f:
            f.write(b"\x00\x01\x02binary" * 100)
        os.symlink(os.path.join(d, "gone.txt"), os.path.join(d, "dangling.txt"))
        rc, out, err = run("--now", NOW, os.path.join(d, "ok.txt"), os.path.join(d, "missing.txt"),
                           os.path.join(d, "bin.eml"), os.path.join(d, "dangling.txt"))
        check(rc == 2, f"exit {rc}")
        check("missing.txt" in err and "no such file" in err, err)
        check("bin.eml" in err and "binary" in err, err)
        check("ok.txt" in out, "the readable file was not linted")
        rc, out, err = run("--now", NOW, "--format", "json", os.path.join(d, "ok.txt"), os.path.join(d, "missing.txt"))
        data = json.loads(out)
        check(rc == 2 and len(data["files"]) == 1 and data["errors"] and "missing.txt" in data["errors"][0]["path"], out)


@case
def huge_and_long_files():
    with tempfile.TemporaryDirectory() as d:
        big = os.path.join(d, "big.txt")
        with open(big, "wb") as f:
            f.write(b"word " * (4 * 1024 * 1024 + 10))  # 20 MB
        lines = os.path.join(d, "lines.txt")
        with open(lines, "w") as f:
            f.write("Subject: Data Analyst interview\n\nDear Ana,\n\n" + "Thank you for the the chat.\n" * 200000)
        t = time.time()
        rc, out, err = run("--now", NOW, "--format", "json", big, lines, timeout=120)
        check(rc == 2 and "big.txt" in err and "limit" in err, f"{rc} {err}")
        check(len(json.loads(out)["files"]) == 1, "long file not linted")
        check(time.time() - t < 60, "too slow on a 200,000-line file")
        with open(os.path.join(d, "empty.txt"), "w"):
            pass
        rc, out, err = run("--now", NOW, os.path.join(d, "empty.txt"))
        check(rc in (0, 1), f"empty file exit {rc} {err}")


@case
def invalid_utf8_reported_once():
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "bad.txt")
        with open(p, "wb") as f:
            f.write(open(os.path.join(DRAFTS, "clean.txt"), "rb").read().replace(b"Acme", b"Ac\xffme\xfe"))
        rc, out, err = run("--now", NOW, "--format", "json", "--enable", "formatting-artifacts", p)
        diags = json.loads(out)["files"][0]["diagnostics"]
        check(sum(1 for x in diags if x["rule"] == "formatting-artifacts" and "UTF-8" in x["message"]) == 1, str(diags))


@case
def config_errors_exit_two_and_name_the_place():
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(os.path.join(DRAFTS, "clean.txt"), os.path.join(d, "a.txt"))
        cfg = os.path.join(d, ".fulint.json")
        for text, expect in [
            ('{"rules": {"no-such": "off"}}', "/rules/no-such"),
            ('{"rules": {"too-long": {"max_words": "x"}}}', "/rules/too-long/max_words"),
            ('{"rules": {"too-long": {"bogus": 1}}}', "unknown option"),
            ('{"rules": {', "malformed JSON"),
        ]:
            with open(cfg, "w") as f:
                f.write(text)
            rc, out, err = run(os.path.join(d, "a.txt"))
            check(rc == 2 and ".fulint.json" in err and expect in err, f"{text}: {rc} {err!r}")
        rc, _, err = run("--config", os.path.join(d, "nope.json"), os.path.join(d, "a.txt"))
        check(rc == 2 and "nope.json" in err, err)


@case
def config_severity_and_header_disable():
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(os.path.join(DRAFTS, "flawed.txt"), os.path.join(d, "a.txt"))
        with open(os.path.join(d, ".fulint.json"), "w") as f:
            json.dump({"rules": {"repeated-word": "info"}}, f)
        rc, out, _ = run("--now", NOW, "--format", "json", os.path.join(d, "a.txt"))
        sev = {x["severity"] for x in json.loads(out)["files"][0]["diagnostics"] if x["rule"] == "repeated-word"}
        check(sev == {"info"}, f"severity {sev}")
        text = open(os.path.join(DRAFTS, "flawed.txt")).read().replace("Subject: Thank you\n",
                                                                       "Subject: Thank you\nX-Fulint-Disable: repeated-word, tone-casual\n")
        with open(os.path.join(d, "a.txt"), "w") as f:
            f.write(text)
        rc, out, _ = run("--now", NOW, "--format", "json", os.path.join(d, "a.txt"))
        rules = {x["rule"] for x in json.loads(out)["files"][0]["diagnostics"]}
        check("repeated-word" not in rules and "tone-casual" not in rules, str(rules))


@case
def fix_is_atomic_and_idempotent():
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "a.txt")
        shutil.copy(os.path.join(DRAFTS, "flawed.txt"), p)
        os.chmod(p, 0o640)
        rc, out, _ = run("--now", NOW, "--fix", p)
        once = open(p, encoding="utf-8").read()
        check("the the" not in once, "the the not fixed")
        check(oct(os.stat(p).st_mode & 0o777) == oct(0o640), "permissions changed")
        rc, out, _ = run("--now", NOW, "--fix", p)
        check(open(p, encoding="utf-8").read() == once, "--fix twice changed the file again")
        check(os.listdir(d) == ["a.txt"], f"left files: {os.listdir(d)}")
        rc, out, err = run("--now", NOW, "--fix", "-", stdin=open(os.path.join(DRAFTS, "flawed.txt"), "rb").read())
        check("the the" not in out and "Jordan" in out, f"--fix on stdin: {out!r}")


@case
def parse_output():
    rc, out, _ = run("--parse", "drafts/crlf-emoji.eml")
    p = json.loads(out)
    check(p["format"] == "eml" and p["headers"]["subject"] == "Thank you – Data Analyst interview", str(p["headers"]))
    check(p["headers"]["to"] == [{"name": "Patel, Priya", "address": "priya.patel@acme.com"}], str(p["headers"]["to"]))
    check(p["salutation"]["text"] == "Dear Ms. Patel," and p["salutation"]["line"] == 10, str(p["salutation"]))
    check(p["closing"]["text"] == "Best regards," and len(p["paragraphs"]) == 3, str(p))


# --- golden outputs -----------------------------------------------------------

@case
def golden_outputs():
    for fmt in ("text", "json", "github"):
        rc, out, _ = run("--now", NOW, "--format", fmt, "--color", "never", "drafts")
        golden(f"drafts.{fmt}", out)
    rc, out, _ = run("--parse", "drafts/flawed.txt")
    golden("flawed.parse.json", out)


def main():
    global FULINT, UPDATE
    args = sys.argv[1:]
    FULINT = os.path.abspath(args[0])
    UPDATE = "--update" in args
    only = args[args.index("-k") + 1] if "-k" in args else None
    passed = failed = 0
    for fn in results:
        if only and only not in fn.__name__:
            continue
        try:
            fn()
            passed += 1
            print(f"ok   {fn.__name__}")
        except Fail as e:
            failed += 1
            print(f"FAIL {fn.__name__}: {e}")
        except Exception as e:  # noqa
            failed += 1
            print(f"FAIL {fn.__name__}: {type(e).__name__}: {e}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
