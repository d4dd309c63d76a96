#!/usr/bin/python3
"""delegate-feed reading a feed from a hostile web server.

A local server (127.0.0.1, a port of its own) sends what a careless or
malicious host might: a small gzip body that unpacks to far more than Delegate
accepts, a Content-Length beyond the limit, a body or headers trickled a byte
at a time.  Each must end in a plain error, soon and without eating memory.
Usage: check-fetch.py DELEGATE_FEED  (TAP output)
"""
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, report  # noqa: E402 (tests/tap.py)

tool = sys.argv[1]

# What the server sends for the bomb: 256 MiB of JSON white space in about 256 kB of gzip.
BOMB_UNPACKED = 256 * 1024 * 1024
# Far above the tool's own needs with a 32 MiB feed, far below what unpacking the bomb takes.
MAX_RSS_KIB = 128 * 1024
# The fetch's time limit for this test, in seconds (the tool's own is 2 minutes).
TIME_LIMIT = 2


def make_bomb():
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    block = b" " * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(BOMB_UNPACKED // len(block))]
    parts.append(packer.flush())
    return b"".join(parts)


BOMB = make_bomb()


class Hostile(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def trickle(self, data, seconds=60):
        """One byte every half second until the client hangs up."""
        end = time.monotonic() + seconds
        for byte in data:
            if time.monotonic() > end:
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.5)

    def do_GET(self):
        if self.path == "/bomb.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(BOMB)))
            self.end_headers()
            try:
                self.wfile.write(BOMB)
            except OSError:
                pass
        elif self.path == "/declared.json":
            # Says 64 MiB, then sends a little and waits.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(64 * 1024 * 1024))
            self.end_headers()
            self.trickle(b'{"delegate_feed": 1' + b" " * 200)
        elif self.path == "/slow-body.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.trickle(b'{"delegate_feed": 1' + b" " * 200)
        elif self.path == "/chunked-cut.json":
            # Chunked, and the connection closes between two chunks, inside the document.
            part = b'{"delegate_feed": 1, "event": {"id": "cut"'
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n"
                             + b"%x\r\n" % len(part) + part + b"\r\n")
            self.close_connection = True
        elif self.path == "/slow-headers.json":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
            self.trickle(b"a" * 200)
        else:
            self.send_error(404)


def run(url, env=None):
    """Runs validate on URL: (exit status, stderr, peak memory in KiB, seconds)."""
    environment = {name: value for name, value in os.environ.items()
                   if not name.lower().endswith("_proxy")}  # straight to 127.0.0.1
    environment.update(LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8", **(env or {}))
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen([tool, "validate", url], stdout=subprocess.DEVNULL,
                                   stderr=err, env=environment)
        # wait4() has no timeout of its own; it gives the peak memory of this child alone.
        killer = threading.Timer(30, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        assert seconds < 30, "still reading %s after 30 seconds" % url
        err.seek(0)
        return process.returncode, err.read().decode(), usage.ru_maxrss, seconds


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]


@check("a gzip body unpacking past 32 MiB is refused as it unpacks, not after")
def _():
    status, err, rss, _ = run(base + "bomb.json")
    assert status == 1, (status, err)
    assert "larger than 33.6\u00a0MB, the most Delegate accepts" in err, err
    assert rss < MAX_RSS_KIB, "peak memory %d KiB" % rss


@check("a Content-Length past 32 MiB is refused before the body arrives")
def _():
    status, err, _, seconds = run(base + "declared.json")
    assert status == 1, (status, err)
    assert "larger than 33.6\u00a0MB, the most Delegate accepts" in err, err
    assert seconds < 5, seconds


@check("a body trickled a byte at a time ends at the time limit")
def _():
    status, err, _, seconds = run(base + "slow-body.json",
                                  {"DELEGATE_TEST_FETCH_SECONDS": str(TIME_LIMIT)})
    assert status == 1, (status, err)
    assert "127.0.0.1 took too long to answer" in err, err
    assert TIME_LIMIT <= seconds < TIME_LIMIT + 5, seconds


@check("headers trickled a byte at a time end at the time limit too")
def _():
    status, err, _, seconds = run(base + "slow-headers.json",
                                  {"DELEGATE_TEST_FETCH_SECONDS": str(TIME_LIMIT)})
    assert status == 1, (status, err)
    assert "127.0.0.1 took too long to answer" in err, err
    assert TIME_LIMIT <= seconds < TIME_LIMIT + 5, seconds


@check("a chunked feed cut between chunks is a broken-off connection, not invalid JSON")
def _():
    status, err, _, _ = run(base + "chunked-cut.json")
    assert status == 1, (status, err)
    assert "The connection to 127.0.0.1 broke off before the feed was complete" in err, err
    assert "JSON" not in err, err


server.shutdown()
report()
