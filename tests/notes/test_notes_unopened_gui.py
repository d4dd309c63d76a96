#!/usr/bin/python3
"""Notes typed while the saved data could not be opened at start: not lost, and never called saved.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_notes_unopened_gui.py DELEGATE SCREENSHOT_DIR

Delegate starts while another program holds its SQLite file in exclusive locking mode (a
database browser, a backup tool): it waits 5 s, gives up and runs on a copy in memory, saying
that changes will not be kept but for the notes. Until 4 December a note typed then said "All
changes saved" and was gone at the next start. As a person would, through the accessibility tree and the keyboard:
- Ctrl+N starts a note, typed: the banner says the notes are not saved, and why;
- the other program lets go: the note is saved by itself, "All changes saved", and the notes
  written before this start are listed beside it (until 4 December only at the next start);
- Ctrl+Q quits at once, and the next start has every word.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import content_of, label, log, named, wait_for, xdo  # noqa: E402
from store_lock import ExclusiveMode  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
TITLE = "Kupang water board"
TEXT = "Tariffs by district. Ask for the 2018 audit."
EARLIER = "Waste bank visit"  # a note written in a start before, when the file opened
REFUSED = "Your notes are not saved"  # the banner
NOT_SAVED = "Not saved"  # the note's status line
SAVED = "All changes saved"

shots = ui.Screenshots(SHOTS)


def main():
    env = dict(os.environ)
    # The store that could not be opened and the refused saves are logged as warnings, as
    # they should be: not fatal here.
    env["G_DEBUG"] = "fatal-criticals"
    logpath = os.path.join(SHOTS, "delegate.log")
    with ui.Run(shots) as run:
        # A first start makes the file, and a note in it.
        run.app = ui.App(EXE, env, logpath)
        xdo("key", "--clearmodifiers", "ctrl+n")
        title = run.app.shown("the note title entry", named("Note title"))
        ui.type_text(EARLIER, delay=30)
        wait_for("the earlier note's title typed", lambda: content_of(title) == EARLIER)
        run.app.shown("the earlier note saved", label(SAVED))
        run.app.quit()
        run.app = None

        run.lock = ExclusiveMode()
        # The app waits 5 s for the file, then starts on a copy in memory.
        run.app = ui.App(EXE, env, logpath)
        xdo("key", "--clearmodifiers", "ctrl+n")
        title = run.app.shown("the note title entry", named("Note title"))
        ui.type_text(TITLE, delay=30)
        wait_for("the title typed", lambda: content_of(title) == TITLE)
        xdo("key", "Return")
        body = run.app.shown("the note text", named("Note text"))
        ui.type_text(TEXT, delay=30)
        wait_for(lambda: f"the text typed (the note holds {content_of(body)!r})",
                 lambda: content_of(body) == TEXT)
        run.app.shown("the note's status to say it is not saved", label(NOT_SAVED), timeout=20)
        run.app.shown("the banner saying the notes are not saved", label(REFUSED))
        shots.take("not-opened")
        log("with the saved data not opened, a note typed is not called saved")

        # The other program lets go: the retry opens the file and saves the note.
        run.lock.release()
        run.lock = None
        run.app.shown("the note saved once the file opens", label(SAVED), timeout=30)
        log("once the file opens, the note is saved by itself")
        lst = run.app.shown("the Notes list", named("Notes", ui.LISTS))
        run.app.shown(f"the note written before this start, {EARLIER!r}, in the list",
                      lambda a: ui.text_of(a) == EARLIER, root=lst)
        run.app.shown(f"the note written now, {TITLE!r}, in the list",
                      lambda a: ui.text_of(a) == TITLE, root=lst)
        shots.take("opened")
        log("once the file opens, the notes written before this start are listed too")
        run.app.quit()
        run.app = None

        run.app = ui.App(EXE, env, logpath)
        xdo("key", "--clearmodifiers", "ctrl+4")
        lst = run.app.shown("the Notes list", named("Notes", ui.LISTS))
        row = run.app.shown(f"the note {TITLE!r}", lambda a: ui.text_of(a) == TITLE, root=lst)
        ui.click(row)
        body = run.app.shown("the note text", named("Note text"))
        wait_for(lambda: f"every word after the restart (the note holds {content_of(body)!r})",
                 lambda: content_of(body) == TEXT)
        log("after a restart, the note holds every word typed while the file was not opened")
        run.app.quit()
        run.app = None


if __name__ == "__main__":
    ui.run_test(main)
