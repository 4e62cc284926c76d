#!/usr/bin/env python3
"""Smoke test of `fulint --lsp` through the real binary on pipes, with
Content-Length framing: initialize, open a draft, receive its diagnostics, a
code action, malformed input, shutdown + exit (status 0), and exit alone
(status 1). Everything on stdout must be an LSP frame.

    smoke.py path/to/fulint
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

FULINT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/fulint")


class Client:
    def __init__(self, root, args=("--lsp",)):
        self.proc = subprocess.Popen([FULINT, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=root)
        self.messages = []
        self.cv = threading.Condition()
        self.raw = b""
        self.errors = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    return
                header += c
            self.raw += header
            fields = dict(line.split(": ", 1) for line in header.decode("ascii").strip().split("\r\n"))
            if set(fields) - {"Content-Length", "Content-Type"}:
                self.errors.append("odd header: %r" % header)
            n = int(fields["Content-Length"])
            body = out.read(n)
            self.raw += body
            try:
                msg = json.loads(body.decode("utf-8"))
            except Exception as e:  # noqa: BLE001
                self.errors.append("bad body %r: %s" % (body[:80], e))
                continue
            with self.cv:
                self.messages.append(msg)
                self.cv.notify_all()

    def send_bytes(self, b):
        self.proc.stdin.write(b)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def wait(self, pred, timeout=10, what="message"):
        deadline = time.time() + timeout
        with self.cv:
            while True:
                for m in self.messages:
                    if pred(m):
                        self.messages.remove(m)
                        return m
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError("timed out waiting for %s; got %s" % (what, json.dumps(self.messages)[:800]))
                self.cv.wait(left)

    def response(self, id_, timeout=10):
        return self.wait(lambda m: m.get("id") == id_ and "method" not in m, timeout, "response %r" % id_)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok   " + what)


def main():
    root = tempfile.mkdtemp(prefix="fulint-lsp-smoke-")
    rules = json.loads(subprocess.run([FULINT, "--list-rules", "--format", "json"], capture_output=True, text=True).stdout)
    rules = rules if isinstance(rules, list) else rules.get("rules", [])
    off = {r["id"]: "off" for r in rules if r["id"] not in ("tone-casual", "repeated-word")}
    with open(os.path.join(root, ".fulint.json"), "w") as f:
        json.dump({"rules": off}, f)
    draft = os.path.join(root, "draft.eml")
    text = ("From: Sam Lee <sam@example.com>\r\nTo: Priya Patel <priya@acme.com>\r\nSubject: Thanks\r\n\r\n"
            "Dear Priya,\r\n\r\nCafé “chat” 🙂 — we're gonna send the the notes.\r\n\r\nBest,\r\nSam\r\n")
    with open(draft, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    uri = "file://" + draft

    c = Client(root, ("--lsp", "--stdio"))
    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": os.getpid(), "rootUri": "file://" + root,
                       "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}})
    r = c.response(1)
    check(r["result"]["capabilities"]["positionEncoding"] == "utf-16", "initialize: utf-16 negotiated")
    check(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2, "initialize: incremental sync")
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "email", "version": 1, "text": text}}})
    t0 = time.time()
    pub = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", what="publishDiagnostics")
    ms = (time.time() - t0) * 1000
    diags = pub["params"]["diagnostics"]
    codes = [d["code"] for d in diags]
    check(codes == ["tone-casual", "repeated-word"], "diagnostics for the draft (%s) in %.1f ms" % (codes, ms))
    line = text.split("\r\n")[6]
    # UTF-16 column of "gonna": the emoji counts two
    col = len(line[: line.index("gonna")].encode("utf-16-le")) // 2
    check(diags[0]["range"]["start"] == {"line": 6, "character": col}, "UTF-16 position after accents, curly quotes, emoji")
    check(all(d["source"] == "fulint" and d["codeDescription"]["href"] for d in diags), "source and codeDescription")

    c.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
            "params": {"textDocument": {"uri": uri}, "range": diags[1]["range"], "context": {"diagnostics": [diags[1]]}}})
    acts = c.response(2)["result"]
    pref = [a for a in acts if a.get("isPreferred")]
    check(len(pref) == 1 and "edit" in pref[0], "a preferred quick fix with an edit")

    # malformed input, then still serving
    c.send_bytes(b"Content-Length: 7\r\n\r\n{broken")
    err = c.wait(lambda m: m.get("id") is None and "error" in m, what="parse error")
    check(err["error"]["code"] == -32700, "malformed JSON: -32700, id null")
    pad = b'{"jsonrpc":"2.0","method":"x/padding"}'
    c.send_bytes(b"Content-Length: %d\r\n\r\n" % (len(pad) + 24) + pad)  # too long...
    c.send({"jsonrpc": "2.0", "id": 3, "method": "no/such"})  # ...swallows this header, which survives
    check(c.response(3)["error"]["code"] == -32601, "resynchronised after a wrong Content-Length")

    c.send({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
    check(c.response(4)["result"] is None, "shutdown answered with null")
    c.send({"jsonrpc": "2.0", "method": "exit"})
    rc = c.proc.wait(timeout=10)
    check(rc == 0, "exit after shutdown: status 0")
    check(not c.errors, "stdout carried only LSP frames %s" % c.errors)
    check(c.raw.startswith(b"Content-Length: "), "stdout starts with a frame")

    c2 = Client(root)
    c2.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    c2.response(1)
    c2.send({"jsonrpc": "2.0", "method": "exit"})
    check(c2.proc.wait(timeout=10) == 1, "exit without shutdown: status 1")

    c3 = Client(root)
    c3.send_bytes(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"")
    c3.proc.stdin.close()
    check(c3.proc.wait(timeout=10) == 1, "end of input inside a body: status 1, no crash")
    print("lsp smoke: all passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("FAILED: %s" % e)
        sys.exit(1)
