"""The organiser's web server on 127.0.0.1, for the GUI tests that add an event from the web
(tests/e2e/test_e2e.py, tests/sync/test_sync_gui.py). They put tests/gui on their import path,
as for atspi.py.
"""

import http.server
import threading
import time


class FeedServer:
    """The organiser's web server on 127.0.0.1, with the validators a static host sends: body at
    path (anything else is a 404), with an ETag and a 304 to a request that names it. delay
    (seconds, set at any time) holds back every answer; port 0 is any free port."""

    def __init__(self, body, path="/feed.json", port=0, etag='"v1"'):
        server = self
        self.delay = 0.0

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(handler):
                time.sleep(server.delay)
                if handler.path != path:
                    handler.send_error(404)
                    return
                if handler.headers.get("If-None-Match") == etag:
                    handler.send_response(304)
                    handler.end_headers()
                    return
                handler.send_response(200)
                handler.send_header("Content-Type", "application/json")
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)

            def log_message(handler, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{path}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
