#!/usr/bin/env python3
"""Language-server latency: the time from didSave (analysed at once, no debounce) to the published
diagnostics, for a typical file, as an editor sees it. Usage: bench/lsp.py [FILE] [ROUNDS]
(default test-fixtures/demo-shop/js/checkout.js, 50 rounds); needs target/release/overshare."""
import json, os, select, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
path = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "test-fixtures/demo-shop/js/checkout.js"))
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
text = open(path).read()
uri = "file://" + path
p = subprocess.Popen([os.path.join(repo, "target/release/overshare"), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def read():
    hdr = b""
    while not hdr.endswith(b"\r\n\r\n"):
        hdr += p.stdout.read(1)
    n = int(hdr.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return json.loads(p.stdout.read(n))

def until_diagnostics():
    while True:
        m = read()
        if m.get("method") == "textDocument/publishDiagnostics":
            return m

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": "file://" + repo + "/test-fixtures/demo-shop", "capabilities": {}}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": text}}})
until_diagnostics()
times = []
for i in range(rounds):
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}, "text": text + "\n" * (i % 2)}})
    d = until_diagnostics()
    times.append((time.perf_counter() - t) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
read()
send({"jsonrpc": "2.0", "method": "exit", "params": None})
p.stdin.close()
p.wait()
print(f"{os.path.relpath(path, repo)}: {len(text)} bytes, {len(d['params']['diagnostics'])} diagnostics; "
      f"didSave -> publishDiagnostics median {statistics.median(times):.2f} ms, min {min(times):.2f}, max {max(times):.2f} over {rounds} saves")
