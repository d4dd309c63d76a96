#!/usr/bin/python3
"""Closing with notes the store refuses: held once, with where they are kept; never trapped.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_notes_close_gui.py DELEGATE SCREENSHOT_DIR

The store refuses writes (the test holds an exclusive lock on the app's SQLite file, as a
full disk would refuse them). As a person would, through the accessibility tree and the keyboard:
- a note is typed and saved, then more is typed with the store locked;
- Ctrl+Q does not quit: a toast says the notes are not saved and names the file in the
  runtime folder that keeps them, which holds the words typed;
- Ctrl+Q again quits, and the file is still there;
- with even that file impossible to write (its folder is a file), Ctrl+Q says so plainly,
  and Ctrl+Q again still quits.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import Failure, content_of, label, log, wait_for, xdo  # noqa: E402
from refusing_store import editor, type_more  # noqa: E402
from store_lock import Lock  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
TITLE = "Semarang financing"
FIRST = "Bonds for the ring road."
SECOND = " Ask about the land fund."
THIRD = " And the bus lanes."
REFUSED = "Your notes are not saved"  # the banner
SAVED = "All changes saved"
KEPT = "Your notes are not saved: a copy is kept in "
LOST = "Your notes are not saved, and not even a copy of them could be written"
RESCUE_DIR = os.path.join(os.environ["XDG_RUNTIME_DIR"], "delegate")

shots = ui.Screenshots(SHOTS)


def held(app, wanted):
    """Ctrl+Q with the notes refused: the app stays and a toast starting with wanted shows."""
    # The close waits up to 5 s for the store, on the main thread.
    toast = app.quit_held(f"a toast saying {wanted!r}", label(wanted, exact=False), timeout=30)
    return ui.text_of(toast)


def refuse_and_type(app, typed):
    xdo("key", "--clearmodifiers", "ctrl+n")
    title, body = editor(app)
    ui.type_text(TITLE, delay=30)
    wait_for("the title typed", lambda: content_of(title) == TITLE)
    type_more(app, body, FIRST, FIRST)
    app.shown("the note saved", label(SAVED))
    lock = Lock()
    type_more(app, body, typed, FIRST + typed)
    app.shown("the banner saying the notes are not saved", label(REFUSED), timeout=30)
    return lock


def main():
    env = dict(os.environ)
    # The refused saves are logged as warnings, as they should be: not fatal here.
    env["G_DEBUG"] = "fatal-criticals"
    logpath = os.path.join(SHOTS, "delegate.log")
    with ui.Run(shots) as run:
        # The rescue file can be written: it is named, and holds the words.
        run.app = ui.App(EXE, env, logpath)
        run.lock = refuse_and_type(run.app, SECOND)
        text = held(run.app, KEPT)
        shots.take("kept")
        path = text[len(KEPT):].split(",")[0]
        if not path.startswith(RESCUE_DIR + os.sep) or not os.path.isfile(path):
            raise Failure(f"the toast names {path!r}, which is no file in {RESCUE_DIR}")
        with open(path, encoding="utf-8") as f:
            kept = json.dumps(json.load(f), ensure_ascii=False)
        if FIRST + SECOND not in kept:
            raise Failure(f"{path} does not hold the text typed: {kept}")
        log(f"the first Ctrl+Q is held, naming {path}, which holds the text")
        run.app.quit(timeout=30)
        if not os.path.isfile(path):
            raise Failure(f"{path} is gone after closing")
        log("the second Ctrl+Q closes, and the copy stays")
        run.app = None
        run.lock.release()
        run.lock = None
        os.unlink(path)

        # Not even a copy can be written (its folder is a file): said plainly, and the
        # second Ctrl+Q still closes.
        for name in os.listdir(RESCUE_DIR):
            os.unlink(os.path.join(RESCUE_DIR, name))
        os.rmdir(RESCUE_DIR)
        with open(RESCUE_DIR, "w", encoding="utf-8") as f:
            f.write("not a folder\n")
        run.app = ui.App(EXE, env, logpath)
        run.lock = refuse_and_type(run.app, THIRD)
        held(run.app, LOST)
        shots.take("lost")
        log("with no copy possible, the first Ctrl+Q says so plainly")
        run.app.quit(timeout=30)
        log("and the second Ctrl+Q still closes")


if __name__ == "__main__":
    ui.run_test(main)
