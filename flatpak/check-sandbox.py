#!/usr/bin/python3
"""Check the installed Flatpak in its sandbox, as a delegate would see it.

Run by flatpak/ci-flatpak under Xvfb and a private session bus, with HOME and
FLATPAK_USER_DIR pointing at a private installation. Each check prints a line; the last
line is `N passed, N failed`.
"""
import os
import subprocess
import sys
import time

import pyatspi

APP_ID = sys.argv[1]
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


def find_text(root, text):
    return pyatspi.findDescendant(root, lambda a: a is not None and a.name == text)


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

    # Settings stay in the sandbox: GLib's keyfile backend under ~/.var/app/<id>.
    stop(proc)
    keyfile = os.path.join(APP_DIR, "config", "glib-2.0", "settings", "keyfile")
    check("settings are saved under ~/.var/app", wait_for(lambda: os.path.exists(keyfile), 5)
          is not None, keyfile)
    check("nothing is written to the host's own data directories",
          not os.path.exists(os.path.join(HOME, ".local", "share", APP_ID))
          and not os.path.exists(os.path.join(HOME, ".config", "glib-2.0")))


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
