#!/usr/bin/python3
"""Check the installed Flatpak in its sandbox, as a delegate would see it.

Run by flatpak/ci-flatpak under Xvfb and a private session bus, with HOME and
FLATPAK_USER_DIR pointing at a private installation. Each check prints a line; the last
line is `N passed, N failed`.
"""
import functools
import http.server
import os
import subprocess
import sys
import threading
import time

import pyatspi

APP_ID = sys.argv[1]
FIXTURES = sys.argv[2]   # served over HTTP; also a host path the sandbox cannot see
FEED_TITLE = "Event"     # tests/fixtures/valid/full.json
FEED_SESSION = "Session s1"
HOME = os.environ["HOME"]
APP_DIR = os.path.join(HOME, ".var", "app", APP_ID)
TITLE = "Citynet 2019 Best Practice Seminar and Sharing"
ROWS = ["Strategies for Smart City development", "Kabupaten Sidoarjo",
        "Integrated ICT to accelerate Smart City development"]

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}: {name}{(' — ' + detail) if detail else ''}", flush=True)


def wait_for(fn, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = fn()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    return None


def frames():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None:
            continue
        for child in app:
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                yield child


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)   # GTK 4.8: getText(0, -1) is empty
    except NotImplementedError:
        return acc.name or ""


def find_text(root, text):
    return pyatspi.findDescendant(root, lambda a: a is not None and (a.name == text
                                                                     or text_of(a) == text))


def find_containing(root, text):
    return pyatspi.findDescendant(root, lambda a: a is not None and text in text_of(a))


def frame_titled(title):
    return next((f for f in frames() if f.name == title), None)


def click(acc):
    # Extents are window-relative; with no window manager the window sits at 0,0 inside a
    # 5 px shadow border (../shared/GUI-TESTING.md).
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(["xdotool", "mousemove", str(5 + ext.x + ext.width // 2),
                    str(5 + ext.y + ext.height // 2), "click", "1"], check=True)


def session_button(frame, title, name):
    """The star button called name in the agenda row that shows title."""
    lst = pyatspi.findDescendant(frame, lambda a: a is not None and a.name == "Sessions"
                                 and a.getRole() in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX))
    label = lst and pyatspi.findDescendant(
        lst, lambda a: a is not None and a.getRole() == pyatspi.ROLE_LABEL
        and text_of(a) == title)
    item = label
    while item is not None and item.getRole() != pyatspi.ROLE_LIST_ITEM:
        item = item.parent
    return item and pyatspi.findDescendant(
        item, lambda a: a is not None and a.name == name
        and a.getRole() == pyatspi.ROLE_PUSH_BUTTON)


def serve(directory):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start(args=()):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="en")
    log = open(os.path.join(HOME, "app.log"), "a")
    return subprocess.Popen(["flatpak", "run", APP_ID, *args], env=env,
                            stdout=log, stderr=subprocess.STDOUT)


def stop(proc):
    subprocess.run(["flatpak", "kill", APP_ID], capture_output=True)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main():
    proc = start()
    frame = wait_for(lambda: next((f for f in frames() if f.name == TITLE), None))
    check("the window shows the built-in forum", frame is not None,
          f"title {TITLE!r}" if frame else "no window with that title")
    if frame is None:
        stop(proc)
        return
    for tab in ("Agenda", "Members", "Best practices"):
        check(f"the {tab} pane is there", wait_for(lambda: find_text(frame, tab)) is not None)
    check("the agenda lists the minister's keynote",
          wait_for(lambda: find_text(frame, ROWS[0])) is not None)

    # Subscribe to a feed served over HTTP on the loopback, as `delegate URL` while it runs.
    server = serve(FIXTURES)
    url = f"http://127.0.0.1:{server.server_address[1]}/full.json"
    subprocess.run(["flatpak", "run", APP_ID, url], timeout=60, capture_output=True)
    frame = wait_for(lambda: frame_titled(FEED_TITLE))
    check("`delegate URL` subscribes to a feed served on 127.0.0.1 and shows it",
          frame is not None, url)
    if frame is None:
        stop(proc)
        return

    star = wait_for(lambda: session_button(frame, FEED_SESSION, "Star session"))
    if star is not None:
        click(star)
    check(f"starring {FEED_SESSION!r} works",
          wait_for(lambda: session_button(frame, FEED_SESSION, "Unstar session")) is not None)

    # A path on the host is outside the sandbox: a clear message, and the app goes on.
    host_path = os.path.join(FIXTURES, "minimal.json")
    subprocess.run(["flatpak", "run", APP_ID, host_path], timeout=60, capture_output=True)
    message = wait_for(lambda: find_containing(frame, "Could not add the event"), 15)
    check("a host path outside the sandbox gives a clear message",
          message is not None, text_of(message) if message else "no message shown")
    check("the app is still running after that", proc.poll() is None
          and frame_titled(FEED_TITLE) is not None)

    # Settings and the store stay in the sandbox, under ~/.var/app/<id>.
    stop(proc)
    keyfile = os.path.join(APP_DIR, "config", "glib-2.0", "settings", "keyfile")
    database = os.path.join(APP_DIR, "data", APP_ID, "delegate.db")
    check("settings are saved under ~/.var/app", wait_for(lambda: os.path.exists(keyfile), 5)
          is not None, keyfile)
    check("the database is under ~/.var/app", os.path.exists(database), database)
    check("nothing is written to the host's own data directories",
          not os.path.exists(os.path.join(HOME, ".local", "share", APP_ID))
          and not os.path.exists(os.path.join(HOME, ".config", "glib-2.0")))

    # After `flatpak kill`, a second `flatpak run`: the subscription and the star are there.
    server.shutdown()
    proc = start()
    frame = wait_for(lambda: frame_titled(FEED_TITLE))
    check("after flatpak kill and a new run, the subscribed event is shown", frame is not None)
    check("and its session is still starred", frame is not None and wait_for(
        lambda: session_button(frame, FEED_SESSION, "Unstar session")) is not None)
    stop(proc)


try:
    main()
finally:
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    if failed and os.path.exists(os.path.join(HOME, "app.log")):
        print("--- the app's output:\n" + open(os.path.join(HOME, "app.log")).read(),
              file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not results else 0)
