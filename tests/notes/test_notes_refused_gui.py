#!/usr/bin/python3
"""Notes the store refuses: the app stays open until they are saved or the delegate insists.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_notes_refused_gui.py DELEGATE SCREENSHOT_DIR

The store is made to refuse writes as a full disk or another program would: the test holds an
exclusive lock on the app's own SQLite file (the app waits 5 s for it, then gives up). As a
person would, through the accessibility tree and the keyboard:
- Ctrl+N starts a note, typed and saved;
- with the store locked, more is typed: the banner "Your notes are not saved" appears;
- Ctrl+Q does not quit: the app stays, on its Notes page, the banner showing;
- the lock goes: the note is saved by itself, "All changes saved";
- the store is locked again and more typed: Ctrl+Q warns again (a warning given once is not
  a licence to drop later text);
- the lock goes, Ctrl+Q quits, and the next start has every word.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import click, content_of, label, log, named, wait_for, xdo  # noqa: E402
from refusing_store import editor, type_more  # noqa: E402
from store_lock import Lock  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
TITLE = "Semarang financing"
FIRST = "Bonds for the ring road."
SECOND = " Ask about the land fund."
THIRD = " And the bus lanes."
REFUSED = "Your notes are not saved"  # the banner
NOT_SAVED = "Not saved"  # the note's status line
SAVED = "All changes saved"

shots = ui.Screenshots(SHOTS)


def quit_refused(app):
    """Ctrl+Q while the store refuses the notes: the app saves (waiting for the lock), says so
    and stays open on its Notes page."""
    # The quit waits up to 5 s for the store, on the main thread; then the app answers again.
    app.quit_held("the note's status to say it is not saved", label(NOT_SAVED), timeout=20,
                  linger=1)
    notes_tab = app.shown("the Notes page's switcher", named("Notes", ui.BUTTONS))
    wait_for("the Notes page to be shown", lambda: ui.selected(notes_tab))


def main():
    env = dict(os.environ)
    # The refused saves are logged as warnings, as they should be: not fatal here.
    env["G_DEBUG"] = "fatal-criticals"
    logpath = os.path.join(SHOTS, "delegate.log")
    with ui.Run(shots) as run:
        run.app = ui.App(EXE, env, logpath)
        xdo("key", "--clearmodifiers", "ctrl+n")
        title, body = editor(run.app)
        ui.type_text(TITLE, delay=30)
        wait_for("the title typed", lambda: content_of(title) == TITLE)
        type_more(run.app, body, FIRST, FIRST)
        run.app.shown("the note saved", label(SAVED))
        log("a note is typed and saved")

        # The store refuses: the banner says so, and Ctrl+Q keeps the app open.
        run.lock = Lock()
        type_more(run.app, body, SECOND, FIRST + SECOND)
        run.app.shown("the banner saying the notes are not saved", label(REFUSED), timeout=20)
        run.app.shown("the note's status to say it is not saved", label(NOT_SAVED))
        shots.take("refused")
        quit_refused(run.app)
        log("with the store refusing the notes, Ctrl+Q keeps the app open and says why")

        # The store takes writes again: the retry saves the note without another key.
        run.lock.release()
        run.lock = None
        # (GTK 4.8 leaves the hidden banner's size in the accessibility tree: the status line
        # tells.)
        run.app.shown("the note saved once the store takes it", label(SAVED), timeout=20)
        log("once the store takes writes again, the note is saved by itself")

        # Refused again, later: Ctrl+Q warns again.
        run.lock = Lock()
        type_more(run.app, body, THIRD, FIRST + SECOND + THIRD)
        run.app.shown("the note's status to say it is not saved again", label(NOT_SAVED),
                      timeout=20)
        quit_refused(run.app)
        log("refused again later, Ctrl+Q warns again")

        run.lock.release()
        run.lock = None
        run.app.shown("the note saved", label(SAVED), timeout=20)
        run.app.quit()

        run.app = ui.App(EXE, env, logpath)
        xdo("key", "--clearmodifiers", "ctrl+4")
        lst = run.app.shown("the Notes list", named("Notes", ui.LISTS))
        row = run.app.shown(f"the note {TITLE!r}", lambda a: ui.text_of(a) == TITLE, root=lst)
        click(row)
        title, body = editor(run.app)
        wait_for(lambda: f"every word after the restart (the note holds {content_of(body)!r})",
                 lambda: content_of(body) == FIRST + SECOND + THIRD)
        log("after a restart, the note holds every word typed while the store refused it")
        run.app.quit()


if __name__ == "__main__":
    ui.run_test(main)
