"""How long ``cta-lint server`` takes from a change to its diagnostics.

    python3 bench/lsp_latency.py FILE [--changes 21] [--pause 0.4]

Starts the server (``python -m cta_lint server``, from this checkout), opens FILE, then sends
``--changes`` whole-text changes, ``--pause`` seconds apart (a change after a pause is linted at
once; changes closer together than 0.3 s are gathered into one lint), alternating FILE's text and
FILE's text with one seller-centric sentence added before ``</body>`` (or at the end), and times
each from writing the change to reading its ``textDocument/publishDiagnostics``. Prints the
median, min and max in ms. Needs the ``lsp`` extra (pygls); standard library otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Server:
    def __init__(self):
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.p = subprocess.Popen([sys.executable, "-m", "cta_lint", "server"], env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, method, params, id=None):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if id is not None:
            msg["id"] = id
        body = json.dumps(msg).encode("utf-8")
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self) -> dict:
        length = 0
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise SystemExit("the server stopped")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def wait(self, pred) -> dict:
        while True:
            msg = self.read()
            if pred(msg):
                return msg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--changes", type=int, default=21)
    ap.add_argument("--pause", type=float, default=0.4)
    a = ap.parse_args()
    path = Path(a.file).resolve()
    text = path.read_text(encoding="utf-8")
    extra = "<p>We really need 50 more sign-ups this month to hit our goal.</p>"
    other = text.replace("</body>", extra + "</body>", 1) if "</body>" in text else text + extra
    uri = path.as_uri()
    s = Server()
    s.send("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}}, id=1)
    s.wait(lambda m: m.get("id") == 1)
    s.send("initialized", {})

    def diagnostics():
        return s.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri)["params"]["diagnostics"]

    s.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "html",
                                                     "version": 1, "text": text}})
    first = diagnostics()
    times = []
    for i in range(a.changes):
        time.sleep(a.pause)
        t0 = time.perf_counter()
        s.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": i + 2},
                                          "contentChanges": [{"text": other if i % 2 == 0
                                                              else text}]})
        diagnostics()
        times.append((time.perf_counter() - t0) * 1000)
    s.send("shutdown", None, id=2)
    s.wait(lambda m: m.get("id") == 2)
    s.send("exit", None)
    s.p.wait(timeout=10)
    print(f"{path.name}: {len(text.encode('utf-8'))} bytes, {len(first)} diagnostics on open; "
          f"change -> diagnostics over {a.changes} changes: median "
          f"{statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
