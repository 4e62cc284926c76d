#!/usr/bin/env python3
"""Parser agreement test: fulint's .eml parser against Python's `email` package.

Usage: compare.py FULINT [EML...]

For every message (default: the *.eml files next to this script) runs
`FULINT --parse FILE` and compares with
`email.message_from_bytes(raw, policy=email.policy.default)`:

  - subject:      str(msg['subject'])            vs headers.subject
  - from, to, cc: (display_name, addr_spec) of each msg[h].addresses member
                  (groups flattened)             vs headers.from/to/cc
  - attachments:  get_filename() of every non-multipart part that has one
                  (message/* parts are not descended into)
                                                 vs attachments[].filename
  - body:         msg.get_body(('plain', 'html')).get_content() for a
                  text/plain body, CRLF -> LF, trailing white space of the
                  whole text stripped              vs body_text (same normalising)

Messages whose body is text/html are compared on everything but the body
(Python returns the HTML source, fulint its text).

Documented normalisations (places where fulint follows the RFCs or
`email.utils.parseaddr` rather than the modern header parser):
  - Display names: runs of white space compare as one space. RFC 2047 says
    white space between adjacent encoded words is dropped; Python keeps it
    in display names ("René  Dupont" for "=?..?René?= =?..?_Dupont?=").
  - "addr (Comment Name)": fulint takes the comment as the name, as
    email.utils.parseaddr does; policy.default gives "". When Python's name
    is empty, the name from email.utils.getaddresses() is expected instead.

Exit status 1 on any disagreement, with a diff per message; the last line is
"N passed, M failed".
"""
import email
import email.policy
import email.utils
import glob
import json
import os
import re
import subprocess
import sys


def norm_body(s):
    return s.replace("\r\n", "\n").rstrip()


def norm_name(s):
    return re.sub(r"\s+", " ", s or "").strip()


def raw_header(raw, name):
    """The first `name:` field of the raw header block, unfolded, undecoded."""
    head = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0].decode("ascii", "replace")
    m = re.search(r"(?im)^" + re.escape(name) + r":(.*(?:\r?\n[ \t].*)*)", head)
    return re.sub(r"\r?\n", "", m.group(1)).strip() if m else None


def python_view(path):
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    view = {}
    view["subject"] = str(msg["subject"]) if msg["subject"] is not None else None
    for h in ("from", "to", "cc"):
        # getaddresses() on the raw (undecoded) field gives the legacy
        # comment-as-name; the modern parser gives the decoded names.
        h_obj = msg[h]
        addrs = []
        if h_obj is not None:
            legacy = {}
            rawv = raw_header(raw, h)
            if rawv is not None:
                for name, addr in email.utils.getaddresses([rawv]):
                    if addr and name and addr not in legacy:
                        legacy[addr] = name
            for a in h_obj.addresses:
                name = a.display_name
                if not name and a.addr_spec in legacy:
                    name = legacy[a.addr_spec]
                addrs.append((norm_name(name), a.addr_spec))
        view[h] = addrs
    atts = []

    def walk(part):
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            for sub in part.get_payload():
                walk(sub)
            return
        fn = part.get_filename()
        if fn:
            atts.append(fn)

    walk(msg)
    view["attachments"] = atts
    body = msg.get_body(("plain", "html"))
    view["html_body"] = body is not None and body.get_content_type() == "text/html"
    if body is None:
        view["body"] = ""
    elif view["html_body"]:
        view["body"] = None
    else:
        view["body"] = norm_body(body.get_content())
    return view


def fulint_view(fulint, path):
    p = subprocess.run([fulint, "--parse", path], capture_output=True, timeout=60)
    if p.returncode not in (0, 1):
        raise RuntimeError("exit status %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")))
    j = json.loads(p.stdout.decode("utf-8"))
    h = j.get("headers", {})
    view = {"subject": h.get("subject")}
    for k in ("from", "to", "cc"):
        view[k] = [(norm_name(a.get("name")), a.get("address", "")) for a in (h.get(k) or [])]
    view["attachments"] = [a.get("filename") for a in j.get("attachments") or []]
    view["body"] = norm_body(j.get("body_text") or "")
    view["notes"] = j.get("notes") or []
    return view


def diff_text(a, b):
    import difflib
    return "\n".join(
        "      " + line
        for line in difflib.unified_diff(
            (a or "").split("\n"), (b or "").split("\n"), "python", "fulint", lineterm="", n=1
        )
    )


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().split("\n")[2], file=sys.stderr)
        return 2
    fulint = argv[1]
    files = argv[2:] or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.eml")))
    passed = failed = 0
    for path in files:
        name = os.path.basename(path)
        problems = []
        try:
            py = python_view(path)
            fu = fulint_view(fulint, path)
        except Exception as e:  # a crash or bad JSON is a failure
            problems.append("error: %s" % e)
            py = fu = None
        if py is not None:
            for key in ("subject", "from", "to", "cc", "attachments"):
                a, b = py[key], fu[key]
                if key == "subject":
                    a, b = a or "", b or ""
                if a != b:
                    problems.append("%s:\n      python: %r\n      fulint: %r" % (key, a, b))
            if not py["html_body"] and py["body"] != fu["body"]:
                problems.append("body:\n" + diff_text(py["body"], fu["body"]))
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p)
            if fu is not None and fu.get("notes"):
                print("  notes: %r" % fu["notes"])
        else:
            passed += 1
            print("ok   %s%s" % (name, "  (html body: not compared)" if py["html_body"] else ""))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
